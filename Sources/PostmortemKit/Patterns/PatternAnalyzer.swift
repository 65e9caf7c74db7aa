import Foundation

/// When an action item was marked done, as far as history tells.
public struct ActionDoneDate: Sendable, Hashable {
    /// The commit from which the item has stayed done.
    public var date: Timestamp
    /// False when the item was already done in the file's first commit, so
    /// it was done *by* `date`, exactly when is unknown.
    public var isExact: Bool

    public init(date: Timestamp, isExact: Bool) {
        self.date = date
        self.isExact = isExact
    }
}

/// When an action item was marked done, from the history of its postmortem.
public protocol ActionStatusHistory: Sendable {
    /// Since when the item (matched by its Action text) has been `done`; nil when unknown.
    func doneDate(ofAction action: String, in postmortem: Postmortem) -> ActionDoneDate?
}

/// Finds recurring patterns across postmortems (SPEC §8): similar
/// incidents, clusters of the same problem, service × factor recurrence,
/// recurrences despite action items, and trends.
///
/// Similarity is the mean of two TF-IDF cosines, over words (Porter stems)
/// and over concept tokens (`ConceptLexicon`), from the title (×2), executive
/// summary (×1.5), root cause analysis (×1.5) and incident overview (×0.3),
/// blended with shared services, factors and tags, and explicit `related:`
/// links. Weights and thresholds were set on two labelled corpora written by
/// different authors (the samples and Tests/Fixtures/patterns-corpus). Candidate pairs come from an inverted index of each
/// postmortem's strongest terms, so cost grows near-linearly.
public struct PatternAnalyzer: Sendable {
    /// Two incidents whose combined score reaches this are the same problem.
    public var clusterThreshold = 0.32
    /// A merged cluster's average pairwise score must reach this.
    public var clusterAverageThreshold = 0.28
    /// Similar incidents below this score are not shown.
    public var similarFloor = 0.10
    public var maxSimilar = 3
    /// How many earlier members of a cluster a recurrence is compared with.
    static let recurrenceLookback = 5

    public init() {}

    // MARK: Documents

    struct Document {
        var postmortem: Postmortem
        var id: String
        var title: String
        var started: Timestamp
        var resolved: Timestamp?
        var detected: Timestamp?
        var severity: String
        var services: Set<String>
        var factors: Set<String>
        var tags: Set<String>
        var related: Set<String>
        /// Sparse unit vector of words, sorted by term id.
        var vector: [(term: Int32, weight: Float)] = []
        /// Sparse unit vector of concept tokens (`~certificate`), sorted by term id.
        var concepts: [(term: Int32, weight: Float)] = []
    }

    public func analyze(_ postmortems: [Postmortem], today: LocalDate, statusHistory: (any ActionStatusHistory)? = nil) -> PatternsReport {
        let (documents, vocabulary) = makeDocuments(postmortems)
        let scorer = PairScorer(documents: documents, vocabulary: vocabulary)
        var scores: [Pair: Double] = [:]
        for pair in candidatePairs(documents) { scores[pair] = scorer.score(pair.a, pair.b) }
        let clusters = cluster(documents, scores: scores, scorer: scorer)
        return PatternsReport(
            incidents: documents.count,
            today: today.description,
            clusters: clusters.map { describe($0, documents, scorer) }.sorted { ($0.members.count, $1.id) > ($1.members.count, $0.id) },
            similar: similarIncidents(documents, scores: scores, scorer: scorer),
            factorRecurrence: factorRecurrence(documents),
            recurrences: recurrences(clusters, documents, today: today, statusHistory: statusHistory),
            trends: trends(documents, today: today))
    }

