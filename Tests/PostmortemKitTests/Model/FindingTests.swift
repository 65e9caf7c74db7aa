import Testing
@testable import PostmortemKit

/// Every reporter prints a finding on one line, whatever text it quotes.
struct FindingTests {
    @Test func messagesAndSuggestionsAreOneLine() {
        let finding = Finding(file: "p.md", line: 3, severity: .warning, rule: "timeline/order",
                              message: "quoted \"a\r\n  b\"", suggestion: "write\u{2028}this")
        #expect(finding.message == "quoted \"a b\"")
        #expect(finding.suggestion == "write this")
    }

    /// Found by the mutation property test: an entry that opens a fenced code
    /// block ("- ```10:30 UTC") has only the block's line break as its text.
    @Test func anEntryStartingWithACodeFenceIsReportedOnOneLine() {
        let text = RuleExample.Baseline.text.replacingOccurrences(of: "\n## Impact Assessment",
                                                                 with: "- ```10:30 UTC — Incident resolved.\n\n## Impact Assessment")
        let findings = TestLint.findings(text, rule: "timeline/unparsed-entry")
        #expect(findings.map(\.message) == ["timeline entry has no readable timestamp"])
    }
}
