/// `id` and `started` of a published postmortem never change.
struct ImmutableFieldRule: Rule {
    static let fields = ["id", "started"]

    static let description = RuleDescription(
        id: "git/immutable-field",
        summary: "With a base revision (--changed-since, review --base), `id` and `started` of a postmortem that was published at the base do not change.",
        rationale: "Links, tickets, dashboards and the patterns index refer to published postmortems by id and date; renumbering one breaks them silently.",
        defaultSeverity: .error,
        fires: [], // needs a base revision; covered by GitLintTests
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline, no base revision)")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let before = context.base[postmortem.path]?.frontMatter, before.string("status") == "published",
              let now = postmortem.frontMatter else { return [] }
        return ImmutableFieldRule.fields.compactMap { field in
            let old = before[field], new = now[field]
            guard old != nil, old != new else { return nil }
            return finding(postmortem, at: now.location(of: "/\(field)"),
                           "`\(field)` changed from \(old?.stringValue ?? "?") to \(new?.stringValue ?? "(removed)") on a published postmortem",
                           suggestion: "Keep the published value; record corrections in the body or in a new postmortem that names this one in `related`.")
        }
    }
}