    /// The documents, and term strings by term id.
    private func makeDocuments(_ postmortems: [Postmortem]) -> (documents: [Document], vocabulary: [String]) {
        // One document per id, the first file in path order; undated files are left out.
        var seen = Set<String>()
        let usable = postmortems.sorted { $0.path < $1.path }.filter { postmortem in
            guard let id = postmortem.id, postmortem.started != nil else { return false }
            return seen.insert(id).inserted
        }
        let serviceWords = Set(usable.flatMap { $0.frontMatter?.strings("services") ?? [] }
            .flatMap { $0.lowercased().split(separator: "-").map { PorterStemmer.stem(String($0)) } })
        let words: [[String: Double]] = ParallelMap.map(usable) { postmortem in
            var terms: [String: Double] = [:]
            TextVectorizer.addWords(of: postmortem.title ?? "", weight: 2.0, into: &terms)
            // The overview mostly describes symptoms, which unrelated incidents share.
            let fields: [(SectionKind, Double)] = [(.executiveSummary, 1.5), (.incidentOverview, 0.3), (.rootCauseAnalysis, 1.5)]
            for (kind, weight) in fields {
                guard let section = postmortem.section(kind) else { continue }
                for block in section.blocks where !block.isComment {
                    if case .codeBlock = block.kind { continue }
                    TextVectorizer.addWords(of: block.plainText, weight: weight, into: &terms)
                }
            }
            return terms
        }
        // Stem each distinct word once for the whole corpus.
        let distinct = Array(Set(words.flatMap(\.keys)).filter { !$0.hasPrefix("~") })
        let stemOf = Dictionary(uniqueKeysWithValues: zip(distinct, ParallelMap.map(distinct) { PorterStemmer.stem($0) }))
        let extracted: [[String: Double]] = ParallelMap.map(words) { words in
            var terms: [String: Double] = [:]
            // In sorted order: floating-point sums must not depend on hash order.
            for word in words.keys.sorted() { terms[stemOf[word] ?? word, default: 0] += words[word]! }
            // Service names are compared as structure; in text they would make
            // every incident of a service look alike.
            for word in serviceWords { if let value = terms[word] { terms[word] = value * 0.3 } }
            return terms
        }
        var frequencies: [String: Int] = [:]
        for terms in extracted { for term in terms.keys { frequencies[term, default: 0] += 1 } }
        let documentFrequency = frequencies
        let vocabulary = documentFrequency.keys.sorted()
        let termID = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        let count = Double(usable.count)
        let documents = ParallelMap.map(Array(zip(usable, extracted))) { postmortem, terms in
            let frontMatter = postmortem.frontMatter
            var document = Document(
                postmortem: postmortem, id: postmortem.id!, title: postmortem.title ?? postmortem.id!,
                started: postmortem.started!, resolved: postmortem.resolved, detected: postmortem.detected,
                severity: frontMatter?.string("severity") ?? "unknown",
                services: Set(frontMatter?.strings("services") ?? []), factors: Set(frontMatter?.strings("contributing_factors") ?? []),
                tags: Set((frontMatter?.strings("tags") ?? []).map { $0.lowercased() }), related: Set(frontMatter?.strings("related") ?? []))
            func unitVector(_ selected: [String: Double]) -> [(term: Int32, weight: Float)] {
                var vector: [(term: Int32, weight: Float)] = selected.map { term, frequency in
                    let idf = log((count + 1) / (Double(documentFrequency[term]!) + 0.5))
                    return (termID[term]!, Float((1 + log(max(frequency, 1))) * idf))
                }.sorted { $0.term < $1.term }
                let norm = sqrt(vector.reduce(Float(0)) { $0 + $1.weight * $1.weight })
                if norm > 0 { vector = vector.map { ($0.term, $0.weight / norm) } }
                return vector
            }
            document.vector = unitVector(terms.filter { !$0.key.hasPrefix("~") })
            document.concepts = unitVector(terms.filter { $0.key.hasPrefix("~") })
            return document
        }
        return (documents, vocabulary)
    }

    // MARK: Candidates

    struct Pair: Hashable {
        var a: Int
        var b: Int
        init(_ x: Int, _ y: Int) { a = min(x, y); b = max(x, y) }
    }

