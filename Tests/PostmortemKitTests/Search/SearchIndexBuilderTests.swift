import Foundation
import Testing
@testable import PostmortemKit

struct SearchIndexBuilderTests {
    func document(_ n: Int, title: String, body: String = "", services: [String] = ["api"]) -> SearchDocument {
        SearchDocument(id: "PM-2025-\(String(format: "%03d", n))", title: title, severity: "SEV\(n % 4 + 1)",
                       date: "2025-01-0\(n % 9 + 1)", year: "2025", status: "published", services: services,
                       factors: ["deploy"], tags: [], url: "postmortems/PM-2025-\(n).html", summary: "", body: body)
    }

    func text(_ output: SearchIndexBuilder.Output, _ path: String) -> String? {
        output.files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
    }

    @Test func smallIndexIsOneShardWithWeightedDeltaPostings() throws {
        let output = SearchIndexBuilder(workers: 2).build([
            document(0, title: "Certificate expired", body: "The certificate expired."),
            document(1, title: "Kafka rebalancing", body: "A certificate was fine."),
        ])
        #expect(output.prefixLength == 0)
        let terms = try #require(text(output, "search/terms.js"))
        // title ×3 + body ×1 for doc 0; body ×1 for doc 1 (delta 1).
        #expect(terms.contains("\"certif\":[0,4,1,1]"))
        #expect(terms.contains("\"rebalanc\":[1,3]"))
        #expect(!terms.contains("\"the\""), "stop words are not indexed")
        let meta = try #require(text(output, "search/meta.js"))
        #expect(meta.hasPrefix("PM_SEARCH.meta({"))
        #expect(meta.contains("\"prefix\":0"))
        #expect(text(output, "search/facets.js") == "PM_SEARCH.facets([[0,[0],0,0,[0]],[1,[0],0,0,[0]]]);\n")
        #expect(text(output, "search/d/1.js")?.contains("\"title\":\"Kafka rebalancing\"") == true)
    }

    @Test func largeIndexIsShardedByPrefixAndLoadsLittle() {
        var builder = SearchIndexBuilder(workers: 2)
        builder.targetShardBytes = 2_000
        let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
        let documents = (0..<200).map { n in
            document(n, title: "Incident \(words[n % 10]) \(n)", body: (0..<30).map { "\(words[($0 + n) % 10])\($0 % 7)" }.joined(separator: " "))
        }
        let output = builder.build(documents)
        #expect(output.prefixLength >= 1)
        #expect(output.shardCount > 1)
        let shards = output.files.filter { $0.path.hasPrefix("search/t-") }
        #expect(shards.count == output.shardCount)
        for shard in shards {
            let key = String(shard.path.dropFirst("search/t-".count).dropLast(3))
            let text = String(decoding: shard.contents, as: UTF8.self)
            #expect(text.hasPrefix("PM_SEARCH.terms(\"\(key)\", {"))
        }
    }

    @Test func outputIsIdenticalForAnyNumberOfWorkers() {
        let documents = (0..<50).map { document($0, title: "Outage \($0) in checkout", body: "pool exhaustion \($0) dns cert") }
        let one = SearchIndexBuilder(workers: 1).build(documents).files
        let four = SearchIndexBuilder(workers: 4).build(documents).files
        #expect(one == four)
    }

    @Test func scriptBreakoutIsEscapedInEveryFile() {
        let output = SearchIndexBuilder(workers: 1).build([document(0, title: "</script><script>alert(1)</script>", body: "x </script> y")])
        for file in output.files {
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains("</script"), "\(file.path)")
            #expect(!text.contains("<script"), "\(file.path)")
        }
    }

    @Test func shardKeysAreFileNameSafe() {
        #expect(SearchIndexBuilder.shardKey(of: "größe", length: 3) == "gr_")
        #expect(SearchIndexBuilder.shardKey(of: "a", length: 2) == "a")
        #expect(SearchIndexBuilder.shardKey(of: "kafka", length: 0) == "")
    }
}
