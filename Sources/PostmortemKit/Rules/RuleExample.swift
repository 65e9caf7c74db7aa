/// An example document for a rule: a small, otherwise clean postmortem with
/// one thing changed. `↓` in the text marks where the finding must point.
public struct RuleExample: Sendable {
    /// The whole postmortem text, markers included.
    public let document: String
    /// The part that differs from the clean baseline, shown in the docs.
    public let excerpt: String
    /// The excerpt is prose inside a section, so fencing it as code (or a
    /// disable-next-line comment before it) must silence the rule.
    public let isProse: Bool

    public static let marker: Character = "↓"

    /// The document without markers.
    public var text: String { document.filter { $0 != RuleExample.marker } }

    /// Where the markers stand in `text` (1-based line and scalar column).
    public var markedLocations: [SourceLocation] {
        var found: [SourceLocation] = []
        for (index, line) in document.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var column = 1
            for scalar in line.unicodeScalars {
                if Character(scalar) == RuleExample.marker {
                    found.append(SourceLocation(line: index + 1, column: column))
                } else {
                    column += 1
                }
            }
        }
        return found
    }

    public init(document: String, excerpt: String, isProse: Bool) {
        self.document = document
        self.excerpt = excerpt
        self.isProse = isProse
    }

    // MARK: Building examples from the baseline

    /// The baseline with one section's content replaced.
    public static func section(_ kind: SectionKind, _ content: String) -> RuleExample {
        var sections = Baseline.sections
        if let index = sections.firstIndex(where: { $0.title == kind.title }) { sections[index].content = content }
        return RuleExample(document: Baseline.render(frontMatter: Baseline.frontMatter, sections: sections),
                           excerpt: "## \(kind.title)\n\n\(content)", isProse: false)
    }

    /// Prose placed in a section, for rules that read sentences: the same text
    /// fenced as code must not fire.
    public static func prose(_ text: String, in kind: SectionKind = .incidentOverview) -> RuleExample {
        let example = section(kind, text)
        return RuleExample(document: example.document, excerpt: text, isProse: true)
    }

    /// The baseline with front-matter fields set (raw YAML values) or removed (nil).
    /// A key may carry the marker (`"↓severity"`) to point at the key itself.
    public static func frontMatter(_ changes: [(key: String, value: String?)]) -> RuleExample {
        let fields = apply(changes, to: Baseline.frontMatter)
        let excerpt = changes.map { "\($0.key): \($0.value ?? "(removed)")" }.joined(separator: "\n")
        return RuleExample(document: Baseline.render(frontMatter: fields, sections: Baseline.sections),
                           excerpt: excerpt, isProse: false)
    }

    /// The baseline with its sections replaced by `sections` (title, content).
    public static func sections(_ sections: [(title: String, content: String)], excerpt: String) -> RuleExample {
        RuleExample(document: Baseline.render(frontMatter: Baseline.frontMatter, sections: sections),
                    excerpt: excerpt, isProse: false)
    }

    /// Front matter changes and section changes together.
    public static func combined(frontMatter changes: [(key: String, value: String?)], section kind: SectionKind, _ content: String) -> RuleExample {
        let fields = apply(changes, to: Baseline.frontMatter)
        var sections = Baseline.sections
        if let index = sections.firstIndex(where: { $0.title == kind.title }) { sections[index].content = content }
        let excerpt = changes.map { "\($0.key): \($0.value ?? "(removed)")" }.joined(separator: "\n") + "\n…\n## \(kind.title)\n\n\(content)"
        return RuleExample(document: Baseline.render(frontMatter: fields, sections: sections), excerpt: excerpt, isProse: false)
    }

    private static func apply(_ changes: [(key: String, value: String?)], to baseline: [(key: String, value: String)]) -> [(key: String, value: String)] {
        var fields = baseline
        for (key, value) in changes {
            let bareKey = key.filter { $0 != marker }
            if let index = fields.firstIndex(where: { $0.key == bareKey }) {
                if let value { fields[index] = (key, value) } else { fields.remove(at: index) }
            } else if let value {
                fields.append((key, value))
            }
        }
        return fields
    }

    /// A whole document, as written.
    public static func document(_ text: String, excerpt: String? = nil) -> RuleExample {
        RuleExample(document: text, excerpt: excerpt ?? text, isProse: false)
    }

    /// The clean postmortem all examples start from. Every rule stays silent on it.
    public enum Baseline {
        public static let frontMatter: [(key: String, value: String)] = [
            ("id", "PM-2025-001"),
            ("title", "Checkout errors after connection pool exhaustion"),
            ("status", "published"),
            ("severity", "SEV2"),
            ("services", "[checkout-api, orders-db]"),
            ("started", "2025-03-14T09:00:00Z"),
            ("detected", "2025-03-14T09:05:00Z"),
            ("mitigated", "2025-03-14T09:40:00Z"),
            ("resolved", "2025-03-14T10:30:00Z"),
            ("authors", "[\"@alice\"]"),
            ("approvers", "[\"@bob\"]"),
            ("contributing_factors", "[capacity, software-bug]"),
        ]

        public static let sections: [(title: String, content: String)] = [
            ("Executive Summary", "Checkout returned errors for 1 hour 30 minutes because the database connection pool ran out. About 2% of orders failed."),
            ("Incident Overview", "The checkout-api service exhausted its pool of 50 database connections during the morning peak."),
            ("Root Cause Analysis", "1. Why did checkout fail? Requests waited for a connection and timed out.\n2. Why were there no connections? A slow query held connections for 30 seconds.\n3. Why was the query slow? An index was dropped in a migration and no check compared query plans."),
            ("Timeline", "- 2025-03-14T09:00:00Z — Error rate rises above 2%.\n- 09:05 UTC — The latency alert pages the on-call engineer.\n- 09:40 UTC — The index is restored and errors fall.\n- 10:30 UTC — Incident resolved."),
            ("Impact Assessment", "1,204 orders failed over 90 minutes; no data was lost."),
            ("Resolution & Recovery", "The on-call engineer restored the index and restarted the pool."),
            ("Preventive Measures", "Migrations now compare query plans before they run."),
            ("Action Items", "| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|\n| Compare query plans in CI | @alice | P1 | 2025-04-30 | done |"),
            ("Lessons Learned", "Pool metrics were available but had no alert."),
        ]

        public static var text: String { render(frontMatter: frontMatter, sections: sections) }

        static func render(frontMatter: [(key: String, value: String)], sections: [(title: String, content: String)]) -> String {
            var lines = ["---"]
            lines += frontMatter.map { "\($0.key): \($0.value)" }
            lines += ["---", "", "# Postmortem", ""]
            for section in sections {
                // A marked title points at the heading line itself.
                let heading = section.title.first == marker ? "↓## " + section.title.dropFirst() : "## " + section.title
                lines += [heading, "", section.content, ""]
            }
            return lines.joined(separator: "\n")
        }
    }
}
