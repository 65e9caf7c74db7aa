import Foundation

/// The findings of each file's rules kept between builds, so an incremental
/// build lints only the files that changed.
///
/// A file's findings (after config severities and inline suppressions) are
/// a function of: the file's bytes (its git blob id, `Postmortem.contentID`)
/// and path; its git history (the late-draft rule reads its first commit);
/// the config (every setting comes from its text: rule settings, people,
/// teams, blameless terms, section names); the schema; the names of
/// everyone who committed (the blameless rules treat them as people); and
/// the tool's build. The key of a file is the blob id of all of these.
/// Today is not in it, so the findings last from one day to the next: the
/// rules that read today (`Rule.readsToday`, overdue action items) are not
/// cached and run on every lint, from the file's summary. Repository rules
/// (duplicate ids, unknown related ids) look at every file, cost little,
/// and always run. A file compared with a base revision (`--changed-since`)
/// is never cached.
///
/// The cache is one file (`.postmortem-cache/lint.tsv`): reading one file
/// is cheaper than reading thousands. `save` appends the entries this run
/// made, or rewrites the file with those it used (`CacheFileGrowth`).
final class LintCache: @unchecked Sendable {
    let file: URL
    /// The blob id of what every file's findings depend on (the tool, config,
    /// schema, committers), which each key starts with.
    private let salt: String
    /// Entries read from the file: key → findings. The file a finding is in
    /// is not stored (the key's path gives it): read findings have "" there.
    private let stored: [String: [Finding]]
    /// Entries in the file (a key appended twice counts twice), and whether it was read whole.
    private let entriesInFile: Int
    private let intact: Bool
    private let lock = NSLock()
    /// Entries this run used or made, and the keys of those it made.
    private var kept: [String: [Finding]] = [:]
    private var made = Set<String>()

    /// The cache file beside the page cache's folder (`.postmortem-cache/pages`).
    static func file(cacheFolder: URL) -> URL {
        cacheFolder.deletingLastPathComponent().appendingPathComponent("lint.tsv")
    }

    init(file: URL, context: RuleContext) {
        self.file = file
        var salt: [UInt8] = []
        CanonicalBytes.append(ToolBuild.identity, to: &salt)
        CanonicalBytes.append(context.config.sourceText, to: &salt)
        CanonicalBytes.append(context.schema.digest, to: &salt)
        CanonicalBytes.append(.array(context.history.authorNames.sorted().map(JSONValue.string)), to: &salt)
        self.salt = salt.withUnsafeBytes { GitRepository.blobID(of: $0) }
        if let read = LintCache.read(file) {
            (stored, entriesInFile, intact) = (read.entries, read.entriesInFile, true)
        } else {
            (stored, entriesInFile, intact) = ([:], 0, false)
        }
    }

    /// The key of a file's findings, or nil when it must be linted anyway
    /// (no blob id, or a base version to compare with).
    func key(for postmortem: Postmortem, in context: RuleContext) -> String? {
        guard let contentID = postmortem.contentID, context.base[postmortem.path] == nil else { return nil }
        var bytes: [UInt8] = []
        CanonicalBytes.append(salt, to: &bytes)
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
        return found.map { finding in
            var finding = finding
            finding.file = path
            return finding
        }
    }

    func store(_ findings: [Finding], for key: String) {
        lock.lock()
        kept[key] = findings
        made.insert(key)
        lock.unlock()
    }

    /// Appends the entries this run made, or rewrites the file with those
    /// it used (`CacheFileGrowth`). A cache that cannot be written only
    /// makes the next run slower, so failures are ignored.
    func save() {
        lock.lock()
        defer { lock.unlock() }
        guard !made.isEmpty || kept.count != stored.count else { return }
        CacheFileGrowth.save(file, header: LintCache.header, intact: intact, entriesInFile: entriesInFile, used: kept.count - made.count,
                             made: made.count, newEntries: { emit in entries(made, to: emit) },
                             allEntries: { emit in entries(Set(kept.keys), to: emit) })
    }

