import Foundation
import Testing
@testable import PostmortemKit

/// Search in headless Chromium on a generated repository with many document
/// blocks and term shards split to keys of every length, which the 17 samples
/// never have. What the browser finds is checked against the postings decoded
/// from the files on disk.
@Suite(.enabled(if: Browser.isAvailable, "chromium is not installed (apt-get install chromium); browser tests skipped"),
       .serialized)
struct LargeSearchIndexTests {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postmortem-large-search-\(ProcessInfo.processInfo.processIdentifier)")
    static var site: URL { folder.appendingPathComponent("_site") }

    /// Generates and builds the repository once; nil when it built, else the reason.
    static let buildProblem: String? = {
        do {
            let generated = try CLI.runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                               ["python3", CLI.packageRoot.appendingPathComponent("Scripts/generate-corpus").path,
                                                folder.path, "--count", "800"], in: CLI.packageRoot)
            guard generated.status == 0 else { return "generate-corpus failed: \(generated.stderr)" }
            // Thousands of request ids starting "rex" in one postmortem, as a
            // pasted log would bring: their shard outgrows its one- and
            // two-character keys, so keys of all three lengths exist.
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("postmortems").path).filter { $0.hasSuffix(".md") }.sorted()
            let first = folder.appendingPathComponent("postmortems/\(try #require(files.first))")
            let text = try String(contentsOf: first, encoding: .utf8)
            try (text + "\nRequest ids: " + (0..<12_000).map { "rex\($0)" }.joined(separator: " ") + ".\n").write(to: first, atomically: true, encoding: .utf8)
            let built = try CLI.run(["build", "--out", site.path, "--today", "2026-11-01"], in: folder)
            return built.status == 0 ? nil : "the generated site did not build: \(built.stderr)"
        } catch {
            return "\(error)"
        }
    }()

    init() throws {
        if let problem = LargeSearchIndexTests.buildProblem { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: problem]) }
    }

    /// Large clusters are cut on patterns.html, never in patterns.json.
    @Test func patternsPageListsTheRecentPartOfLargeClusters() throws {
        let page = try String(contentsOf: LargeSearchIndexTests.site.appendingPathComponent("patterns.html"), encoding: .utf8)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: LargeSearchIndexTests.site.appendingPathComponent("patterns.json"))) as! [String: Any]
        let clusters = try #require(json["clusters"] as? [[String: Any]])
        let sizes: [Int] = clusters.map { ($0["members"] as? [Any])?.count ?? 0 }
        let largest = try #require(sizes.max())
        #expect(largest > PageContexts.patternsMembersShown, "the generated corpus has large clusters")
        #expect(page.contains("most recent of \(largest) are listed; patterns.json has them all"))
        let rows = page.components(separatedBy: "<tr>").count - 1
        let recurrences = try #require(json["recurrences"] as? [Any]).count
        #expect(rows < recurrences, "the page shows fewer rows than patterns.json has recurrences")
    }

    /// The JSON argument of a `PM_SEARCH.x(…)` file: from its first `open` to its last `close`.
    func json(_ path: String, _ open: Character, _ close: Character) throws -> Any {
        let text = try String(contentsOf: LargeSearchIndexTests.site.appendingPathComponent("search/\(path)"), encoding: .utf8)
        let start = try #require(text.firstIndex(of: open)), end = try #require(text.lastIndex(of: close))
        return try JSONSerialization.jsonObject(with: Data(text[start...end].utf8))
    }

    var meta: [String: Any] { get throws { try #require(try json("meta.js", "{", "}") as? [String: Any]) } }

    /// Every term of the index with the documents it is in.
    func allPostings() throws -> [String: Set<Int>] {
        var result: [String: Set<Int>] = [:]
        let keys = try #require(try meta["shards"] as? [String])
        for key in keys {
            let table = try #require(try json(String(SearchIndexBuilder.shardPath(key: key).dropFirst("search/".count)), "{", "}") as? [String: String])
            for (term, text) in table {
                #expect(SearchIndexBuilder.shard(of: term, in: Set(keys)) == key, "\(term) is where the browser looks")
                result[term] = Set(try #require(PostingCoder.decode(text)).map(\.document))
            }
        }
        return result
    }

    /// Document ids by number, read from the blocks.
    func ids() throws -> [String] {
        let count = try #require(try meta["count"] as? Int), block = try #require(try meta["block"] as? Int)
        return try stride(from: 0, to: count, by: block).flatMap { first in
            try #require(try json("d/\(first / block).js", "[", "]") as? [[Any]]).map { $0[0] as! String }
        }
    }

    func search(_ query: String) throws -> Browser.Page {
        let page = try Browser.load("file://\(LargeSearchIndexTests.site.path)/search.html?\(query)")
        #expect(page.scriptErrors.isEmpty, "\(query): \(page.scriptErrors)")
        #expect(page.attribute("data-search") == "done", "\(query)")
        return page
    }

    @Test func theIndexIsSplitSoTheseTestsMeanSomething() throws {
        let keys = try #require(try meta["shards"] as? [String])
        #expect(Set(keys.map(\.count)) == [1, 2, 3], "\(keys)")
        let count = try #require(try meta["count"] as? Int), block = try #require(try meta["block"] as? Int)
        #expect(count > 20 * block, "a page of results spans many blocks")
        #expect(try ids().count == count)
    }

    @Test(arguments: [("kafka rebalancing", true), ("connection pool", true), ("certificate expiry", true),
                      ("0042", false), ("rex11999", false)])
    func everyWordFindsExactlyTheDocumentsItsPostingsName(query: String, inSnippet: Bool) throws {
        let postings = try allPostings(), ids = try ids()
        let sets = SearchTokenizer.terms(query).map { postings[$0] ?? [] }
        let expected = sets.dropFirst().reduce(sets.first ?? []) { $0.intersection($1) }
        #expect(!expected.isEmpty, "\(query) should match something in the generated corpus")
        // A trailing space: no prefix matching, so the count is exact.
        let page = try search("q=" + (query + " ").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(page.attribute("data-results") == String(expected.count), "\(query)")
        #expect(page.resultIDs.count == min(20, expected.count))
        #expect(Set(page.resultIDs).isSubset(of: Set(expected.map { ids[$0] })), "\(query): \(page.resultIDs)")
        #expect(page.dom.contains("<mark>") == inSnippet, "snippets highlight words in their text")
    }

    @Test(arguments: ["re", "rex1"])
    func aPrefixLoadsEveryShardItBegins(prefix: String) throws {
        let postings = try allPostings()
        let expected = postings.filter { $0.key.hasPrefix(prefix) }.values.reduce(into: Set<Int>()) { $0.formUnion($1) }
        let page = try search("q=\(prefix)")
        #expect(page.attribute("data-results") == String(expected.count))
    }

    @Test func filtersAloneListTheNewestAcrossBlocks() throws {
        let ids = try ids()
        let rows = try #require(try json("facets.js", "[", "]") as? [[Any]])
        let severities = try #require((try meta["facets"] as? [String: Any])?["severity"] as? [String])
        let sev1 = try #require(severities.firstIndex(of: "SEV1"))
        let expected = rows.indices.filter { rows[$0][0] as? Int == sev1 }.map { ids[$0] }
        #expect(expected.count > 20)
        let page = try search("severity=SEV1")
        #expect(page.attribute("data-results") == String(expected.count))
        #expect(page.resultIDs == Array(expected.prefix(20)))
    }
}
