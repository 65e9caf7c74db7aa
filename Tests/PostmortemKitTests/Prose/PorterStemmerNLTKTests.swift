import Foundation
import Testing
@testable import PostmortemKit

/// The search index's stemmer against NLTK's, an implementation independent of ours.
struct PorterStemmerNLTKTests {
    @Test func matchesNLTKMartinExtensions() throws {
        let file = TestLint.packageRoot.appendingPathComponent("Tests/Fixtures/porter/nltk-martin.tsv")
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        var mismatches: [String] = []
        for row in rows where row.count == 2 {
            let stem = PorterStemmer.stem(row[0])
            if stem != row[1] { mismatches.append("\(row[0]): \(stem) ≠ \(row[1])") }
        }
        #expect(rows.count > 2_000)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(rows.count): \(mismatches.prefix(30))")
    }

}
