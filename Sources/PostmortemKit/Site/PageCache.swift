import Foundation

/// Rendered pages kept between builds, so that an incremental build renders
/// only the pages whose inputs changed.
///
/// Every key starts with the git blob id (SHA-1, `GitRepository.blobID`) of
/// the tool's build (version and a digest of its own executable, so a
/// rebuilt tool never reuses pages of an older one) and the theme (every
/// template and asset), then the template name, then one of:
///
/// - for a postmortem page, its inputs (`PageContexts.pageInputs`): the
///   blob id of its file, its path and page name, what other files give it
///   (similar incidents, history, findings, link targets) and what all pages
///   share. Nothing of the page is built to look it up, so an unchanged page
///   costs a hash of about a kilobyte and a hard link from the previous site
///   (`SiteManifest`) or a file copy;
/// - for any other page, with themes swift-mustache renders, its whole
///   context in a canonical byte form (`isWorthUsing`). Those pages list
///   many postmortems, so their inputs are most of the site anyway.
///
/// The cache is a folder of files named by key (`.postmortem-cache/pages/`
/// beside `.postmortem.yml`, git-ignored). Cached bytes are copied into the
/// new site (by the kernel), never hard-linked, so editing a built site
/// cannot corrupt the cache. After a successful build, files no page used
/// are deleted, so the cache holds the last build's pages and does not grow
/// without bound.
struct PageCache: Sendable {
    let folder: URL
    /// `folder.path`, joined to keys as strings: a URL made for every page was a visible share of a rebuild.
    private let folderPath: String
    /// The blob id of the tool's build and the theme, which every key
    /// starts with (a digest, so each key hashes 40 bytes for them rather
    /// than every template again).
    private let salt: String
    /// Keys used by this build, to prune the rest afterwards.
    private let used = KeySet()

    init(folder: URL, theme: Theme) {
        self.folder = folder
        folderPath = folder.path
        var salt: [UInt8] = []
        CanonicalBytes.append(ToolBuild.identity, to: &salt)
        for name in theme.files.keys.sorted() {
            CanonicalBytes.append(name, to: &salt)
            CanonicalBytes.append(theme.files[name]!, to: &salt)
        }
        self.salt = salt.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }

    /// The default folder for a repository whose config lives in `root`.
    static func defaultFolder(root: URL) -> URL {
        root.appendingPathComponent(".postmortem-cache/pages", isDirectory: true)
    }

    /// The key of a page rendered from `template` with `context`.
    private func key(template: String, context: JSONValue) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 * 1024)
        CanonicalBytes.append(salt, to: &bytes)
        CanonicalBytes.append(template, to: &bytes)
        CanonicalBytes.append(context, to: &bytes)
        return bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }

    /// The key of a page made with `template` from `inputs` (`PageContexts.pageInputs`).
    func key(template: String, inputs: [UInt8]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(inputs.count + 128)
        CanonicalBytes.append(salt, to: &bytes)
        CanonicalBytes.append("inputs:" + template, to: &bytes)
        bytes += inputs
        return bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }

    /// The path of the file that holds (or would hold) the page for `key`,
    /// marked as used by this build.
    func file(for key: String) -> String {
        used.insert(key)
        return SiteManifest.filePath(key, in: folderPath)
    }

    /// The cached page for `key`, if a previous build stored one.
    private func page(for key: String) -> Data? {
        FileManager.default.contents(atPath: file(for: key))
    }

    /// Stores a freshly rendered page; a cache that cannot be written only
    /// makes the next build slower, so failures are ignored.
    func store(_ contents: Data, for key: String) {
        try? PlainFileWriter.writeAtomically(contents, to: file(for: key))
    }

    /// Whether caching pages by their whole context saves work for this
    /// theme. Such a key costs about as much as the tool's own renderer
    /// takes to render the page (`ThemeRenderer`), so it only pays for themes
    /// that swift-mustache renders, several times slower. (Postmortem pages
    /// are keyed by their inputs instead, which always pays.)
    /// Measured on 1,000 generated postmortems with the built-in theme: a
    /// rebuild with nothing changed took 8.78 G instructions with the cache,
    /// 7.86 G without.
    static func isWorthUsing(for theme: Theme) -> Bool {
        theme.renderer == nil
    }

    /// `template` rendered with `context`, from the cache when an earlier
    /// build rendered the same, else rendered now and stored.
    func render(_ template: String, _ context: JSONValue, with theme: Theme) -> (contents: Data, reused: Bool) {
        let key = key(template: template, context: context)
        if let cached = page(for: key) { return (cached, true) }
        let contents = theme.renderData(template, context)
        store(contents, for: key)
        return (contents, false)
    }

    /// Creates the folder; false when it cannot be (the build then runs uncached).
    func prepare() -> Bool {
        (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil
    }

    /// Deletes every cached page this build did not use, many at once: on
    /// a disk mounted with `discard` each unlink waits for the device
    /// (`FolderRemover`), and after a build that changed every page (another
    /// day) deleting the old ten thousand one by one took 2.5 s.
    func prune() {
        let keys = used.snapshot()
        let stale = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !keys.contains($0) }
            .map { SiteManifest.filePath($0, in: folderPath) }
        FolderRemover.onThreads(stale.count) { index in
            if unlink(stale[index]) != 0 { try? FileManager.default.removeItem(atPath: stale[index]) }
        }
    }

    /// A set shared by the render threads.
    private final class KeySet: @unchecked Sendable {
        private let lock = NSLock()
        private var keys = Set<String>()

        func insert(_ key: String) {
            lock.lock()
            keys.insert(key)
            lock.unlock()
        }

        func snapshot() -> Set<String> {
            lock.lock()
            defer { lock.unlock() }
            return keys
        }
    }
}
