import Foundation

/// The findings of each file's rules kept between builds, so an incremental
/// build lints only the files that changed.
///
/// A file's findings (after config severities and inline suppressions) are
/// a function of: the file's bytes (its git blob id, `Postmortem.contentID`)
/// and path; its git history (the late-draft rule reads its first commit);
/// the config (every setting comes from its text: rule settings, people,
/// teams, blameless terms, section names); the schema; today (overdue action
/// items); the names of everyone who committed (the blameless rules treat
/// them as people); and the tool's build. The key of a file is the blob id
/// of all of these. Repository rules (duplicate ids, unknown related ids)
/// look at every file, cost little, and always run. A file compared with a
/// base revision (`--changed-since`) is never cached.
///
/// The cache is one JSON file (`.postmortem-cache/lint.json`): reading one
/// file is cheaper than reading thousands. `save` rewrites it with the
/// entries this run used, so it holds one run's files and does not grow.
final class LintCache: @unchecked Sendable {
    let file: URL
    private let salt: [UInt8]
    /// Entries read from the file: key → findings without their path.
    private let stored: [String: [StoredFinding]]
    private let lock = NSLock()
    /// Entries this run used or made.
    private var kept: [String: [StoredFinding]] = [:]
    private var changed = false

    /// A finding as stored: everything but the file, which the key's path gives.
    private struct StoredFinding {
        var line: Int
        var column: Int
        var severity: Severity
        var rule: String
        var message: String
        var suggestion: String?
    }

    static func defaultFile(root: URL) -> URL {
        root.appendingPathComponent(".postmortem-cache/lint.json")
    }

    init(file: URL, context: RuleContext) {
        self.file = file
        var salt: [UInt8] = []
        CanonicalBytes.append(ToolBuild.identity, to: &salt)
        CanonicalBytes.append(context.config.sourceText, to: &salt)
        CanonicalBytes.append(context.schema.digest, to: &salt)
        CanonicalBytes.append(context.today.description, to: &salt)
        CanonicalBytes.append(.array(context.history.authorNames.sorted().map(JSONValue.string)), to: &salt)
        self.salt = salt
        stored = LintCache.read(file)
    }

    /// The key of a file's findings, or nil when it must be linted anyway
    /// (no blob id, or a base version to compare with).
    func key(for postmortem: Postmortem, in context: RuleContext) -> String? {
        guard let contentID = postmortem.contentID, context.base[postmortem.path] == nil else { return nil }
        var bytes = salt
        CanonicalBytes.append(postmortem.path, to: &bytes)
        CanonicalBytes.append(contentID, to: &bytes)
        for commit in context.history.history(of: postmortem.path)?.commits ?? [] {
            CanonicalBytes.append(commit.id, to: &bytes)
        }
        return bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }

    /// The findings stored for `key`, with `path` as their file.
    func findings(for key: String, path: String) -> [Finding]? {
        guard let found = stored[key] else { return nil }
        lock.lock()
        kept[key] = found
        lock.unlock()
        return found.map {
            Finding(file: path, line: $0.line, column: $0.column, severity: $0.severity, rule: $0.rule,
                    message: $0.message, suggestion: $0.suggestion)
        }
    }

    func store(_ findings: [Finding], for key: String) {
        let entry = findings.map {
            StoredFinding(line: $0.line, column: $0.column, severity: $0.severity, rule: $0.rule, message: $0.message,
                          suggestion: $0.suggestion)
        }
        lock.lock()
        kept[key] = entry
        changed = true
        lock.unlock()
    }

    /// Writes the entries this run used, when they differ from the file's.
    /// A cache that cannot be written only makes the next run slower, so
    /// failures are ignored.
    func save() {
        lock.lock()
        defer { lock.unlock() }
        guard changed || kept.count != stored.count else { return }
        let files = kept.mapValues { findings -> JSONValue in
            .array(findings.map { finding in
                .array([.integer(finding.line), .integer(finding.column), .string(finding.severity.rawValue), .string(finding.rule),
                        .string(finding.message), finding.suggestion.map(JSONValue.string) ?? .null])
            })
        }
        let json = JSONValue.object(["format": .integer(LintCache.format), "files": .object(files)])
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        var bytes: [UInt8] = []
        json.write(to: &bytes, pretty: false, indent: 0)
        try? PlainFileWriter.writeAtomically(Data(bytes), to: file.path)
    }

    /// Bumped when the stored form changes; a file of another format is ignored.
    private static let format = 1

    /// The entries of `file`; none when it is missing, unreadable or of another format.
    private static func read(_ file: URL) -> [String: [StoredFinding]] {
        guard let data = FileManager.default.contents(atPath: file.path),
              let json = try? JSONValue(jsonData: data), json.objectValue?["format"] == .integer(format),
              let files = json.objectValue?["files"]?.objectValue else { return [:] }
        var entries: [String: [StoredFinding]] = [:]
        entries.reserveCapacity(files.count)
        for (key, value) in files {
            guard let items = value.arrayValue else { return [:] }
            var findings: [StoredFinding] = []
            for item in items {
                guard let fields = item.arrayValue, fields.count == 6, case .integer(let line) = fields[0],
                      case .integer(let column) = fields[1], let severity = fields[2].stringValue.flatMap(Severity.init(rawValue:)),
                      let rule = fields[3].stringValue, let message = fields[4].stringValue else { return [:] }
                findings.append(StoredFinding(line: line, column: column, severity: severity, rule: rule, message: message,
                                              suggestion: fields[5].stringValue))
            }
            entries[key] = findings
        }
        return entries
    }
}
