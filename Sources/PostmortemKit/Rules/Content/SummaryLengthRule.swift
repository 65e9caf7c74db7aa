/// The Executive Summary is one to three sentences.
struct SummaryLengthRule: Rule {
    static let description = RuleDescription(
        id: "summary/length",
        summary: "The Executive Summary is 1 to 3 sentences.",
        rationale: "The summary is what leadership reads and what the site and feeds show; it must fit in a glance.",
        defaultSeverity: .warning,
        fires: [
            .section(.executiveSummary, "↓Checkout failed. Orders were lost. The pool ran out. A query was slow. An index was missing."),
        ],
        passes: [
            .section(.executiveSummary, "Checkout failed for 90 min. (approx. 2% of orders, e.g. card payments) because the pool ran out at v2.3.1."),
        ])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let section = postmortem.section(.executiveSummary), !section.isEmpty else { return [] }
        var count = 0
        for block in section.blocks {
            switch block.kind {
            case .paragraph, .list, .blockQuote:
                let text = block.plainText
                count += SentenceSplitter.split(text).count
            default:
                break
            }
        }
        guard count > 3 else { return [] }
        let location = section.blocks.first { !$0.isComment }?.start ?? section.location
        return [finding(postmortem, at: location, "Executive Summary has \(count) sentences; keep it to 1–3",
                        suggestion: "Say what broke, for whom, for how long and why in at most three sentences; move detail to Incident Overview.")]
    }
}

extension MarkdownNode {
    /// An HTML block holding only comments (guidance, disable directives).
    var isComment: Bool {
        if case .htmlBlock = kind { return true }
        return false
    }
}
