/// The action items `postmortem actions` lists, sorted by due date, and how
/// they render: an aligned table, JSON for scripts (the scheduled workflow
/// reads it), or CSV for Jira's CSV importer.
public struct ActionItemsReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case table, json, csv
    }

    public var items: [TrackedActionItem]
    public var today: LocalDate
    /// Prefix that turns a postmortem's path into a link (e.g.
    /// `https://github.com/org/repo/blob/main/`); nil: paths are written as they are.
    public var linkBase: String?

    /// - Parameter items: sorted here with `TrackedActionItem.byDueDate`.
    public init(items: [TrackedActionItem], today: LocalDate, linkBase: String? = nil) {
        self.items = items.sorted(by: TrackedActionItem.byDueDate)
        self.today = today
        self.linkBase = linkBase
    }

    public var overdueCount: Int { items.filter(\.isOverdue).count }

    public func render(as format: Format) -> String {
        switch format {
        case .table: return table()
        case .json: return json()
        case .csv: return csv()
        }
    }

    private func link(_ item: TrackedActionItem) -> String {
        guard let linkBase else { return item.file }
        return linkBase + item.file + "#L\(item.line)"
    }

    // MARK: Table

    private func table() -> String {
        guard !items.isEmpty else { return "No action items.\n" }
        let header = ["POSTMORTEM", "OWNER", "PRIORITY", "DUE", "STATUS", "AGE", "ACTION"]
        let rows = items.map { item in
            [item.postmortemID ?? item.file, item.owner ?? "—", item.priority ?? "—", item.due ?? "—",
             item.isOverdue ? "\(item.status), \(item.daysOverdue ?? 0) d overdue" : item.status,
             item.ageDays.map { "\($0) d" } ?? "—", item.action.onOneLine()]
        }
        // Widths in characters; the last column is not padded.
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func format(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ") + "\n"
        }
        var out = format(header)
        for row in rows { out += format(row) }
        let outstanding = items.filter(\.isOutstanding).count
        out += "\n\(items.count) action item\(items.count == 1 ? "" : "s"): \(outstanding) open or in progress, \(overdueCount) overdue (today \(today)).\n"
        return out
    }

    // MARK: JSON

    /// `{"version": 1, "today": …, "action_items": […], "summary": {…}}`, keys sorted.
    public func json() -> String {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        let list: [JSONValue] = items.map { item in
            .object([
                "postmortem": .object(["id": optional(item.postmortemID), "title": optional(item.postmortemTitle),
                                       "file": .string(item.file), "severity": optional(item.severity),
                                       "services": .array(item.services.map(JSONValue.string))]),
                "line": .integer(item.line),
                "link": .string(link(item)),
                "action": .string(item.action),
                "owner": optional(item.owner),
                "priority": optional(item.priority),
                "due": optional(item.due),
                "status": .string(item.status),
                "type": optional(item.type),
                "ticket": optional(item.ticket),
                "age_days": item.ageDays.map(JSONValue.integer) ?? .null,
                "overdue": .bool(item.isOverdue),
                "days_overdue": item.daysOverdue.map(JSONValue.integer) ?? .null,
            ])
        }
        let summary: JSONValue = .object([
            "total": .integer(items.count),
            "outstanding": .integer(items.filter(\.isOutstanding).count),
            "overdue": .integer(overdueCount),
            "done": .integer(items.filter { $0.status == "done" }.count),
        ])
        return JSONValue.object(["version": .integer(1), "today": .string(today.description),
                                 "action_items": .array(list), "summary": summary]).jsonString(pretty: true) + "\n"
    }

    // MARK: CSV

    /// Jira's priorities for P0–P3 (its defaults: Highest … Lowest).
    static let jiraPriority = ["P0": "Highest", "P1": "High", "P2": "Medium", "P3": "Low"]

    /// Columns Jira's CSV importer maps by name: Summary, Assignee, Priority,
    /// Due Date, Labels (one column per label, as Jira expects for several)
    /// and Description, which links the postmortem.
    private func csv() -> String {
        let labels = items.map(labels(for:))
        let labelColumns = max(1, labels.map(\.count).max() ?? 1)
        var out = CSV.record(["Summary", "Assignee", "Priority", "Due Date"] + Array(repeating: "Labels", count: labelColumns) + ["Description"])
        for (item, itemLabels) in zip(items, labels) {
            let assignee = item.owner.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 } ?? ""
            let priority = item.priority.map { ActionItemsReport.jiraPriority[$0] ?? $0 } ?? ""
            let padded = itemLabels + Array(repeating: "", count: labelColumns - itemLabels.count)
            out += CSV.record([item.action.onOneLine(), assignee, priority, item.dueDate?.description ?? (item.due ?? "")]
                              + padded + [description(item)])
        }
        return out
    }

    /// Jira labels cannot hold spaces.
    private func labels(for item: TrackedActionItem) -> [String] {
        let raw = ["postmortem", item.postmortemID ?? ""] + item.services + [item.type ?? ""]
        return ImportedIncident.union(raw.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: "-") }.filter { !$0.isEmpty }, [])
    }

    private func description(_ item: TrackedActionItem) -> String {
        var lines = ["Action item from postmortem \(item.postmortemID ?? item.file)"
                     + (item.postmortemTitle.map { " \"\($0)\"" } ?? "") + ": " + link(item)]
        var details = ["Status: \(item.status)"]
        if let owner = item.owner { details.append("Owner: \(owner)") }
        if let type = item.type { details.append("Type: \(type)") }
        if let ticket = item.ticket { details.append("Ticket: \(ticket)") }
        lines.append(details.joined(separator: ". ") + ".")
        return lines.joined(separator: "\n")
    }
}
