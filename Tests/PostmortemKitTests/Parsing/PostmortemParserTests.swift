import Foundation
import Testing
@testable import PostmortemKit

struct PostmortemParserTests {
    let sample = RuleExample.Baseline.text

    @Test func readsFrontMatterWithKeyLines() throws {
        let postmortem = TestLint.parse(sample)
        let frontMatter = try #require(postmortem.frontMatter)
        #expect(frontMatter.string("id") == "PM-2025-001")
        #expect(frontMatter.location(of: "/id").line == 2)
        #expect(frontMatter.location(of: "/severity").line == 5)
        #expect(frontMatter.location(of: "/services/1") == SourceLocation(line: 6, column: 26))
        // Timestamps stay the text that was written.
        #expect(frontMatter.string("started") == "2025-03-14T09:00:00Z")
        #expect(postmortem.parseFindings.isEmpty)
    }

    @Test func splitsNineSectionsInOrder() {
        let postmortem = TestLint.parse(sample)
        #expect(postmortem.sections.map(\.kind) == SectionKind.allCases.map { Optional($0) })
        #expect(postmortem.preamble.count == 1)
    }

    @Test func readsTimelineCarryingDates() throws {
        let postmortem = TestLint.parse(sample)
        #expect(postmortem.timeline.count == 4)
        let times = postmortem.timeline.compactMap { $0.timestamp?.iso8601UTC }
        #expect(times == ["2025-03-14T09:00:00Z", "2025-03-14T09:05:00Z", "2025-03-14T09:40:00Z", "2025-03-14T10:30:00Z"])
        #expect(postmortem.timeline[1].isTimeOnly)
        #expect(postmortem.timeline[1].description == "The latency alert pages the on-call engineer.")
    }

    @Test func timeOnlyEntriesUseTheStartedOffset() throws {
        let text = sample.replacingOccurrences(of: "started: 2025-03-14T09:00:00Z", with: "started: 2025-03-14T10:00:00+01:00")
            .replacingOccurrences(of: "- 2025-03-14T09:00:00Z — Error rate rises above 2%.", with: "- 10:00 — Error rate rises above 2%.")
        let postmortem = TestLint.parse(text)
        #expect(postmortem.timeline.first?.timestamp?.iso8601UTC == "2025-03-14T09:00:00Z")
    }

    @Test func dateHeadingsSetTheDayForTimeOnlyEntries() {
        let text = sample.replacingOccurrences(
            of: "- 2025-03-14T09:00:00Z — Error rate rises above 2%.\n- 09:05 UTC — The latency alert pages the on-call engineer.\n- 09:40 UTC — The index is restored and errors fall.\n- 10:30 UTC — Incident resolved.",
            with: "All times UTC.\n\n### 2025-03-14\n\n- 23:50 — Errors rise.\n- 23:55 — Alert.\n\n### 2025-03-15 (Saturday)\n\n- 00:20 — Resolved.")
        let postmortem = TestLint.parse(text)
        #expect(postmortem.timeline.compactMap { $0.timestamp?.iso8601UTC } == ["2025-03-14T23:50:00Z", "2025-03-14T23:55:00Z", "2025-03-15T00:20:00Z"])
    }

    @Test func readsTimelineTables() {
        let text = sample.replacingOccurrences(
            of: "- 2025-03-14T09:00:00Z — Error rate rises above 2%.\n- 09:05 UTC — The latency alert pages the on-call engineer.\n- 09:40 UTC — The index is restored and errors fall.\n- 10:30 UTC — Incident resolved.",
            with: "| Time | Event |\n|---|---|\n| **2025-03-14 09:00 UTC** | Errors rise |\n| `09:05 UTC` | Alert |\n| 10:30 UTC | Resolved |")
        let postmortem = TestLint.parse(text)
        #expect(postmortem.timeline.map(\.stampText) == ["2025-03-14 09:00 UTC", "09:05 UTC", "10:30 UTC"])
        #expect(postmortem.timeline.allSatisfy { $0.timestamp != nil })
    }

    @Test func readsActionTableByHeaderName() throws {
        let text = sample.replacingOccurrences(
            of: "| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|\n| Compare query plans in CI | @alice | P1 | 2025-04-30 | done |",
            with: "| Status | Due date | Owner | Action |\n|---|---|---|---|\n| open | 2025-04-30 | @alice | Compare *query* plans |")
        let table = try #require(TestLint.parse(text).actionTable)
        #expect(table.columns == ["status", "due", "owner", "action"])
        #expect(table.rows.first?.cells == ["status": "open", "due": "2025-04-30", "owner": "@alice", "action": "Compare query plans"])
    }

    @Test func handlesCRLFAndBOM() throws {
        let crlf = "\u{FEFF}" + sample.replacingOccurrences(of: "\n", with: "\r\n")
        let postmortem = PostmortemParser().parse(path: "x.md", bytes: Data(crlf.utf8))
        let plain = TestLint.parse(sample)
        #expect(postmortem.parseFindings.isEmpty)
        #expect(postmortem.frontMatter == plain.frontMatter)
        #expect(postmortem.sections.map(\.location) == plain.sections.map(\.location))
        #expect(postmortem.timeline == plain.timeline)
        #expect(TestLint.findings(crlf).isEmpty)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let text = sample.replacingOccurrences(of: "| Compare query plans in CI | @alice | P1 | 2025-04-30 | done |",
                                               with: "| Überprüfe Pläne — 計画 | @alice | P1 | 2025-04-30 | open |")
        let row = try #require(TestLint.parse(text).actionTable?.rows.first)
        // "| Überprüfe Pläne — 計画 | @alice | P1 | " is 39 characters.
        #expect(row.location(ofColumn: "due").column == 40)
    }

    @Test func concurrentParsingMatchesSerial() async {
        // Block extensions only in parallel (see MarkdownParser); results must not depend on threads.
        let texts = (0..<64).map { index in
            sample.replacingOccurrences(of: "PM-2025-001", with: String(format: "PM-2025-%03d", index + 1))
                + "\n| a | b |\n|---|---|\n| ~~x~~ | https://example.com |\n- [x] task \(index)\n"
        }
        let serial = texts.map { TestLint.parse($0) }
        let parallel = await withTaskGroup(of: (Int, Postmortem).self) { group in
            for (index, text) in texts.enumerated() { group.addTask { (index, TestLint.parse(text)) } }
            var results = [Postmortem?](repeating: nil, count: texts.count)
            for await (index, postmortem) in group { results[index] = postmortem }
            return results.compactMap { $0 }
        }
        #expect(parallel.count == serial.count)
        for (a, b) in zip(serial, parallel) {
            #expect(a.body == b.body)
            #expect(a.frontMatter == b.frontMatter)
        }
    }

    @Test func inlineExtensionsAreSerialisedAndWork() async {
        let parser = MarkdownParser(inlineExtensions: true)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    var found = false
                    parser.parse("a ~~struck~~ word and https://example.com here\n").walk { node in
                        if case .strikethrough = node.kind { found = true }
                    }
                    return found
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 32 && results.allSatisfy { $0 })
    }
}
