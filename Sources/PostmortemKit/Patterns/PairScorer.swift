import Foundation

/// How alike two documents are. Text carries the problem; shared
/// contributing factors and `related:` links tip close calls.
///
/// The weights were fitted by logistic regression on every pair of 30
/// labelled corpora (1,064 postmortems, 18,412 pairs; see README, "How the
/// weights were chosen"): the score is that model's evidence, rescaled so
/// that its parts sum to 1.
///
/// Keeps each field of the documents in its own array, so that scoring a
/// pair reads what it needs without copying whole documents.
struct PairScorer: Sendable {
    let vocabulary: [String]
    /// Each document's vectors (`PatternDocument.vector`, `wordSet`,
    /// `concepts`, `failureModes`); the clusterer sums them too.
    let words: [SparseVector]
    let wordSets: [SparseVector]
    let concepts: [SparseVector]
    let failureModes: [SparseVector]
    private let wordSetTerms: [[Int32]]
    private let factorIDs: [[Int32]]
    private let services: [[String]]
    private let factors: [[String]]
    private let tags: [[String]]
    private let related: [[Int32]]
    private let mentioned: [[Int32]]

    init(documents: [PatternDocument], vocabulary: [String]) {
        self.vocabulary = vocabulary
        words = documents.map(\.vector)
        wordSets = documents.map(\.wordSet)
        concepts = documents.map(\.concepts)
        wordSetTerms = documents.map(\.wordSetTerms)
        failureModes = documents.map(\.failureModes)
        factorIDs = documents.map(\.factorIDs)
        services = documents.map(\.services)
        factors = documents.map(\.factors)
        tags = documents.map(\.tags)
        related = documents.map(\.relatedDocuments)
        mentioned = documents.map(\.mentionedDocuments)
    }

    static let textWeight = 0.91
    /// Added for `related:`: the author says so, and it alone joins two
    /// incidents (the cluster threshold is 0.18).
    static let relatedBonus = 0.3
    /// Added when one names the other in its text or links to it (and not
    /// in `related:`): most such mentions say it came back, some deny it
    /// ("unlike PM-2024-002"), so it only tips a close call. In the labelled
    /// corpora 95 % of the pairs of one cluster score at least 0.13 without
    /// it, and 16 % of the other pairs do.
    static let mentionBonus = 0.05
    /// Weight of the Jaccard similarity of contributing factors, less than
    /// the cluster threshold (0.18): two different problems with the same
    /// factors are not joined unless their text has something in common too.
    ///
    /// Shared services and tags are shown but not scored. In the labelled
    /// corpora, with the text known, a shared service did not make two
    /// incidents likelier to be one problem, and a shared tag made it less
    /// likely: both name the area (a component, a vendor, a feature), which
    /// different problems of that area share, while a recurrence is told
    /// through its mechanism. A negative weight would be fitted, but a tag
    /// in common should never count against two incidents.
    static let factorWeight = 0.09

