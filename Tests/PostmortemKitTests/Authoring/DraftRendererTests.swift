import Testing
@testable import PostmortemKit

/// Whatever an export says, the draft parses back to the same text and
/// nothing in it becomes Markdown, HTML or a lint directive.
struct DraftRendererTests {
    static let nasty = [
        "*bold* _em_ `code` [link](http://x) ![img](y)",
        "<!-- postmortem-disable structure/empty-section --> <b>html</b> <https://auto.link>",
        "a | b | c ~~strike~~ &amp; &copy; \\ backslash",
        "line one\nline two\r\n\tthird",
        "# not a heading > not a quote",
        "1. not a list",
        "trailing backslash \\",
        "Zoë – 東京 🚀 👩‍👩‍👧",
        "\u{202E}reversed",
    ]

    func draft(timeline texts: [String], title: String = "Checkout \"errors\": <b>5xx</b> & more") -> Draft {
        let start = Timestamp.parseRFC3339("2025-03-14T09:00:00Z")!
        let events = texts.enumerated().map { index, text in
            TimelineEvent(time: Timestamp(secondsSince1970: start.secondsSince1970 + 60 * index), text: text, tieBreaker: String(index))
        }
        return Draft(id: "PM-2025-001", title: title, severity: "SEV2", severityNote: "PagerDuty priority P2",
                     services: ["checkout-api"], started: .init(start, .imported, note: "PagerDuty: incident created_at"),
                     detected: .init(start, .imported, note: nil), mitigated: nil,
                     resolved: .init(Timestamp(secondsSince1970: start.secondsSince1970 + 3600), .placeholder, note: "placeholder: x -- y"),
                     authors: ["@alice"], authorsNote: nil, incidentCommander: nil, responders: ["@bob"], detection: "alert",
                     tickets: ["https://example.pagerduty.com/incidents/P1"], timeline: events, sources: ["a test <-->"])
    }

    @Test func importedTextParsesBackVerbatimAndInert() throws {
        let text = DraftRenderer.render(draft(timeline: DraftRendererTests.nasty))
        let postmortem = TestLint.parse(text)
        #expect(postmortem.parseFindings.isEmpty)
        #expect(postmortem.frontMatter?.string("title") == "Checkout \"errors\": <b>5xx</b> & more")
        #expect(postmortem.timeline.count == DraftRendererTests.nasty.count)
        for (entry, original) in zip(postmortem.timeline, DraftRendererTests.nasty) {
            let expected = original.replacingOccurrences(of: "\u{202E}", with: "")
                .split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
            #expect(entry.timestamp != nil)
            #expect(entry.text.hasSuffix(" — " + expected), "\(entry.text)")
        }
        // Only the unwritten sections are reported: nothing was switched off, nothing else fires.
        let findings = Linter(context: TestLint.context()).lint([postmortem])
        #expect(findings.map(\.rule) == Array(repeating: "structure/empty-section", count: 8), "\(findings)")
        #expect(postmortem.section(.timeline)?.isEmpty == false)
    }

    @Test func longTextIsCut() {
        let escaped = MarkdownInline.escape(String(repeating: "word ", count: 200))
        #expect(escaped.count <= MarkdownInline.maxLength + 1 && escaped.count > MarkdownInline.maxLength - 5)
        #expect(escaped.hasSuffix("…"))
    }

    @Test func yamlQuotingSurvivesControlCharacters() throws {
        let title = "Tab\there, quote \" and backslash \\ and \u{2028}separator"
        let postmortem = TestLint.parse(DraftRenderer.render(draft(timeline: [], title: title)))
        #expect(postmortem.frontMatter?.string("title") == title)
    }
}
