/// Judgemental terms and characterisations of people: "human error",
/// "careless", "botched", "dropped the ball", and roles, pronouns or teams
/// described by a mistake ("the release manager rushed the build out").
struct BlameLanguageRule: BlamelessRule {
    static let kind = BlamelessKind.blameLanguage

    static let description = RuleDescription(
        id: BlamelessKind.blameLanguage.rawValue,
        summary: "Describe conditions, not character: no judgemental terms such as \"human error\" or \"careless\".",
        rationale: """
            Words that judge care or competence end the analysis at a person and teach people to hide \
            their slips. Terms come from Resources/blameless/judgement.yml (extend with `blameless.terms`, \
            silence with `blameless.allowed`); quoted, negated or rejected uses ("we avoided calling this \
            human error") and technical senses ("error rate", "git blame") pass. A role, pronoun or team \
            described by a mistake ("the on-call engineer ignored three pages") is reported too; software \
            named after a role ("the workflow manager", "the secrets manager") is not a person.
            """,
        defaultSeverity: .warning,
        fires: [
            .prose("The root cause was ↓human error during the database failover.", in: .rootCauseAnalysis),
            .prose("The operator ↓messed up the kubectl context and drained the production node pool."),
            .prose("The release manager ↓rushed the build out without waiting for the integration suite."),
            .prose("Bob's ↓careless edit to the upstream block sent all traffic to a single pod."),
            .prose("Whoever approved this pull request was not ↓paying attention.", in: .lessonsLearned),
            .prose("The outage is squarely the ↓fault of the engineer who ran the cleanup script."),
            .prose("The on-call engineers were paged at 02:10. They ↓ignored the first three pages."),
            .prose("The on-call engineer ↓deleted the pod instead of draining the node."),
            .prose("The operator ↓overrode the safety check with a manual flag."),
        ],
        passes: [
            .prose("We avoided calling this human error; the console made the two clusters look identical."),
            .prose("The original ticket was titled \"human error on deploy\" and was renamed during review."),
            .prose("The error rate stayed above 5% for 47 minutes and used 62% of the error budget."),
            .prose("Running git blame on the Helm chart showed the limit had not changed since 2021."),
            .prose("Fault injection tests now cover broker restarts, and replicas sit in separate fault domains."),
            .prose("The stale CDN cache was to blame for the 404s on the pricing page."),
            .prose("The client library ignored the Retry-After header and retried immediately."),
            .prose("The release manager approved the deploy at 16:55 based on a green CI run."),
            .prose("The workflow manager put every failed task straight back into the queue without waiting."),
            .prose("Two cron runs overlapped on the shared volume. They overwrote each other's temporary files."),
            .prose("We closed each unintended position at market and credited any loss to the customer.", in: .resolutionAndRecovery),
            .prose("We paused the document path rather than feeding more applications to the manual queue.", in: .resolutionAndRecovery),
            .prose("We overrode the stale reference price with the exchange's adjusted one.", in: .resolutionAndRecovery),
            .prose("We did not replay missed alerts: most thresholds had since been crossed back.", in: .resolutionAndRecovery),
        ])
}
