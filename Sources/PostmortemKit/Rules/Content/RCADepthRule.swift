/// Root Cause Analysis goes at least three "why" levels deep.
struct RCADepthRule: Rule {
    static let description = RuleDescription(
        id: "rca/depth",
        summary: "Root Cause Analysis goes at least three steps deep: three or more \"why\" items, paragraphs or list items.",
        rationale: "The first answer to \"why\" is usually a symptom; systemic causes sit two or three levels further down.",
        defaultSeverity: .warning,
        fires: [.section(.rootCauseAnalysis, "↓A slow query exhausted the connection pool.")],
        passes: [
            .section(.rootCauseAnalysis, "A slow query held connections.\n\nThe query was slow because an index was dropped.\n\nThe migration tool does not compare query plans."),
        ])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let section = postmortem.section(.rootCauseAnalysis), !section.isEmpty else { return [] }
        let steps = section.blocks.reduce(0) { $0 + RCADepthRule.steps(in: $1) }
        guard steps < 3 else { return [] }
        let location = section.blocks.first { !$0.isComment }?.start ?? section.location
        return [finding(postmortem, at: location,
                        "Root Cause Analysis has \(steps) step\(steps == 1 ? "" : "s"); go at least three \"why\" levels deep",
                        suggestion: "Ask why the cause was possible, and why that was, until you reach a process or design gap (a numbered list of whys works well).")]
    }

    /// Paragraphs, list items and table rows each count as one step.
    static func steps(in block: MarkdownNode) -> Int {
        switch block.kind {
        case .paragraph, .blockQuote, .codeBlock: return 1
        case .list: return block.children.reduce(0) { total, item in
            total + max(1, item.children.reduce(0) { $0 + (isList($1) ? steps(in: $1) : 0) } + 1)
        }
        case .table: return max(0, block.children.count - 1)
        default: return 0
        }
    }

    private static func isList(_ node: MarkdownNode) -> Bool {
        if case .list = node.kind { return true }
        return false
    }
}
