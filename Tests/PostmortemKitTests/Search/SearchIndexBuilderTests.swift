import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

struct SearchIndexBuilderTests {
    func document(_ n: Int, title: String, body: String = "", summary: String = "", services: [String] = ["api"]) -> SearchDocument {
        SearchDocument(id: "PM-2025-\(String(format: "%03d", n))", title: title, severity: "SEV\(n % 4 + 1)",
                       date: "2025-01-0\(n % 9 + 1)", year: "2025", status: "published", services: services,
                       factors: ["deploy"], tags: [], url: "postmortems/PM-2025-\(n).html", summary: summary, body: body)
    }

    func text(_ output: SearchIndexBuilder.Output, _ path: String) -> String? {
        output.files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
    }

    /// The `{"term":"postings", …}` table of a shard file, decoded.
    func table(_ shard: String) throws -> [String: [(document: Int, weight: Int)]] {
        let start = try #require(shard.firstIndex(of: "{")), end = try #require(shard.lastIndex(of: "}"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shard[start...end].utf8)) as? [String: String])
        return try object.mapValues { try #require(PostingCoder.decode($0), "\($0)") }
    }

    /// Words whose terms spread over many shard keys, for large indexes.
    static let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]

    /// The term table against the plain tokenizer, its reference: the same
    /// terms in the same order, for text with stop words, long and one-letter
    /// words, digits and non-ASCII letters whose lower case is longer.
    @Test func termTableGivesTheTokenizersTermsInOrder() {
        var random = SeededGenerator(seed: 7)
        let pieces = ["Fails", "failing", "the", "a", "x", "DB", "İstanbul", "ΣΊΣΥΦΟΣ", "日本語", "café", "e\u{301}", "42",
                      String(repeating: "z", count: 40), String(repeating: "y", count: 41), "SEV1", "p99", " ", " ", "-", ".", "\n", "—"]
        var table = SearchTermTable()
        for _ in 0..<300 {
            let text = (0..<Int(random.next() % 30)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            var numbers: [Int32] = []
            table.forEachTerm(in: text) { numbers.append($0) }
            let fromTable = numbers.map { table.terms[Int($0)] }
            #expect(fromTable == SearchTokenizer.terms(text), "\(text.debugDescription)")
        }
    }

    /// The same, generated: the table reads words in place and lowers only
    /// those with capitals or other scalars, so words mix all three.
    @Test func generatedTextGivesTheTokenizersTerms() async {
        let pieces = ["fail", "ing", "Fail", "DB", "x", "42", "the", "İ", "Σ", "é", "e\u{301}", "日本", "—", "🚨", "\u{A0}", " ", "\n",
                      "-", ".", "_", "@", "[", "`", "{", "Z", "z", "0", "9", String(repeating: "q", count: 39)]
        await propertyCheck(count: 1_500, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var random = SeededGenerator(seed: seed)
            var table = SearchTermTable()
            for _ in 0..<3 {
                let text = (0..<Int.random(in: 0...20, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                var numbers: [Int32] = []
                table.forEachTerm(in: text) { numbers.append($0) }
                #expect(numbers.map { table.terms[Int($0)] } == SearchTokenizer.terms(text), "\(text.debugDescription)")
            }
        }
    }

    /// Postings built through the term tables equal a plain count over the tokenizer's terms.
    @Test func postingsEqualAPlainCount() {
        var random = SeededGenerator(seed: 11)
        let documents = (0..<300).map { n in
            document(n, title: "\(Self.words[n % 10]) outage \(n % 7)",
                     body: (0..<40).map { _ in Self.words[Int(random.next() % 10)] + (random.next() % 3 == 0 ? "ing" : "") }.joined(separator: " "),
                     summary: "Summary of \(Self.words[(n + 3) % 10])")
        }
        var expected: [String: [(document: Int, weight: Int)]] = [:]
        for (number, document) in documents.enumerated() {
            var weights: [String: Int] = [:]
            for term in SearchTokenizer.terms(document.title + " " + document.id) { weights[term, default: 0] += 3 }
            for term in SearchTokenizer.terms(([document.summary] + document.tags + document.services + document.factors).joined(separator: " ")) {
                weights[term, default: 0] += 2
            }
            for term in SearchTokenizer.terms(document.body) { weights[term, default: 0] += 1 }
            for (term, weight) in weights { expected[term, default: []].append((number, min(weight, 99))) }
        }
        let (terms, postings) = SearchIndexBuilder.postings(documents, workers: 3)
        #expect(terms == expected.keys.sorted())
        for (term, list) in zip(terms, postings) {
            #expect(list.map { [Int($0.document), Int($0.weight)] } == expected[term]!.map { [$0.document, $0.weight] }, "\(term)")
        }
    }

    /// The byte-level clip against a scalar-by-scalar reference (the
    /// implementation it replaced), on text with runs of ASCII and Unicode
    /// whitespace, multi-byte letters and emoji, at many limits.
    @Test func clipAgreesWithAScalarByScalarReference() {
        func reference(_ text: String, _ limit: Int) -> (text: String, cut: Bool) {
            var out = String.UnicodeScalarView()
            var count = 0, pendingSpace = false, truncated = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace { pendingSpace = !out.isEmpty; continue }
                if count + (pendingSpace ? 1 : 0) >= limit { truncated = true; break }
                if pendingSpace { out.append(" "); count += 1; pendingSpace = false }
                out.append(scalar)
                count += 1
            }
            guard truncated else { return (String(out), false) }
            if let space = out.lastIndex(of: " ") { out = String.UnicodeScalarView(out[..<space]) }
            return (String(out) + " …", true)
        }
        var random = SeededGenerator(seed: 5)
        let pieces = ["word", "x", " ", "  ", "\t", "\n\n", "\u{00A0}", "\u{2003}", "\u{3000}", "é", "日本", "👩‍💻", "\u{85}", "a\u{301}", "—"]
        for _ in 0..<500 {
            let text = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            for limit in [0, 1, 2, 5, 13, 40] {
                let clipped = SearchIndexBuilder.clipped(text, to: limit), expected = reference(text, limit)
                #expect(clipped.text == expected.text && clipped.cut == expected.cut, "\(text.debugDescription) at \(limit)")
            }
        }
    }

    @Test func smallIndexIsOneShardWithWeightedPostings() throws {
        let output = SearchIndexBuilder(workers: 2).build([
            document(0, title: "Certificate expired", body: "The certificate expired."),
            document(1, title: "Kafka rebalancing", body: "A certificate was fine."),
        ])
        #expect(output.shardKeys == [""])
        let terms = try #require(text(output, "search/terms.js"))
        #expect(terms.hasPrefix("PM_SEARCH.terms(\"\", {"))
        let postings = try table(terms)
        // title ×3 + body ×1 for doc 0; body ×1 for doc 1.
        #expect(postings["certif"]!.map { [$0.document, $0.weight] } == [[0, 4], [1, 1]])
        #expect(postings["rebalanc"]!.map { [$0.document, $0.weight] } == [[1, 3]])
        #expect(postings["the"] == nil, "stop words are not indexed")
        let meta = try #require(text(output, "search/meta.js"))
        #expect(meta.hasPrefix("PM_SEARCH.meta({"))
        #expect(meta.contains("\"prefix\":3") && meta.contains("\"shards\":[\"\"]") && meta.contains("\"block\":16"))
        #expect(text(output, "search/facets.js") == "PM_SEARCH.facets([[0,[0],0,0,[0]],[1,[0],0,0,[0]]]);\n")
        // Both documents share block 0: severity SEV1 and SEV2 are facet values 0 and 1.
        let block = try #require(text(output, "search/d/0.js"))
        #expect(block.hasPrefix("PM_SEARCH.docs(0, [\n"))
        #expect(block.contains("[\"PM-2025-001\",\"Kafka rebalancing\",\"2025-01-02\",1,[0],0,\"postmortems/PM-2025-1.html\",\"A certificate was fine.\"]"))
    }

    @Test func largeIndexIsShardedWhereItIsBigAndEveryTermIsInItsShard() throws {
        var builder = SearchIndexBuilder(workers: 2)
        builder.targetShardBytes = 2_000
        // Many terms begin with "al" (split to three characters), a few with
        // "ab" (split off "a" but small), and the rest stay
        // under keys of one character.
        let documents = (0..<200).map { n in
            document(n, title: "Incident \(Self.words[n % 10]) \(n)", body: "ab\(n % 20) al\(n) alx\(n) aly\(n) " + (0..<30).map { "\(Self.words[($0 + n) % 10])\($0 % 7)" }.joined(separator: " "))
        }
        let output = builder.build(documents)
        #expect(output.shardKeys == output.shardKeys.sorted())
        #expect(Set(output.shardKeys.map(\.count)) == [1, 2, 3], "only big shards are split further: \(output.shardKeys)")
        let keys = Set(output.shardKeys)
        var seen = 0
        for key in output.shardKeys {
            let shard = try #require(text(output, "search/t-\(key).js"), "no file for key \(key)")
            let bytes = shard.utf8.count
            #expect(shard.hasPrefix("PM_SEARCH.terms(\"\(key)\", {"))
            #expect(bytes <= 2_100 || key.count == SearchIndexBuilder.maximumKeyLength, "\(key): \(bytes) bytes")
            for term in try table(shard).keys {
                #expect(SearchIndexBuilder.shard(of: term, in: keys) == key, "\(term) is looked up where it is")
                seen += 1
            }
        }
        #expect(seen == output.termCount)
        #expect(!keys.contains(""), "a split index has no catch-all shard")
    }

    @Test func documentsComeInBlocksInTheirOrder() throws {
        var builder = SearchIndexBuilder(workers: 2)
        builder.documentsPerBlock = 4
        let documents = (0..<10).map { document($0, title: "Outage \($0)", services: ["zeta", "alpha"]) }
        let output = builder.build(documents)
        #expect(output.blockCount == 3)
        #expect(output.files.filter { $0.path.hasPrefix("search/d/") }.map(\.path) == ["search/d/0.js", "search/d/1.js", "search/d/2.js"])
        let last = try #require(text(output, "search/d/2.js"))
        #expect(last.hasPrefix("PM_SEARCH.docs(2, [\n[\"PM-2025-008\",\"Outage 8\""))
        #expect(last.components(separatedBy: "\n").count == 5, "two rows: \(last)")
        #expect(last.contains(",[1,0],"), "services keep the document's order (zeta, alpha)")
    }

    @Test func snippetTextIsTheSummaryThenTheOpeningOfTheBody() {
        var builder = SearchIndexBuilder(workers: 1)
        builder.snippetCharacters = 80
        let body = "Incident Overview\nThe pool ran dry at noon and every request waited for a connection that never came."
        #expect(builder.snippetText(document(0, title: "t", body: body, summary: "Orders failed.")) ==
                "Orders failed. Incident Overview The pool ran dry at noon and every request …")
        #expect(builder.snippetText(document(0, title: "t", body: body)) ==
                "Incident Overview The pool ran dry at noon and every request waited for a …")
        let long = String(repeating: "word ", count: 30)
        #expect(builder.snippetText(document(0, title: "t", body: body, summary: long)).hasSuffix("word …"),
                "a cut summary is not followed by body text")
    }

    @Test func postingsRoundTripAndMostTakeOneCharacter() {
        #expect(PostingCoder.encode([(0, 1)]) == "0")
        #expect(PostingCoder.encode([(0, 1), (1, 1), (2, 2)]) == "089")
        #expect(PostingCoder.encode([(0, 8)]) == "70", "weights from 8 on add a number")
        #expect(PostingCoder.encode([(4, 1)]) == "x0", "32 and up take a second digit")
        var generator = SeededGenerator(seed: 8)
        for _ in 0..<200 {
            var document = 0
            let postings = (0..<Int.random(in: 0...50, using: &generator)).map { _ in
                document += [0, 1, 1, 2, 37, 5_000, 70_000].randomElement(using: &generator)!
                return (document: document, weight: Int.random(in: 1...99, using: &generator))
            }
            let text = PostingCoder.encode(postings)
            #expect(text.utf8.allSatisfy { PostingCoder.alphabet.contains($0) })
            let back = PostingCoder.decode(text)
            #expect(back?.map { [$0.document, $0.weight] } == postings.map { [$0.document, $0.weight] }, "\(text)")
        }
        #expect(PostingCoder.decode("w") == nil, "a number cut short")
        #expect(PostingCoder.decode("7") == nil, "a weight missing")
    }

    @Test func outputIsIdenticalForAnyNumberOfWorkers() {
        let documents = (0..<50).map { document($0, title: "Outage \($0) in checkout", body: "pool exhaustion \($0) dns cert") }
        let one = SearchIndexBuilder(workers: 1).build(documents).files
        let four = SearchIndexBuilder(workers: 4).build(documents).files
        #expect(one == four)
    }

    @Test func scriptBreakoutIsEscapedInEveryFile() {
        let output = SearchIndexBuilder(workers: 1).build([document(0, title: "</script><script>alert(1)</script>", body: "x </script> y",
                                                                    summary: "<!-- </SCRIPT> &amp;")])
        for file in output.files {
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.lowercased().contains("</script"), "\(file.path)")
            #expect(!text.contains("<script") && !text.contains("<!--"), "\(file.path)")
        }
    }

    @Test func shardKeysAreFileNameSafe() {
        #expect(SearchIndexBuilder.shardKey(of: "größe", length: 3) == "gr_")
        #expect(SearchIndexBuilder.shardKey(of: "a", length: 2) == "a")
        #expect(SearchIndexBuilder.shardKey(of: "kafka", length: 0) == "")
        #expect(SearchIndexBuilder.shard(of: "kafka", in: ["k", "ka", "kaf"]) == "kaf")
        #expect(SearchIndexBuilder.shard(of: "kb", in: ["k", "ka", "kaf"]) == "k")
        #expect(SearchIndexBuilder.shard(of: "x", in: ["k"]) == nil)
    }
}

