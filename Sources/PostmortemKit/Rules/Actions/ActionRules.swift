/// A postmortem has action items.
struct ActionsNoneRule: Rule {
    static let description = RuleDescription(
        id: "actions/none",
        summary: "The Action Items section lists at least one action item.",
        rationale: "A postmortem without action items is an incident report: nothing changes, and the incident comes back.",
        defaultSeverity: .error,
        fires: [
            .section(.actionItems, "↓No follow-up work was identified."),
            .section(.actionItems, "None for now.\n\n↓| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|"),
        ],
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline)")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let section = postmortem.section(.actionItems), !section.isEmpty else { return [] }
        if let table = postmortem.actionTable {
            guard table.rows.isEmpty else { return [] }
            return [finding(postmortem, at: table.location, "the action-item table has no rows",
                            suggestion: "Add at least one action that prevents, detects or mitigates a recurrence, with an owner and a due date.")]
        }
        // Without a table, a list still counts as items (reported by actions/table);
        // prose alone ("none needed") means there are none.
        let hasList = section.blocks.contains { block in
            if case .list = block.kind { return true }
            return false
        }
        guard !hasList else { return [] }
        let location = section.blocks.first { !$0.isComment }?.start ?? section.location
        return [finding(postmortem, at: location, "no action items",
                        suggestion: "Add a table with at least one action that prevents, detects or mitigates a recurrence.")]
    }
}

/// Action items are a table with the required columns.
struct ActionsTableRule: Rule {
    static let requiredColumns = ["action", "owner"]

    static let description = RuleDescription(
        id: "actions/table",
        summary: "Action Items is a table with at least the columns Action and Owner (and usually Priority, Due, Status).",
        rationale: "A table is what the tool can track: owners, due dates and status feed `postmortem actions` and the site.",
        defaultSeverity: .error,
        fires: [
            .section(.actionItems, "↓- Compare query plans in CI (@alice)"),
            .section(.actionItems, "↓| Action | Priority | Due | Status |\n|---|---|---|---|\n| Compare query plans in CI | P1 | 2025-04-30 | done |"),
        ],
        passes: [.section(.actionItems, "| Owner | Action | Status | Due | Priority |\n|---|---|---|---|---|\n| @alice | Compare query plans in CI | done | 2025-04-30 | P1 |")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let section = postmortem.section(.actionItems), !section.isEmpty else { return [] }
        guard let table = postmortem.actionTable else {
            let location = section.blocks.first { !$0.isComment }?.start ?? section.location
            return [finding(postmortem, at: location, "Action Items has no table",
                            suggestion: "Use a table: | Action | Owner | Priority | Due | Status |")]
        }
        let missing = ActionsTableRule.requiredColumns.filter { !table.columns.contains($0) }
        guard !missing.isEmpty else { return [] }
        return [finding(postmortem, at: table.location,
                        "the action-item table has no \(missing.map { "\"\($0.capitalized)\"" }.joined(separator: " or ")) column",
                        suggestion: "Columns: Action, Owner (required), Priority, Due, Status, and optionally Type and Ticket.")]
    }
}

/// Every action item has an owner.
struct ActionsMissingOwnerRule: Rule {
    static let description = RuleDescription(
        id: "actions/missing-owner",
        summary: "Every action item has an owner (a handle such as @alice or @org/team).",
        rationale: "An action item without an owner is not done.",
        defaultSeverity: .error,
        fires: [.section(.actionItems, "| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|\n↓| Compare query plans in CI |  | P1 | 2025-04-30 | open |")],
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline)")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let table = postmortem.actionTable, table.columns.contains("owner") else { return [] }
        return table.rows.filter { $0.owner == nil }.map { row in
            finding(postmortem, at: row.location, "action item \"\(row.action ?? "(untitled)")\" has no owner",
                    suggestion: "Name one person or team (@handle) who will see it through.")
        }
    }
}

