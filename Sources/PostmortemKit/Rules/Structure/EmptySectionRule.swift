/// Required sections have content.
struct EmptySectionRule: Rule {
    static let description = RuleDescription(
        id: "structure/empty-section",
        summary: "Every required section has content (guidance comments and header-only tables do not count).",
        rationale: "An empty heading looks complete in review but tells the reader nothing.",
        defaultSeverity: .error,
        fires: [
            .sections(RuleExample.Baseline.sections.map { section in
                section.title == "Lessons Learned" ? ("↓" + section.title, "<!-- What went well, what went badly, where we got lucky. -->") : section
            }, excerpt: "## Lessons Learned\n\n<!-- What went well, what went badly, where we got lucky. -->"),
            // A header-only table is a template's skeleton, still to be filled in.
            .sections(RuleExample.Baseline.sections.map { section in
                section.title == "Action Items" ? ("↓" + section.title, "| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|") : section
            }, excerpt: "## Action Items\n\n| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|"),
        ],
        passes: [.section(.lessonsLearned, "Pool saturation is visible a few minutes before errors start.")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        postmortem.sections.filter { $0.kind != nil && $0.isEmpty }.map { section in
            finding(postmortem, at: section.location, "section \"\(section.title)\" is empty",
                    suggestion: "Write this section, or keep the postmortem as status: draft until it is done.")
        }
    }
}
