/// Hindsight counterfactuals about people: "should have", "could have",
/// "if only", "had they", "failed to" with a person, role, pronoun, team or
/// "we" as the subject.
struct CounterfactualRule: BlamelessRule {
    static let kind = BlamelessKind.counterfactual

    static let description = RuleDescription(
        id: BlamelessKind.counterfactual.rawValue,
        summary: "Describe what people knew at the time, not what they should have done.",
        rationale: """
            A counterfactual measures a decision against an outcome nobody knew yet. The rule reports \
            "should/could/would have", "ought to have", "if (only) X had", "had X …", "failed to", \
            "neglected to", "nobody thought to" and "was supposed to … but" when their subject is a person, \
            role, pronoun, team or "we". Systems may fail to do things ("the health check failed to \
            detect"); "should" about the future, "could not" as a capability and "failed over" pass.
            """,
        defaultSeverity: .warning,
        fires: [
            .prose("The on-call engineer ↓should have checked the replication lag before promoting the replica."),
            .prose("↓If the release manager had followed the checklist, the flag would have been off."),
            .prose("↓Had the engineer run the command with the dry-run flag, no pods would have been evicted."),
            .prose("The reviewer ↓failed to notice that the migration locked the orders table.", in: .rootCauseAnalysis),
            .prose("In hindsight, Alice ↓should've waited for the canary to finish.", in: .lessonsLearned),
            .prose("↓Nobody on the team thought to check whether the webhook secret had been rotated."),
        ],
        passes: [
            .prose("The health check failed to detect that the worker threads were deadlocked."),
            .prose("The deploy pipeline should have blocked the change because the schema check was required."),
            .prose("Alerts should page the on-call engineer when replication lag exceeds 30 seconds.", in: .preventiveMeasures),
            .prose("Should the primary fail again, the orchestrator will promote a replica automatically."),
            .prose("The team could not reach the bastion because the VPN was down."),
            .prose("If the circuit breaker had tripped at 50% errors, the retry storm would have been contained."),
            .prose("We failed over the primary to us-west-2 at 03:12 UTC."),
            .prose("The limit lives in the proxy configuration, where reviewers of the service do not see it."),
        ])
}
