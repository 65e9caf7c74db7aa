/// `related:` must name postmortems that exist.
struct UnknownRelatedRule: RepositoryRule {
    static let description = RuleDescription(
        id: "repo/unknown-related",
        summary: "Every id in `related` names a postmortem in the repository.",
        rationale: "A dangling link hides the recurrence it was meant to record.",
        defaultSeverity: .warning,
        fires: [.frontMatter([("related", "[↓PM-2019-404]")])],
        passes: [.frontMatter([("related", "[PM-2025-001]")])])

    func check(_ postmortems: [Postmortem], in context: RuleContext) -> [Finding] {
        let ids = Set(postmortems.compactMap { $0.id })
        var findings: [Finding] = []
        // By position: a loop variable copied every postmortem (a dozen
        // retains each) on one core after the parallel stages.
        for position in postmortems.indices {
            guard case .array(let related)? = postmortems[position].frontMatter?["related"],
                  let frontMatter = postmortems[position].frontMatter else { continue }
            let postmortem = postmortems[position]
            for (index, item) in related.enumerated() {
                guard let id = item.stringValue, !ids.contains(id) else { continue }
                findings.append(finding(postmortem, at: frontMatter.location(of: "/related/\(index)"),
                                        "related postmortem \(id) does not exist in this repository",
                                        suggestion: "Fix the id or remove it from `related`."))
            }
        }
        return findings
    }
}
