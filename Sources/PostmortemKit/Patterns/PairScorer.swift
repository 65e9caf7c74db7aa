import Foundation

/// How alike two documents are. Text carries the problem; shared services,
/// factors, tags and `related:` links tip close calls.
///
/// Keeps each field of the documents in its own array, so that scoring a
/// pair reads what it needs without copying whole documents.
struct PairScorer: Sendable {
    let vocabulary: [String]
    private let words: [SparseVector]
    private let concepts: [SparseVector]
    private let failureModes: [SparseVector]
    private let factorIDs: [[Int32]]
    private let serviceIDs: [[Int32]]
    private let tagIDs: [[Int32]]
    private let services: [[String]]
    private let factors: [[String]]
    private let tags: [[String]]
    private let related: [[Int32]]

    init(documents: [PatternDocument], vocabulary: [String]) {
        self.vocabulary = vocabulary
        words = documents.map(\.vector)
        concepts = documents.map(\.concepts)
        failureModes = documents.map(\.failureModes)
        factorIDs = documents.map(\.factorIDs)
        serviceIDs = documents.map(\.serviceIDs)
        tagIDs = documents.map(\.tagIDs)
        services = documents.map(\.services)
        factors = documents.map(\.factors)
        tags = documents.map(\.tags)
        related = documents.map(\.relatedDocuments)
    }

    static let textWeight = 0.80
    static let relatedBonus = 0.3
    /// Weights of the Jaccard similarity of services, contributing factors
    /// and tags. In most repositories a problem comes back in the service
    /// where it first happened, so a shared service and factor tip a close
    /// call.
    static let serviceWeight = 0.10, factorWeight = 0.15, tagWeight = 0.05
    /// At most this much of a score comes from shared services, factors and
    /// tags (without `related:`), less than the cluster threshold (0.22):
    /// two different problems of one service, with the same factors and
    /// tags, are not joined unless their text has something in common too.
    static let structureCap = 0.18

    /// Dot product of two sparse vectors (the cosine, for unit vectors),
    /// summed in term order.
    static func dot(_ a: SparseVector, _ b: SparseVector) -> Float {
        var i = 0, j = 0
        var sum: Float = 0
        while i < a.count && j < b.count {
            if a[i].term == b[j].term { sum += a[i].weight * b[j].weight; i += 1; j += 1 }
            else if a[i].term < b[j].term { i += 1 } else { j += 1 }
        }
        return sum
    }

    /// Shared ÷ all, of two sorted id lists without duplicates.
    static func jaccard(_ a: [Int32], _ b: [Int32]) -> Double {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// The elements of two sorted lists that both hold.
    static func shared<Element: Comparable>(_ a: [Element], _ b: [Element]) -> [Element] {
        var i = 0, j = 0
        var result: [Element] = []
        while i < a.count && j < b.count {
            if a[i] == b[j] { result.append(a[i]); i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return result
    }

    /// Weights in the text similarity of the word cosine, the concept cosine
    /// and the failure modes (`PatternDocument.failureModes`; their sum is 1).
    static let wordWeight = 0.6, conceptWeight = 0.2, failureModeWeight = 0.2

    /// Words catch shared specifics; concepts catch the same problem told in
    /// other words; failure modes tell the same failure in another component
    /// (a disk filling on Elasticsearch and on Prometheus) from another
    /// failure in the same component.
    func textSimilarity(_ x: Int, _ y: Int) -> Double {
        PairScorer.wordWeight * Double(PairScorer.dot(words[x], words[y]))
            + PairScorer.conceptWeight * Double(PairScorer.dot(concepts[x], concepts[y]))
            + PairScorer.failureModeWeight * Double(PairScorer.dot(failureModes[x], failureModes[y]))
    }

    func isRelated(_ x: Int, _ y: Int) -> Bool {
        (!related[x].isEmpty || !related[y].isEmpty) && (related[x].contains(Int32(y)) || related[y].contains(Int32(x)))
    }

    /// Shared services, factors and tags, and the `related:` bonus.
    func structure(_ x: Int, _ y: Int) -> Double {
        let shared = min(PairScorer.structureCap,
                         PairScorer.serviceWeight * PairScorer.jaccard(serviceIDs[x], serviceIDs[y])
                             + PairScorer.factorWeight * PairScorer.jaccard(factorIDs[x], factorIDs[y])
                             + PairScorer.tagWeight * PairScorer.jaccard(tagIDs[x], tagIDs[y]))
        return isRelated(x, y) ? shared + PairScorer.relatedBonus : shared
    }

    /// The combined score, at most 1.
    func score(_ x: Int, _ y: Int) -> Double {
        score(text: textSimilarity(x, y), x, y)
    }

    /// The combined score of a pair whose text similarity is known.
    func score(text: Double, _ x: Int, _ y: Int) -> Double {
        min(PairScorer.textWeight * text + structure(x, y), 1)
    }

    /// The score's part that is not text: the structure, less what the cap
    /// at 1 took off. The text similarity is only computed when the cap can
    /// apply (text similarity is at most 1, so below 1 − 0.8 it cannot).
    func structuralPart(_ x: Int, _ y: Int) -> Double {
        let structure = structure(x, y)
        guard structure > 1 - PairScorer.textWeight * 1.001 else { return structure }
        let text = textSimilarity(x, y)
        return score(text: text, x, y) - PairScorer.textWeight * text
    }

    func explain(_ x: Int, _ y: Int) -> PatternsReport.Explanation {
        let text = textSimilarity(x, y)
        return PatternsReport.Explanation(
            score: score(text: text, x, y), textSimilarity: text,
            sharedTerms: sharedTerms(concepts[x], concepts[y], limit: 3) + sharedTerms(words[x], words[y], limit: 5),
            sharedServices: PairScorer.shared(services[x], services[y]), sharedFactors: PairScorer.shared(factors[x], factors[y]),
            sharedTags: PairScorer.shared(tags[x], tags[y]), explicitlyRelated: isRelated(x, y))
    }

    /// The `limit` shared terms that contribute most to the dot product,
    /// most first (equal contributions: lower term id first).
    private func sharedTerms(_ a: SparseVector, _ b: SparseVector, limit: Int) -> [String] {
        var best: [(term: Int32, value: Float)] = []
        best.reserveCapacity(limit + 1)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i].term == b[j].term {
                let entry = (term: a[i].term, value: a[i].weight * b[j].weight)
                i += 1; j += 1
                // Terms come in increasing id order, so a later term ranks
                // before an earlier one only with a larger contribution.
                if best.count == limit, entry.value <= best[limit - 1].value { continue }
                var position = best.count
                while position > 0 && entry.value > best[position - 1].value { position -= 1 }
                best.insert(entry, at: position)
                if best.count > limit { best.removeLast() }
            } else if a[i].term < b[j].term { i += 1 } else { j += 1 }
        }
        return best.map { vocabulary[Int($0.term)] }
    }
}
