/// Minimisers that make a fix or a signal look obvious in hindsight.
struct HindsightRule: BlamelessRule {
    static let kind = BlamelessKind.hindsight

    static let description = RuleDescription(
        id: BlamelessKind.hindsight.rawValue,
        summary: "Drop minimisers such as \"obviously\", \"simply\", \"just\" and \"clearly\".",
        rationale: """
            Minimisers tell readers the problem was easy to see, which it was not at the time, or it would \
            not have happened. Words come from Resources/blameless/minimisers.yml; "just" in its time sense \
            ("had just started", "just after midnight") or about what a thing does ("it just says \
            nothing"), "simply" about what a thing did ("the batch simply waited"), "clearly" as a \
            manner ("did not clearly indicate"), an "-ly" word ending a clause ("handle partitions \
            predictably") and negated uses ("no obvious correlation") pass. Reported as info.
            """,
        defaultSeverity: .info,
        fires: [
            .prose("↓Obviously the health check endpoint must not depend on the database."),
            .prose("The fix was ↓simply to restart the stuck consumer.", in: .resolutionAndRecovery),
            .prose("The responders ↓just needed to flush the CDN cache."),
            .prose("The root cause was ↓clearly the unbounded retry loop in the SDK.", in: .rootCauseAnalysis),
            .prose("The warning signs were ↓plain to see in the latency graphs.", in: .lessonsLearned),
            .prose("The cache failed over, ↓predictably, and the primary took the full read load."),
        ],
        passes: [
            .prose("The pod had just started when the liveness probe killed it."),
            .prose("The first alert fired just after midnight UTC, when the nightly compaction started."),
            .prose("The error message did not clearly indicate which replica had diverged."),
            .prose("There was no obvious correlation between the deploy and the latency spike at first."),
            .prose("The two endpoints share a hostname prefix, which made them easy to confuse in config."),
            .prose("Quorum queues replicate with Raft and handle partitions predictably."),
            .prose("A forecast without later groups is valid; it just says nothing about the afternoon."),
            .prose("After the surge the single worker simply could not drain the queue as fast as the scanners filled it."),
            .prose("The orders were still accepted and sent to market, just slowly."),
            .prose("Our first job was to say clearly that no payment had been taken twice."),
        ])
}
