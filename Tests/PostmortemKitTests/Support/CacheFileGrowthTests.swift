import Foundation
import Testing
@testable import PostmortemKit

/// The per-file caches grow by appending what a build made, read the same
/// after an append, and are rewritten when most of what they hold is stale.
struct CacheFileGrowthTests {
    @Test func appendsWhileStaleEntriesAreAQuarterOrLess() {
        #expect(CacheFileGrowth.appends(intact: true, entriesInFile: 100, used: 99, made: 1))
        #expect(CacheFileGrowth.appends(intact: true, entriesInFile: 120, used: 100, made: 0))
        #expect(!CacheFileGrowth.appends(intact: true, entriesInFile: 130, used: 100, made: 0))
        #expect(!CacheFileGrowth.appends(intact: false, entriesInFile: 100, used: 100, made: 1), "a damaged or foreign file is replaced")
        #expect(!CacheFileGrowth.appends(intact: true, entriesInFile: 0, used: 0, made: 5), "an empty file is written whole")
    }

    /// Whether the file at `file` still starts with `before` and is longer: appended to, not rewritten.
    static func appended(_ file: URL, to before: Data) throws -> Bool {
        let after = try Data(contentsOf: file)
        return after.count > before.count && after.prefix(before.count) == before
    }

    @Test func termCacheAppendsAndReadsBack() throws {
        let repository = try TermCacheTests.corpus()
        let file = TermCacheTests.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let fill = TermCache(file: file, config: repository.config)
        _ = TermCacheTests.report(repository.postmortems, cache: fill)
        fill.save()
        let filled = try Data(contentsOf: file)

        // One file edited: its terms are appended, with the words they use.
        let parser = PostmortemParser(sectionNames: repository.config.sectionNames)
        func edit(_ postmortems: inout [Postmortem], _ index: Int, _ sentence: String) {
            postmortems[index] = parser.parse(path: postmortems[index].path,
                                              bytes: Data((postmortems[index].lines.joined(separator: "\n") + "\n\(sentence)\n").utf8))
            postmortems[index].contentID = GitRepository.blobID(of: Data(sentence.utf8))
        }
        var edited = repository.postmortems
        edit(&edited, 3, "A zeppelin of quorum leases drifted.")
        let once = TermCache(file: file, config: repository.config)
        #expect(TermCacheTests.report(edited, cache: once) == TermCacheTests.report(edited, cache: nil))
        once.save()
        #expect(try Self.appended(file, to: filled))
        let afterAppend = try Data(contentsOf: file)
        #expect(afterAppend.count - filled.count < filled.count / 10, "the block holds the one new entry")
        let reader = TermCache(file: file, config: repository.config)
        for postmortem in edited { #expect(reader.key(for: postmortem).flatMap(reader.terms) != nil) }
        #expect(TermCacheTests.report(edited, cache: reader) == TermCacheTests.report(edited, cache: nil))

        // Most files edited: the stale entries would be most of the file, so it is rewritten.
        for index in 10..<30 { edit(&edited, index, "Edited paragraph number \(index) about a quorum.") }
        let many = TermCache(file: file, config: repository.config)
        #expect(TermCacheTests.report(edited, cache: many) == TermCacheTests.report(edited, cache: nil))
        many.save()
        let rewritten = try Data(contentsOf: file)
        #expect(rewritten.prefix(afterAppend.count) != afterAppend)
        let last = TermCache(file: file, config: repository.config)
        for postmortem in edited { #expect(last.key(for: postmortem).flatMap(last.terms) != nil) }
        #expect(TermCacheTests.report(edited, cache: last) == TermCacheTests.report(edited, cache: nil))

        // An append cut short makes the whole file ignored.
        try rewritten.prefix(rewritten.count - 3).write(to: file)
        #expect(TermCache(file: file, config: repository.config).words.isEmpty)
    }

    @Test func lintCacheAppendsAndReadsBack() throws {
        let repository = try LintCacheTests.corpus()
        let context = repository.ruleContext(today: TestLint.today)
        let reference = Linter(context: context).lint(repository.postmortems)
        let file = LintCacheTests.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let fill = LintCache(file: file, context: context)
        _ = Linter(context: context).lint(repository.postmortems, cache: fill)
        fill.save()
        let filled = try Data(contentsOf: file)

        // A file with new bytes (the same text here, so the same findings) is linted and appended.
        var edited = repository.postmortems
        edited[0].contentID = GitRepository.blobID(of: Data("edited".utf8))
        let once = LintCache(file: file, context: context)
        #expect(Linter(context: context).lint(edited, cache: once) == reference)
        once.save()
        #expect(try Self.appended(file, to: filled))
        let reader = LintCache(file: file, context: context)
        for postmortem in edited { #expect(reader.key(for: postmortem, in: context).flatMap { reader.findings(for: $0, path: postmortem.path) } != nil) }
        #expect(Linter(context: context).lint(edited, cache: LintCache(file: file, context: context)) == reference)

        // An append cut within a line makes the whole file ignored.
        let appended = try Data(contentsOf: file)
        try appended.prefix(appended.count - 2).write(to: file)
        let cut = LintCache(file: file, context: context)
        #expect(edited.allSatisfy { cut.key(for: $0, in: context).flatMap { cut.findings(for: $0, path: "") } == nil })
    }

    @Test func summaryCacheAppendsAndReadsBack() throws {
        let root = try SummaryCacheTests.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent(".postmortem-cache/summaries.bin")
        let repository = try SummaryCacheTests.load(root)
        SummaryCacheTests.fill(file, from: repository)
        let filled = try Data(contentsOf: file)

        // Every summary used and one more made: the new one is appended.
        let cache = SummaryCache(file: file, config: repository.config)
        for postmortem in repository.postmortems { #expect(cache.summary(for: cache.key(contentID: postmortem.contentID)!) != nil) }
        let first = try #require(repository.postmortems.first)
        let newKey = try #require(cache.key(contentID: GitRepository.blobID(of: Data("a new file".utf8))))
        cache.store(PostmortemSummary(of: first, snippetCharacters: 640, snippet: "the new one"), for: newKey)
        cache.save()
        #expect(try Self.appended(file, to: filled))
        let reader = SummaryCache(file: file, config: repository.config)
        #expect(reader.summary(for: newKey) != nil)
        for postmortem in repository.postmortems { #expect(reader.summary(for: reader.key(contentID: postmortem.contentID)!) != nil) }
    }
}
