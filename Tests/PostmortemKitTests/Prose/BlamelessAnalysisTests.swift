import Foundation
import Testing
@testable import PostmortemKit

/// The analysis of whole postmortems: positions, people from front matter, config.
struct BlamelessAnalysisTests {
    @Test func pointsAtTheSpanInTheFile() throws {
        let body = "During the **cutover**, `kubectl` output was ignored. The root cause was *human error* at the console."
        let text = RuleExample.section(.rootCauseAnalysis, body).text
        let findings = TestLint.findings(text, rule: BlamelessKind.blameLanguage.rawValue)
        let finding = try #require(findings.first)
        let line = text.components(separatedBy: "\n")[finding.line - 1]
        let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: try #require(line.range(of: "human error")).lowerBound) + 1
        #expect(finding.column == column)
        #expect(finding.suggestion?.isEmpty == false)
    }

    @Test func frontMatterPeopleAreNamedWithoutARoster() {
        let text = RuleExample.combined(frontMatter: [("responders", "[\"@dana.k\"]")], section: .incidentOverview,
                                        "Dana skipped the canary and the bad build reached every region.").text
        #expect(TestLint.findings(text, rule: BlamelessKind.namedIndividual.rawValue).count == 1)
    }

    @Test func configTermsAndAllowedPhrasesApply() {
        var config = Config(root: URL(fileURLWithPath: "/tmp"))
        config.blamelessTerms = ["heroics"]
        config.blamelessAllowed = ["obviously"]
        let text = RuleExample.section(.lessonsLearned, "Heroics kept the site up. Obviously we need an alert.").text
        #expect(TestLint.findings(text, rule: BlamelessKind.blameLanguage.rawValue, config: config).count == 1)
        #expect(TestLint.findings(text, rule: BlamelessKind.hindsight.rawValue, config: config).isEmpty)
    }

    @Test func severitiesFollowTheConfig() {
        var config = Config(root: URL(fileURLWithPath: "/tmp"))
        config.rules["blameless/*"] = .error
        let text = RuleExample.section(.lessonsLearned, "Obviously we need an alert.").text
        #expect(TestLint.findings(text, rule: BlamelessKind.hindsight.rawValue, config: config).first?.severity == .error)
    }

    @Test func samplePostmortemsHaveNoBlamelessFindings() throws {
        let folder = TestLint.packageRoot.appendingPathComponent("postmortems")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") }
        #expect(files.count >= 17)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let findings = TestLint.findings(text).filter { $0.rule.hasPrefix("blameless/") }
            #expect(findings.isEmpty, "\(file): \(findings.map { "\($0.line):\($0.column) \($0.message)" })")
        }
    }
}