    /// Dot product of two sparse vectors (the cosine, for unit vectors),
    /// summed in term order.
    static func dot(_ a: SparseVector, _ b: SparseVector) -> Float {
        // Through buffer pointers: the arrays' bounds checks were most of the loop.
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0
                var sum: Float = 0
                while i < a.count && j < b.count {
                    let (x, y) = (a[i].term, b[j].term)
                    if x == y { sum += a[i].weight * b[j].weight; i += 1; j += 1 }
                    else if x < y { i += 1 } else { j += 1 }
                }
                return sum
            }
        }
    }

    /// Shared ÷ all, of two sorted lists without duplicates (ids, or the
    /// names the explanation and `parts` compare).
    static func jaccard<Element: Comparable>(_ a: [Element], _ b: [Element]) -> Double {
        let shared = sharedCount(a, b), union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// How many elements two sorted lists without duplicates both hold.
    static func sharedCount<Element: Comparable>(_ a: [Element], _ b: [Element]) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0, shared = 0
                while i < a.count && j < b.count {
                    if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
                }
                return shared
            }
        }
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

    /// Weights in the text similarity (their sum is 1) of the share of
    /// vocabulary two documents have in common (`PatternDocument.wordSet`),
    /// the TF-IDF cosine of their words, that of their failure modes
    /// (`PatternDocument.failureModes`) and that of their concepts.
    static let wordSetWeight = 0.60, wordWeight = 0.30, failureModeWeight = 0.09, conceptWeight = 0.01

    /// The shared vocabulary carries a mechanism told in other words: its
    /// explanation ("the second request is sent before the first one's
    /// answer") uses ordinary words that TF-IDF weighs down, while the
    /// specifics that TF-IDF weighs up (names, numbers, vendors) are what a
    /// recurrence told by another author does not share. The word cosine
    /// still rewards the shared specifics, and failure modes the same
    /// failure in another component (a disk filling on Elasticsearch and on
    /// Prometheus).
    func textSimilarity(_ x: Int, _ y: Int) -> Double {
        PairScorer.wordSetWeight * sharedVocabulary(x, y)
            + PairScorer.wordWeight * Double(PairScorer.dot(words[x], words[y]))
            + PairScorer.conceptWeight * Double(PairScorer.dot(concepts[x], concepts[y]))
            + PairScorer.failureModeWeight * Double(PairScorer.dot(failureModes[x], failureModes[y]))
    }

    /// The dot product of the two documents' `wordSet`s: the number of
    /// terms their `wordSetTerms` share over √(count × count).
    func sharedVocabulary(_ x: Int, _ y: Int) -> Double {
        let (a, b) = (wordSetTerms[x], wordSetTerms[y])
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(PairScorer.sharedCount(a, b)) / (Double(a.count) * Double(b.count)).squareRoot()
    }

    /// Every part the score is made of, unweighted, for refitting the
    /// weights (`PatternAnalyzer.pairFeatures`). Services and tags are
    /// included though the score does not use them, so that a refit can
    /// show whether they help.
    func parts(_ x: Int, _ y: Int) -> PairFeatures.Parts {
        PairFeatures.Parts(
            wordSet: sharedVocabulary(x, y), words: Double(PairScorer.dot(words[x], words[y])),
            failureModes: Double(PairScorer.dot(failureModes[x], failureModes[y])),
            concepts: Double(PairScorer.dot(concepts[x], concepts[y])), factors: PairScorer.jaccard(factorIDs[x], factorIDs[y]),
            services: PairScorer.jaccard(services[x], services[y]), tags: PairScorer.jaccard(tags[x], tags[y]),
            related: isRelated(x, y))
    }

    func isRelated(_ x: Int, _ y: Int) -> Bool {
        PairScorer.links(related, x, y)
    }

    func isMentioned(_ x: Int, _ y: Int) -> Bool {
        PairScorer.links(mentioned, x, y)
    }

    private static func links(_ lists: [[Int32]], _ x: Int, _ y: Int) -> Bool {
        (!lists[x].isEmpty || !lists[y].isEmpty) && (lists[x].contains(Int32(y)) || lists[y].contains(Int32(x)))
    }

    /// Shared contributing factors, and the bonus of `related:` or of a mention.
    func structure(_ x: Int, _ y: Int) -> Double {
        let shared = PairScorer.factorWeight * PairScorer.jaccard(factorIDs[x], factorIDs[y])
        if isRelated(x, y) { return shared + PairScorer.relatedBonus }
        return isMentioned(x, y) ? shared + PairScorer.mentionBonus : shared
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
    /// at 1 took off. Text similarity is at most 1, so the cap can only bind
    /// when the structure exceeds 1 − `textWeight` (a `related:` or
    /// mentioned pair); only then is the text similarity computed. Shared
    /// factors alone reach at most `factorWeight`, 1 − `textWeight`, where
    /// the cap would take off no more than rounding error. (The clusterer
    /// averages this over sampled member pairs, most of which share all
    /// their factors in a large group, so the text was computed for them all.)
    func structuralPart(_ x: Int, _ y: Int) -> Double {
        let structure = structure(x, y)
        guard structure > 1 - PairScorer.textWeight + 1e-9 else { return structure }
        let overflow = PairScorer.textWeight * textSimilarity(x, y) + structure - 1
        return overflow > 0 ? structure - overflow : structure
    }

    /// Why the pair scores what it does; `text`: its text similarity, when
    /// already computed (it is symmetric, bit for bit).
    func explain(_ x: Int, _ y: Int, text known: Double? = nil) -> PatternsReport.Explanation {
        let text = known ?? textSimilarity(x, y)
        return PatternsReport.Explanation(
            score: score(text: text, x, y), textSimilarity: text,
            sharedTerms: sharedTerms(concepts[x], concepts[y], limit: 3) + sharedTerms(words[x], words[y], limit: 5),
            sharedServices: PairScorer.shared(services[x], services[y]), sharedFactors: PairScorer.shared(factors[x], factors[y]),
            sharedTags: PairScorer.shared(tags[x], tags[y]), explicitlyRelated: isRelated(x, y),
            mentioned: !isRelated(x, y) && isMentioned(x, y))
    }

    /// The `limit` shared terms that contribute most to the dot product,
    /// most first (equal contributions: lower term id first).
    private func sharedTerms(_ a: SparseVector, _ b: SparseVector, limit: Int) -> [String] {
        var best: [(term: Int32, value: Float)] = []
        best.reserveCapacity(limit + 1)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0
                while i < a.count && j < b.count {
                    let (x, y) = (a[i].term, b[j].term)
                    if x == y {
                        let entry = (term: x, value: a[i].weight * b[j].weight)
                        i += 1; j += 1
                        // Terms come in increasing id order, so a later term ranks
                        // before an earlier one only with a larger contribution.
                        if best.count == limit, entry.value <= best[limit - 1].value { continue }
                        var position = best.count
                        while position > 0 && entry.value > best[position - 1].value { position -= 1 }
                        best.insert(entry, at: position)
                        if best.count > limit { best.removeLast() }
                    } else if x < y { i += 1 } else { j += 1 }
                }
            }
        }
        return best.map { vocabulary[Int($0.term)] }
    }
}

/// The unweighted parts of one pair's score, with the pair's ids
/// (`postmortem patterns --pair-features`, for `Scripts/fit-pair-weights`).
public struct PairFeatures: Sendable {
    public struct Parts: Sendable {
        public var wordSet, words, failureModes, concepts, factors, services, tags: Double
        public var related: Bool
    }

    public var first: String
    public var second: String
    public var parts: Parts
    public var score: Double

    /// One tab-separated line: the two ids, the parts in the order of `columns`, the score.
    public var line: String {
        ([first, second] + [parts.wordSet, parts.words, parts.failureModes, parts.concepts, parts.factors, parts.services,
                            parts.tags, parts.related ? 1 : 0, score].map { String($0) }).joined(separator: "\t")
    }

    public static let columns = ["first", "second", "word_set", "words", "failure_modes", "concepts", "factors", "services", "tags",
                                 "related", "score"]
}
