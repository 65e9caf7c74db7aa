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
/// links (`PairScorer`). Weights and thresholds were set on two labelled
/// corpora written by different authors (the samples and
/// Tests/Fixtures/patterns-corpus). Candidate pairs come from an inverted
/// index of each postmortem's strongest terms (`CandidateIndex`), so cost
/// grows near-linearly; clusters from `PatternClusterer`.
public struct PatternAnalyzer: Sendable {
    /// Two incidents whose combined score reaches this are the same problem.
    public var clusterThreshold = 0.32
    /// A merged cluster's average pairwise score must reach this.
    public var clusterAverageThreshold = 0.28
    /// Similar incidents below this score are not shown.
    public var similarFloor = 0.10
    public var maxSimilar = 3
    /// Threads for the per-document work; the report is the same for any number.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// How many earlier members of a cluster a recurrence is compared with.
    static let recurrenceLookback = 5

    public init() {}

    public func analyze(_ postmortems: [Postmortem], today: LocalDate, statusHistory: (any ActionStatusHistory)? = nil) -> PatternsReport {
        let corpus = PatternCorpus(postmortems, workers: workers)
        let documents = corpus.documents
        let scorer = PairScorer(documents: documents, vocabulary: corpus.vocabulary)
        let pairs = CandidateIndex.pairs(documents, workers: workers)
        let scores = inChunks(pairs.count) { range in range.map { scorer.score(Int(pairs[$0].a), Int(pairs[$0].b)) } }
        let clusters = PatternClusterer(threshold: clusterThreshold, averageThreshold: clusterAverageThreshold)
            .clusters(documents, pairs: pairs, scores: scores, scorer: scorer)
        let described = ParallelMap.map(clusters, workers: workers) { describe($0, documents, scorer) }
        let similar = similarIncidents(documents, pairs: pairs, scores: scores, scorer: scorer)
        let recurrences = recurrences(clusters, documents, today: today, statusHistory: statusHistory)
        let report = PatternsReport(
            incidents: documents.count,
            today: today.description,
            clusters: described.sorted { ($0.members.count, $1.id) > ($1.members.count, $0.id) },
            similar: similar,
            factorRecurrence: factorRecurrence(documents),
            recurrences: recurrences,
            trends: trends(documents, today: today))
        return report
    }

    /// Maps index ranges of `count` items on the workers, in chunks large
    /// enough that handing them out costs nothing, and joins the results in order.
    private func inChunks<Result: Sendable>(_ count: Int, chunk: Int = 1024,
                                            _ transform: @Sendable (Range<Int>) -> [Result]) -> [Result] {
        let starts = Array(stride(from: 0, to: count, by: chunk))
        return Array(ParallelMap.map(starts, workers: workers) { transform($0..<min($0 + chunk, count)) }.joined())
    }

    // MARK: Clusters

    private func member(_ document: PatternDocument) -> PatternsReport.Member {
        PatternsReport.Member(id: document.id, title: document.title, path: document.postmortem.path,
                              started: document.started.iso8601UTC, severity: document.severity)
    }

