import Foundation
import Testing
@testable import PostmortemKit

/// `lint` runs the file rules on each postmortem as soon as it is parsed
/// and frees its Markdown (`LoadOptions.lintsWhileParsing`); the report
/// must be the one linting after loading gives.
struct LintWhileParsingTests {
    static let today = LocalDate(year: 2026, month: 11, day: 29)!

    /// The findings of loading first and linting afterwards.
    static func lintedAfterLoading(_ options: LoadOptions) throws -> [Finding] {
        let repository = try RepositoryLoader.load(options)
        #expect(repository.postmortems.allSatisfy { $0.fileRuleFindings == nil })
        return Linter(context: repository.ruleContext(today: today)).lint(repository.postmortems, scope: repository.scope)
    }

    static func runner(_ options: LoadOptions) -> LintRunner {
        LintRunner(options: options, today: today, fallbackToday: LocalDate(year: 2000, month: 1, day: 1)!)
    }

    /// The samples, in this repository's git (the rules read its authors and first commits).
    @Test func samplesGiveTheSameFindings() throws {
        let options = LoadOptions(workingDirectory: TestLint.packageRoot)
        let report = try Self.runner(options).run()
        #expect(!report.findings.isEmpty)
        #expect(report.findings == (try Self.lintedAfterLoading(options)))
    }

    /// Six labelled corpora side by side (216 files, clashing ids for the
    /// repository rules) in a git repository of one commit, whose author
    /// the rules know as a person: most files are linted while parsing,
    /// with the history read, and come back without their Markdown.
    @Test func manyFilesGiveTheSameFindingsAndAreFreed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lint-while-parsing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fixtures = TestLint.packageRoot.appendingPathComponent("Tests/Fixtures")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("postmortems"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("patterns-corpus-25/.postmortem.yml"),
                                         to: root.appendingPathComponent(".postmortem.yml"))
        for corpus in 20...25 {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent("patterns-corpus-\(corpus)/postmortems"),
                                             to: root.appendingPathComponent("postmortems/c\(corpus)"))
        }
        // The last file read names the commit's author in a slip: a finding
        // only when the rules know the author, from the history.
        let last = try #require(FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("postmortems/c25").path)
            .filter { $0.hasSuffix(".md") }.sorted().last)
        let named = root.appendingPathComponent("postmortems/c25/" + last)
        try Data((try String(contentsOf: named, encoding: .utf8) + "\nWhitfield skipped the canary and pushed the change.\n").utf8).write(to: named)
        for arguments in [["init", "-q"], ["add", "."], ["commit", "-q", "-m", "Postmortems"]] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git", "-C", root.path, "-c", "user.name=Dana Whitfield", "-c", "user.email=dana@example.com"] + arguments
            try git.run()
            git.waitUntilExit()
            #expect(git.terminationStatus == 0)
        }
        let options = LoadOptions(workingDirectory: root)
        let runner = Self.runner(options)
        let loaded = try runner.load()
        #expect(loaded.postmortems.count == 216)
        let early = loaded.postmortems.filter { $0.fileRuleFindings != nil }
        #expect(early.count > 108)
        #expect(early.allSatisfy { $0.sections.isEmpty && $0.body == nil && $0.lines.isEmpty && $0.frontMatter != nil })
        let report = runner.lint(loaded)
        #expect(report.findings.contains { $0.rule == "repo/duplicate-id" })
        #expect(early.contains { $0.path == "postmortems/c25/" + last })
        #expect(report.findings.contains { $0.rule == "blameless/named-individual" && $0.file == "postmortems/c25/" + last })
        #expect(report.findings == (try Self.lintedAfterLoading(options)))

        // Files named on the command line: only they are linted, early or not.
        var some = options
        some.paths = ["postmortems/c21", "postmortems/c24/2023"]
        some.outsideScope = .allButFrontMatter
        let scoped = try Self.runner(some).run()
        #expect(scoped.files < 216 && scoped.files > 36)
        #expect(scoped.findings == (try Self.lintedAfterLoading(some)))
    }
}
