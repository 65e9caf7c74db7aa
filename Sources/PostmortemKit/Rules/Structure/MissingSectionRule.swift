/// All nine sections of SPEC §3.2 are present.
struct MissingSectionRule: Rule {
    static let description = RuleDescription(
        id: "structure/missing-section",
        summary: "The body has all nine sections, as level-2 headings: Executive Summary … Lessons Learned.",
        rationale: "A fixed structure makes postmortems comparable and makes sure nobody skips the root cause or the action items.",
        defaultSeverity: .error,
        fires: [
            .sections(RuleExample.Baseline.sections.filter { $0.title != "Timeline" }.map { section in
                section.title == "Impact Assessment" ? ("↓" + section.title, section.content) : section
            }, excerpt: "(no ## Timeline section)"),
        ],
        passes: [
            .sections(RuleExample.Baseline.sections.map { section in
                section.title == "Resolution & Recovery" ? ("Resolution and Recovery", section.content) : section
            }, excerpt: "## Resolution and Recovery"),
        ])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard postmortem.body != nil else { return [] }
        let present = Set(postmortem.sections.compactMap(\.kind))
        var findings: [Finding] = []
        for kind in SectionKind.allCases where !present.contains(kind) {
            // Point where the section belongs: at the next required section that is there.
            let next = postmortem.sections.first { ($0.kind?.order ?? -1) > kind.order }
            let location = next?.location ?? SourceLocation(line: max(postmortem.lines.count, 1))
            findings.append(finding(postmortem, at: location, "missing section \"## \(kind.title)\"",
                                    suggestion: "Add a level-2 heading \"## \(kind.title)\" \(next.map { "before \"\($0.title)\"" } ?? "at the end")."))
        }
        return findings
    }
}
