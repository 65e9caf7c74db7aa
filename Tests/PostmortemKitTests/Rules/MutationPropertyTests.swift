import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

/// Mutates valid postmortems at random and checks that linting never
/// crashes, and every result is clean or carries findings with valid positions.
struct MutationPropertyTests {
    static let fragments = ["---", "## Timeline", "## Action Items", "|", "| a | b |\n|---|", "- 09:", "- 25:99 UTC", "\u{0}", "\r", "é", "🚨",
                            "```", "<!--", "-->", ":", "[", "{", "\"", "@", "\t", "\n\n", "> ", "***", "- [x] ", "1. ", "<!-- postmortem-disable -->",
                            "&&&", "\\", "id: PM-2025-002", "started: 2025-13-45T99:99:99Z", "<script>", "[x](javascript:alert(1))"]

    enum Mutation: CaseIterable { case insert, deleteLine, duplicateLine, truncate, swapLines, replaceByte }

    static func mutate(_ text: String, _ kind: Int, _ position: Int, _ fragment: Int) -> Data {
        var lines = text.components(separatedBy: "\n")
        var bytes = Array(text.utf8)
        let line = position % max(lines.count, 1)
        switch Mutation.allCases[kind % Mutation.allCases.count] {
        case .insert:
            let at = position % max(bytes.count, 1)
            bytes.insert(contentsOf: Array(fragments[fragment % fragments.count].utf8), at: at)
            return Data(bytes)
        case .deleteLine:
            lines.remove(at: line)
        case .duplicateLine:
            lines.insert(lines[line], at: line)
        case .truncate:
            return Data(bytes.prefix(position % max(bytes.count, 1)))
        case .swapLines:
            lines.swapAt(line, (line * 7 + 3) % lines.count)
        case .replaceByte:
            bytes[position % bytes.count] = UInt8(truncatingIfNeeded: fragment * 37)
            return Data(bytes)
        }
        return Data(lines.joined(separator: "\n").utf8)
    }

    @Test func mutatedPostmortemsNeverCrashAndFindingsHaveValidPositions() async {
        let sources = [RuleExample.Baseline.text] + RuleCatalogue.descriptions.flatMap(\.fires).prefix(6).map(\.text)
        let linter = Linter(context: TestLint.context())
        await propertyCheck(count: 400, input: Gen.int(in: 0...1_000), Gen.int(in: 0...100_000), Gen.int(in: 0...1_000)) { kind, position, fragment in
            let source = sources[(kind / 7) % sources.count]
            // Apply one to three mutations.
            var data = Self.mutate(source, kind, position, fragment)
            for step in 0..<(fragment % 3) {
                data = Self.mutate(String(decoding: data, as: UTF8.self), kind + step + 1, position / (step + 2), fragment + step)
            }
            let postmortem = PostmortemParser().parse(path: "p.md", bytes: data)
            let findings = linter.lint([postmortem])
            let lineCount = max(String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count, 1)
            for finding in findings {
                #expect(finding.line >= 1 && finding.line <= lineCount + 1, "line \(finding.line) of \(lineCount): \(finding.rule)")
                #expect(finding.column >= 1)
                #expect(!finding.message.isEmpty && !finding.message.contains("\n"), "\(finding.rule): \(finding.message)")
                #expect(RuleCatalogue.description(of: finding.rule) != nil, "unknown rule \(finding.rule)")
            }
            // Deterministic: the same input gives the same findings.
            #expect(linter.lint([PostmortemParser().parse(path: "p.md", bytes: data)]) == findings)
        }
    }
}