    /// Pairs worth scoring: documents that share one of their strongest
    /// terms (rare enough to be telling), plus explicit `related:` links.
    private func candidatePairs(_ documents: [Document]) -> Set<Pair> {
        let strongest = 24, perDocument = 8
        let cap = max(64, Int(4 * Double(documents.count).squareRoot()))
        let top: [[(term: Int32, weight: Float)]] = documents.map { document in
            Array(document.vector.sorted { ($0.weight, $1.term) > ($1.weight, $0.term) }.prefix(strongest))
        }
        var index: [Int32: [(document: Int32, weight: Float)]] = [:]
        for (position, terms) in top.enumerated() {
            for (term, weight) in terms { index[term, default: []].append((Int32(position), weight)) }
        }
        let postings = index
        let lists: [[Int]] = ParallelMap.map(Array(documents.indices)) { index in
            var accumulator: [Int32: Float] = [:]
            for (term, weight) in top[index] {
                guard let list = postings[term], list.count <= cap else { continue }
                for entry in list where Int(entry.document) != index { accumulator[entry.document, default: 0] += weight * entry.weight }
            }
            return accumulator.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(perDocument).map { Int($0.key) }
        }
        var pairs = Set<Pair>()
        for (index, list) in lists.enumerated() { for other in list { pairs.insert(Pair(index, other)) } }
        let byID = Dictionary(documents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, document) in documents.enumerated() {
            for id in document.related { if let other = byID[id], other != index { pairs.insert(Pair(index, other)) } }
        }
        return pairs
    }

    // MARK: Scoring

    struct PairScorer {
        let documents: [Document]
        let vocabulary: [String]

        static func cosine(_ a: [(term: Int32, weight: Float)], _ b: [(term: Int32, weight: Float)]) -> Double {
            var i = 0, j = 0
            var sum: Float = 0
            while i < a.count && j < b.count {
                if a[i].term == b[j].term { sum += a[i].weight * b[j].weight; i += 1; j += 1 }
                else if a[i].term < b[j].term { i += 1 } else { j += 1 }
            }
            return Double(sum)
        }

        static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
            let union = a.union(b).count
            return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
        }

        func score(_ x: Int, _ y: Int) -> Double {
            explain(x, y).score
        }

        func explain(_ x: Int, _ y: Int) -> PatternsReport.Explanation {
            let a = documents[x], b = documents[y]
            // Words catch shared specifics; concepts catch the same problem told in other words.
            let text = 0.5 * PairScorer.cosine(a.vector, b.vector) + 0.5 * PairScorer.cosine(a.concepts, b.concepts)
            let related = a.related.contains(b.id) || b.related.contains(a.id)
            // Text carries the problem; structure only tips close calls, so that
            // two different problems on one service stay apart.
            var score = 0.80 * text + 0.10 * PairScorer.jaccard(a.services, b.services)
                + 0.05 * PairScorer.jaccard(a.factors, b.factors) + 0.05 * PairScorer.jaccard(a.tags, b.tags)
            if related { score += 0.3 }
            return PatternsReport.Explanation(
                score: min(score, 1), textSimilarity: text, sharedTerms: sharedTerms(a, b),
                sharedServices: a.services.intersection(b.services).sorted(), sharedFactors: a.factors.intersection(b.factors).sorted(),
                sharedTags: a.tags.intersection(b.tags).sorted(), explicitlyRelated: related)
        }

        /// The terms that contribute most to the text similarity, concepts first.
        func sharedTerms(_ a: Document, _ b: Document) -> [String] {
            shared(a.concepts, b.concepts, limit: 3) + shared(a.vector, b.vector, limit: 5)
        }

