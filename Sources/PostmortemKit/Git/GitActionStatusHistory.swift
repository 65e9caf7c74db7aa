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

    func doneDate(ofAction action: String, in postmortem: Postmortem) -> ActionDoneDate? {
        lock.lock()
        defer { lock.unlock() }
        let key = GitActionStatusHistory.normalise(action)
        var doneSince: ActionDoneDate?
        for (index, version) in versionsOf(postmortem).enumerated() {
            if version.rows[key] == "done" {
                // Done in the first version: it was done by then, exactly when is unknown.
                if doneSince == nil { doneSince = ActionDoneDate(date: version.date, isExact: index > 0) }
            } else {
                doneSince = nil
            }
        }
        return doneSince
    }

    /// Each committed version's action rows (normalised action → status), oldest first.
    private func versionsOf(_ postmortem: Postmortem) -> [(date: Timestamp, rows: [String: String])] {
        if let known = versions[postmortem.path] { return known }
        let commits = history.history(of: postmortem.path)?.commits.reversed() ?? []
        var result: [(date: Timestamp, rows: [String: String])] = []
        for commit in commits {
            guard let data = try? repository.file(commit.path, at: commit.id) else { continue }
            let version = parser.parse(path: postmortem.path, bytes: data)
            var rows: [String: String] = [:]
            for row in version.actionTable?.rows ?? [] {
                if let action = row.action { rows[GitActionStatusHistory.normalise(action)] = row.status ?? "open" }
            }
            result.append((commit.date, rows))
        }
        versions[postmortem.path] = result
        return result
    }

    static func normalise(_ action: String) -> String {
        action.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
