import Foundation

/// The pairs of documents worth scoring, found through an inverted index of
/// each document's strongest terms instead of comparing all pairs.
///
/// Each document is indexed under its `strongestTerms` heaviest words, all
/// its concepts and its failure modes. Through them each document
/// accumulates dot-product evidence for the others and keeps the
/// `candidatesPerDocument` best by words, and the
/// `conceptCandidatesPerDocument` best by words, concepts and failure modes
/// blended (`conceptBlend`), so that the same problem told in other words,
/// which shares few strong words, is scored too. There are at most that many pairs per
/// document, plus explicit `related:` links. A term indexed by more
/// than `postingCap` documents is common: scanning all of it would make the
/// cost grow with the square of its frequency and tells few problems apart,
/// so a document only looks at the `commonTermWindow` documents on either
/// side of it in that term's list (in path order). In a large corpus whose
/// recurring problems are all common terms, that still finds recent
/// recurrences, and the work per document stays bounded.
struct CandidateIndex {
    static let strongestTerms = 24
    /// Up to this many documents every pair is scored (at most 124,750
    /// pairs, milliseconds of work): the index is there so that cost grows
    /// near-linearly in large repositories, and in a small one it would
    /// only miss pairs whose strongest words differ, which are exactly the
    /// same problem told in other words.
    static let allPairsLimit = 500
    static let candidatesPerDocument = 8
    static let conceptCandidatesPerDocument = 4
    /// Weights of the evidence through strong words, concepts and failure
    /// modes for the second list. Not the score's weights: the score's
    /// largest part, the shared vocabulary, cannot be collected through an
    /// index of strong terms, and concepts are what reach a recurrence
    /// that shares few strong words.
    static let conceptBlend = (words: Float(0.6), concepts: Float(0.2), failureModes: Float(0.2))

    /// A document looks through at most this many documents on either side
    /// of it in the posting list of a common term.
    static let commonTermWindow = 16

    /// Terms indexed by more documents than this are common: 4√n (at least
    /// 64) up to 10,000 documents, then flat at 400, so that the work per
    /// document stays bounded as the corpus grows.
    static func postingCap(documentCount: Int) -> Int {
        min(400, max(64, Int(4 * Double(documentCount).squareRoot())))
    }

    /// A pair of document indices, `a < b`.
    struct Pair: Hashable, Comparable {
        var a: Int32
        var b: Int32
        init(_ x: Int32, _ y: Int32) { a = min(x, y); b = max(x, y) }
        static func < (l: Pair, r: Pair) -> Bool { (l.a, l.b) < (r.a, r.b) }
    }

    /// Candidate pairs, sorted and without duplicates.
    static func pairs(_ documents: [PatternDocument], workers: Int) -> [Pair] {
        let count = documents.count
        guard count > 1 else { return [] }
        if count <= allPairsLimit {
            var all: [Pair] = []
            all.reserveCapacity(count * (count - 1) / 2)
            for a in 0..<count { for b in (a + 1)..<count { all.append(Pair(Int32(a), Int32(b))) } }
            return all
        }
        let cap = postingCap(documentCount: count)
        let top: [SparseVector] = ParallelMap.inChunks(count, chunk: 256, workers: workers) { range in
            documents.withUnsafeBufferPointer { documents in range.map { strongest(documents[$0].vector, count: strongestTerms) } }
        }.flatMap { $0 }
        let words = Postings(top), concepts = Postings(documents.map(\.concepts))
        let failureModes = Postings(documents.map(\.failureModes))

        // Documents in chunks, each chunk with its own dense accumulator.
        let chunk = 256
        let lists: [[[Int32]]] = ParallelMap.inChunks(count, chunk: chunk, workers: workers) { range in
            var evidence = Evidence(documentCount: count)
            defer { evidence.deallocate() }
            var result: [[Int32]] = []
            for index in range {
                evidence.start(index)
                evidence.accumulate(top[index], words, into: evidence.words, cap: cap)
                evidence.accumulate(documents[index].concepts, concepts, into: evidence.text, cap: cap)
                evidence.accumulate(documents[index].failureModes, failureModes, into: evidence.failureModes, cap: cap)
                // Text evidence blended (words only from the strongest).
                for other in evidence.touched {
                    let other = Int(other)
                    evidence.text[other] = conceptBlend.words * evidence.words[other]
                        + conceptBlend.concepts * evidence.text[other]
                        + conceptBlend.failureModes * evidence.failureModes[other]
                }
                var list = best(evidence.touched, by: evidence.words, limit: candidatesPerDocument)
                list += best(evidence.touched, by: evidence.text, limit: conceptCandidatesPerDocument)
                result.append(list)
            }
            return result
        }
        var keys: [Pair] = []
        keys.reserveCapacity(count * candidatesPerDocument)
        for (index, list) in lists.joined().enumerated() { for other in list { keys.append(Pair(Int32(index), other)) } }
        for (index, document) in documents.enumerated() {
            for other in document.relatedDocuments + document.mentionedDocuments { keys.append(Pair(Int32(index), other)) }
        }
        keys.sort()
        var unique: [Pair] = []
        unique.reserveCapacity(keys.count)
        for key in keys where unique.last != key { unique.append(key) }
        return unique
    }

    /// The `count` heaviest entries of `vector`, heaviest first (equal
    /// weights: lower term first). Not a sort of the hundreds of terms a
    /// document has to keep 24 (that sort was a twentieth of finding candidates).
    static func strongest(_ vector: SparseVector, count: Int) -> SparseVector {
        first(count, of: vector) { x, y in (x.weight, y.term) > (y.weight, x.term) }
    }

