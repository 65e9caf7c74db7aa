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
/// Summed vectors of small groups are sorted arrays, like a document's: a
/// dot product walks the shorter one and finds each of its terms in the
/// longer by galloping search, so it never sorts. (Dictionaries, sorted for
/// every dot product of two groups, made clustering quadratic once groups
/// used thousands of distinct words: 44 s of `patterns` at 10,000
/// postmortems with a realistic vocabulary.) Groups of `denseMembers` or
/// more are arrays indexed by term (`Dense`), within a memory budget.
/// Products are added in increasing term order whatever the
/// representation, so scores are the same to the last bit.
struct PatternClusterer {
    var threshold: Double
    var averageThreshold: Double
    static let structureSample = 16

    /// Two groups, the one with the lower name first, and their sizes.
    private struct GroupPair: Hashable {
        var first: Int, second: Int, firstSize: Int, secondSize: Int
    }

    /// The four vectors a group sums; a part's raw value is its lane in `Dense.sums`.
    enum Part: Int, CaseIterable { case words, wordSets, concepts, failureModes }

    /// Summed vectors of a group of two or more (a single document uses its
    /// own): sorted sparse vectors, or once the group is large, arrays
    /// indexed by term (`Dense`).
    private enum Sums {
        case sparse([SparseVector])
        case dense(Dense)
    }

    /// A large group's sums in one array indexed by term, the four parts of
    /// a term side by side (lane n is `Part(rawValue: n)`), with a bit per
    /// term any of them holds. Adding a member then costs the member's
    /// terms rather than the group's, and a dot product with a document its
    /// document's terms: with sorted vectors, merging each new member into
    /// groups of thousands, and their dot products, took a quarter of the
    /// CPU of `patterns` at 100,000 postmortems, on one core. Side by side,
    /// a term's parts share a cache line, and two groups' dot products are
    /// one pass over the terms both hold for all four parts (they were four
    /// passes over four arrays, most of the clustering's time at 100,000).
    /// Weights are added, and products summed in increasing term order,
    /// exactly as with sorted vectors, lane by lane (a term one side lacks
    /// adds a product of +0, which changes no sum of positive products), so
    /// the clustering is the same to the bit.
    final class Dense {
        var sums: [SIMD4<Float>]
        var support: [UInt64]

        init(vocabulary: Int) {
            sums = [SIMD4<Float>](repeating: .zero, count: vocabulary)
            support = [UInt64](repeating: 0, count: (vocabulary + 63) / 64)
        }

        /// Adds `vector` to one part (`sums[t][part] + weight`, as `added` adds).
        func add(_ vector: SparseVector, to part: Part) {
            let lane = part.rawValue
            sums.withUnsafeMutableBufferPointer { sums in
                for (term, weight) in vector { sums[Int(term)][lane] += weight }
            }
            for (term, _) in vector { support[Int(term) >> 6] |= 1 << (UInt64(term) & 63) }
        }

        /// Adds each of four vectors to its part, in the order of `Part`.
        func add(_ vectors: [SparseVector]) {
            for (part, vector) in zip(Part.allCases, vectors) { add(vector, to: part) }
        }

        /// Adds every part of `other` to this one's.
        func add(_ other: Dense) {
            sums.withUnsafeMutableBufferPointer { sums in
                other.sums.withUnsafeBufferPointer { theirs in
                    other.forEachTerm { sums[$0] += theirs[$0] }
                }
            }
            for index in support.indices { support[index] |= other.support[index] }
        }

        /// Calls `body` with every term of `support`, in increasing order.
        func forEachTerm(_ body: (Int) -> Void) {
            Dense.forEachBit(words: support.count, { support[$0] }, body)
        }

        /// Calls `body` with the position of every bit set in `words` 64-bit
        /// words (`word(i)` gives the i-th), in increasing order.
        private static func forEachBit(words: Int, _ word: (Int) -> UInt64, _ body: (Int) -> Void) {
            for index in 0..<words {
                var bits = word(index)
                while bits != 0 {
                    body(index << 6 | bits.trailingZeroBitCount)
                    bits &= bits - 1
                }
            }
        }

        func dot(_ vector: SparseVector, _ part: Part) -> Float {
            let lane = part.rawValue
            return sums.withUnsafeBufferPointer { sums in
                var total: Float = 0
                for (term, weight) in vector { total += weight * sums[Int(term)][lane] }
                return total
            }
        }

        /// The dot products of all four parts with `other`'s, lane by lane.
        func dots(_ other: Dense) -> SIMD4<Float> {
            sums.withUnsafeBufferPointer { a in
                other.sums.withUnsafeBufferPointer { b in
                    var total = SIMD4<Float>.zero
                    Dense.forEachBit(words: support.count, { support[$0] & other.support[$0] }) { total += a[$0] * b[$0] }
                    return total
                }
            }
        }
    }

    /// Groups of at least this many members are summed densely, as long as
    /// `denseBudget` allows. (Either way the clusters are the same.)
    var denseMembers = 64
    /// Bytes that dense sums may take at once; past it, groups stay sparse.
    static let denseBudget = 128 << 20

