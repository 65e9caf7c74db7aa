import Foundation

/// How alike two documents are. Text carries the problem; structure only
/// tips close calls, so that two different problems on one service stay apart.
struct PairScorer: Sendable {
    let documents: [PatternDocument]
    let vocabulary: [String]

    static let textWeight = 0.80
    static let relatedBonus = 0.3

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
    static func shared(_ a: [String], _ b: [String]) -> [String] {
        var i = 0, j = 0
        var result: [String] = []
        while i < a.count && j < b.count {
            if a[i] == b[j] { result.append(a[i]); i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return result
    }

    /// Words catch shared specifics; concepts catch the same problem told in other words.
    func textSimilarity(_ x: Int, _ y: Int) -> Double {
        let a = documents[x], b = documents[y]
        return 0.5 * Double(PairScorer.dot(a.vector, b.vector)) + 0.5 * Double(PairScorer.dot(a.concepts, b.concepts))
    }

    func isRelated(_ x: Int, _ y: Int) -> Bool {
        documents[x].relatedDocuments.contains(Int32(y)) || documents[y].relatedDocuments.contains(Int32(x))
    }

    /// Shared services (10%), factors (5%) and tags (5%), and the `related:` bonus.
    func structure(_ x: Int, _ y: Int) -> Double {
        let a = documents[x], b = documents[y]
        let shared = 0.10 * PairScorer.jaccard(a.serviceIDs, b.serviceIDs)
            + 0.05 * PairScorer.jaccard(a.factorIDs, b.factorIDs) + 0.05 * PairScorer.jaccard(a.tagIDs, b.tagIDs)
        return isRelated(x, y) ? shared + PairScorer.relatedBonus : shared
    }

    /// The combined score, at most 1.
    func score(_ x: Int, _ y: Int) -> Double {
        score(text: textSimilarity(x, y), x, y)
    }

    private func score(text: Double, _ x: Int, _ y: Int) -> Double {
        let a = documents[x], b = documents[y]
        var score = PairScorer.textWeight * text + 0.10 * PairScorer.jaccard(a.serviceIDs, b.serviceIDs)
            + 0.05 * PairScorer.jaccard(a.factorIDs, b.factorIDs) + 0.05 * PairScorer.jaccard(a.tagIDs, b.tagIDs)
        if isRelated(x, y) { score += PairScorer.relatedBonus }
        return min(score, 1)
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
        let a = documents[x], b = documents[y]
        let text = textSimilarity(x, y)
        return PatternsReport.Explanation(
            score: score(text: text, x, y), textSimilarity: text,
            sharedTerms: sharedTerms(a.concepts, b.concepts, limit: 3) + sharedTerms(a.vector, b.vector, limit: 5),
            sharedServices: PairScorer.shared(a.services, b.services), sharedFactors: PairScorer.shared(a.factors, b.factors),
            sharedTags: PairScorer.shared(a.tags, b.tags), explicitlyRelated: isRelated(x, y))
    }

    /// The shared terms that contribute most to the dot product.
    private func sharedTerms(_ a: SparseVector, _ b: SparseVector, limit: Int) -> [String] {
        var contributions: [(term: Int32, value: Float)] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i].term == b[j].term {
                contributions.append((a[i].term, a[i].weight * b[j].weight)); i += 1; j += 1
            } else if a[i].term < b[j].term { i += 1 } else { j += 1 }
        }
        return contributions.sorted { ($0.value, $1.term) > ($1.value, $0.term) }.prefix(limit).map { vocabulary[Int($0.term)] }
    }
}
