/// One action-item row with the postmortem it belongs to and where it stands
/// today, as `postmortem actions` and a scheduled follow-up job see it.
public struct TrackedActionItem: Sendable, Hashable {
    public var postmortemID: String?
    public var postmortemTitle: String?
    /// The postmortem's path, relative to the repository root.
    public var file: String
    /// The row's line in that file.
    public var line: Int
    public var services: [String]
    public var severity: String?
    public var action: String
    public var owner: String?
    /// Upper-cased, e.g. "P1".
    public var priority: String?
    /// As written (valid or not); `dueDate` when it is a date.
    public var due: String?
    public var dueDate: LocalDate?
    /// Lower-case and hyphenated; a row without a status counts as "open".
    public var status: String
    public var type: String?
    public var ticket: String?
    /// Days from the postmortem's `resolved` (else `started`) date to today; nil without either.
    public var ageDays: Int?
    /// Open or in progress and due before today.
    public var isOverdue: Bool
    /// Days past the due date when overdue, else nil.
    public var daysOverdue: Int?

    /// Open or in progress.
    public var isOutstanding: Bool { status == "open" || status == "in-progress" }

    /// Every row of every postmortem's action table, in repository order.
    public static func collect(from postmortems: [Postmortem], today: LocalDate) -> [TrackedActionItem] {
        postmortems.flatMap { postmortem in
            (postmortem.actionTable?.rows ?? []).map { row in
                let status = row.status ?? "open"
                let outstanding = row.isOutstanding
                let overdueBy = row.dueDate.map { today.daysSince1970 - $0.daysSince1970 }
                let isOverdue = outstanding && (overdueBy ?? 0) > 0
                let reference = postmortem.resolved ?? postmortem.started
                return TrackedActionItem(
                    postmortemID: postmortem.id, postmortemTitle: postmortem.title, file: postmortem.path,
                    line: row.location.line, services: postmortem.frontMatter?.strings("services") ?? [],
                    severity: postmortem.frontMatter?.string("severity"), action: row.action ?? "(untitled)",
                    owner: row.owner, priority: row.priority?.uppercased(), due: row.due, dueDate: row.dueDate,
                    status: status, type: row.type, ticket: row.ticket,
                    ageDays: reference.map { max(0, today.daysSince1970 - $0.localDate.daysSince1970) },
                    isOverdue: isOverdue, daysOverdue: isOverdue ? overdueBy : nil)
            }
        }
    }

    /// Due date first (undated last), then postmortem id, file and line: the
    /// order a follow-up meeting walks the list in.
    public static func byDueDate(_ a: TrackedActionItem, _ b: TrackedActionItem) -> Bool {
        switch (a.dueDate, b.dueDate) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if (a.postmortemID ?? "") != (b.postmortemID ?? "") { return (a.postmortemID ?? "") < (b.postmortemID ?? "") }
        if a.file != b.file { return a.file < b.file }
        return a.line < b.line
    }
}
