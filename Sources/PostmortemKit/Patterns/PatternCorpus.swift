import Foundation

/// A sparse vector sorted by term id, with Float weights to halve its size.
typealias SparseVector = [(term: Int32, weight: Float)]

/// One postmortem as the patterns engine compares it: its metadata as
/// sorted arrays (with interned ids for the set comparisons) and its text as
/// two sparse unit vectors.
struct PatternDocument: Sendable {
    var path: String
    var id: String
    /// Position of `id` among all ids in ascending order: ties between
    /// documents are broken by it, which orders them as by id without
    /// comparing strings.
    var idRank: Int32
    var title: String
    var started: Timestamp
    var resolved: Timestamp?
    var detected: Timestamp?
    var severity: String
    /// Sorted, without duplicates; `factorIDs` holds the ids of `factors`
    /// in the same order.
    var services: [String]
    var factors: [String]
    /// Lower-cased.
    var tags: [String]
    var factorIDs: [Int32] = []
    /// The ids this postmortem names in `related:`.
    var related: Set<String>
    /// Words of its text that may be ids (`Postmortem.mentions`, lower-cased),
    /// and the paths of the Markdown files it links to.
    var mentions: [String] = []
    var linkedPaths: [String] = []
    /// Indices of the other documents it names in `related:` (sorted).
    var relatedDocuments: [Int32] = []
    /// Indices of the other documents it names in its text or links to, and
    /// not in `related:` (sorted). A mention may deny the link ("unlike
    /// PM-2024-002"), so it only tips a close call (`PairScorer.mentionBonus`).
    var mentionedDocuments: [Int32] = []
    /// Action items in table order.
    var actions: [PatternAction] = []
    /// Unit TF-IDF vector of words (Porter stems).
    var vector: SparseVector = []
    /// The words of `vector` that at most half of the documents use, sorted:
    /// how much of their vocabulary two documents share, however rare the
    /// words (`PairScorer.sharedVocabulary`). Words nearly every write-up
    /// uses, such as a template's stock phrases, would make every pair alike.
    var wordSetTerms: [Int32] = []
    /// `wordSetTerms` as a unit vector, each term weighing 1/√n (made when
    /// asked: the clusterer sums them).
    var wordSet: SparseVector { PatternCorpus.equalWeights(wordSetTerms) }
    /// Unit TF-IDF vector of concept tokens (`~certificate`).
    var concepts: SparseVector = []
    /// The failure-mode concepts of `concepts` (how it failed: `~expiry`,
    /// `~disk-full`), scaled as `PatternCorpus.failureModes(of:isFailureMode:)`
    /// says: a unit vector when they carry most of the concepts, shorter when
    /// they are mentioned in passing, so that the dot product of two
    /// documents' failure modes is how far both are the same failure.
    var failureModes: SparseVector = []
}

/// An action item's cells, read once.
struct PatternAction: Sendable {
    var action: String?
    var owner: String?
    var due: String?
    var dueDate: LocalDate?
    /// "open" when the table has no status.
    var status: String
}

/// The documents of one analysis and the term strings their vectors refer to.
struct PatternCorpus: Sendable {
    var documents: [PatternDocument]
    /// Term string by term id; ids are positions in sorted order, so ordering
    /// by id is ordering by string.
    var vocabulary: [String]

