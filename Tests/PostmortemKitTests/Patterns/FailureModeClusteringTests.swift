import Testing
@testable import PostmortemKit

/// The analyzer on small corpora in which each recurring problem is one
/// failure mode told by different authors about different services, beside
/// incidents that share its component or its vocabulary but not the failure.
struct FailureModeClusteringTests {
    static func postmortem(_ id: String, _ started: String, _ service: String, _ factor: String,
                           title: String, summary: String, rootCause: String) -> Postmortem {
        TestLint.parse("""
            ---
            id: \(id)
            title: "\(title)"
            status: published
            severity: SEV2
            services: [\(service)]
            started: \(started)T10:00:00Z
            resolved: \(started)T12:00:00Z
            contributing_factors: [\(factor)]
            ---

            # \(title)

            ## Executive Summary

            \(summary)

            ## Root Cause Analysis

            \(rootCause)
            """, path: "postmortems/\(id).md")
    }

    static let corpus: [Postmortem] = [
        // A leak, three times: memory grows and is never given back.
        postmortem("PM-101", "2024-02-05", "search-api", "software-bug",
                   title: "Search API heap grew for a week until the JVM died",
                   summary: "After a refactor replaced the LRU with a plain map, old-gen occupancy climbed for seven days and every search-api instance ended in OutOfMemoryError.",
                   rootCause: "The map had no eviction, so every query shape ever seen stayed reachable. Heap graphs showed the growth but nothing alerted on it."),
        postmortem("PM-102", "2024-07-19", "image-resizer", "software-bug",
                   title: "Image resizer restarted every hour as goroutines piled up",
                   summary: "Each cancelled upload left a goroutine blocked on a channel, so resident memory rose steadily until the kernel killed the process.",
                   rootCause: "Goroutines leaked on the cancellation path and the buffers they held were never freed; RSS kept growing between restarts."),
        postmortem("PM-103", "2025-03-02", "realtime-gateway", "dependency",
                   title: "Realtime gateway memory creep from subscriptions that were never cleaned up",
                   summary: "WebSocket subscriptions were never removed when clients disconnected, so the gateway's memory crept up over two days until pods were OOMKilled.",
                   rootCause: "A library upgrade stopped releasing listeners on close. Objects accumulated in the heap with every reconnect."),
        // Memory, but a limit set too low: no growth.
        postmortem("PM-104", "2024-09-10", "checkout-api", "config-change",
                   title: "Checkout pods OOMKilled at start-up after a memory limit typo",
                   summary: "A values change set the container memory limit to 128Mi instead of 1Gi, and every checkout pod was OOMKilled as soon as it loaded its catalogue.",
                   rootCause: "The limit was set too low for the working set. The chart did not validate the value and the canary was skipped."),
        // A credential replaced under a consumer that kept the old one, three times.
        postmortem("PM-201", "2024-04-11", "reports-export", "config-change",
                   title: "Nightly reports failed after the warehouse password was rotated",
                   summary: "The secrets manager rotated the warehouse password on schedule, but reports-export kept sending the old password from its connection settings.",
                   rootCause: "Nothing reloaded the credential after a rotation; staging never ran long enough to see one."),
        postmortem("PM-202", "2024-11-23", "webhooks", "process",
                   title: "Partner webhooks rejected after the signing secret was cycled",
                   summary: "Security cycled the HMAC signing secret, and two partners' verifiers still held the previous secret, so every webhook failed verification for six hours.",
                   rootCause: "The secret was replaced with no overlap period and consumers were told by email."),
        postmortem("PM-203", "2025-06-30", "payouts", "third-party",
                   title: "Payouts halted when the bank API token was revoked",
                   summary: "The bank revoked our API token during its annual credential refresh; payouts kept presenting the stale token and got 401 for every transfer.",
                   rootCause: "The token was deactivated before the new one reached the payouts service, which had no alert on authentication failures."),
        // Credential vocabulary, different failures.
        postmortem("PM-204", "2025-01-14", "platform-ci", "process",
                   title: "Deploy key exposed in a public repository",
                   summary: "A deploy key was committed to a public repository and found by secret scanning within an hour; we revoked it and audited access.",
                   rootCause: "The key was exposed because a test fixture copied a real credential."),
        postmortem("PM-205", "2025-08-08", "partner-api", "monitoring-gap",
                   title: "Partner API certificate expired",
                   summary: "The TLS certificate on partner-api lapsed and partners' handshakes failed for two hours.",
                   rootCause: "The renewal job had been failing silently for a month."),
    ]

