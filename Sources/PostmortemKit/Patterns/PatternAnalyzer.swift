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
    /// Since when the item (matched by its Action text) of the postmortem
    /// at `path` has been `done`; nil when unknown. The history is the
    /// file's, so its path is all it needs (handing over the postmortem
    /// copied it whole for every item marked done).
    func doneDate(ofAction action: String, inFileAt path: String) -> ActionDoneDate?
}

/// Finds recurring patterns across postmortems (SPEC §8): similar
/// incidents, clusters of the same problem, service × factor recurrence,
/// recurrences despite action items, and trends.
///
/// Text similarity blends four parts, from the title (×2), executive
/// summary (×1.5), root cause analysis (×1.5) and incident overview (×0.3),
/// plus the words of lessons learned and preventive measures
/// (`PatternCorpus.fields`): the share of vocabulary two write-ups have in
/// common, words that more than half of them use left out (0.60), the
/// TF-IDF cosine of their words with words used mostly within one service
/// weighed down (0.30, `PatternCorpus.serviceFactors`),
/// the cosine of failure-mode concepts (0.09: how it failed, such as
/// `~disk-full`, whatever component it happened to; at full length when
/// they carry most of a document's concepts, see
/// `PatternCorpus.failureModes`) and that of all concepts (0.01,
/// `ConceptLexicon`). The score is 0.91 of it plus 0.09 of the Jaccard
/// similarity of contributing factors; `related:` adds 0.3, and naming the
/// other's id in the text or linking to its file 0.05 (`PairScorer`,
/// `PostmortemMentions`).
///
/// The weights and thresholds were fitted by logistic regression on every
/// pair of the 30 labelled corpora in Tests/Fixtures (`Scripts/fit-pair-weights`),
/// each written by a helper that did not read this code. Fitted on all but
/// one and scored on the one left out, they average F1 0.69 (0.67 on the
/// sixteen corpora the hand-set weights before them had never seen, where
/// those scored 0.47). The corpora's READMEs record every run.
///
/// Candidate pairs are all pairs up to 500 postmortems, and beyond that come
/// from an inverted index of each postmortem's strongest words and its
/// concepts (`CandidateIndex`), so cost grows near-linearly; clusters from
/// `PatternClusterer`.
public struct PatternAnalyzer: Sendable {
    /// Two incidents whose combined score reaches this are the same problem
    /// (the fit's mean F1 is flat from 0.17 to 0.19).
    public var clusterThreshold = 0.18
    /// A merged cluster's average pairwise score must reach this.
    public var clusterAverageThreshold = 0.17
    /// Similar incidents below this score are not shown (in the labelled
    /// corpora, three pairs in ten from this score up are one problem, and
    /// 92 % of the pairs that are one problem score this much).
    public var similarFloor = 0.14
    public var maxSimilar = 3
    /// Threads for the per-document work; the report is the same for any number.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Words and concepts of files counted by an earlier build (`build` sets it).
    var termCache: TermCache?
    /// The pairs, scores and clusters of the last build, reused when their inputs are unchanged (`build` sets it).
    var clusterCache: ClusterCache?
    /// The last build's report, reused when its documents read the same but for their action items (`ReportCache`; `build` sets it).
    var reportCache: ReportCache?
    /// How many earlier members of a cluster a recurrence is compared with.
    static let recurrenceLookback = 5

    public init() {}

    public func analyze(_ postmortems: [Postmortem], today: LocalDate, statusHistory: (any ActionStatusHistory)? = nil) -> PatternsReport {
        analyzeKeyed(postmortems, today: today, statusHistory: statusHistory).report
    }

