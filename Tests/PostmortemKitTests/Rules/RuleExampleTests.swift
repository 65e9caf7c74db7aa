import Foundation
import Testing
@testable import PostmortemKit

/// Runs every example of every rule, as SwiftLint does: each triggering
/// example must fire where `↓` points, also with a non-ASCII title; and must
/// not fire under a disable comment (or, for prose, inside a code fence).
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let index: Int
        let example: RuleExample
        var testDescription: String { "\(rule) #\(index + 1)" }
    }

    static let firing: [Case] = RuleCatalogue.descriptions.flatMap { rule in
        rule.fires.enumerated().map { Case(rule: rule.id, index: $0.offset, example: $0.element) }
    }
    static let passing: [Case] = RuleCatalogue.descriptions.flatMap { rule in
        rule.passes.enumerated().map { Case(rule: rule.id, index: $0.offset, example: $0.element) }
    }

    @Test func baselineIsClean() {
        let findings = TestLint.findings(RuleExample.Baseline.text)
        #expect(findings.isEmpty, "baseline: \(findings.map { "\($0.line):\($0.rule) \($0.message)" })")
    }

    @Test func everyRuleHasExamplesOrATestElsewhere() {
        // Rules whose examples need more than one file or a roster are tested in RepositoryRuleTests.
        let coveredElsewhere: Set = ["repo/duplicate-id", "actions/unknown-owner", "parse/unreadable", "git/late-draft", "git/immutable-field"]
        for rule in RuleCatalogue.descriptions where !coveredElsewhere.contains(rule.id) {
            #expect(!rule.fires.isEmpty, "\(rule.id) has no triggering example")
            #expect(!rule.passes.isEmpty, "\(rule.id) has no passing example")
        }
    }

    @Test(arguments: firing)
    func fires(_ testCase: Case) {
        let example = testCase.example
        let findings = TestLint.findings(example.text, rule: testCase.rule)
        #expect(!findings.isEmpty, "\(testCase.testDescription) did not fire on:\n\(example.text)")
        for marker in example.markedLocations {
            #expect(findings.contains { $0.location == marker },
                    "\(testCase.testDescription): expected a finding at \(marker.line):\(marker.column), got \(findings.map { "\($0.line):\($0.column)" })")
        }
    }

    @Test(arguments: firing)
    func firesWithNonASCIITitle(_ testCase: Case) {
        let text = testCase.example.text.replacingOccurrences(
            of: "title: Checkout errors after connection pool exhaustion",
            with: "title: \"Ünïcödé 障害 — Checkout errors 🚨\"")
        let findings = TestLint.findings(text, rule: testCase.rule)
        #expect(!findings.isEmpty, "\(testCase.testDescription) did not fire with a non-ASCII title")
        for marker in testCase.example.markedLocations {
            #expect(findings.contains { $0.location == marker }, "\(testCase.testDescription) moved with a non-ASCII title")
        }
    }

    @Test(arguments: firing)
    func silencedByFileWideDisable(_ testCase: Case) {
        // Before the first section, a disable covers the whole file, front matter included.
        let text = insertBeforeFirstSection(testCase.example.text, "<!-- postmortem-disable \(testCase.rule) -->")
        let findings = TestLint.findings(text, rule: testCase.rule)
        #expect(findings.isEmpty, "\(testCase.testDescription) fired under a file-wide disable")
    }

    @Test(arguments: firing.filter { !$0.example.markedLocations.isEmpty })
    func silencedByDisableNextLine(_ testCase: Case) throws {
        let marker = testCase.example.markedLocations[0]
        var lines = testCase.example.text.components(separatedBy: "\n")
        let closing = lines.indices.dropFirst().first { lines[$0] == "---" } ?? 0
        // Only body lines take an HTML comment; markers in front matter are covered above.
        guard marker.line - 1 > closing else { return }
        lines.insert("<!-- postmortem-disable-next-line \(testCase.rule) -->", at: marker.line - 1)
        let findings = TestLint.findings(lines.joined(separator: "\n"), rule: testCase.rule)
        #expect(!findings.contains { $0.line == marker.line + 1 }, "\(testCase.testDescription) fired under disable-next-line")
    }

    @Test(arguments: firing.filter(\.example.isProse))
    func silentInsideCodeFence(_ testCase: Case) {
        let excerpt = testCase.example.excerpt.filter { $0 != RuleExample.marker }
        let fenced = testCase.example.text.replacingOccurrences(of: excerpt, with: "```text\n\(excerpt)\n```")
        let findings = TestLint.findings(fenced, rule: testCase.rule)
        #expect(findings.isEmpty, "\(testCase.testDescription) fired inside a code fence")
    }

    @Test(arguments: passing)
    func passes(_ testCase: Case) {
        let findings = TestLint.findings(testCase.example.text, rule: testCase.rule)
        #expect(findings.isEmpty, "\(testCase.testDescription) fired: \(findings.map { "\($0.line):\($0.column) \($0.message)" })")
    }

    private func insertBeforeFirstSection(_ text: String, _ line: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let index = lines.firstIndex { $0.hasPrefix("## ") } ?? lines.count
        lines.insert(contentsOf: [line, ""], at: index)
        return lines.joined(separator: "\n")
    }
}
