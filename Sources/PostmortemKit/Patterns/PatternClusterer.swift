import Foundation

/// Greedy average linkage: strongest pairs first; two groups merge when the
/// linking pair reaches `threshold` and their average pairwise score stays at
/// least `averageThreshold`, which stops chains of loosely similar incidents.
///
/// The average text similarity of two groups is the dot product of their
/// summed vectors over the number of pairs, so it costs one sparse dot
/// product however large the groups grow; the structural part is averaged
/// over (at most `structureSample` × `structureSample`) member pairs. Groups
/// are updated in place and the smaller is merged into the larger, so a
/// cluster of thousands costs about as much per member as a cluster of two.
struct PatternClusterer {
    var threshold: Double
    var averageThreshold: Double
    static let structureSample = 16

    /// Summed vectors of a group of two or more; a single document uses its own vectors.
    private struct Sums {
        var words: [Int32: Float]
        var wordSets: [Int32: Float]
        var concepts: [Int32: Float]
        var failureModes: [Int32: Float]
    }

    /// Groups of two or more document indices, each ordered by start and id.
    func clusters(_ documents: [PatternDocument], pairs: [CandidateIndex.Pair], scores: [Double],
                  scorer: PairScorer) -> [[Int]] {
        let edges = pairs.indices.filter { scores[$0] >= threshold }.sorted { x, y in
            let p = pairs[x], q = pairs[y]
            return (scores[x], documents[Int(q.a)].idRank, documents[Int(q.b)].idRank)
                > (scores[y], documents[Int(p.a)].idRank, documents[Int(p.b)].idRank)
        }
        // The group of a document is named by its first member.
        var groupOf = Array(documents.indices)
        var members = [[Int]](repeating: [], count: documents.count)
        var sums = [Sums?](repeating: nil, count: documents.count)
        func membersOf(_ group: Int) -> [Int] { members[group].isEmpty ? [group] : members[group] }

        func dot(_ x: Int, _ y: Int, _ vector: (PatternDocument) -> SparseVector, _ sum: (Sums) -> [Int32: Float]) -> Double {
            switch (sums[x], sums[y]) {
            case (nil, nil): return Double(PairScorer.dot(vector(documents[x]), vector(documents[y])))
            case (let group?, nil): return Double(dot(vector(documents[y]), sum(group)))
            case (nil, let group?): return Double(dot(vector(documents[x]), sum(group)))
            case (let a?, let b?):
                let (small, large) = sum(a).count <= sum(b).count ? (sum(a), sum(b)) : (sum(b), sum(a))
                return Double(dot(small.sorted { $0.key < $1.key }.map { (term: $0.key, weight: $0.value) }, large))
            }
        }
        // Summed in term order so the result does not depend on hash order.
        func dot(_ vector: SparseVector, _ sum: [Int32: Float]) -> Float {
            var total: Float = 0
            for (term, weight) in vector { if let other = sum[term] { total += weight * other } }
            return total
        }
        func add(_ group: Int, into sum: inout Sums) {
            if let other = sums[group] {
                sum.words.merge(other.words, uniquingKeysWith: +)
                sum.wordSets.merge(other.wordSets, uniquingKeysWith: +)
                sum.concepts.merge(other.concepts, uniquingKeysWith: +)
                sum.failureModes.merge(other.failureModes, uniquingKeysWith: +)
            } else {
                for (term, weight) in documents[group].vector { sum.words[term, default: 0] += weight }
                for (term, weight) in documents[group].wordSet { sum.wordSets[term, default: 0] += weight }
                for (term, weight) in documents[group].concepts { sum.concepts[term, default: 0] += weight }
                for (term, weight) in documents[group].failureModes { sum.failureModes[term, default: 0] += weight }
            }
        }

        for edge in edges {
            let x = groupOf[Int(pairs[edge].a)], y = groupOf[Int(pairs[edge].b)]
            guard x != y else { continue }
            let left = membersOf(x), right = membersOf(y)
            let pairCount = Double(left.count * right.count)
            let text = (PairScorer.wordSetWeight * dot(x, y, \.wordSet, \.wordSets)
                + PairScorer.wordWeight * dot(x, y, \.vector, \.words) + PairScorer.conceptWeight * dot(x, y, \.concepts, \.concepts)
                + PairScorer.failureModeWeight * dot(x, y, \.failureModes, \.failureModes)) / pairCount
            var structure = 0.0, sampled = 0
            for i in left.prefix(PatternClusterer.structureSample) {
                for j in right.prefix(PatternClusterer.structureSample) {
                    structure += scorer.structuralPart(i, j)
                    sampled += 1
                }
            }
            guard PairScorer.textWeight * text + structure / Double(sampled) >= averageThreshold else { continue }
            let (keep, drop) = left.count >= right.count ? (x, y) : (y, x)
            let dropped = membersOf(drop)
            for member in dropped { groupOf[member] = keep }
            // Taken out and put back so that the arrays and dictionaries are
            // mutated in place rather than copied.
            var kept = members[keep]
            members[keep] = []
            if kept.isEmpty { kept = [keep] }
            kept += dropped
            members[keep] = kept
            members[drop] = []
            var sum: Sums
            if let taken = sums[keep].take() {
                sum = taken
            } else {
                sum = Sums(words: [:], wordSets: [:], concepts: [:], failureModes: [:])
                add(keep, into: &sum)
            }
            add(drop, into: &sum)
            sums[keep] = sum
            sums[drop] = nil
        }
        return members.filter { $0.count >= 2 }.map { group in
            group.sorted { (documents[$0].started, documents[$0].idRank) < (documents[$1].started, documents[$1].idRank) }
        }
    }
}