    /// Groups of two or more document indices, each ordered by start and id.
    func clusters(_ documents: [PatternDocument], pairs: [CandidateIndex.Pair], scores: [Double],
                  scorer: PairScorer) -> [[Int]] {
        let idRank = documents.map(\.idRank)
        let edges = pairs.indices.filter { scores[$0] >= threshold }.sorted { x, y in
            let p = pairs[x], q = pairs[y]
            return (scores[x], idRank[Int(q.a)], idRank[Int(q.b)]) > (scores[y], idRank[Int(p.a)], idRank[Int(p.b)])
        }
        // The group of a document is named by its first member.
        var groupOf = Array(documents.indices)
        var members = [[Int]](repeating: [], count: documents.count)
        var sums = [Sums?](repeating: nil, count: documents.count)
        func membersOf(_ group: Int) -> [Int] { members[group].isEmpty ? [group] : members[group] }
        let vocabulary = scorer.vocabulary.count
        let maxDense = max(1, PatternClusterer.denseBudget / max(1, Part.allCases.count * 4 * vocabulary + vocabulary / 8))
        var denseCount = 0

        // Every document's own vectors, part by part (indexed by `Part`),
        // from the scorer's arrays: read from the documents, each dot
        // product of a single document copied the whole document, even
        // through the array's buffer.
        let own = [scorer.words, scorer.wordSets, scorer.concepts, scorer.failureModes]
        /// A part of a group's sparse sums, or of a single document's own vectors.
        func sparse(_ sums: Sums?, _ group: Int, _ part: Part) -> SparseVector {
            if case .sparse(let parts)? = sums { return parts[part.rawValue] }
            return own[part.rawValue][group]
        }
        func sparseParts(_ sums: Sums?, _ group: Int) -> [SparseVector] {
            Part.allCases.map { sparse(sums, group, $0) }
        }
        // The dot products of the four parts of two groups' sums (a single
        // document's own vectors), in the order of `Part`.
        func dots(_ x: Int, _ y: Int) -> SIMD4<Float> {
            func each(_ dot: (Part) -> Float) -> SIMD4<Float> {
                SIMD4(dot(.words), dot(.wordSets), dot(.concepts), dot(.failureModes))
            }
            switch (sums[x], sums[y]) {
            case (.dense(let a)?, .dense(let b)?): return a.dots(b)
            case (.dense(let a)?, let other): return each { a.dot(sparse(other, y, $0), $0) }
            case (let other, .dense(let b)?): return each { b.dot(sparse(other, x, $0), $0) }
            case (let a, let b): return each { PatternClusterer.dot(sparse(a, x, $0), sparse(b, y, $0)) }
            }
        }
        /// The sum of two groups: `kept`'s weights plus `dropped`'s, in a
        /// dense form when either is dense or the merged group is large.
        func merged(_ kept: Sums?, keptGroup: Int, _ dropped: Sums?, droppedGroup: Int, size: Int) -> Sums {
            switch (kept, dropped) {
            case (.dense(let a)?, .dense(let b)?):
                a.add(b)
                denseCount -= 1
                return .dense(a)
            case (.dense(let a)?, _):
                a.add(sparseParts(dropped, droppedGroup))
                return .dense(a)
            case (_, .dense(let b)?):
                // Addition of two floats does not depend on their order.
                b.add(sparseParts(kept, keptGroup))
                return .dense(b)
            default:
                if size >= denseMembers && denseCount < maxDense {
                    let dense = Dense(vocabulary: vocabulary)
                    dense.add(sparseParts(kept, keptGroup))
                    dense.add(sparseParts(dropped, droppedGroup))
                    denseCount += 1
                    return .dense(dense)
                }
                return .sparse(zip(sparseParts(kept, keptGroup), sparseParts(dropped, droppedGroup)).map { PatternClusterer.added($0, $1) })
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
            let dot = dots(x, y)
            let text = (PairScorer.wordSetWeight * Double(dot[Part.wordSets.rawValue])
                + PairScorer.wordWeight * Double(dot[Part.words.rawValue]) + PairScorer.conceptWeight * Double(dot[Part.concepts.rawValue])
                + PairScorer.failureModeWeight * Double(dot[Part.failureModes.rawValue])) / pairCount
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
            // Taken out and put back so that the arrays are mutated in place rather than copied.
            var kept = members[keep]
            members[keep] = []
            if kept.isEmpty { kept = [keep] }
            kept += dropped
            members[keep] = kept
            members[drop] = []
            let keptSums = sums[keep].take(), droppedSums = sums[drop].take()
            sums[keep] = merged(keptSums, keptGroup: keep, droppedSums, droppedGroup: drop, size: kept.count)
        }
        return members.filter { $0.count >= 2 }.map { group in
            group.sorted { (documents[$0].started, idRank[$0]) < (documents[$1].started, idRank[$1]) }
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
