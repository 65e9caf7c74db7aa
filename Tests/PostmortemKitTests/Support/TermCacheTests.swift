import Foundation
import Testing
@testable import PostmortemKit

/// The patterns analysis and the search index give the same bytes whether
/// each file's terms were counted now or read from the term cache, and the
/// cache answers only for the same bytes, config and build.
struct TermCacheTests {
    static let today = LocalDate(year: 2026, month: 11, day: 29)!

    /// A labelled corpus with blob ids, as `build` loads it.
    static func corpus() throws -> LoadedRepository {
        try TestLint.fixtureWithBlobIDs("patterns-corpus-6")
    }

    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("term-cache-\(UUID().uuidString)/pattern-terms.bin")
    }

    static func report(_ postmortems: [Postmortem], cache: TermCache?) -> String {
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
        let cold = TermCache(file: file, config: repository.config)
        #expect(Self.report(postmortems, cache: cold) == reference)
        cold.save()

        // A new build reads the file: every file's terms come from it.
        let warm = TermCache(file: file, config: repository.config)
        for postmortem in postmortems {
            let key = try #require(warm.key(for: postmortem))
            #expect(warm.terms(for: key) != nil, "\(postmortem.path) is cached")
        }
        #expect(Self.report(postmortems, cache: TermCache(file: file, config: repository.config)) == reference)

        // One file edited: its terms are counted again, the others read, and
        // the file written after that holds every file of the run.
        var edited = postmortems
        let index = try #require(edited.firstIndex { $0.section(.rootCauseAnalysis) != nil })
        edited[index] = PostmortemParser(sectionNames: repository.config.sectionNames)
            .parse(path: edited[index].path, bytes: Data((edited[index].lines.joined(separator: "\n") + "\nA new sentence about disk space.\n").utf8))
        edited[index].contentID = "edited"
        let mixed = TermCache(file: file, config: repository.config)
        #expect(Self.report(edited, cache: mixed) == Self.report(edited, cache: nil))
        mixed.save()
        let after = TermCache(file: file, config: repository.config)
        for postmortem in edited { #expect(after.key(for: postmortem).flatMap(after.terms) != nil) }
        #expect(Self.report(edited, cache: after) == Self.report(edited, cache: nil))
    }

    /// The search index's files are the same bytes with its terms counted
    /// now, read from the cache, or some of each.
    @Test func searchIndexIsTheSameWithCachedTerms() throws {
        let repository = try Self.corpus()
        let documents: [SearchDocument] = repository.postmortems.enumerated().map { index, postmortem in
            var document = SearchDocument(id: postmortem.id ?? "", title: postmortem.title ?? "", severity: "", date: "", year: "",
                                          status: "", services: postmortem.frontMatter?.strings("services") ?? [], factors: [],
                                          tags: [], url: "\(index).html",
                                          summary: postmortem.section(.executiveSummary)?.blocks.map(\.plainText).joined(separator: " ") ?? "",
                                          body: postmortem.sections.map { $0.blocks.map(\.plainText).joined(separator: " ") }.joined(separator: "\n"))
            document.contentID = postmortem.contentID
            return document
        }
        let reference = SearchIndexBuilder(workers: 2).build(documents).files
        #expect(reference.count > 2)

        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        func build(_ documents: [SearchDocument]) -> [SiteFile] {
            var builder = SearchIndexBuilder(workers: 2)
            builder.termCache = TermCache(file: file, config: repository.config)
            defer { builder.termCache?.save() }
            return builder.build(documents).files
        }
        #expect(build(documents) == reference)
        #expect(build(documents) == reference)
        // Half the documents changed: counted again, beside the others read from the cache.
        var edited = documents
        for index in edited.indices where index % 2 == 0 {
            edited[index].body += " quorum lease renewal"
            edited[index].contentID = "edited \(index)"
        }
        #expect(build(edited) == SearchIndexBuilder(workers: 2).build(edited).files)
        #expect(build(edited) == SearchIndexBuilder(workers: 2).build(edited).files)
    }

    /// Another config or another file's bytes give another key; a damaged
    /// file is ignored as a whole.
    @Test func entriesAreKeyedByTheirInputsAndDamageIsIgnored() throws {
        let repository = try Self.corpus()
        let postmortems = repository.postmortems
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let cache = TermCache(file: file, config: repository.config)
        _ = Self.report(postmortems, cache: cache)
        cache.save()

        let first = try #require(postmortems.first)
        var config = repository.config
        config.sourceText += "\nsections:\n  aliases: {}\n"
        let otherConfig = TermCache(file: file, config: config)
        #expect(otherConfig.key(for: first).flatMap(otherConfig.terms) == nil)
        var moved = first
        moved.contentID = GitRepository.blobID(of: Data("another file".utf8))
        let same = TermCache(file: file, config: repository.config)
        #expect(same.key(for: moved).flatMap(same.terms) == nil)
        #expect(same.key(for: first).flatMap(same.terms) != nil)
        var noBlob = first
        noBlob.contentID = nil
        #expect(same.key(for: noBlob) == nil, "a file without a blob id is always counted")

        let bytes = try Data(contentsOf: file)
        // Cut short, with bytes after the end, another form, and a word count of four billion.
        let hugeCount = Data("postmortem term cache 2\n".utf8) + Data([0xFF, 0xFF, 0xFF, 0xFF]) + bytes.dropFirst(28)
        for damaged in [bytes.prefix(bytes.count - 5), bytes + Data([1, 2, 3]), Data("postmortem term cache 0\n".utf8) + bytes.dropFirst(24),
                        hugeCount] {
            try damaged.write(to: file)
            let read = TermCache(file: file, config: repository.config)
            #expect(read.words.isEmpty && read.key(for: first).flatMap(read.terms) == nil)
            #expect(Self.report(postmortems, cache: read) == Self.report(postmortems, cache: nil))
        }
    }
}

/// A cache file larger than the chunks it is written in is streamed to disk
/// and read back whole, and a second save keeps what the first wrote (the
/// first releases the entries it wrote).
struct TermCacheStreamingTests {
    @Test func aCacheOfManyChunksIsReadBackWholeAndASecondSaveKeepsIt() throws {
        let file = TermCacheTests.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let config = Config(root: file.deletingLastPathComponent())
        // About 12 bytes a term: 4,000 entries of 60 terms are well over two chunks.
        func terms(_ entry: Int) -> TermCache.Terms {
            (0..<60).map { term -> (term: String, weight: Double) in
                let word: Int = (entry * 7 + term * 13) % 9_000
                return ("word\(word)", Double(entry) + Double(term) / 64)
            }
        }
        let entries: [(key: String, terms: TermCache.Terms)] = (0..<4_000).map { ("key-\($0)", terms($0)) }
        #expect(entries.count * 60 * 12 > 2 * CacheFileGrowth.chunkBytes)
        let cold = TermCache(file: file, config: config)
        for (key, terms) in entries { cold.store(terms, for: key) }
        cold.save()
        cold.save()
        let warm = TermCache(file: file, config: config)
        for (key, terms) in entries {
            let stored = try #require(warm.terms(for: key), "\(key) is read back")
            #expect(stored.map { warm.words[Int($0.word)] } == terms.map(\.term))
            #expect(stored.map(\.weight) == terms.map(\.weight))
        }
    }
}
