import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

/// The clusterer's sums of sorted vectors against the dictionaries they
/// replaced: the same weights and dot products to the last bit, since a
/// clustering decision compares them with a threshold.
struct PatternClustererTests {
    /// A sorted vector of up to `length` distinct terms below `vocabulary`.
    static func vector(_ generator: inout SeededGenerator, length: Int, vocabulary: Int32) -> SparseVector {
        var terms = Set<Int32>()
        for _ in 0..<Int.random(in: 0...length, using: &generator) { terms.insert(Int32.random(in: 0..<vocabulary, using: &generator)) }
        return terms.sorted().map { (term: $0, weight: Float.random(in: 0.001...1, using: &generator)) }
    }

    /// As the clusterer did before: a dictionary, its products added in term order.
    static func dictionaryDot(_ vector: SparseVector, _ sum: [Int32: Float]) -> Float {
        var total: Float = 0
        for (term, weight) in vector { if let other = sum[term] { total += weight * other } }
        return total
    }

    @Test func sortedSumsAndDotProductsMatchDictionariesBitForBit() async {
        await propertyCheck(count: 500, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            // Short against long (a document against a group) and alike.
            let vocabulary = Int32.random(in: 1...5_000, using: &generator)
            let parts = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                Self.vector(&generator, length: Bool.random(using: &generator) ? 20 : 2_000, vocabulary: vocabulary)
            }
            var sorted: SparseVector = [], dictionary: [Int32: Float] = [:]
            for part in parts {
                sorted = PatternClusterer.added(sorted, part)
                for (term, weight) in part { dictionary[term, default: 0] += weight }
            }
            #expect(sorted.map(\.term) == dictionary.keys.sorted())
            #expect(sorted.allSatisfy { dictionary[$0.term]!.bitPattern == $0.weight.bitPattern })
            let probe = Self.vector(&generator, length: Bool.random(using: &generator) ? 30 : 3_000, vocabulary: vocabulary)
            let expected = Self.dictionaryDot(probe, dictionary)
            #expect(PatternClusterer.dot(probe, sorted).bitPattern == expected.bitPattern)
            #expect(PatternClusterer.dot(sorted, probe).bitPattern == expected.bitPattern)
            #expect(PatternClusterer.dot(probe, sorted).bitPattern == PairScorer.dot(probe, sorted).bitPattern)
        }
    }

    @Test func emptyVectorsHaveNoProductAndAddNothing() {
        let vector: SparseVector = [(term: 3, weight: 0.5), (term: 9, weight: 0.25)]
        #expect(PatternClusterer.dot([], vector) == 0)
        #expect(PatternClusterer.dot(vector, []) == 0)
        #expect(PatternClusterer.added([], vector).map(\.term) == [3, 9])
        #expect(PatternClusterer.added(vector, []).map(\.weight) == [0.5, 0.25])
        // Past the last term of the longer vector.
        #expect(PatternClusterer.dot([(term: 10, weight: 1)], vector) == 0)
        #expect(PatternClusterer.dot([(term: 9, weight: 2)], vector) == 0.5)
    }
}
