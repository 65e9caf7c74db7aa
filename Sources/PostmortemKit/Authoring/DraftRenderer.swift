/// Writes a `Draft` as a postmortem file: front matter (with a YAML comment
/// beside each timestamp saying where it came from, or that it is a
/// placeholder), an H1 title, and the nine sections, each with a one-line
/// guidance comment (HTML comments do not render and lint ignores them).
/// Action Items gets the table's header row; Timeline the imported events.
public enum DraftRenderer {
    /// One line of guidance per section, written as an HTML comment.
    public static let guidance: [SectionKind: String] = [
        .executiveSummary: "One to three sentences: what happened, how long it lasted, who was affected, and what ended it.",
        .incidentOverview: "The context a reader needs: the systems involved, what users saw, and how the incident unfolded.",
        .rootCauseAnalysis: "Ask why at least three times, as a numbered list; describe what the system allowed, not who slipped.",
        .timeline: "One list item per event, each starting with a UTC timestamp, e.g. 2024-03-14T09:12:00Z, then what happened.",
        .impactAssessment: "Quantify it: users or orders affected, error rates, revenue, SLOs breached, regions (or impact: in the front matter).",
        .resolutionAndRecovery: "What stopped the impact, and what it took to return to normal: rollbacks, data repair, checks.",
        .preventiveMeasures: "What makes a recurrence less likely, quicker to detect or smaller; give each one an action item below.",
        .actionItems: "One row per action. Owner: @handle or @team; Priority: P0 to P3; Due: YYYY-MM-DD; Status: open, in-progress, done or wont-do.",
        .lessonsLearned: "What went well, what went badly, and where we got lucky.",
    ]

    static let actionTableHeader = "| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|"

    public static func render(_ draft: Draft) -> String {
        var out = "---\n"
        out += "id: \(draft.id)\n"
        out += "title: \(quoted(draft.title))\n"
        out += "status: draft\n"
        out += line("severity: \(scalar(draft.severity))", note: draft.severityNote)
        out += "services: [\(draft.services.map(scalar).joined(separator: ", "))]\n"
        out += time("started", draft.started)
        out += time("detected", draft.detected)
        if let mitigated = draft.mitigated {
            out += time("mitigated", mitigated)
        } else {
            out += "# mitigated:                         # optional: when the impact stopped growing\n"
        }
        out += time("resolved", draft.resolved)
        out += line("authors: \(list(draft.authors))", note: draft.authorsNote)
        if let commander = draft.incidentCommander { out += "incident_commander: \(quoted(commander))\n" }
        if !draft.responders.isEmpty { out += "responders: \(list(draft.responders))\n" }
        if let detection = draft.detection { out += "detection: \(scalar(detection))\n" }
        if !draft.tickets.isEmpty { out += "tickets: \(list(draft.tickets))\n" }
        out += "---\n\n"
        out += "# \(MarkdownInline.escape(draft.title))\n"
        for kind in SectionKind.allCases {
            out += "\n## \(kind.title)\n\n"
            out += comment(guidance[kind] ?? "") + "\n"
            switch kind {
            case .timeline where !draft.timeline.isEmpty:
                out += comment("Imported from \(draft.sources.joined(separator: " and ")). Check each entry and add what the exports missed (deploys, decisions, customer reports).") + "\n\n"
                for event in draft.timeline {
                    out += "- \(event.time.iso8601UTC) — \(MarkdownInline.escape(event.text))\n"
                }
            case .actionItems:
                out += "\n" + actionTableHeader + "\n"
            default:
                break
            }
        }
        return out
    }

    // MARK: YAML

    /// Comments line up at this column, so the front matter reads as a table.
    private static let commentColumn = 37

    private static func line(_ text: String, note: String?) -> String {
        guard let note, !note.isEmpty else { return text + "\n" }
        let padding = String(repeating: " ", count: max(1, commentColumn - text.count))
        return text + padding + "# " + note.onOneLine() + "\n"
    }

    private static func time(_ key: String, _ time: Draft.Time) -> String {
        line("\(key): \(time.value.iso8601UTC)", note: time.note)
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// A plain YAML scalar when the text is a simple word (a severity, a
    /// kebab-case service), else a quoted one.
    private static func scalar(_ text: String) -> String {
        let simple = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_"
        } && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
            && !(text.first?.isNumber ?? false)
        return simple ? text : quoted(text)
    }

    /// A YAML double-quoted string: backslash, quote and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                // C0/C1 controls, and the characters YAML 1.1 reads as line breaks or a BOM.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x2028, 0x2029, 0xFEFF].contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    // MARK: Markdown

    /// An HTML comment that cannot end early or be read as a lint directive.
    private static func comment(_ text: String) -> String {
        var safe = text.onOneLine().replacingOccurrences(of: "--", with: "-").replacingOccurrences(of: ">", with: "")
            .replacingOccurrences(of: "<", with: "")
        if safe.hasSuffix("-") { safe += " " }
        return "<!-- \(safe) -->"
    }
}