    /// The first `limit` of `elements` in the strict total order `before`,
    /// in that order: what sorting them all and taking the first `limit`
    /// gives, by insertion into a list of at most `limit`.
    static func first<Elements: Sequence>(_ limit: Int, of elements: Elements,
                                          by before: (Elements.Element, Elements.Element) -> Bool) -> [Elements.Element] {
        var kept: [Elements.Element] = []
        kept.reserveCapacity(limit + 1)
        for element in elements {
            if kept.count == limit, let last = kept.last, !before(element, last) { continue }
            var position = kept.count
            while position > 0 && before(element, kept[position - 1]) { position -= 1 }
            kept.insert(element, at: position)
            if kept.count > limit { kept.removeLast() }
        }
        return kept
    }

    /// One document's evidence for every other, in dense arrays reused
    /// across the documents of a chunk: an entry is zeroed when the
    /// document first touches it (`touchedBy`), not all of them per document.
    /// Raw buffers, written through pointers: with arrays captured by a
    /// nested function, every addition went through exclusivity checks.
    private struct Evidence {
        /// Dot products through the strongest words, the concepts (then the
        /// blended text evidence) and the failure modes.
        let words, text, failureModes: UnsafeMutablePointer<Float>
        /// Which document last touched each entry.
        private let touchedBy: UnsafeMutablePointer<Int32>
        private var index = -1
        /// The documents touched by the current one, in the order first touched.
        private(set) var touched: [Int32] = []

        init(documentCount: Int) {
            words = .allocate(capacity: documentCount)
            text = .allocate(capacity: documentCount)
            failureModes = .allocate(capacity: documentCount)
            touchedBy = .allocate(capacity: documentCount)
            touchedBy.initialize(repeating: -1, count: documentCount)
            for buffer in [words, text, failureModes] { buffer.initialize(repeating: 0, count: documentCount) }
        }

        func deallocate() {
            for buffer in [words, text, failureModes] { buffer.deallocate() }
            touchedBy.deallocate()
        }

        /// Starts collecting the evidence of document `index`.
        mutating func start(_ index: Int) {
            self.index = index
            touched.removeAll(keepingCapacity: true)
        }

        /// Adds the products of `vector`'s weights with those of the other
        /// documents under the same terms in `postings` to `evidence`.
        mutating func accumulate(_ vector: SparseVector, _ postings: Postings, into evidence: UnsafeMutablePointer<Float>, cap: Int) {
            let stamp = Int32(index)
            postings.documents.withUnsafeBufferPointer { documents in
                postings.weights.withUnsafeBufferPointer { weights in
                    for (term, weight) in vector {
                        for slot in postings.range(of: term, near: index, cap: cap) {
                            let other = Int(documents[slot])
                            guard other != index else { continue }
                            if touchedBy[other] != stamp {
                                touchedBy[other] = stamp
                                words[other] = 0
                                text[other] = 0
                                failureModes[other] = 0
                                touched.append(Int32(other))
                            }
                            evidence[other] += weight * weights[slot]
                        }
                    }
                }
            }
        }
    }

    /// Postings in compressed rows: the documents indexed under term t are
    /// documents[start[t]..<start[t + 1]], in document order, with the
    /// weight of t in each.
    private struct Postings {
        var start: [Int]
        var documents: [Int32]
        var weights: [Float]

        init(_ vectors: [SparseVector]) {
            let termCount = Int(vectors.lazy.flatMap { $0.map(\.term) }.max() ?? -1) + 1
            var start = [Int](repeating: 0, count: termCount + 1)
            for terms in vectors { for entry in terms { start[Int(entry.term) + 1] += 1 } }
            for term in 0..<termCount { start[term + 1] += start[term] }
            var fill = start
            var documents = [Int32](repeating: 0, count: start[termCount])
            var weights = [Float](repeating: 0, count: start[termCount])
            for (document, terms) in vectors.enumerated() {
                for entry in terms {
                    let slot = fill[Int(entry.term)]
                    documents[slot] = Int32(document)
                    weights[slot] = entry.weight
                    fill[Int(entry.term)] += 1
                }
            }
            self.start = start
            self.documents = documents
            self.weights = weights
        }

        /// The slots of `term` to look through from document `index`: all of
        /// them, or for a common term (more than `cap`) only the documents
        /// nearest in path order (by date, in the usual layout) that share it.
        func range(of term: Int32, near index: Int, cap: Int) -> Range<Int> {
            guard Int(term) + 1 < start.count else { return 0..<0 }
            let range = start[Int(term)]..<start[Int(term) + 1]
            guard range.count > cap else { return range }
            var low = range.lowerBound, high = range.upperBound
            while low < high {
                let middle = (low + high) / 2
                if Int(documents[middle]) < index { low = middle + 1 } else { high = middle }
            }
            return max(range.lowerBound, low - commonTermWindow)..<min(range.upperBound, low + commonTermWindow + 1)
        }
    }

    /// The `limit` documents with the most evidence, best first; equal
    /// evidence goes to the lower index. Documents without evidence are left out.
    private static func best(_ touched: [Int32], by evidence: UnsafeMutablePointer<Float>, limit: Int) -> [Int32] {
        first(limit, of: touched.lazy.filter { evidence[Int($0)] > 0 }) { x, y in
            (evidence[Int(x)], y) > (evidence[Int(y)], x)
        }
    }
}