    /// The lines of the entries of `keys`, in key order.
    private func entries(_ keys: Set<String>, to emit: (inout [UInt8]) -> Void) {
        var bytes: [UInt8] = []
        for key in keys.sorted() {
            if bytes.count >= CacheFileGrowth.chunkBytes { emit(&bytes) }
            let findings = kept[key]!
            bytes += "\(key)\t\(findings.count)\n".utf8
            for finding in findings {
                bytes += "\(finding.line)\t\(finding.column)\t\(finding.severity.rawValue)\t".utf8
                LintCache.appendEscaped(finding.rule, to: &bytes)
                bytes.append(9)
                LintCache.appendEscaped(finding.message, to: &bytes)
                bytes.append(9)
                if let suggestion = finding.suggestion {
                    bytes.append(UInt8(ascii: "+"))
                    LintCache.appendEscaped(suggestion, to: &bytes)
                }
                bytes.append(10)
            }
        }
        emit(&bytes)
    }

    // MARK: The file

    // Lines of tab-separated fields, read byte by byte: reading this file
    // through JSONSerialization took 4 % of an incremental build. After the
    // header, each entry is "key<TAB>count" and then one line per finding:
    // line, column, severity, rule, message and "+suggestion" (empty: none),
    // with backslash, tab, newline and carriage return escaped.

    /// The first line; a file with another is ignored (bump it when the form changes).
    private static let header = "postmortem lint cache 2\n"

    private static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [92, 92]
            case 9: bytes += [92, UInt8(ascii: "t")]
            case 10: bytes += [92, UInt8(ascii: "n")]
            case 13: bytes += [92, UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
    }

    private static func unescaped(_ field: ArraySlice<UInt8>) -> String {
        guard field.contains(92) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var escaping = false
        for byte in field {
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): bytes.append(9)
                case UInt8(ascii: "n"): bytes.append(10)
                case UInt8(ascii: "r"): bytes.append(13)
                default: bytes.append(byte)
                }
                escaping = false
            } else if byte == 92 {
                escaping = true
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The entries of `file` and how many it holds (appended ones follow
    /// the others); nil when it is missing, of another form, or damaged anywhere.
    private static func read(_ file: URL) -> (entries: [String: [Finding]], entriesInFile: Int)? {
        guard let data = CacheFileGrowth.contents(of: file) else { return nil }
        let bytes = [UInt8](data)
        let header = Array(LintCache.header.utf8)
        // Every line ends with a newline: a file cut short within a line is damaged.
        guard bytes.starts(with: header), bytes.last == 10 else { return nil }
        var lines = bytes[header.count...].split(separator: 10, omittingEmptySubsequences: false)[...]
        if lines.last?.isEmpty == true { lines.removeLast() }
        func integer(_ field: ArraySlice<UInt8>) -> Int? { Int(String(decoding: field, as: UTF8.self)) }
        var entries: [String: [Finding]] = [:]
        var entriesInFile = 0
        while let line = lines.popFirst() {
            let head = line.split(separator: 9, omittingEmptySubsequences: false)
            guard head.count == 2, let count = integer(head[1]), count >= 0, lines.count >= count else { return nil }
            var findings: [Finding] = []
            findings.reserveCapacity(count)
            for _ in 0..<count {
                let fields = lines.popFirst()!.split(separator: 9, omittingEmptySubsequences: false)
                guard fields.count == 6, let line = integer(fields[0]), let column = integer(fields[1]),
                      let severity = Severity(rawValue: String(decoding: fields[2], as: UTF8.self)) else { return nil }
                let suggestion = fields[5].first == UInt8(ascii: "+") ? unescaped(fields[5].dropFirst()) : nil
                findings.append(Finding(file: "", line: line, column: column, severity: severity, rule: unescaped(fields[3]),
                                        message: unescaped(fields[4]), suggestion: suggestion))
            }
            entries[String(decoding: head[0], as: UTF8.self)] = findings
            entriesInFile += 1
        }
        return (entries, entriesInFile)
    }
}
