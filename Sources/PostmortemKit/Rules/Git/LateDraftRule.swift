/// The first commit of a postmortem came long after the incident was resolved.
struct LateDraftRule: Rule {
    static let description = RuleDescription(
        id: "git/late-draft",
        summary: "The postmortem was first committed within `late_draft_hours` (48) of `resolved`.",
        rationale: "Postmortems written while context is fresh are more accurate; a late draft loses the details that make action items specific. Needs git history; skipped outside a repository and in shallow clones.",
        defaultSeverity: .warning,
        fires: [], // needs git history; covered by GitLintTests
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline, outside a repository)")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let resolved = postmortem.resolved,
              let first = context.history.history(of: postmortem.path)?.firstCommit else { return [] }
        let hours = Double(first.date.secondsSince1970 - resolved.secondsSince1970) / 3600
        guard hours > context.config.lateDraftHours else { return [] }
        let location = postmortem.frontMatter?.location(of: "/resolved") ?? SourceLocation(line: 1)
        return [finding(postmortem, at: location,
                        "first committed \(Int(hours.rounded())) h after the incident was resolved (commit \(first.shortID) on \(first.date.localDate)); the limit is \(Int(context.config.lateDraftHours)) h",
                        suggestion: "Open a draft postmortem within two days of resolution, even if incomplete (postmortem new writes one).")]
    }
}