/// Owners are on the roster, when the config has one.
struct ActionsUnknownOwnerRule: Rule {
    static let description = RuleDescription(
        id: "actions/unknown-owner",
        summary: "With a roster in .postmortem.yml (people, teams), every owner is a known person or team.",
        rationale: "Owners who left or never existed mean nobody gets reminded.",
        defaultSeverity: .error,
        fires: [], // needs a roster; covered by config tests
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline)")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard context.config.hasRoster, let table = postmortem.actionTable else { return [] }
        return table.rows.compactMap { row in
            guard let owner = row.owner, owner.hasPrefix("@"), !context.knownOwners.contains(owner.lowercased()) else { return nil }
            return finding(postmortem, at: row.location(ofColumn: "owner"), "owner \(owner) is not in the roster",
                           suggestion: "Use a handle from `people` or `teams` in .postmortem.yml, or add this one there.")
        }
    }
}

/// Each row satisfies `#/$defs/actionItem` of the schema.
struct ActionsInvalidRule: Rule {
    static let pointer = "#/$defs/actionItem"

    static let description = RuleDescription(
        id: "actions/invalid",
        summary: "Each action-item row satisfies `#/$defs/actionItem` in the schema: priority P0–P3, due YYYY-MM-DD, status open/in-progress/done/wont-do, owner a handle.",
        rationale: "The schema governs action items too, so a team changes the allowed values in one place.",
        defaultSeverity: .error,
        fires: [
            .section(.actionItems, "| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|\n| Compare query plans in CI | @alice | ↓urgent | 2025-04-30 | done |"),
            .section(.actionItems, "| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|\n| Compare query plans in CI | @alice | P1 | ↓next week | done |"),
        ],
        passes: [.section(.actionItems, "| Action | Owner | Priority | Due | Status | Type |\n|---|---|---|---|---|---|\n| Compare query plans in CI | @payments/platform | P0 | 2025-04-30 | in-progress | prevent |")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let table = postmortem.actionTable, let schema = context.actionItemSchema else { return [] }
        var findings: [Finding] = []
        for row in table.rows {
            for violation in schema.validate(row.json) {
                let column = violation.missingProperty ?? String(violation.instancePointer.dropFirst().split(separator: "/").first ?? "")
                // A missing owner is its own rule; don't report it twice.
                if violation.missingProperty == "owner" { continue }
                let name = column.isEmpty ? "row" : "\(column.capitalized)"
                findings.append(finding(postmortem, at: row.location(ofColumn: column),
                                        "action item \"\(row.action ?? "(untitled)")\": \(name) \(violation.message)"))
            }
        }
        return findings
    }
}

/// Open items past their due date.
struct ActionsOverdueRule: Rule {
    static let description = RuleDescription(
        id: "actions/overdue",
        summary: "Open and in-progress action items are not past their due date (today comes from --today, `today:` in the config, or the clock).",
        rationale: "If nobody checks whether action items were completed, the postmortem becomes shelf-ware.",
        defaultSeverity: .warning,
        fires: [.section(.actionItems, "| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|\n| Compare query plans in CI | @alice | P1 | ↓2025-04-30 | open |")],
        passes: [
            .section(.actionItems, "| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|\n| Compare query plans in CI | @alice | P1 | 2025-04-30 | done |"),
            .section(.actionItems, "| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|\n| Compare query plans in CI | @alice | P1 | 2099-04-30 | open |"),
        ])
    static let readsToday = true

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let table = postmortem.actionTable else { return [] }
        return table.rows.compactMap { row in
            guard row.isOutstanding, let due = row.dueDate, due < context.today else { return nil }
            let days = context.today.daysSince1970 - due.daysSince1970
            return finding(postmortem, at: row.location(ofColumn: "due"),
                           "action item \"\(row.action ?? "(untitled)")\" (\(row.owner ?? "no owner")) is \(row.status ?? "open") and \(days) day\(days == 1 ? "" : "s") overdue (due \(due))",
                           suggestion: "Finish it, or agree a new due date and update the row.")
        }
    }
}
