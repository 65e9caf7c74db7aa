import Foundation
import Testing
@testable import PostmortemKit

/// Prose extraction: what counts as prose, and exact positions back in the file.
struct ProseExtractorTests {
    /// A baseline postmortem with the Incident Overview replaced by `body`.
    private func runs(_ body: String) -> (Postmortem, [ProseRun]) {
        let postmortem = TestLint.parse(RuleExample.section(.incidentOverview, body).text)
        let runs = ProseExtractor.runs(in: postmortem).filter { $0.section == .incidentOverview }
        return (postmortem, runs)
    }

    @Test func skipsCodeQuotesCommentsAndLinkDestinations() {
        let body = """
            Alice ran `kubectl delete ns prod` and read [the runbook](https://example.com/careless).

            ```sh
            echo "human error"
            ```

            > Bob: honestly I botched it

            <!-- reviewers: careless wording removed -->
            """
        let (_, found) = runs(body)
        let texts = found.map(\.text)
        #expect(texts == ["Incident Overview", "Alice ran \u{FFFC} and read the runbook."])
    }

    @Test func skipsTheOwnerColumnAndHeaderRow() {
        let body = """
            | Action | Owner | Note |
            |---|---|---|
            | Add an alert | @alice | Bob botched it |
            """
        let (_, found) = runs(body)
        #expect(found.map(\.text) == ["Incident Overview", "Add an alert", "Bob botched it"])
    }

    @Test func mapsColumnsThroughMarkupAndCodeSpans() throws {
        let body = "Some **bold** text, `code`, a [link](http://x.y/z). Then Ünïcödé — \\*careless\\* end."
        let (postmortem, found) = runs(body)
        let run = try #require(found.last)
        let locations = run.locations(in: postmortem.lines)
        let line = try #require(postmortem.lines.firstIndex { $0.contains("Some **bold**") }) + 1
        func column(of word: String) -> Int? {
            guard let range = run.text.range(of: word) else { return nil }
            let offset = run.text.unicodeScalars.distance(from: run.text.unicodeScalars.startIndex, to: range.lowerBound)
            return locations[offset].line == line ? locations[offset].column : nil
        }
        let source = String(postmortem.lines[line - 1])
        func sourceColumn(of word: String) -> Int? {
            source.range(of: word).map { source.unicodeScalars.distance(from: source.unicodeScalars.startIndex, to: $0.lowerBound) + 1 }
        }
        #expect(column(of: "bold") == sourceColumn(of: "bold"))
        #expect(column(of: "link") == sourceColumn(of: "link]"))
        #expect(column(of: ". Then") == sourceColumn(of: ". Then"))
        #expect(column(of: "Ünïcödé") == sourceColumn(of: "Ünïcödé"))
        #expect(column(of: "careless") == sourceColumn(of: "careless"))
        #expect(column(of: "end") == sourceColumn(of: "end"))
    }

    @Test func mapsSoftBreaksToTheNextLine() throws {
        let (postmortem, found) = runs("First line of the paragraph\nand the second line.")
        let run = try #require(found.last)
        let locations = run.locations(in: postmortem.lines)
        let offset = run.text.unicodeScalars.distance(from: run.text.unicodeScalars.startIndex,
                                                      to: try #require(run.text.range(of: "second")).lowerBound)
        let line = try #require(postmortem.lines.firstIndex { $0.hasPrefix("and the second") }) + 1
        #expect(locations[offset] == SourceLocation(line: line, column: 9))
    }
}