    private func describe(_ group: [Int], _ documents: [PatternDocument], _ scorer: PairScorer) -> PatternsReport.Cluster {
        let members = group.map { documents[$0] }
        // Label: the terms with most weight across members, concepts first.
        var weights: [Int32: Float] = [:]
        for document in members {
            for (term, weight) in document.vector { weights[term, default: 0] += weight }
            for (term, weight) in document.concepts { weights[term, default: 0] += weight }
        }
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

    private func similarIncidents(_ documents: [PatternDocument], pairs: [CandidateIndex.Pair], scores: [Double],
                                  scorer: PairScorer) -> [(id: String, similar: [PatternsReport.Similar])] {
        var lists = [[(other: Int32, score: Double)]](repeating: [], count: documents.count)
        for (pair, score) in zip(pairs, scores) where score >= similarFloor {
            lists[Int(pair.a)].append((pair.b, score))
            lists[Int(pair.b)].append((pair.a, score))
        }
        let neighbours = lists
        let indices = documents.indices.filter { !neighbours[$0].isEmpty }.sorted { documents[$0].idRank < documents[$1].idRank }
        return ParallelMap.map(indices, workers: workers) { index in
            let best = neighbours[index].sorted {
                ($0.score, documents[Int($1.other)].idRank) > ($1.score, documents[Int($0.other)].idRank)
            }.prefix(maxSimilar)
            return (documents[index].id, best.map { entry in
                PatternsReport.Similar(id: documents[Int(entry.other)].id, title: documents[Int(entry.other)].title,
                                       explanation: scorer.explain(index, Int(entry.other)))
            })
        }
    }

    // MARK: Factor recurrence

    private func factorRecurrence(_ documents: [PatternDocument]) -> [PatternsReport.FactorRecurrence] {
        var groups: [String: (service: String, factor: String, ids: [String])] = [:]
        for document in documents.sorted(by: { ($0.started, $0.idRank) < ($1.started, $1.idRank) }) {
            for service in document.services { for factor in document.factors {
                groups["\(service)\u{0}\(factor)", default: (service, factor, [])].ids.append(document.id)
            } }
        }
        return groups.values.filter { $0.ids.count >= 2 }
            .map { PatternsReport.FactorRecurrence(service: $0.service, factor: $0.factor, incidents: $0.ids) }
            .sorted { ($0.incidents.count, $1.service, $1.factor) > ($1.incidents.count, $0.service, $0.factor) }
    }

    // MARK: Recurrence despite action items

    /// Each later member of a cluster against the action items of at most
    /// `recurrenceLookback` members before it, so the work grows with the
    /// cluster's size, not its square.
    private func recurrences(_ clusters: [[Int]], _ documents: [PatternDocument], today: LocalDate,
                             statusHistory: (any ActionStatusHistory)?) -> [PatternsReport.Recurrence] {
        let asOfToday = "status as of \(today)"
        // Each record with its sort key: later and earlier by id, the action, then table order.
        typealias Keyed = (later: Int32, earlier: Int32, row: Int, record: PatternsReport.Recurrence)
        let perCluster: [[Keyed]] = ParallelMap.map(clusters, workers: workers) { group in
            var found: [Keyed] = []
            let clusterID = "CL-" + documents[group[0]].id
            for (laterIndex, later) in group.enumerated() where laterIndex > 0 {
                let laterDocument = documents[later]
                let laterStarted = laterDocument.started.iso8601UTC
                // The most recent earlier members: in a long-running cluster the
                // oldest write-ups say little about the latest recurrence.
                for earlier in group[max(0, laterIndex - PatternAnalyzer.recurrenceLookback)..<laterIndex] {
                    let earlierDocument = documents[earlier]
                    for (rowIndex, row) in (earlierDocument.postmortem.actionTable?.rows ?? []).enumerated() {
                        guard let action = row.action else { continue }
                        let status = row.status ?? "open"
                        var state: PatternsReport.Recurrence.State
                        var doneAt: String?
                        var basis = asOfToday
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
                        found.append((laterDocument.idRank, earlierDocument.idRank, rowIndex, PatternsReport.Recurrence(
                            cluster: clusterID, later: laterDocument.id, laterStarted: laterStarted,
                            earlier: earlierDocument.id, action: action, owner: row.owner, due: row.due, status: status,
                            state: state, doneAt: doneAt, basis: basis)))
                    }
                }
            }
            return found
        }
        return perCluster.joined().sorted { x, y in
            if x.later != y.later { return x.later < y.later }
            if x.earlier != y.earlier { return x.earlier < y.earlier }
            if x.record.action != y.record.action { return x.record.action < y.record.action }
            return x.row < y.row
        }.map(\.record)
    }

    // MARK: Trends

    private func trends(_ documents: [PatternDocument], today: LocalDate) -> PatternsReport.Trends {
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
        func stats(_ group: String, _ members: [PatternDocument]) -> PatternsReport.DurationStats {
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