    /// Builds the documents: one per id (the first file in path order),
    /// undated files left out. Words and concepts are weighted by field
    /// (`fields`), and words by how far they stay within one service
    /// (`serviceFactors`).
    ///
    /// With a `termCache`, the words and concepts of files it holds are not
    /// counted again, and those of the others are added to it.
    init(_ postmortems: [Postmortem], workers: Int, termCache: TermCache? = nil) {
        var seen = Set<String>()
        // Positions, never copies: a Postmortem holds two dozen references,
        // and copying ten thousand of them (twice) cost a tenth of a second
        // of retains and releases.
        let usable = postmortems.indices.sorted { postmortems[$0].path < postmortems[$1].path }.filter { index in
            guard let id = postmortems[index].id, postmortems[index].started != nil else { return false }
            return seen.insert(id).inserted
        }
        // Words and concepts of each document, unstemmed, summed in the order they occur.
        // In runs of 64 documents that share one counter.
        let runs: [[CountedOrCached<TermCache.Terms>]] = ParallelMap.inChunks(usable.count, chunk: 64, workers: workers) { run in
            var counter = TermCounter()
            return usable[run].map { source in
                if let inputs = postmortems[source].patternInputs { return .counted(inputs.terms) }
                let key = termCache?.key(for: postmortems[source])
                if let key, let cached = termCache?.terms(for: key) { return .cached(cached) }
                let terms = PatternCorpus.terms(of: postmortems[source].complete, counter: &counter)
                if let key { termCache?.store(terms, for: key) }
                return .counted(terms)
            }
        }
        let raw = Array(runs.joined())

        // Intern every distinct word once, so that everything after works on
        // integers. (Which number a word gets does not matter: words are
        // ordered by their strings below.) Each chunk of documents numbers
        // its own words on its own core; then the chunks' words are numbered
        // in chunk order, so only each chunk's distinct words are looked up
        // on one core, not every word of every document.
        let chunk = max(64, (raw.count + 4 * workers - 1) / max(1, 4 * workers))
        // The cache's words, interned when first used.
        let cacheWords = termCache?.words ?? []
        let chunks = ParallelMap.inChunks(raw.count, chunk: chunk, workers: workers) { range in
            var interner = WordInterner()
            var cacheWordID = [Int32](repeating: -1, count: cacheWords.count)
            let lists = raw[range].map { terms in
                var list: [(word: Int32, count: Double)] = []
                switch terms {
                case .counted(let terms):
                    list.reserveCapacity(terms.count)
                    for (word, count) in terms { list.append((interner.id(of: word), count)) }
                case .cached(let terms):
                    list.reserveCapacity(terms.count)
                    for (word, count) in terms {
                        var id = cacheWordID[Int(word)]
                        if id < 0 {
                            id = interner.id(of: cacheWords[Int(word)])
                            cacheWordID[Int(word)] = id
                        }
                        list.append((id, count))
                    }
                }
                return list
            }
            return (words: interner.words, lists: lists)
        }
        var interner = WordInterner()
        // A chunk's word numbers in the whole corpus, by its own.
        let corpusNumbers = chunks.map { $0.words.map { interner.id(of: $0) } }
        // Each document's words, by their numbers in its chunk (`corpusNumbers[index / chunk]` gives the corpus's).
        let documentWords = Array(chunks.map(\.lists).joined())
        let words = interner.words

        // Stem each distinct word once for the whole corpus; concept tokens stay as they are.
        let stems = ParallelMap.map(words, workers: workers) { $0.hasPrefix("~") ? $0 : PorterStemmer.stem($0) }
        let vocabulary = Array(Set(stems)).sorted()
        let termID = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        let termOfWord = stems.map { termID[$0]! }
        // Rank of each word in string order: several words share a stem, and
        // their counts are added in word order so that floating-point sums do
        // not depend on hash order.
        var ranks = [Int32](repeating: 0, count: words.count)
        for (rank, word) in words.indices.sorted(by: { words[$0] < words[$1] }).enumerated() { ranks[word] = Int32(rank) }
        let wordRank = ranks
        let isConcept = vocabulary.map { $0.hasPrefix("~") }
        let isFailureMode = vocabulary.map(ConceptLexicon.failureModes.contains)
        // Each document's services, sorted and without duplicates.
        let serviceNames = usable.map { Set(postmortems[$0].frontMatter?.strings("services") ?? []).sorted() }
        // Service names are compared as structure; in text they would make
        // every incident of a service look alike.
        let serviceWords = Set(serviceNames.joined()
            .flatMap { $0.lowercased().split(separator: "-").map { PorterStemmer.stem(String($0)) } })
        let isServiceWord = vocabulary.map { serviceWords.contains($0) }

        let termCounts: [[(term: Int32, count: Double)]] = ParallelMap.map(Array(documentWords.indices), workers: workers) { index in
            let numbers = corpusNumbers[index / chunk]
            let ordered = documentWords[index].map { entry in
                let word = Int(numbers[Int(entry.word)])
                return (term: termOfWord[word], rank: wordRank[word], count: entry.count)
            }.sorted { ($0.term, $0.rank) < ($1.term, $1.rank) }
            var terms: [(term: Int32, count: Double)] = []
            terms.reserveCapacity(ordered.count)
            for entry in ordered {
                if let last = terms.last, last.term == entry.term { terms[terms.count - 1].count = last.count + entry.count }
                else { terms.append((entry.term, 0 + entry.count)) }
            }
            for index in terms.indices where isServiceWord[Int(terms[index].term)] { terms[index].count *= 0.3 }
            return terms
        }
        var documentFrequency = [Int](repeating: 0, count: vocabulary.count)
        for terms in termCounts { for entry in terms { documentFrequency[Int(entry.term)] += 1 } }
        let services = Interner(Array(serviceNames.joined()))
        // The ids of each document's services, in the same order.
        let serviceIDs = serviceNames.map { $0.map(services.id) }
        let serviceFactor = PatternCorpus.serviceFactors(
            termCounts, services: serviceIDs, documentFrequency: documentFrequency, isConcept: isConcept)

        let count = Double(usable.count)
        // Words more than half of the documents use are left out of the shared vocabulary.
        let isCommon = documentFrequency.map { Double($0) > count / 2 }
        let idf = documentFrequency.map { log((count + 1) / (Double($0) + 0.5)) }
        @Sendable func unitVector(_ terms: [(term: Int32, count: Double)], concepts: Bool) -> SparseVector {
            var vector: SparseVector = []
            for (term, frequency) in terms where isConcept[Int(term)] == concepts {
                vector.append((term, Float((1 + log(max(frequency, 1))) * idf[Int(term)] * serviceFactor[Int(term)])))
            }
            let norm = sqrt(vector.reduce(Float(0)) { $0 + $1.weight * $1.weight })
            if norm > 0 { for index in vector.indices { vector[index].weight /= norm } }
            return vector
        }

        let factors = Interner(usable.flatMap { postmortems[$0].frontMatter?.strings("contributing_factors") ?? [] })
        var documents = ParallelMap.map(Array(usable.indices), workers: workers) { index in
            let source = usable[index], terms = termCounts[index]
            let frontMatter = postmortems[source].frontMatter
            var document = PatternDocument(
                path: postmortems[source].path, id: postmortems[source].id!, idRank: 0,
                title: postmortems[source].title ?? postmortems[source].id!, started: postmortems[source].started!,
                resolved: postmortems[source].resolved, detected: postmortems[source].detected,
                severity: frontMatter?.string("severity") ?? "unknown",
                services: serviceNames[index],
                factors: Set(frontMatter?.strings("contributing_factors") ?? []).sorted(),
                tags: Set((frontMatter?.strings("tags") ?? []).map { $0.lowercased() }).sorted(),
                related: Set(frontMatter?.strings("related") ?? []))
            document.mentions = postmortems[source].mentions
            document.linkedPaths = postmortems[source].linkDestinations.compactMap { PostmortemMentions.linkedPath($0, from: document.path) }
            document.actions = (postmortems[source].actionTable?.rows ?? []).map { row in
                PatternAction(action: row.action, owner: row.owner, due: row.due, dueDate: row.dueDate, status: row.status ?? "open")
            }
            document.factorIDs = document.factors.map(factors.id)
            document.vector = unitVector(terms, concepts: false)
            document.concepts = unitVector(terms, concepts: true)
            document.wordSetTerms = document.vector.map(\.term).filter { !isCommon[Int($0)] }
            document.failureModes = PatternCorpus.failureModes(of: document.concepts, isFailureMode: isFailureMode)
            return document
        }
        // Fields are read through indices: `enumerated()` and `let` copied
        // each document, a dozen references retained and released.
        let ids = documents.map(\.id)
        let byID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Int32($0)) })
        for (rank, index) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() {
            documents[index].idRank = Int32(rank)
        }
        // Ids in the text are matched whatever their case, as people type them.
        let byLowercasedID = Dictionary(ids.enumerated().map { ($1.lowercased(), Int32($0)) }, uniquingKeysWith: min)
        let byPath = Dictionary(documents.indices.map { (documents[$0].path, Int32($0)) }, uniquingKeysWith: min)
        for index in documents.indices {
            guard !documents[index].related.isEmpty || !documents[index].mentions.isEmpty || !documents[index].linkedPaths.isEmpty
            else { continue }
            var related = Set(documents[index].related.compactMap { byID[$0] })
            related.remove(Int32(index))
            var mentioned = Set(documents[index].mentions.compactMap { byLowercasedID[$0] })
            mentioned.formUnion(documents[index].linkedPaths.compactMap { byPath[$0] })
            mentioned.subtract(related)
            mentioned.remove(Int32(index))
            documents[index].relatedDocuments = related.sorted()
            documents[index].mentionedDocuments = mentioned.sorted()
            documents[index].mentions = []
            documents[index].linkedPaths = []
        }
        self.documents = documents
        self.vocabulary = vocabulary
    }
}

