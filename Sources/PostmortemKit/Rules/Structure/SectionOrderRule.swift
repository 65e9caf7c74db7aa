/// The nine sections come in the order of SPEC §3.2.
struct SectionOrderRule: Rule {
    static let description = RuleDescription(
        id: "structure/section-order",
        summary: "Sections follow the standard order, so readers find each one in the same place.",
        rationale: "Leadership and auditors read many postmortems; a stable order makes them skimmable.",
        defaultSeverity: .warning,
        fires: [
            .sections({
                var sections = RuleExample.Baseline.sections
                let timeline = sections.remove(at: 3)
                sections.insert(("↓" + timeline.title, timeline.content), at: 1)
                return sections
            }(), excerpt: "## Executive Summary\n## Timeline\n## Incident Overview\n…"),
        ],
        passes: [
            .sections(RuleExample.Baseline.sections + [("Appendix", "Dashboards used during the incident.")],
                      excerpt: "… ## Lessons Learned\n## Appendix"),
        ])

    /// Indices of one longest strictly increasing subsequence (n ≤ a few dozen).
    static func longestIncreasingSubsequence(_ values: [Int]) -> Set<Int> {
        guard !values.isEmpty else { return [] }
        var length = [Int](repeating: 1, count: values.count)
        var previous = [Int](repeating: -1, count: values.count)
        for i in values.indices {
            for j in 0..<i where values[j] < values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        // Ties prefer the run that ends earliest, so the later section is the one flagged.
        var index = length.indices.max { a, b in length[a] < length[b] || (length[a] == length[b] && a > b) }!
        var result = Set<Int>()
        while index >= 0 {
            result.insert(index)
            index = previous[index]
        }
        return result
    }

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var seen = Set<SectionKind>()
        let sections = postmortem.sections.filter { section in
            guard let kind = section.kind, !seen.contains(kind) else { return false }
            seen.insert(kind)
            return true
        }
        // The sections already in order are the longest increasing run of
        // section numbers; every other section is the one out of place.
        let orders = sections.map { $0.kind!.order }
        let inOrder = SectionOrderRule.longestIncreasingSubsequence(orders)
        for (index, section) in sections.enumerated() where !inOrder.contains(index) {
            let kind = section.kind!
            let before = sections[(index + 1)...].first { ($0.kind?.order ?? 0) > kind.order && inOrder.contains(sections.firstIndex(of: $0)!) }
            let message = before.map { "section \"\(section.title)\" is out of order; it belongs before \"\($0.title)\"" }
                ?? "section \"\(section.title)\" is out of order; it belongs after the sections that precede it in the standard order"
            findings.append(finding(postmortem, at: section.location, message,
                                    suggestion: "Order: " + SectionKind.allCases.map(\.title).joined(separator: ", ") + "."))
        }
        return findings
    }
}
