import Foundation

/// Reads a postmortem's earlier versions from git to tell when each action
/// item was marked done.
final class GitActionStatusHistory: ActionStatusHistory, @unchecked Sendable {
    private let repository: GitRepository
    private let history: any PostmortemHistory
    private let parser: PostmortemParser
    /// GitRepository is not thread-safe; callers may be.
    private let lock = NSLock()
    private var versions: [String: [(date: Timestamp, rows: [String: String])]] = [:]

    init(repository: GitRepository, history: any PostmortemHistory, parser: PostmortemParser) {
        self.repository = repository
        self.history = history
        self.parser = parser
    }

    func doneDate(ofAction action: String, inFileAt path: String) -> ActionDoneDate? {
        let key = GitActionStatusHistory.normalise(action)
        var doneSince: ActionDoneDate?
        for (index, version) in versionsOf(path).enumerated() {
            if version.rows[key] == "done" {
                // Done in the first version: it was done by then, exactly when is unknown.
                if doneSince == nil { doneSince = ActionDoneDate(date: version.date, isExact: index > 0) }
            } else {
                doneSince = nil
            }
        }
        return doneSince
    }

    /// Each committed version's action rows (normalised action → status),
    /// oldest first. Only reading from git holds the lock: the versions are
    /// parsed outside it, so callers on several threads parse side by side
    /// (two threads may both parse one file the first time; they get the same rows).
    private func versionsOf(_ path: String) -> [(date: Timestamp, rows: [String: String])] {
        lock.lock()
        if let known = versions[path] {
            lock.unlock()
            return known
        }
        let commits = history.history(of: path)?.commits.reversed() ?? []
        var files: [(date: Timestamp, data: Data)] = []
        for commit in commits {
            guard let data = try? repository.file(commit.path, at: commit.id) else { continue }
            files.append((commit.date, data))
        }
        lock.unlock()
        var result: [(date: Timestamp, rows: [String: String])] = []
        for (date, data) in files {
            let version = parser.parse(path: path, bytes: data)
            var rows: [String: String] = [:]
            for row in version.actionTable?.rows ?? [] {
                if let action = row.action { rows[GitActionStatusHistory.normalise(action)] = row.status ?? "open" }
            }
            result.append((date, rows))
        }
        lock.lock()
        versions[path] = result
        lock.unlock()
        return result
    }

    /// Lower-cased, with runs of whitespace made one space and none at either end.
    static func normalise(_ action: String) -> String {
        var action = action
        if let ascii = action.withUTF8({ normaliseASCII($0) }) { return ascii }
        return unicodeNormalise(action)
    }

    /// `unicodeNormalise` for ASCII text, on bytes (Characters cost hundreds
    /// of instructions each, and the recurrence analysis asks for every action
    /// of every earlier incident); nil when the text is not all ASCII. In
    /// ASCII every Character is one byte but "\r\n", and both are whitespace.
    static func normaliseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte == 32 || (byte >= 9 && byte <= 13) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(32)
                pendingSpace = false
            }
            out.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unicodeNormalise(_ action: String) -> String {
        action.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
