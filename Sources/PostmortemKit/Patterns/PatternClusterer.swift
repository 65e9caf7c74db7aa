import Foundation

/// Greedy average linkage: strongest pairs first; two groups merge when the
/// linking pair reaches `threshold` and their average pairwise score stays at
/// least `averageThreshold`, which stops chains of loosely similar incidents.
///
/// The average text similarity of two groups is the dot product of their
/// summed vectors over the number of pairs, so it costs one sparse dot
/// product however large the groups grow; the structural part is averaged
/// over (at most `structureSample` × `structureSample`) member pairs. Groups
/// are updated in place and the smaller is merged into the larger.
///
/// Summed vectors are sorted arrays, like a document's: a dot product walks
/// the shorter one and finds each of its terms in the longer by galloping
/// search, so it never sorts. (Dictionaries, sorted for every dot product of
/// two groups, made clustering quadratic once groups used thousands of
/// distinct words: 44 s of `patterns` at 10,000 postmortems with a realistic
/// vocabulary.) Products are added in increasing term order whatever the
/// representation, so scores are the same to the last bit.
struct PatternClusterer {
    var threshold: Double
    var averageThreshold: Double
    static let structureSample = 16

    /// Two groups, the one with the lower name first, and their sizes.
    private struct GroupPair: Hashable {
        var first: Int, second: Int, firstSize: Int, secondSize: Int
    }

    /// Summed vectors of a group of two or more; a single document uses its own vectors.
    private struct Sums {
        var words: SparseVector
        var wordSets: SparseVector
        var concepts: SparseVector
        var failureModes: SparseVector
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

        // A group's summed vector, or a single document's own.
        func dot(_ x: Int, _ y: Int, _ vector: (PatternDocument) -> SparseVector, _ sum: (Sums) -> SparseVector) -> Double {
            Double(PatternClusterer.dot(sums[x].map(sum) ?? vector(documents[x]), sums[y].map(sum) ?? vector(documents[y])))
        }
        func add(_ group: Int, into sum: inout Sums) {
            if let other = sums[group] {
                sum.words = PatternClusterer.added(sum.words, other.words)
                sum.wordSets = PatternClusterer.added(sum.wordSets, other.wordSets)
                sum.concepts = PatternClusterer.added(sum.concepts, other.concepts)
                sum.failureModes = PatternClusterer.added(sum.failureModes, other.failureModes)
            } else {
                let document = documents[group]
                sum.words = PatternClusterer.added(sum.words, document.vector)
                sum.wordSets = PatternClusterer.added(sum.wordSets, document.wordSet)
                sum.concepts = PatternClusterer.added(sum.concepts, document.concepts)
                sum.failureModes = PatternClusterer.added(sum.failureModes, document.failureModes)
            }
        }

        // Pairs of groups refused, by their names and sizes: a group only
        // grows, so the same name and size is the same members, and the same
        // answer. Two large groups joined by many edges are judged once
        // until one of them changes, not once per edge.
        var refused = Set<GroupPair>()
        for edge in edges {
            let x = groupOf[Int(pairs[edge].a)], y = groupOf[Int(pairs[edge].b)]
            guard x != y else { continue }
            let left = membersOf(x), right = membersOf(y)
            let judged = x < y ? GroupPair(first: x, second: y, firstSize: left.count, secondSize: right.count)
                : GroupPair(first: y, second: x, firstSize: right.count, secondSize: left.count)
            guard !refused.contains(judged) else { continue }
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
            guard PairScorer.textWeight * text + structure / Double(sampled) >= averageThreshold else {
                refused.insert(judged)
                continue
            }
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
                sum = Sums(words: [], wordSets: [], concepts: [], failureModes: [])
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

    /// The dot product of two vectors sorted by term: each term of the
    /// shorter is looked for in the longer by galloping search from where the
    /// last one was found, so a document against a group of thousands costs
    /// its own length times a logarithm; vectors of about the same length
    /// are merged in one pass. Products are added in increasing term order,
    /// as `PairScorer.dot` adds them.
    static func dot(_ a: SparseVector, _ b: SparseVector) -> Float {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        // Two large groups of about the same size: one pass over both is
        // cheaper than a search per term (and adds in the same order).
        if short.count * (Int.bitWidth - long.count.leadingZeroBitCount) > short.count + long.count {
            return PairScorer.dot(short, long)
        }
        var total: Float = 0
        var low = 0
        for (term, weight) in short {
            guard low < long.count else { break }
            // Gallop to a bound past the term, then search between.
            var step = 1, high = low
            while high < long.count && long[high].term < term {
                low = high + 1
                high += step
                step *= 2
            }
            high = min(high, long.count - 1)
            while low < high {
                let middle = (low + high) / 2
                if long[middle].term < term { low = middle + 1 } else { high = middle }
            }
            if low < long.count && long[low].term == term {
                total += weight * long[low].weight
                low += 1
            }
        }
        return total
    }

    /// The sum of two vectors sorted by term (the first's weight plus the
    /// second's where both hold a term), sorted by term.
    static func added(_ a: SparseVector, _ b: SparseVector) -> SparseVector {
        guard !a.isEmpty else { return b }
        guard !b.isEmpty else { return a }
        var sum: SparseVector = []
        sum.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i].term == b[j].term {
                sum.append((a[i].term, a[i].weight + b[j].weight))
                i += 1; j += 1
            } else if a[i].term < b[j].term {
                sum.append(a[i]); i += 1
            } else {
                sum.append(b[j]); j += 1
            }
        }
        sum += a[i...]
        sum += b[j...]
        return sum
    }
}
