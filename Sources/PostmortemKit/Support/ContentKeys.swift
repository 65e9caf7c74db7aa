/// Keys of what is cached per file and depends only on the file's bytes,
/// the config and the tool (`TermCache`, `SummaryCache`): the blob id of the
/// tool's build, the config's text and the file's blob id. Section names in
/// the config decide which section is which; the build, everything else.
struct ContentKeys: Sendable {
    /// The blob id of the tool's build and the config, which every key starts with.
    private let salt: String

    init(config: Config) {
        var salt: [UInt8] = []
        CanonicalBytes.append(ToolBuild.identity, to: &salt)
        CanonicalBytes.append(config.sourceText, to: &salt)
        self.salt = salt.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }

    /// The key of the file with this blob id; nil for none.
    func key(contentID: String?) -> String? {
        guard let contentID else { return nil }
        var bytes: [UInt8] = []
        CanonicalBytes.append(salt, to: &bytes)
        CanonicalBytes.append(contentID, to: &bytes)
        return bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }
}