    /// The report and, with a report cache, the key of everything it was
    /// made from (`outputKey`): equal keys give equal reports, so a build
    /// keeps its `patterns.json` under it.
    func analyzeKeyed(_ postmortems: [Postmortem], today: LocalDate,
                      statusHistory: (any ActionStatusHistory)?) -> (report: PatternsReport, key: String?) {
        let (corpus, scorer) = scoredCorpus(postmortems)
        let documents = corpus.documents
        let cacheKey = clusterCache == nil && reportCache == nil ? nil
            : ClusterCache.key(documents, clusterThreshold: clusterThreshold, averageThreshold: clusterAverageThreshold)
        let reportKey = cacheKey.flatMap { key in reportCache.map { _ in self.reportKey(clusterKey: key, documents, vocabulary: corpus.vocabulary) } }
        let outputKey = reportKey.map { self.outputKey(reportKey: $0, documents, today: today, statusHistory: statusHistory) }
        if let reportKey, var report = reportCache?.entry(for: reportKey) {
            // What the cache leaves out (see `ReportCache`), made again:
            // the recurrences from the report's clusters (members by id), and the trends.
            let byID = Dictionary(documents.indices.map { (documents[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
            let clusters = report.clusters.map { $0.members.compactMap { byID[$0.id] } }
            report.today = today.description
            report.recurrences = recurrences(clusters, documents, today: today, statusHistory: statusHistory)
            report.trends = trends(documents, today: today)
            return (report, outputKey)
        }
        let cached = cacheKey.flatMap { clusterCache?.entry(for: $0) { $0.fits(documentCount: documents.count) } }
        let pairs = cached?.pairs ?? CandidateIndex.pairs(documents, workers: workers)
        // Each pair's text similarity is kept: the explanations of the
        // similar incidents need it again (it was a third of their cost).
        let scored = cached?.scored ?? Array(ParallelMap.inChunks(pairs.count, chunk: 1024, workers: workers) { range in
            range.map { index -> (text: Double, score: Double) in
                let (x, y) = (Int(pairs[index].a), Int(pairs[index].b))
                let text = scorer.textSimilarity(x, y)
                return (text, scorer.score(text: text, x, y))
            }
        }.joined())
        // Similar incidents, factor recurrence and trends do not depend on
        // the clusters, so they are found while clustering runs on one core.
        let unclustered = BackgroundTask { [self] in
            (similar: similarIncidents(documents, pairs: pairs, scored: scored, scorer: scorer),
             factors: factorRecurrence(documents), trends: trends(documents, today: today))
        }
        let clusters = cached?.clusters ?? PatternClusterer(threshold: clusterThreshold, averageThreshold: clusterAverageThreshold)
            .clusters(documents, pairs: pairs, scores: scored.map(\.score), scorer: scorer)
        if let cacheKey, cached == nil { clusterCache?.store(ClusterCacheEntry(pairs: pairs, scored: scored, clusters: clusters), for: cacheKey) }
        // The recurrences (one core) while the clusters are described (the others).
        let recurring = BackgroundTask { [self] in
            recurrences(clusters, documents, today: today, statusHistory: statusHistory)
        }
        let described = ParallelMap.map(clusters, workers: workers) { describe($0, documents, scorer) }
        let found = unclustered.value
        let report = PatternsReport(
            incidents: documents.count,
            today: today.description,
            clusters: described.sorted { ($0.members.count, $1.id) > ($1.members.count, $0.id) },
            similar: found.similar,
            factorRecurrence: found.factors,
            recurrences: recurring.value,
            trends: found.trends)
        if let reportKey {
            var cached = report
            cached.recurrences = []
            reportCache?.store(cached, for: reportKey)
        }
        return (report, outputKey)
    }

    /// The parts of the score of every candidate pair (every pair up to
    /// `CandidateIndex.allPairsLimit` postmortems), in candidate order.
    public func pairFeatures(_ postmortems: [Postmortem]) -> [PairFeatures] {
        let (corpus, scorer) = scoredCorpus(postmortems)
        let documents = corpus.documents
        return CandidateIndex.pairs(documents, workers: workers).map { pair in
            let (x, y) = (Int(pair.a), Int(pair.b))
            return PairFeatures(first: documents[x].id, second: documents[y].id, parts: scorer.parts(x, y), score: scorer.score(x, y))
        }
    }

    /// The documents and their scorer: what the analysis and
    /// `pairFeatures` both start from (the analysis may take its candidate
    /// pairs from the cluster cache).
    private func scoredCorpus(_ postmortems: [Postmortem]) -> (corpus: PatternCorpus, scorer: PairScorer) {
        let corpus = PatternCorpus(postmortems, workers: workers, termCache: termCache)
        return (corpus, PairScorer(documents: corpus.documents, vocabulary: corpus.vocabulary))
    }

    // MARK: Clusters

    private func member(_ document: PatternDocument) -> PatternsReport.Member {
        PatternsReport.Member(id: document.id, title: document.title, path: document.path,
                              started: document.started.iso8601UTC, severity: document.severity)
    }

    private func describe(_ group: [Int], _ documents: [PatternDocument], _ scorer: PairScorer) -> PatternsReport.Cluster {
        // Label: the terms with most weight across members, concepts first.
        var weights: [Int32: Float] = [:]
        for member in group {
            for (term, weight) in documents[member].vector { weights[term, default: 0] += weight }
            for (term, weight) in documents[member].concepts { weights[term, default: 0] += weight }
        }
        let ranked = weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { scorer.vocabulary[Int($0.key)] }
        let concepts = ranked.filter { $0.hasPrefix("~") }.prefix(3).map { String($0.dropFirst()) }
        let words = ranked.filter { !$0.hasPrefix("~") }.prefix(5)
        let factorCounts = Dictionary(group.flatMap { documents[$0].factors }.map { ($0, 1) }, uniquingKeysWith: +)
        let factors = factorCounts.keys.sorted { (factorCounts[$0]!, $1) > (factorCounts[$1]!, $0) }
        var label = (concepts.isEmpty ? Array(words.prefix(3)) : Array(concepts)).joined(separator: " · ")
        if let factor = factors.first { label += " (\(factor))" }
        let days = zip(group, group.dropFirst()).map {
            (documents[$1].started.secondsSince1970 - documents[$0].started.secondsSince1970) / 86_400
        }
        let links = zip(group, group.dropFirst()).map { (from: documents[$0].id, to: documents[$1].id, explanation: scorer.explain($0, $1)) }
        return PatternsReport.Cluster(
            id: "CL-" + documents[group[0]].id, label: label, members: group.map { member(documents[$0]) },
            services: Set(group.flatMap { documents[$0].services }).sorted(), factors: factors, topTerms: Array(ranked.prefix(8)),
            firstDate: documents[group.first!].started.localDate.description, lastDate: documents[group.last!].started.localDate.description,
            totalImpactSeconds: group.reduce(0) { total, index in
                let started = documents[index].started.secondsSince1970
                return total + max(0, (documents[index].resolved?.secondsSince1970 ?? started) - started)
            },
            intervalsDays: days, links: links)
    }

    // MARK: Similar incidents

    private func similarIncidents(_ documents: [PatternDocument], pairs: [CandidateIndex.Pair], scored: [(text: Double, score: Double)],
                                  scorer: PairScorer) -> [(id: String, similar: [PatternsReport.Similar])] {
        var lists = [[(other: Int32, score: Double, text: Double)]](repeating: [], count: documents.count)
        for (pair, (text, score)) in zip(pairs, scored) where score >= similarFloor {
            lists[Int(pair.a)].append((pair.b, score, text))
            lists[Int(pair.b)].append((pair.a, score, text))
        }
        let neighbours = lists
        let indices = documents.indices.filter { !neighbours[$0].isEmpty }.sorted { documents[$0].idRank < documents[$1].idRank }
        return ParallelMap.map(indices, workers: workers) { index in
            let best = neighbours[index].sorted {
                ($0.score, documents[Int($1.other)].idRank) > ($1.score, documents[Int($0.other)].idRank)
            }.prefix(maxSimilar)
            return (documents[index].id, best.map { entry in
                PatternsReport.Similar(id: documents[Int(entry.other)].id, title: documents[Int(entry.other)].title,
                                       explanation: scorer.explain(index, Int(entry.other), text: entry.text))
            })
        }
    }

    // MARK: Factor recurrence

    private func factorRecurrence(_ documents: [PatternDocument]) -> [PatternsReport.FactorRecurrence] {
        var groups: [String: (service: String, factor: String, ids: [String])] = [:]
        for index in documents.indices.sorted(by: { (documents[$0].started, documents[$0].idRank) < (documents[$1].started, documents[$1].idRank) }) {
            for service in documents[index].services { for factor in documents[index].factors {
                groups["\(service)\u{0}\(factor)", default: (service, factor, [])].ids.append(documents[index].id)
            } }
        }
        return groups.values.filter { $0.ids.count >= 2 }
            .map { PatternsReport.FactorRecurrence(service: $0.service, factor: $0.factor, incidents: $0.ids) }
            .sorted { ($0.incidents.count, $1.service, $1.factor) > ($1.incidents.count, $0.service, $0.factor) }
    }

    // MARK: Recurrence despite action items

    /// Each later member of a cluster against the action items of at most
    /// `recurrenceLookback` members before it, so the work grows with the
    /// cluster's size, not its square. Sorted by later id, earlier id and
    /// action (then table order): each later incident is in one cluster, so
    /// sorting the later incidents and, once per earlier one, its rows gives
    /// that order without sorting the records.
    private func recurrences(_ clusters: [[Int]], _ documents: [PatternDocument], today: LocalDate,
                             statusHistory: (any ActionStatusHistory)?) -> [PatternsReport.Recurrence] {
        let asOfToday = "status as of \(today)"
        let clusterIDs = clusters.map { "CL-" + documents[$0[0]].id }
        var members = [Bool](repeating: false, count: documents.count)
        for group in clusters { for member in group { members[member] = true } }
        let isMember = members
        // Each member's action items in the order they are reported: by action, then table order.
        let rows: [[PatternAction]] = Array(ParallelMap.inChunks(documents.count, chunk: 256, workers: workers) { range in
            range.map { member -> [PatternAction] in
                guard isMember[member] else { return [] }
                return documents[member].actions.enumerated().filter { $0.element.action != nil }
                    .sorted { ($0.element.action!, $0.offset) < ($1.element.action!, $1.offset) }.map(\.element)
            }
        }.joined())
        // The most recent earlier members: in a long-running cluster the
        // oldest write-ups say little about the latest recurrence.
        @Sendable func earlier(_ laterIndex: Int) -> Range<Int> {
            max(0, laterIndex - PatternAnalyzer.recurrenceLookback)..<laterIndex
        }
        // Every later member in the report's order (by id), with the slot
        // where its records start: one per action item of its earlier members.
        struct Later { var rank: Int32, cluster: Int, index: Int, start: Int }
        var placed: [Later] = []
        for (cluster, group) in clusters.enumerated() {
            for index in group.indices.dropFirst() {
                placed.append(Later(rank: documents[group[index]].idRank, cluster: cluster, index: index, start: 0))
            }
        }
        placed.sort { ($0.rank, $0.cluster, $0.index) < ($1.rank, $1.cluster, $1.index) }
        var total = 0
        for position in placed.indices {
            placed[position].start = total
            let group = clusters[placed[position].cluster]
            total += earlier(placed[position].index).reduce(0) { $0 + rows[group[$1]].count }
        }
        let laters = placed
        // Each record is made in its final slot, on all cores. (Made per
        // cluster and then joined, 1.7 million records at 100,000
        // postmortems were copied once more, and the largest cluster, a
        // quarter of them, was one core's work.)
        return Array(unsafeUninitializedCapacity: total) { buffer, initialized in
            let slots = UnsafeMutableBufferPointerBox(buffer)
            _ = ParallelMap.inChunks(laters.count, chunk: 512, workers: workers) { range in
                for position in range {
                    let later = laters[position], group = clusters[later.cluster]
                    let laterMember = group[later.index]
                    let laterID = documents[laterMember].id, laterStart = documents[laterMember].started
                    let laterStarted = laterStart.iso8601UTC
                    var slot = slots.buffer.baseAddress! + later.start
                    for earlierIndex in earlier(later.index).sorted(by: { documents[group[$0]].idRank < documents[group[$1]].idRank }) {
                        let earlierMember = group[earlierIndex]
                        for row in rows[earlierMember] {
                            let action = row.action!, status = row.status
                            var state: PatternsReport.Recurrence.State
                            var doneAt: String?
                            var basis = asOfToday
                            switch status {
                            case "done":
                                let known = statusHistory?.doneDate(ofAction: action, inFileAt: documents[earlierMember].path)
                                if let known, known.date <= laterStart {
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
                            slot.initialize(to: PatternsReport.Recurrence(
                                cluster: clusterIDs[later.cluster], later: laterID, laterStarted: laterStarted,
                                earlier: documents[earlierMember].id, action: action, owner: row.owner, due: row.due, status: status,
                                state: state, doneAt: doneAt, basis: basis))
                            slot += 1
                        }
                    }
                }
            }
            initialized = total
        }
    }

    // MARK: Trends

    private func trends(_ documents: [PatternDocument], today: LocalDate) -> PatternsReport.Trends {
        func monthKey(_ year: Int, _ month: Int) -> String {
            (year < 1000 ? String(repeating: "0", count: 4 - String(year).count) : "") + String(year) + (month < 10 ? "-0" : "-") + String(month)
        }
        // Year × 12 + month − 1 → severity → count.
        var months: [Int: [String: Int]] = [:]
        var quarters: [Int: [Int]] = [:]
        var severities: [String: [Int]] = [:]
        for index in documents.indices {
            let date = documents[index].started.localDate
            months[date.year * 12 + date.month - 1, default: [:]][documents[index].severity, default: 0] += 1
            quarters[date.year * 4 + (date.month - 1) / 3, default: []].append(index)
            severities[documents[index].severity, default: []].append(index)
        }
        // Months without incidents are part of the trend too.
        if let first = months.keys.min(), let last = months.keys.max() {
            for month in first...last where months[month] == nil { months[month] = [:] }
        }
        func stats(_ group: String, _ members: [Int]) -> PatternsReport.DurationStats {
            func durations(_ end: (PatternDocument) -> Timestamp?) -> [Int] {
                members.compactMap { index in end(documents[index]).map { $0.secondsSince1970 - documents[index].started.secondsSince1970 } }
                    .filter { $0 >= 0 }.sorted()
            }
            let detect = durations(\.detected), resolve = durations(\.resolved)
            return PatternsReport.DurationStats(group: group, count: members.count,
                                                medianTimeToDetect: Statistics.median(detect), p90TimeToDetect: Statistics.percentile(detect, 90),
                                                medianTimeToResolve: Statistics.median(resolve), p90TimeToResolve: Statistics.percentile(resolve, 90))
        }
        let bySeverity = severities.sorted { $0.key < $1.key }.map { stats($0.key, $0.value) }
        // Keys in the form "2025-Q3"; sorted as strings, as they always were.
        let byQuarter = quarters.map { ("\($0.key / 4)-Q\($0.key % 4 + 1)", $0.value) }
            .sorted { $0.0 < $1.0 }.map { stats($0.0, $0.1) }

        var total = 0, done = 0, wontDo = 0, outstanding = 0, overdue = 0
        var openAges: [Int] = []
        for index in documents.indices {
            for row in documents[index].actions {
                total += 1
                switch row.status {
                case "done": done += 1
                case "wont-do": wontDo += 1
                default:
                    outstanding += 1
                    if let due = row.dueDate, due < today { overdue += 1 }
                    // Age from when the postmortem's incident was resolved (or began).
                    let since = (documents[index].resolved ?? documents[index].started).localDate
                    openAges.append(max(0, today.daysSince1970 - since.daysSince1970))
                }
            }
        }
        let completable = total - wontDo
        return PatternsReport.Trends(
            incidentsPerMonth: months.sorted { $0.key < $1.key }.map { (monthKey($0.key / 12, $0.key % 12 + 1), $0.value) },
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
