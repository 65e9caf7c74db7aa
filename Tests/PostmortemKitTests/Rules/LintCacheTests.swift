import Foundation
import Testing
@testable import PostmortemKit

/// The lint cache gives back exactly what linting gives, and only for the
/// same inputs.
struct LintCacheTests {
    /// The lint corpus (files with findings of every kind), with blob ids.
    static func corpus() throws -> LoadedRepository {
        try TestLint.fixtureWithBlobIDs("lint-corpus")
    }

    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lint-cache-\(UUID().uuidString)/lint.tsv")
    }

    @Test func cachedFindingsEqualFreshOnes() throws {
        let repository = try LintCacheTests.corpus()
        let context = repository.ruleContext(today: TestLint.today)
        let reference = Linter(context: context).lint(repository.postmortems)
        #expect(reference.count > 20)
        #expect(repository.postmortems.allSatisfy { $0.contentID != nil })

        let file = LintCacheTests.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let first = LintCache(file: file, context: context)
        #expect(Linter(context: context).lint(repository.postmortems, cache: first) == reference)
        first.save()

        // A new run reads the file: every file's findings come from it, and they are the same.
        let second = LintCache(file: file, context: context)
        for postmortem in repository.postmortems {
            let key = try #require(second.key(for: postmortem, in: context))
            #expect(second.findings(for: key, path: postmortem.path) != nil, "\(postmortem.path) is cached")
        }
        #expect(Linter(context: context).lint(repository.postmortems, cache: LintCache(file: file, context: context)) == reference)
    }

    /// A stored entry is used for the same inputs and no other: a finding
    /// planted in the file shows up, until the file or the config change.
    @Test func entriesAreKeyedByEveryInput() throws {
        let repository = try LintCacheTests.corpus()
        let context = repository.ruleContext(today: TestLint.today)
        let postmortem = try #require(repository.postmortems.first)
        let file = LintCacheTests.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let planting = LintCache(file: file, context: context)
        let key = try #require(planting.key(for: postmortem, in: context))
        planting.store([Finding(file: postmortem.path, line: 7, severity: .error, rule: "planted/finding", message: "from the cache")], for: key)
        planting.save()

        func plantedIsReported(_ postmortem: Postmortem, _ context: RuleContext) -> Bool {
            Linter(context: context).lint([postmortem], cache: LintCache(file: file, context: context)).contains { $0.rule == "planted/finding" }
        }
        #expect(plantedIsReported(postmortem, context))

        var edited = postmortem
        edited.contentID = GitRepository.blobID(of: Data("another file".utf8))
        #expect(!plantedIsReported(edited, context))

        var moved = postmortem
        moved.path = "postmortems/elsewhere.md"
        #expect(!plantedIsReported(moved, context))

        #expect(plantedIsReported(postmortem, repository.ruleContext(today: LocalDate(year: 2030, month: 1, day: 1)!)),
                "findings last from one day to the next (the rules that read today are not cached)")

        var config = repository.config
        config.sourceText += "\nsite:\n  title: Another\n"
        var otherConfig = context
        otherConfig.config = config
        #expect(!plantedIsReported(postmortem, otherConfig))

        var noBlob = postmortem
        noBlob.contentID = nil
        #expect(!plantedIsReported(noBlob, context), "a file without a blob id is always linted")
    }

    /// Only the rules that say they read today give other findings on
    /// another day; the cache, which keeps findings across days, runs them
    /// on every lint, so a cached lint on a later day equals a fresh one.
    @Test func onlyRulesThatReadTodayChangeWithTheDay() throws {
        let repository = try LintCacheTests.corpus()
        let daily = Set(RuleCatalogue.fileRules.filter { rule in rule.readsToday }.map { rule in rule.description.id })
        #expect(daily == ["actions/overdue"])
        let days = [LocalDate(year: 2001, month: 1, day: 1)!, TestLint.today, LocalDate(year: 2099, month: 12, day: 31)!]
        let byDay = days.map { Linter(context: repository.ruleContext(today: $0)).lint(repository.postmortems) }
        for findings in byDay.dropFirst() {
            let (before, after) = (Set(byDay[0].map { "\($0)" }), Set(findings.map { "\($0)" }))
            let changed = byDay[0].filter { !after.contains("\($0)") } + findings.filter { !before.contains("\($0)") }
            #expect(changed.allSatisfy { daily.contains($0.rule) }, "\(changed.filter { !daily.contains($0.rule) })")
        }
        #expect(byDay[2].filter { $0.rule == "actions/overdue" }.count > byDay[0].filter { $0.rule == "actions/overdue" }.count)

        let file = LintCacheTests.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let first = LintCache(file: file, context: repository.ruleContext(today: days[0]))
        #expect(Linter(context: repository.ruleContext(today: days[0])).lint(repository.postmortems, cache: first) == byDay[0])
        first.save()
        let laterContext = repository.ruleContext(today: days[2])
        #expect(Linter(context: laterContext).lint(repository.postmortems, cache: LintCache(file: file, context: laterContext)) == byDay[2])
    }

    @Test(arguments: ["plain", "", "tab\there", "two\nlines\r\n", "back\\slash \\t not a tab", "+plus", "émoji 🚒 ünïcode"])
    func findingsRoundTripThroughTheFile(text: String) throws {
        let repository = try LintCacheTests.corpus()
        let context = repository.ruleContext(today: TestLint.today)
        let postmortem = try #require(repository.postmortems.first)
        let file = LintCacheTests.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let writing = LintCache(file: file, context: context)
        let key = try #require(writing.key(for: postmortem, in: context))
        let findings = [
            Finding(file: postmortem.path, line: 3, column: 9, severity: .info, rule: "rule/" + text, message: text, suggestion: text),
            Finding(file: postmortem.path, line: 12, severity: .error, rule: "other/rule", message: "m " + text, suggestion: nil),
        ]
        writing.store(findings, for: key)
        writing.save()
        #expect(LintCache(file: file, context: context).findings(for: key, path: postmortem.path) == findings)
    }

    @Test func aDamagedCacheFileIsIgnored() throws {
        let repository = try LintCacheTests.corpus()
        let context = repository.ruleContext(today: TestLint.today)
        let file = LintCacheTests.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("postmortem lint cache 2\nx\t2\n1\t2\twarning\trule\tmessage\t\n".utf8).write(to: file)
        let reference = Linter(context: context).lint(repository.postmortems)
        #expect(Linter(context: context).lint(repository.postmortems, cache: LintCache(file: file, context: context)) == reference)
    }
}
