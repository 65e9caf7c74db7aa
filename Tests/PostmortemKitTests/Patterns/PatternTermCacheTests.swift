import Foundation
import Testing
@testable import PostmortemKit

/// The patterns analysis gives the same report, byte for byte, whether each
/// file's words were counted now or read from the term cache, and the cache
/// answers only for the same bytes, config and build.
struct PatternTermCacheTests {
    static let today = LocalDate(year: 2026, month: 11, day: 29)!

    /// A labelled corpus with blob ids, as `build` loads it.
    static func corpus() throws -> LoadedRepository {
        var options = LoadOptions(workingDirectory: TestLint.packageRoot.appendingPathComponent("Tests/Fixtures/patterns-corpus-6"))
        options.wantsContentIDs = true
        options.wantsHistory = false
        return try RepositoryLoader.load(options)
    }

    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pattern-terms-\(UUID().uuidString)/pattern-terms.bin")
    }

    static func report(_ postmortems: [Postmortem], cache: PatternTermCache?) -> String {
        var analyzer = PatternAnalyzer()
        analyzer.termCache = cache
        return PatternsFormatter.render(analyzer.analyze(postmortems, today: today), as: .json)
    }

    @Test func cachedTermsGiveTheSameReport() throws {
        let repository = try Self.corpus()
        let postmortems = repository.postmortems
        #expect(postmortems.count == 36 && postmortems.allSatisfy { $0.contentID != nil })
        let reference = Self.report(postmortems, cache: nil)
        #expect(reference.contains("\"clusters\""))

        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let cold = PatternTermCache(file: file, config: repository.config)
        #expect(Self.report(postmortems, cache: cold) == reference)
        cold.save()

        // A new build reads the file: every file's terms come from it.
        let warm = PatternTermCache(file: file, config: repository.config)
        for postmortem in postmortems {
            let key = try #require(warm.key(for: postmortem))
            #expect(warm.terms(for: key) != nil, "\(postmortem.path) is cached")
        }
        #expect(Self.report(postmortems, cache: PatternTermCache(file: file, config: repository.config)) == reference)

        // One file edited: its terms are counted again, the others read, and
        // the file written after that holds every file of the run.
        var edited = postmortems
        let index = try #require(edited.firstIndex { $0.section(.rootCauseAnalysis) != nil })
        edited[index] = PostmortemParser(sectionNames: repository.config.sectionNames)
            .parse(path: edited[index].path, bytes: Data((edited[index].lines.joined(separator: "\n") + "\nA new sentence about disk space.\n").utf8))
        edited[index].contentID = "edited"
        let mixed = PatternTermCache(file: file, config: repository.config)
        #expect(Self.report(edited, cache: mixed) == Self.report(edited, cache: nil))
        mixed.save()
        let after = PatternTermCache(file: file, config: repository.config)
        for postmortem in edited { #expect(after.key(for: postmortem).flatMap(after.terms) != nil) }
        #expect(Self.report(edited, cache: after) == Self.report(edited, cache: nil))
    }

    /// Another config or another file's bytes give another key; a damaged
    /// file is ignored as a whole.
    @Test func entriesAreKeyedByTheirInputsAndDamageIsIgnored() throws {
        let repository = try Self.corpus()
        let postmortems = repository.postmortems
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let cache = PatternTermCache(file: file, config: repository.config)
        _ = Self.report(postmortems, cache: cache)
        cache.save()

        let first = try #require(postmortems.first)
        var config = repository.config
        config.sourceText += "\nsections:\n  aliases: {}\n"
        let otherConfig = PatternTermCache(file: file, config: config)
        #expect(otherConfig.key(for: first).flatMap(otherConfig.terms) == nil)
        var moved = first
        moved.contentID = GitRepository.blobID(of: Data("another file".utf8))
        let same = PatternTermCache(file: file, config: repository.config)
        #expect(same.key(for: moved).flatMap(same.terms) == nil)
        #expect(same.key(for: first).flatMap(same.terms) != nil)
        var noBlob = first
        noBlob.contentID = nil
        #expect(same.key(for: noBlob) == nil, "a file without a blob id is always counted")

        let bytes = try Data(contentsOf: file)
        for damaged in [bytes.prefix(bytes.count - 5), bytes + Data([1, 2, 3]), Data("postmortem pattern terms 0\n".utf8) + bytes.dropFirst(27)] {
            try damaged.write(to: file)
            let read = PatternTermCache(file: file, config: repository.config)
            #expect(read.words.isEmpty && read.key(for: first).flatMap(read.terms) == nil)
            #expect(Self.report(postmortems, cache: read) == Self.report(postmortems, cache: nil))
        }
    }
}