/// What the patterns analysis reads of a postmortem's Markdown, taken as
/// soon as the file is parsed when `patterns` loads with
/// `LoadOptions.countsPatternTerms` (its sections are then freed).
struct PatternInputs: Sendable {
    var terms: TermCache.Terms
    var mentions: [String]
    var linkDestinations: [String]

    init(of postmortem: Postmortem, counter: inout TermCounter) {
        terms = PatternCorpus.terms(of: postmortem, counter: &counter)
        mentions = postmortem.mentions
        linkDestinations = postmortem.linkDestinations
    }
}

extension PatternCorpus {
    /// The words and concepts of a postmortem, unstemmed, summed in the
    /// order they occur: its title, then the compared sections (`fields`).
    static func terms(of postmortem: Postmortem, counter: inout TermCounter) -> TermCache.Terms {
        counter.startDocument()
        counter.add(postmortem.title ?? "", weight: 2.0)
        // One buffer for every block's text.
        var text: [UInt8] = []
        for (kind, weight, conceptWeight) in fields {
            guard let section = postmortem.section(kind) else { continue }
            counter.startField()
            section.blocks.forEachPlainText(in: &text, skipping: { block in
                if case .codeBlock = block.kind { return true }
                return block.isComment
            }) { counter.add($0, weight: weight, conceptWeight: conceptWeight) }
        }
        return counter.terms
    }

