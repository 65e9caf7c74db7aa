/// A person (roster name, alias, handle or @mention, or a front-matter
/// person) made the agent or cause of a failure or mistake.
struct NamedIndividualRule: BlamelessRule {
    static let kind = BlamelessKind.namedIndividual

    static let description = RuleDescription(
        id: BlamelessKind.namedIndividual.rawValue,
        summary: "Describe what the system allowed, not who slipped.",
        rationale: """
            Naming who caused an outage makes the postmortem about a person and the next one less honest. \
            People come from the config's roster (names, first names, aliases, handles), any @mention, and \
            the front matter's authors, commander, responders and approvers, matched case-sensitively as \
            names ("the dev cluster" and "grace period" are not people). A person is reported when they are \
            the agent of a failure: the subject of a mistake ("misconfigured", "forgot", "skipped"), an \
            action marked as a slip ("without testing it", "the wrong node", "the production namespace"), a \
            passive "by X", a possessive ("X's typo", "X's migration locked the table"), or the cause \
            ("because of X", "started when X flushed…"). Named people acting neutrally in a timeline pass.
            """,
        defaultSeverity: .warning,
        fires: [
            .prose("The cache stampede started when ↓Alice flushed the entire Redis cluster."),
            .prose("↓@carmen pushed the change to production without testing it.", in: .rootCauseAnalysis),
            .prose("The ingress config was broken by ↓Bob during the Friday cleanup."),
            .prose("↓@bob's typo in the feature flag name disabled card payments for EU users."),
            .prose("The incident was caused by ↓Bob's change to the retry policy in the payments client."),
            .prose("↓Alice misconfigured the autoscaler, so checkout could never scale past two replicas."),
        ],
        passes: [
            .prose("Alice rolled back the release to v3.8.1 at 09:14 UTC."),
            .prose("@bob paged the database team at 02:37 after replication lag passed five minutes."),
            .prose("Bob's pager did not ring because the escalation policy pointed at last quarter's schedule."),
            .prose("The dev environment's Postgres instance failed to start after the minor version upgrade."),
            .prose("Kubernetes killed the pods when the 30-second termination grace period ran out."),
            .prose("Alice deleted the stale lock file to restore writes on the primary."),
            .prose("Bob merged PR #4821, which raised the connection pool size from 100 to 400."),
        ])
}
