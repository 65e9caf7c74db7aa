/// Per-postmortem git history for `postmortem history`.
public struct HistoryReport: Sendable {
    public var rows: [(path: String, id: String?, history: FileHistory?, resolved: Timestamp?)]

    public init(repository: LoadedRepository) {
        rows = repository.postmortems.map { ($0.path, $0.id, repository.history.history(of: $0.path), $0.resolved) }
    }

    /// Hours from `resolved` to the first commit.
    static func draftDelay(_ history: FileHistory?, _ resolved: Timestamp?) -> Int? {
        guard let first = history?.firstCommit, let resolved else { return nil }
        return (first.date.secondsSince1970 - resolved.secondsSince1970) / 3600
    }

    public func text() -> String {
        rows.map { row in
            guard let history = row.history, let first = history.firstCommit, let last = history.lastCommit else {
                return "\(row.path)  (not committed)"
            }
            let delay = HistoryReport.draftDelay(history, row.resolved).map { ", drafted \($0) h after resolution" } ?? ""
            return "\(row.path)  \(history.commits.count) commit\(history.commits.count == 1 ? "" : "s"); first \(first.shortID) \(first.date.iso8601UTC) \(first.author)\(delay); last \(last.shortID) \(last.date.iso8601UTC) \(last.author): \(last.summary)"
        }.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        JSONValue.array(rows.map { row in
            var object: [String: JSONValue] = ["file": .string(row.path)]
            if let id = row.id { object["id"] = .string(id) }
            if let delay = HistoryReport.draftDelay(row.history, row.resolved) { object["drafted_hours_after_resolved"] = .integer(delay) }
            object["commits"] = .array((row.history?.commits ?? []).map(HistoryReport.json))
            return .object(object)
        }).jsonString(pretty: true) + "\n"
    }

    static func json(_ commit: CommitInfo) -> JSONValue {
        .object([
            "id": .string(commit.id),
            "short_id": .string(commit.shortID),
            "author": .string(commit.author),
            "date": .string(commit.date.iso8601UTC),
            "summary": .string(commit.summary),
        ])
    }
}