    /// The sections whose text is compared, with the weight of their words
    /// and of their concepts. The title (words and concepts ×2) comes first.
    /// The incident overview mostly describes symptoms, which unrelated
    /// incidents share. Lessons learned and preventive measures restate the
    /// mechanism in general words ("a lock lease shorter than the job"), so
    /// their words count; their concepts do not, since they often name other
    /// failures in passing.
    static let fields: [(kind: SectionKind, words: Double, concepts: Double)] = [
        (.executiveSummary, 1.5, 1.5), (.incidentOverview, 0.3, 0.3), (.rootCauseAnalysis, 1.5, 1.5),
        (.lessonsLearned, 1.0, 0), (.preventiveMeasures, 0.5, 0),
    ]

    /// How much a word's weight is cut when the postmortems that use it share a service.
    static let serviceConcentrationCut = 0.8

    /// A factor per term that lowers words used mostly within one service:
    /// 1 − `serviceConcentrationCut` × the share of the pairs of documents
    /// using the word that share a service (counted per service, at most 1).
    /// Such words name a service's parts, customers and vendors ("hotlist",
    /// "validator") and join different problems of the same service; words of
    /// a mechanism are used across services. Concepts and words of a single
    /// document keep 1. Linear in the total number of (term, service) pairs.
    static func serviceFactors(_ termCounts: [[(term: Int32, count: Double)]], services: [[Int32]],
                               documentFrequency: [Int], isConcept: [Bool]) -> [Double] {
        var sharedPairs = [Double](repeating: 0, count: documentFrequency.count)
        var byService: [Int32: [Int]] = [:]
        for (document, ids) in services.enumerated() { for id in ids { byService[id, default: []].append(document) } }
        var count = [Int32](repeating: 0, count: documentFrequency.count)
        var touched: [Int32] = []
        for id in byService.keys.sorted() {
            for document in byService[id]! {
                for entry in termCounts[document] {
                    if count[Int(entry.term)] == 0 { touched.append(entry.term) }
                    count[Int(entry.term)] += 1
                }
            }
            for term in touched {
                let n = Double(count[Int(term)])
                sharedPairs[Int(term)] += n * (n - 1)
                count[Int(term)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return documentFrequency.indices.map { term in
            let n = Double(documentFrequency[term])
            guard n >= 2, !isConcept[term] else { return 1 }
            return 1 - serviceConcentrationCut * min(1, sharedPairs[term] / (n * (n - 1)))
        }
    }

    /// The terms, each weighing 1/√n, so that the dot product of two is the
    /// number of terms they share over the geometric mean of their counts.
    static func equalWeights(_ terms: [Int32]) -> SparseVector {
        let weight = terms.isEmpty ? 0 : 1 / Float(terms.count).squareRoot()
        return terms.map { (term: $0, weight: weight) }
    }

    /// The share of a concept vector's length at which its failure modes
    /// count in full (see `failureModes(of:isFailureMode:)`).
    static let failureModeFloor: Float = 0.6

    /// The failure-mode part of a unit concept vector, scaled up to unit
    /// length when it is at least `failureModeFloor` long, and by
    /// 1 / `failureModeFloor` when shorter. So the failure-mode similarity
    /// of two documents does not depend on how many components (databases,
    /// brokers, vendors) each names around the same failure, which would
    /// otherwise take length from it; a failure mentioned in passing, in a
    /// document that is mostly about something else, stays small.
    static func failureModes(of concepts: SparseVector, isFailureMode: [Bool]) -> SparseVector {
        var modes = concepts.filter { isFailureMode[Int($0.term)] }
        let length = sqrt(modes.reduce(Float(0)) { $0 + $1.weight * $1.weight })
        guard length > 0 else { return modes }
        let scale = 1 / max(length, failureModeFloor)
        for index in modes.indices { modes[index].weight *= scale }
        return modes
    }
}

/// Numbers words in the order they are first seen. (A struct, not a nested
/// function over local variables: captured variables are checked for
/// exclusive access on every use.) Words are found by their UTF-8 bytes: a
/// String's own hashing, millions of times over a large corpus, took a
/// third of a second on one core.
private struct WordInterner {
    private var table = ByteStringTable()
    private(set) var words: [String] = []

    mutating func id(of word: String) -> Int32 {
        var word = word
        let (id, isNew) = word.withUTF8 { table.insert($0) }
        if isNew { words.append(word) }
        return id
    }
}

/// Ids for a set of strings, in string order, so that sorted strings have
/// sorted ids and two sorted id lists intersect by a linear merge.
private struct Interner {
    let ids: [String: Int32]

    init(_ strings: [String]) {
        ids = Dictionary(uniqueKeysWithValues: Set(strings).sorted().enumerated().map { ($1, Int32($0)) })
    }

    func id(_ string: String) -> Int32 { ids[string]! }
}
