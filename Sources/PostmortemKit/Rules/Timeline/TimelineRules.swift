/// A Timeline entry starts with a timestamp the tool can read.
struct TimelineUnparsedEntryRule: Rule {
    static let description = RuleDescription(
        id: "timeline/unparsed-entry",
        summary: "Every Timeline entry starts with a timestamp: `2025-03-14T09:12:00Z`, `2025-03-14 09:12 UTC`, or `09:12` (date carried over).",
        rationale: "Durations, ordering checks and the site's timeline all need a machine-readable time on each entry.",
        defaultSeverity: .error,
        fires: [.section(.timeline, "- 2025-03-14T09:00:00Z — Errors begin.\n↓- Around lunchtime the alert fired.\n- 09:40 UTC — Index restored.")],
        passes: [.section(.timeline, "- **2025-03-14 09:00 UTC** — Errors begin.\n- `09:05` — Alert fires.\n- 09:40:30 +00:00 — Index restored.")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        postmortem.timeline.filter { $0.stampText.isEmpty }.map { entry in
            // An entry may begin with a code block or other text across lines.
            let text = entry.text.onOneLine()
            let preview = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
            let quoted = preview.isEmpty ? "" : ": \"\(preview)\""
            return finding(postmortem, at: entry.location, "timeline entry has no readable timestamp\(quoted)",
                           suggestion: "Start the entry with a time, e.g. `2025-03-14 09:12 UTC` or `09:12` when the date is the same as the entry before.")
        }
    }
}

/// Timeline entries are in chronological order.
struct TimelineOrderRule: Rule {
    static let description = RuleDescription(
        id: "timeline/order",
        summary: "Timeline entries run in chronological order; a day change needs a full date.",
        rationale: "Readers reconstruct cause and effect from the order of events; a misplaced entry misleads them.",
        defaultSeverity: .error,
        fires: [.section(.timeline, "- 2025-03-14T09:00:00Z — Errors begin.\n- 09:40 UTC — Index restored.\n↓- 09:05 UTC — Alert fires.")],
        passes: [.section(.timeline, "- 2025-03-14 23:50 UTC — Errors begin.\n- 2025-03-15 00:10 UTC — Alert fires.\n- 00:40 UTC — Resolved.")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var latest: TimelineEntry?
        for entry in postmortem.timeline {
            guard let time = entry.timestamp else { continue }
            if let previous = latest, let previousTime = previous.timestamp, time < previousTime {
                let hint = entry.isTimeOnly ? " (a time-only entry keeps the previous entry's date; write the full date when the day changes)" : ""
                findings.append(finding(postmortem, at: entry.location,
                                        "timeline entry at \(entry.stampText) is earlier than the entry at line \(previous.location.line) (\(previous.stampText))\(hint)",
                                        suggestion: "Move the entry to its place in time, or correct its timestamp."))
            } else {
                latest = entry
            }
        }
        return findings
    }
}

/// Timeline entries fall within the incident window.
struct TimelineWindowRule: Rule {
    static let description = RuleDescription(
        id: "timeline/window",
        summary: "Timeline entries fall between `started` − 24 h and `resolved` + 24 h (`incident_window_hours`).",
        rationale: "An entry days away from the incident is usually a typo in the date.",
        defaultSeverity: .warning,
        fires: [.section(.timeline, "- 2025-03-14T09:00:00Z — Errors begin.\n- 09:05 UTC — Alert fires.\n- 09:40 UTC — Index restored.\n↓- 2025-04-14 10:30 UTC — Resolved.")],
        passes: [.section(.timeline, "- 2025-03-13 14:00 UTC — Migration dropping the index is merged.\n- 2025-03-14T09:00:00Z — Errors begin.\n- 09:40 UTC — Index restored.")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let started = postmortem.started else { return [] }
        let end = postmortem.resolved ?? postmortem.mitigated ?? started
        let margin = Int(context.config.incidentWindowHours * 3600)
        let window = (started.secondsSince1970 - margin)...(max(end.secondsSince1970, started.secondsSince1970) + margin)
        return postmortem.timeline.compactMap { entry in
            guard let time = entry.timestamp, !window.contains(time.secondsSince1970) else { return nil }
            let hours = Int(context.config.incidentWindowHours)
            return finding(postmortem, at: entry.location,
                           "timeline entry at \(entry.stampText) is outside the incident window (started − \(hours) h … resolved + \(hours) h)",
                           suggestion: "Check the date; events long before or after belong in Incident Overview or Lessons Learned.")
        }
    }
}

/// A timeline has at least three entries.
struct TimelineTooShortRule: Rule {
    static let description = RuleDescription(
        id: "timeline/too-short",
        summary: "The Timeline has at least 3 entries.",
        rationale: "Detection, mitigation and resolution are at least three moments; fewer means the timeline was skipped.",
        defaultSeverity: .warning,
        fires: [
            .sections(RuleExample.Baseline.sections.map { section in
                section.title == "Timeline" ? ("↓Timeline", "- 2025-03-14T09:00:00Z — Errors begin.\n- 10:30 UTC — Resolved.") : section
            }, excerpt: "## Timeline\n\n- 2025-03-14T09:00:00Z — Errors begin.\n- 10:30 UTC — Resolved."),
        ],
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline)")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let section = postmortem.section(.timeline), !section.isEmpty, postmortem.timeline.count < 3 else { return [] }
        return [finding(postmortem, at: section.location,
                        "Timeline has \(postmortem.timeline.count) entr\(postmortem.timeline.count == 1 ? "y" : "ies"); record at least 3 (start, detection, resolution)",
                        suggestion: "Write the timeline as a list whose items start with a timestamp.")]
    }
}
