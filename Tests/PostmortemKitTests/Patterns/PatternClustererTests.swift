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

    /// The strongest terms a document is indexed under: the first of the
    /// whole vector sorted by weight (ties: lower term first), in that order.
    @Test func strongestTermsAreTheFirstOfTheSortedVector() async {
        await propertyCheck(count: 500, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            var vector = Self.vector(&generator, length: Bool.random(using: &generator) ? 30 : 600, vocabulary: 2_000)
            // Equal weights, which the order breaks by term.
            for index in vector.indices where Int.random(in: 0..<4, using: &generator) == 0 { vector[index].weight = 0.5 }
            let count = Int.random(in: 0...40, using: &generator)
            let sorted = vector.sorted { ($0.weight, $1.term) > ($1.weight, $0.term) }.prefix(count)
            let strongest = CandidateIndex.strongest(vector, count: count)
            #expect(strongest.map(\.term) == sorted.map(\.term))
            #expect(strongest.map(\.weight) == sorted.map(\.weight))
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

    /// The clusters of documents, with groups summed densely from `denseMembers` members on.
    static func clusters(_ postmortems: [Postmortem], denseMembers: Int) -> [[Int]] {
        let analyzer = PatternAnalyzer()
        let corpus = PatternCorpus(postmortems, workers: 2)
        let scorer = PairScorer(documents: corpus.documents, vocabulary: corpus.vocabulary)
        let pairs = CandidateIndex.pairs(corpus.documents, workers: 2)
        let scores = pairs.map { scorer.score(Int($0.a), Int($0.b)) }
        var clusterer = PatternClusterer(threshold: analyzer.clusterThreshold, averageThreshold: analyzer.clusterAverageThreshold)
        clusterer.denseMembers = denseMembers
        return clusterer.clusters(corpus.documents, pairs: pairs, scores: scores, scorer: scorer)
    }

    /// Dense sums (every group of two or more) and sorted ones (none) join
    /// the same groups, on labelled corpora alone and all together (1,000
    /// postmortems, with groups of dozens).
    @Test func denseAndSortedSumsMakeTheSameClusters() throws {
        var all: [Postmortem] = []
        for number in [1, 6, 12, 19, 25, 30] {
            let postmortems = try TestLint.fixtureWithBlobIDs("patterns-corpus-\(number)").postmortems
            let sorted = Self.clusters(postmortems, denseMembers: .max)
            #expect(!sorted.isEmpty)
            #expect(Self.clusters(postmortems, denseMembers: 2) == sorted)
            // Ids repeat across corpora: give each file an id of its own.
            all += postmortems.map { postmortem in
                var renamed = postmortem
                if case .object(var fields)? = postmortem.frontMatter?.value {
                    fields["id"] = .string("C\(number)-\(postmortem.id ?? "")")
                    renamed.frontMatter?.value = .object(fields)
                }
                return renamed
            }
        }
        let sorted = Self.clusters(all, denseMembers: .max)
        #expect(sorted.contains { $0.count > 4 })
        #expect(Self.clusters(all, denseMembers: 2) == sorted)
        #expect(Self.clusters(all, denseMembers: 8) == sorted)
    }

    /// Dense sums against sorted ones: the same weights, and the same dot
    /// products with a document and with another group, to the last bit,
    /// in each of two parts filled side by side (lanes of one array).
    @Test func denseSumsMatchSortedOnesBitForBit() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            let vocabulary = Int32.random(in: 1...3_000, using: &generator)
            let parts: [PatternClusterer.Part] = [.words, .failureModes]
            func group() -> (PatternClusterer.Dense, [SparseVector]) {
                let dense = PatternClusterer.Dense(vocabulary: Int(vocabulary))
                var sorted: [SparseVector] = [[], []]
                for _ in 0..<Int.random(in: 1...5, using: &generator) {
                    for (index, part) in parts.enumerated() {
                        let vector = Self.vector(&generator, length: Bool.random(using: &generator) ? 20 : 1_500, vocabulary: vocabulary)
                        dense.add(vector, to: part)
                        sorted[index] = PatternClusterer.added(sorted[index], vector)
                    }
                }
                return (dense, sorted)
            }
            func holds(_ dense: PatternClusterer.Dense, _ sorted: [SparseVector]) -> Bool {
                zip(parts, sorted).allSatisfy { part, vector in
                    vector.allSatisfy { dense.sums[Int($0.term)][part.rawValue].bitPattern == $0.weight.bitPattern }
                }
            }
            let (a, sortedA) = group(), (b, sortedB) = group()
            #expect(holds(a, sortedA))
            let probe = Self.vector(&generator, length: 200, vocabulary: vocabulary)
            let dots = a.dots(b)
            for (index, part) in parts.enumerated() {
                #expect(a.dot(probe, part).bitPattern == PatternClusterer.dot(probe, sortedA[index]).bitPattern)
                #expect(dots[part.rawValue].bitPattern == PatternClusterer.dot(sortedA[index], sortedB[index]).bitPattern)
            }
            a.add(b)
            let sums = zip(sortedA, sortedB).map { PatternClusterer.added($0, $1) }
            #expect(holds(a, sums))
            for (index, part) in parts.enumerated() {
                #expect(a.dot(probe, part).bitPattern == PatternClusterer.dot(probe, sums[index]).bitPattern)
            }
            // The parts nothing was added to hold nothing.
            #expect(a.dot(probe, .concepts) == 0 && a.dots(b)[PatternClusterer.Part.wordSets.rawValue] == 0)
        }
    }
}
