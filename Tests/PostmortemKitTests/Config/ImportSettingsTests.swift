import Foundation
import Testing
@testable import PostmortemKit

struct ImportSettingsTests {
    let file = URL(fileURLWithPath: "/tmp/repo/.postmortem.yml")

    @Test func configEntriesOverrideTheDefaultsOneByOne() throws {
        let config = try ConfigLoader.parse(text: "import:\n  severity_by_priority: { P5: SEV3 }\n  slack_reaction: timeline\n", file: file)
        #expect(config.importSettings.severity(priority: "p5", urgency: nil) == "SEV3")
        // A key in other case replaces the default's, not sits beside it.
        let lower = try ConfigLoader.parse(text: "import:\n  severity_by_priority: { p1: SEV2 }\n  severity_by_urgency: { HIGH: SEV1 }\n", file: file)
        #expect(lower.importSettings.severityByPriority["P1"] == "SEV2" && lower.importSettings.severityByPriority.count == 5)
        #expect(lower.importSettings.severity(priority: nil, urgency: "high") == "SEV1")
        #expect(config.importSettings.severity(priority: "P1", urgency: nil) == "SEV1")
        #expect(config.importSettings.severity(priority: nil, urgency: "low") == "SEV4")
        #expect(config.importSettings.slackReaction == "timeline")
        #expect(try ConfigLoader.parse(text: "today: 2025-01-01\n", file: file).importSettings == ImportSettings())
    }

    @Test func unknownImportKeysAreErrors() {
        #expect(throws: UsageError.self) { try ConfigLoader.parse(text: "import:\n  slack_emoji: pushpin\n", file: file) }
        #expect(throws: UsageError.self) { try ConfigLoader.parse(text: "import:\n  slack_reaction: \":pushpin:\"\n", file: file) }
    }
}
