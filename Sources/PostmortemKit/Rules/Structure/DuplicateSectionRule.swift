/// Each required section appears once.
struct DuplicateSectionRule: Rule {
    static let description = RuleDescription(
        id: "structure/duplicate-section",
        summary: "Each required section appears once.",
        rationale: "Two Timelines or two Action Items tables split what tools and readers expect in one place.",
        defaultSeverity: .error,
        fires: [
            .sections(RuleExample.Baseline.sections + [("↓Timeline", "- 11:00 UTC — Follow-up review held.")],
                      excerpt: "## Timeline\n…\n## Timeline"),
        ],
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline)")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        var first: [SectionKind: Section] = [:]
        var findings: [Finding] = []
        for section in postmortem.sections {
            guard let kind = section.kind else { continue }
            if let earlier = first[kind] {
                findings.append(finding(postmortem, at: section.location,
                                        "section \"\(kind.title)\" appears again (first at line \(earlier.location.line))",
                                        suggestion: "Merge the two into one section."))
            } else {
                first[kind] = section
            }
        }
        return findings
    }
}
