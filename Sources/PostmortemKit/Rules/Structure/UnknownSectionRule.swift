/// Notes level-2 sections beyond the nine; they are allowed.
struct UnknownSectionRule: Rule {
    static let description = RuleDescription(
        id: "structure/extra-section",
        summary: "Extra level-2 sections are allowed; this notes them in case a heading was meant to be one of the nine.",
        rationale: "A misspelt heading (\"Root Cuase Analysis\") would otherwise count as missing without a hint why.",
        defaultSeverity: .info,
        fires: [
            .sections(RuleExample.Baseline.sections + [("↓Appendix", "Dashboards used during the incident.")],
                      excerpt: "## Appendix"),
        ],
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline)")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        postmortem.sections.filter { $0.kind == nil }.map { section in
            finding(postmortem, at: section.location,
                    "section \"\(section.title)\" is not one of the nine standard sections",
                    suggestion: "Fine as an extra section; if it is meant to be a standard one, use its exact heading or add an alias under `sections:` in .postmortem.yml.")
        }
    }
}