    /// Failure modes tell each recurring problem from its confusables
    /// whatever component it happened to. (These two-sentence write-ups
    /// share too few words to cluster: most of a score is shared vocabulary,
    /// fitted on write-ups of 600 words and more.)
    @Test func oneFailureModeIsSharedAcrossServicesAndNotWithItsConfusables() {
        let corpus = PatternCorpus(Self.corpus, workers: 1)
        let documents = Dictionary(uniqueKeysWithValues: corpus.documents.map { ($0.id, $0) })
        func failureModes(_ x: String, _ y: String) -> Float { PairScorer.dot(documents[x]!.failureModes, documents[y]!.failureModes) }
        for group in [["PM-101", "PM-102", "PM-103"], ["PM-201", "PM-202", "PM-203"]] {
            for (x, y) in [(group[0], group[1]), (group[0], group[2]), (group[1], group[2])] {
                #expect(failureModes(x, y) > 0.8, "\(x) ~ \(y)")
            }
        }
        for member in ["PM-101", "PM-102", "PM-103"] { #expect(failureModes(member, "PM-104") == 0) }
        for member in ["PM-201", "PM-202", "PM-203"] {
            for confusable in ["PM-204", "PM-205"] { #expect(failureModes(member, confusable) == 0) }
        }
    }

    @Test func failureModesCountInFullWhenTheyCarryTheDocument() {
        let isFailureMode = [false, true, true]
        // Mostly failure modes (length 0.8): scaled to unit length.
        let mostly = PatternCorpus.failureModes(of: [(0, 0.6), (1, 0.64), (2, 0.48)], isFailureMode: isFailureMode)
        #expect(abs(mostly.reduce(0) { $0 + $1.weight * $1.weight } - 1) < 1e-5)
        #expect(mostly.map(\.term) == [1, 2])
        // Mentioned in passing (length 0.3): scaled by 1 / floor, so it stays short.
        let passing = PatternCorpus.failureModes(of: [(0, 0.954), (1, 0.3)], isFailureMode: isFailureMode)
        #expect(abs(passing[0].weight - 0.3 / PatternCorpus.failureModeFloor) < 1e-5)
        #expect(PatternCorpus.failureModes(of: [(0, 1)], isFailureMode: isFailureMode).isEmpty)
    }

    @Test func wordsUsedWithinOneServiceWeighLessThanWordsUsedAcrossServices() {
        // Term 0: two documents of one service; 1: two documents of two
        // services; 2: one document; 3: a concept within one service; 4: three
        // documents of which one pair shares a service.
        let termCounts: [[(term: Int32, count: Double)]] = [
            [(0, 1), (1, 1), (2, 1), (3, 1), (4, 1)], [(0, 2), (3, 1), (4, 1)], [(1, 1), (4, 1)],
        ]
        let factors = PatternCorpus.serviceFactors(termCounts, services: [[7], [7], [8]],
                                                   documentFrequency: [2, 2, 1, 2, 3],
                                                   isConcept: [false, false, false, true, false])
        let cut = PatternCorpus.serviceConcentrationCut
        #expect(abs(factors[0] - (1 - cut)) < 1e-9)
        #expect(factors[1] == 1)
        #expect(factors[2] == 1)
        #expect(factors[3] == 1)
        #expect(abs(factors[4] - (1 - cut / 3)) < 1e-9)
    }

    @Test func lessonsLearnedAddWordsButNotConcepts() {
        func postmortem(_ id: String, lessons: String) -> Postmortem {
            TestLint.parse("""
                ---
                id: \(id)
                title: "Jobs ran twice"
                status: published
                severity: SEV2
                services: [billing]
                started: 2025-01-01T10:00:00Z
                ---

                # Jobs ran twice

                ## Root Cause Analysis

                The nightly job ran on every replica.
                \(lessons)
                """, path: "postmortems/\(id).md")
        }
        let corpus = PatternCorpus([postmortem("PM-301", lessons: ""),
                                    postmortem("PM-302", lessons: "## Lessons Learned\n\nScheduled jobs need an exclusive lease; the certificate expired too.")],
                                   workers: 1)
        func terms(_ vector: SparseVector) -> Set<String> { Set(vector.map { corpus.vocabulary[Int($0.term)] }) }
        let (without, with) = (corpus.documents[0], corpus.documents[1])
        #expect(terms(with.vector).isSuperset(of: ["exclus", "leas"]))
        #expect(terms(without.vector).isDisjoint(with: ["exclus", "leas"]))
        // "certificate expired" in the lessons adds no concept.
        #expect(terms(with.concepts) == terms(without.concepts))
        #expect(!terms(with.concepts).contains("~expiry"))
    }

    /// A bad image on checkout-api, and a second incident on the same
    /// service with `factor` and the given text.
    static func checkoutPair(factor: String, title: String, summary: String, rootCause: String) -> PatternCorpus {
        PatternCorpus(checkoutPostmortems(factor: factor, title: title, summary: summary, rootCause: rootCause), workers: 1)
    }

    static func checkoutPostmortems(factor: String, title: String, summary: String, rootCause: String) -> [Postmortem] {
        [
            postmortem("PM-401", "2024-01-01", "checkout-api", "deploy", title: "Checkout pods crash-looped after a bad image",
                       summary: "A broken image crash-looped every pod.", rootCause: "The image lacked a library."),
            postmortem("PM-402", "2024-06-01", "checkout-api", factor, title: title, summary: summary, rootCause: rootCause),
        ]
    }

    /// A shared service is shown, but it does not score: different
    /// problems of one service share it as much as recurrences do.
    @Test func aSharedServiceIsExplainedButNotScored() {
        let corpus = Self.checkoutPair(factor: "capacity", title: "Checkout slow during a sale",
                                       summary: "Traffic tripled and latency rose.", rootCause: "Autoscaling lagged behind the traffic.")
        let scorer = PairScorer(documents: corpus.documents, vocabulary: corpus.vocabulary)
        #expect(scorer.structure(0, 1) == 0)
        #expect(scorer.score(0, 1) < PatternAnalyzer().clusterThreshold)
        #expect(scorer.explain(0, 1).sharedServices == ["checkout-api"])
    }

    /// Even the same service, factor and tags stay below the cluster
    /// threshold without text in common.
    @Test func identicalFrontMatterAloneDoesNotJoinTwoProblems() {
        let postmortems = Self.checkoutPostmortems(factor: "deploy", title: "Tax totals rounded wrongly for Norway",
                                                   summary: "Invoices showed kroner totals off by one øre.", rootCause: "A rounding mode default changed.")
        let corpus = PatternCorpus(postmortems, workers: 1)
        let scorer = PairScorer(documents: corpus.documents, vocabulary: corpus.vocabulary)
        #expect(scorer.structure(0, 1) == PairScorer.factorWeight)
        #expect(PairScorer.factorWeight < PatternAnalyzer().clusterThreshold)
        #expect(PatternAnalyzer().analyze(postmortems, today: LocalDate(year: 2026, month: 1, day: 1)!).clusters.isEmpty)
    }
}
