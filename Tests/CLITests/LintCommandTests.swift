import Foundation
import Testing

struct LintCommandTests {
    @Test func sampleRepositoryIsLintClean() throws {
        let result = try CLI.run(["lint", "--today", "2026-11-28"], in: CLI.packageRoot)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("0 errors"))
    }

    @Test func cleanFileExitsZero() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/2025/a.md", cleanPostmortem())
        let result = try CLI.run(["lint"], in: repo.url)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix("1 file linted: 0 errors, 0 warnings, 0 info\n"))
    }

    @Test func errorsExitOneWithTextFormat() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem().replacingOccurrences(of: "severity: SEV2", with: "severity: SEV9"))
        let result = try CLI.run(["lint"], in: repo.url)
        #expect(result.status == 1)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("[schema/violation]") })
        #expect(line.hasPrefix("postmortems/a.md:5:1: error: "))
        // No colour when stdout is not a terminal.
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func strictFailsOnWarnings() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem().replacingOccurrences(of: "| done |", with: "| open |"))
        #expect(try CLI.run(["lint", "--today", "2025-06-01"], in: repo.url).status == 0)
        #expect(try CLI.run(["lint", "--today", "2025-06-01", "--strict"], in: repo.url).status == 1)
        #expect(try CLI.run(["lint", "--today", "2025-04-01", "--strict"], in: repo.url).status == 0)
    }

    @Test(arguments: [
        ["lint", "--no-such-flag"],
        ["lint", "--format", "xml"],
        ["lint", "--today", "tomorrow"],
        ["lint", "postmortems/missing.md"],
        ["frobnicate"],
    ])
    func usageProblemsExitTwoWithOneLine(_ arguments: [String]) throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem())
        let result = try CLI.run(arguments, in: repo.url)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("postmortem: error: "))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func configTypoExitsTwoNamingTheKey() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem())
        try repo.write(".postmortem.yml", "postmortems: postmortems\nlate_draft_hous: 24\n")
        let result = try CLI.run(["lint"], in: repo.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".postmortem.yml:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("late_draft_hous"))
    }

    @Test func configIsFoundByWalkingUpAndSetsSeverities() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem().replacingOccurrences(of: "severity: SEV2", with: "severity: SEV9"))
        try repo.write(".postmortem.yml", "rules:\n  schema/violation: warning\n")
        let result = try CLI.run(["lint"], in: repo.url.appendingPathComponent("postmortems"))
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("warning: "))
    }

    @Test func rosterChecksOwners() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem().replacingOccurrences(of: "| @alice | P1", with: "| @mallory | P1"))
        try repo.write(".postmortem.yml", "people:\n  \"@alice\": {name: Alice Chen}\nteams: [\"@payments/platform\"]\n")
        let result = try CLI.run(["lint", "--format", "json"], in: repo.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"rule\": \"actions/unknown-owner\""))
        #expect(result.stdout.contains("@mallory"))
    }

    @Test func duplicateIDsAreReportedOnTheCopy() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/2025/a.md", cleanPostmortem(id: "PM-2025-001"))
        try repo.write("postmortems/2025/b.md", cleanPostmortem(id: "PM-2025-001")
            .replacingOccurrences(of: "2025-03-14T", with: "2025-04-14T"))
        let result = try CLI.run(["lint", "--format", "json"], in: repo.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"file\": \"postmortems/2025/b.md\""))
        #expect(!result.stdout.contains("\"file\": \"postmortems/2025/a.md\""))
        // Linting only a.md still sees b.md for repository rules, but reports only a.md.
        let single = try CLI.run(["lint", "postmortems/2025/b.md", "--format", "json"], in: repo.url)
        #expect(single.stdout.contains("repo/duplicate-id"))
        #expect(single.stdout.contains("\"files\": 1"))
    }
}

struct ConfigValueTests {
    @Test func unquotedOffTurnsARuleOff() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem().replacingOccurrences(of: "severity: SEV2", with: "severity: SEV9"))
        try repo.write(".postmortem.yml", "rules:\n  schema/violation: off\n")
        let result = try CLI.run(["lint"], in: repo.url)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
    }

    @Test func badRuleSettingNamesTheRule() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem())
        try repo.write(".postmortem.yml", "rules:\n  timeline/order: loud\n")
        let result = try CLI.run(["lint"], in: repo.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".postmortem.yml:2: rules.timeline/order: must be one of"), "\(result.stderr)")
    }
}
