/// The pull-request summary of `postmortem review --base REV`: for each
/// changed postmortem a checklist, findings with line links, durations, the
/// action items, and what changed in front matter since the base.
public struct ReviewReport: Sendable {
    public struct Check: Sendable {
        public var title: String
        public var passed: Bool
    }

    public struct FileReview: Sendable {
        public var postmortem: Postmortem
        public var isNew: Bool
        public var checks: [Check]
        public var findings: [Finding]
        /// Field → (before, after) for fields that differ from the base.
        public var frontMatterChanges: [(field: String, before: String, after: String)]
        public var durations: IncidentDurations
    }

    public var base: String
    public var files: [FileReview]
    /// Prefix for line links, e.g. `https://github.com/org/repo/blob/<sha>/`; nil: no links.
    public var linkBase: String?

    /// Groups of rules behind each checklist line, in the order shown.
    static let checklist: [(title: String, groups: [String])] = [
        ("Front matter is complete and valid", ["parse", "schema", "time", "repo", "git"]),
        ("All nine sections, in order, with content", ["structure", "summary", "rca", "impact", "length"]),
        ("Timeline is readable, in order and within the incident", ["timeline"]),
        ("Action items are in a table, owned, dated and valid", ["actions"]),
        ("Blameless language", ["blameless"]),
        ("Reviewed by someone other than the authors", ["review"]),
    ]

    public init(base: String, repository: LoadedRepository, findings: [Finding], linkBase: String?) {
        self.base = base
        self.linkBase = linkBase
        let byFile = Dictionary(grouping: findings, by: \.file)
        files = repository.inScope.map { postmortem in
            let fileFindings = byFile[postmortem.path] ?? []
            let checks = ReviewReport.checklist.map { item in
                Check(title: item.title, passed: !fileFindings.contains { finding in
                    finding.severity != .info && item.groups.contains { finding.rule.hasPrefix($0 + "/") }
                })
            }
            let before = repository.base[postmortem.path]
            return FileReview(postmortem: postmortem, isNew: before == nil, checks: checks, findings: fileFindings,
                              frontMatterChanges: ReviewReport.changes(from: before?.frontMatter, to: postmortem.frontMatter),
                              durations: IncidentDurations(postmortem))
        }
    }

    static func changes(from before: FrontMatter?, to after: FrontMatter?) -> [(field: String, before: String, after: String)] {
        guard let before, let after else { return [] }
        let old = before.value.objectValue ?? [:], new = after.value.objectValue ?? [:]
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            guard old[key] != new[key] else { return nil }
            return (key, old[key].map(show) ?? "—", new[key].map(show) ?? "—")
        }
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .array(let items): return items.map(show).joined(separator: ", ")
        default: return value.jsonString()
        }
    }

    // MARK: Markdown

    public func markdown() -> String {
        var out = "## Postmortem review\n\n"
        if files.isEmpty {
            return out + "No postmortems changed since `\(base)`.\n"
        }
        let failing = files.filter { $0.checks.contains { !$0.passed } }.count
        out += "\(files.count) postmortem\(files.count == 1 ? "" : "s") changed since `\(base)`"
        out += failing == 0 ? "; all checks pass.\n" : "; \(failing) need\(failing == 1 ? "s" : "") attention.\n"
        for file in files {
            let postmortem = file.postmortem
            out += "\n### \(cell(postmortem.id ?? "(no id)")) — \(cell(postmortem.title ?? postmortem.path))\n\n"
            let severity = postmortem.frontMatter?.string("severity") ?? "?"
            let status = postmortem.frontMatter?.string("status") ?? "?"
            out += "`\(postmortem.path)` · \(cell(severity)) · \(cell(status))\(file.isNew ? " · new" : "")\n\n"
            for check in file.checks { out += "- [\(check.passed ? "x" : " ")] \(check.title)\n" }
            out += "\n| time to detect | time to mitigate | time to resolve |\n|---|---|---|\n"
            out += "| \(IncidentDurations.format(file.durations.timeToDetect)) | \(IncidentDurations.format(file.durations.timeToMitigate)) | \(IncidentDurations.format(file.durations.timeToResolve)) |\n"
            if !file.findings.isEmpty {
                out += "\n**Findings**\n\n"
                for finding in file.findings {
                    out += "- \(link(finding)) \(finding.severity.rawValue): \(cell(finding.message)) `\(finding.rule)`"
                    if finding.rule.hasPrefix("blameless/"), let quoted = quote(postmortem, line: finding.line) {
                        out += "\n  > \(quoted)"
                    }
                    if let suggestion = finding.suggestion { out += "\n  *Suggestion:* \(cell(suggestion))" }
                    out += "\n"
                }
            }
            if let table = postmortem.actionTable, !table.rows.isEmpty {
                out += "\n**Action items**\n\n| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|\n"
                for row in table.rows {
                    out += "| \(cell(row.action ?? "")) | \(cell(row.owner ?? "—")) | \(cell(row.priority ?? "—")) | \(cell(row.due ?? "—")) | \(cell(row.status ?? "—")) |\n"
                }
            }
            if !file.frontMatterChanges.isEmpty {
                out += "\n**Front matter changed since `\(base)`**\n\n| field | before | after |\n|---|---|---|\n"
                for change in file.frontMatterChanges {
                    out += "| `\(change.field)` | \(cell(change.before)) | \(cell(change.after)) |\n"
                }
            }
        }
        return out
    }

    /// A line link to the finding when a link base is known.
    private func link(_ finding: Finding) -> String {
        let label = "`\(finding.file):\(finding.line)`"
        guard let linkBase else { return label }
        return "[\(label)](\(linkBase)\(finding.file)#L\(finding.line))"
    }

    /// Text for a Markdown table cell or line: no pipes, no line breaks, no HTML.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    private func quote(_ postmortem: Postmortem, line: Int) -> String? {
        guard line >= 1, line <= postmortem.lines.count else { return nil }
        let text = postmortem.lines[line - 1].trimmingCharacters(in: " \t")
        return text.isEmpty ? nil : cell(String(text.prefix(300)))
    }

    // MARK: JSON

    public func json() -> String {
        JSONValue.object([
            "base": .string(base),
            "files": .array(files.map { file in
                var object: [String: JSONValue] = [
                    "file": .string(file.postmortem.path),
                    "new": .bool(file.isNew),
                    "checks": .array(file.checks.map { .object(["title": .string($0.title), "passed": .bool($0.passed)]) }),
                    "diagnostics": .array(file.findings.map(JSONReporter.json)),
                    "front_matter_changes": .array(file.frontMatterChanges.map {
                        .object(["field": .string($0.field), "before": .string($0.before), "after": .string($0.after)])
                    }),
                ]
                if let id = file.postmortem.id { object["id"] = .string(id) }
                if let title = file.postmortem.title { object["title"] = .string(title) }
                var durations: [String: JSONValue] = [:]
                if let value = file.durations.timeToDetect { durations["time_to_detect_seconds"] = .integer(value) }
                if let value = file.durations.timeToMitigate { durations["time_to_mitigate_seconds"] = .integer(value) }
                if let value = file.durations.timeToResolve { durations["time_to_resolve_seconds"] = .integer(value) }
                object["durations"] = .object(durations)
                object["action_items"] = .array((file.postmortem.actionTable?.rows ?? []).map(\.json))
                return .object(object)
            }),
        ]).jsonString(pretty: true) + "\n"
    }
}
