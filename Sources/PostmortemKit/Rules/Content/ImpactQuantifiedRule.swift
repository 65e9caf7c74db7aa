/// Impact Assessment states a number.
struct ImpactQuantifiedRule: Rule {
    static let description = RuleDescription(
        id: "impact/unquantified",
        summary: "Impact Assessment is quantified: a number in the section, or figures under `impact:` in front matter.",
        rationale: "\"Some users were affected\" cannot be compared across incidents or against an error budget.",
        defaultSeverity: .warning,
        fires: [.section(.impactAssessment, "↓Many customers could not check out for a while.")],
        passes: [
            .section(.impactAssessment, "About 1,200 orders failed."),
            .combined(frontMatter: [("impact", "{users_affected: 1200}")], section: .impactAssessment, "Customers could not check out."),
        ])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let section = postmortem.section(.impactAssessment), !section.isEmpty else { return [] }
        if section.blocks.contains(where: { $0.plainText.contains(where: \.isNumber) }) { return [] }
        if let impact = postmortem.frontMatter?["impact"]?.objectValue,
           impact.values.contains(where: { $0.doubleValue != nil }) { return [] }
        let location = section.blocks.first { !$0.isComment }?.start ?? section.location
        return [finding(postmortem, at: location, "Impact Assessment has no figures",
                        suggestion: "State users or requests affected, duration, revenue or SLO budget consumed, or add `impact:` to the front matter.")]
    }
}