        private func shared(_ x: [(term: Int32, weight: Float)], _ y: [(term: Int32, weight: Float)], limit: Int) -> [String] {
            let a = (vector: x, unused: 0), b = (vector: y, unused: 0)
            var contributions: [(term: Int32, value: Float)] = []
            var i = 0, j = 0
            while i < a.vector.count && j < b.vector.count {
                if a.vector[i].term == b.vector[j].term {
                    contributions.append((a.vector[i].term, a.vector[i].weight * b.vector[j].weight)); i += 1; j += 1
                } else if a.vector[i].term < b.vector[j].term { i += 1 } else { j += 1 }
            }
            return contributions.sorted { ($0.value, $1.term) > ($1.value, $0.term) }.prefix(limit).map { vocabulary[Int($0.term)] }
        }
    }

    // MARK: Clusters

    /// Greedy average linkage: strongest pairs first; two groups merge when
    /// the linking pair reaches the threshold and their average pairwise
    /// score stays high, which stops chains of loosely similar incidents.
    /// The average text similarity of two groups is the dot product of their
    /// summed vectors over the number of pairs, so it costs one sparse dot
    /// product however large the groups grow; the structural part is
    /// averaged over (at most 16 × 16) member pairs.
    private func cluster(_ documents: [Document], scores: [Pair: Double], scorer: PairScorer) -> [[Int]] {
        struct Group {
            var members: [Int]
            var words: [Int32: Float]
            var concepts: [Int32: Float]
        }
        func sum(_ vector: [(term: Int32, weight: Float)]) -> [Int32: Float] {
            Dictionary(vector.map { ($0.term, $0.weight) }, uniquingKeysWith: +)
        }
        func dot(_ a: [Int32: Float], _ b: [Int32: Float]) -> Double {
            let (small, large) = a.count <= b.count ? (a, b) : (b, a)
            // Summed in term order so the result does not depend on hash order.
            return Double(small.keys.sorted().reduce(Float(0)) { $0 + small[$1]! * (large[$1] ?? 0) })
        }
        var groupOf = Array(documents.indices)
        var groups: [Int: Group] = [:]
        let edges = scores.filter { $0.value >= clusterThreshold }
            .sorted { ($0.value, documents[$1.key.a].id, documents[$1.key.b].id) > ($1.value, documents[$0.key.a].id, documents[$0.key.b].id) }
        for (pair, _) in edges {
            let x = groupOf[pair.a], y = groupOf[pair.b]
            guard x != y else { continue }
            let left = groups[x] ?? Group(members: [x], words: sum(documents[x].vector), concepts: sum(documents[x].concepts))
            let right = groups[y] ?? Group(members: [y], words: sum(documents[y].vector), concepts: sum(documents[y].concepts))
            let pairs = Double(left.members.count * right.members.count)
            let text = 0.5 * dot(left.words, right.words) / pairs + 0.5 * dot(left.concepts, right.concepts) / pairs
            var structure = 0.0, sampled = 0
            for i in left.members.prefix(16) {
                for j in right.members.prefix(16) {
                    let explanation = scorer.explain(i, j)
                    structure += explanation.score - 0.80 * explanation.textSimilarity
                    sampled += 1
                }
            }
            guard 0.80 * text + structure / Double(sampled) >= clusterAverageThreshold else { continue }
            var (keep, drop) = left.members.count >= right.members.count ? (left, right) : (right, left)
            for member in drop.members { groupOf[member] = keep.members[0] }
            keep.members += drop.members
            keep.words.merge(drop.words, uniquingKeysWith: +)
            keep.concepts.merge(drop.concepts, uniquingKeysWith: +)
            groups[drop.members[0]] = nil
            groups[keep.members[0]] = keep
        }
        return groups.values.map(\.members).filter { $0.count >= 2 }.map { group in
            group.sorted { (documents[$0].started, documents[$0].id) < (documents[$1].started, documents[$1].id) }
        }
    }

    private func member(_ document: Document) -> PatternsReport.Member {
        PatternsReport.Member(id: document.id, title: document.title, path: document.postmortem.path,
                              started: document.started.iso8601UTC, severity: document.severity)
    }

    private func describe(_ group: [Int], _ documents: [Document], _ scorer: PairScorer) -> PatternsReport.Cluster {
        let members = group.map { documents[$0] }
        // Label: the terms with most weight across members, concepts first.
        var weights: [Int32: Float] = [:]
        for document in members { for (term, weight) in document.vector + document.concepts { weights[term, default: 0] += weight } }
        let ranked = weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { scorer.vocabulary[Int($0.key)] }
        let concepts = ranked.filter { $0.hasPrefix("~") }.prefix(3).map { String($0.dropFirst()) }
        let words = ranked.filter { !$0.hasPrefix("~") }.prefix(5)
        let factorCounts = Dictionary(members.flatMap(\.factors).map { ($0, 1) }, uniquingKeysWith: +)
        let factors = factorCounts.keys.sorted { (factorCounts[$0]!, $1) > (factorCounts[$1]!, $0) }
        var label = (concepts.isEmpty ? Array(words.prefix(3)) : Array(concepts)).joined(separator: " · ")
        if let factor = factors.first { label += " (\(factor))" }
        let days = zip(members, members.dropFirst()).map { ($1.started.secondsSince1970 - $0.started.secondsSince1970) / 86_400 }
        let links = zip(group, group.dropFirst()).map { (from: documents[$0].id, to: documents[$1].id, explanation: scorer.explain($0, $1)) }
        return PatternsReport.Cluster(
            id: "CL-" + members[0].id, label: label, members: members.map(member),
            services: Set(members.flatMap(\.services)).sorted(), factors: factors, topTerms: Array(ranked.prefix(8)),
            firstDate: members.first!.started.localDate.description, lastDate: members.last!.started.localDate.description,
            totalImpactSeconds: members.reduce(0) { total, document in
                total + max(0, (document.resolved?.secondsSince1970 ?? document.started.secondsSince1970) - document.started.secondsSince1970)
            },
            intervalsDays: days, links: links)
    }

    // MARK: Similar incidents

    private func similarIncidents(_ documents: [Document], scores: [Pair: Double], scorer: PairScorer) -> [(id: String, similar: [PatternsReport.Similar])] {
        var neighbours: [Int: [(other: Int, score: Double)]] = [:]
        for (pair, score) in scores where score >= similarFloor {
            neighbours[pair.a, default: []].append((pair.b, score))
            neighbours[pair.b, default: []].append((pair.a, score))
        }
        return documents.indices.compactMap { index in
            guard let list = neighbours[index] else { return nil }
            let best = list.sorted { ($0.score, documents[$1.other].id) > ($1.score, documents[$0.other].id) }.prefix(maxSimilar)
            return (documents[index].id, best.map { entry in
                PatternsReport.Similar(id: documents[entry.other].id, title: documents[entry.other].title,
                                       explanation: scorer.explain(index, entry.other))
            })
        }.sorted { $0.id < $1.id }
    }

    // MARK: Factor recurrence

    private func factorRecurrence(_ documents: [Document]) -> [PatternsReport.FactorRecurrence] {
        var groups: [String: (service: String, factor: String, ids: [String])] = [:]
        for document in documents.sorted(by: { ($0.started, $0.id) < ($1.started, $1.id) }) {
            for service in document.services { for factor in document.factors {
                groups["\(service)\u{0}\(factor)", default: (service, factor, [])].ids.append(document.id)
            } }
        }
        return groups.values.filter { $0.ids.count >= 2 }
            .map { PatternsReport.FactorRecurrence(service: $0.service, factor: $0.factor, incidents: $0.ids) }
            .sorted { ($0.incidents.count, $1.service, $1.factor) > ($1.incidents.count, $0.service, $0.factor) }
    }

    // MARK: Recurrence despite action items

    private func recurrences(_ clusters: [[Int]], _ documents: [Document], today: LocalDate,
                             statusHistory: (any ActionStatusHistory)?) -> [PatternsReport.Recurrence] {
        var found: [PatternsReport.Recurrence] = []
        for group in clusters {
            let clusterID = "CL-" + documents[group[0]].id
            for (laterIndex, later) in group.enumerated() where laterIndex > 0 {
                let laterDocument = documents[later]
                // The most recent earlier members: in a long-running cluster the
                // oldest write-ups say little about the latest recurrence.
                for earlier in group[max(0, laterIndex - PatternAnalyzer.recurrenceLookback)..<laterIndex] {
                    let earlierDocument = documents[earlier]
                    for row in earlierDocument.postmortem.actionTable?.rows ?? [] {
                        guard let action = row.action else { continue }
                        let status = row.status ?? "open"
                        var state: PatternsReport.Recurrence.State
                        var doneAt: String?
                        var basis = "status as of \(today)"
                        switch status {
                        case "done":
                            let known = statusHistory?.doneDate(ofAction: action, in: earlierDocument.postmortem)
                            if let known, known.date <= laterDocument.started {
                                basis = "git history"
                                doneAt = known.date.localDate.description
                                state = .doneBefore
                            } else if let known, known.isExact {
                                // Marked done only after the recurrence: it was open then.
                                basis = "git history"
                                doneAt = known.date.localDate.description
                                state = .open
                            } else {
                                state = .done
                            }
                        case "wont-do": state = .wontDo
                        default: state = .open
                        }
                        found.append(PatternsReport.Recurrence(
                            cluster: clusterID, later: laterDocument.id, laterStarted: laterDocument.started.iso8601UTC,
                            earlier: earlierDocument.id, action: action, owner: row.owner, due: row.due, status: status,
                            state: state, doneAt: doneAt, basis: basis))
                    }
                }
            }
        }
        return found.sorted { ($0.later, $0.earlier, $0.action) < ($1.later, $1.earlier, $1.action) }
    }

    // MARK: Trends

    private func trends(_ documents: [Document], today: LocalDate) -> PatternsReport.Trends {
        var months: [String: [String: Int]] = [:]
        for document in documents {
            let date = document.started.localDate
            months[String(format: "%04d-%02d", date.year, date.month), default: [:]][document.severity, default: 0] += 1
        }
        // Months without incidents are part of the trend too.
        if let first = documents.map({ $0.started.localDate }).min(), let last = documents.map({ $0.started.localDate }).max() {
            var (year, month) = (first.year, first.month)
            while (year, month) <= (last.year, last.month) {
                let key = String(format: "%04d-%02d", year, month)
                if months[key] == nil { months[key] = [:] }
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
        }
        func stats(_ group: String, _ members: [Document]) -> PatternsReport.DurationStats {
            let detect = members.compactMap { d in d.detected.map { $0.secondsSince1970 - d.started.secondsSince1970 } }.filter { $0 >= 0 }.sorted()
            let resolve = members.compactMap { d in d.resolved.map { $0.secondsSince1970 - d.started.secondsSince1970 } }.filter { $0 >= 0 }.sorted()
            return PatternsReport.DurationStats(group: group, count: members.count,
                                                medianTimeToDetect: Statistics.median(detect), p90TimeToDetect: Statistics.percentile(detect, 90),
                                                medianTimeToResolve: Statistics.median(resolve), p90TimeToResolve: Statistics.percentile(resolve, 90))
        }
        let bySeverity = Dictionary(grouping: documents, by: \.severity).sorted { $0.key < $1.key }.map { stats($0.key, $0.value) }
        let byQuarter = Dictionary(grouping: documents) { document -> String in
            let date = document.started.localDate
            return "\(date.year)-Q\((date.month - 1) / 3 + 1)"
        }.sorted { $0.key < $1.key }.map { stats($0.key, $0.value) }

        var total = 0, done = 0, wontDo = 0, outstanding = 0, overdue = 0
        var openAges: [Int] = []
        for document in documents {
            for row in document.postmortem.actionTable?.rows ?? [] {
                total += 1
                switch row.status {
                case "done": done += 1
                case "wont-do": wontDo += 1
                default:
                    outstanding += 1
                    if let due = row.dueDate, due < today { overdue += 1 }
                    // Age from when the postmortem's incident was resolved (or began).
                    let since = (document.resolved ?? document.started).localDate
                    openAges.append(max(0, today.daysSince1970 - since.daysSince1970))
                }
            }
        }
        let completable = total - wontDo
        return PatternsReport.Trends(
            incidentsPerMonth: months.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            bySeverity: bySeverity, byQuarter: byQuarter,
            actions: PatternsReport.ActionStats(total: total, done: done, wontDo: wontDo, outstanding: outstanding, overdue: overdue,
                                                completionRate: completable > 0 ? Double(done) / Double(completable) : nil,
                                                medianOpenAgeDays: Statistics.median(openAges.sorted())))
    }
}

/// Order statistics on sorted values; never a bare mean, as durations are skewed.
enum Statistics {
    /// The median (lower middle for an even count, so it is an observed value).
    static func median(_ sorted: [Int]) -> Int? {
        sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
    }

    /// Nearest-rank percentile.
    static func percentile(_ sorted: [Int], _ p: Double) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
