/// Reports what the parser could not read: missing, unterminated or invalid
/// front matter, and files that are not UTF-8 text.
struct FrontMatterParseRule: Rule {
    static let description = RuleDescription(
        id: PostmortemParser.frontMatterRule,
        summary: "The file starts with YAML front matter between `---` lines that parses to a mapping.",
        rationale: "Every other check reads the front matter; a file without it is not a postmortem the tool can index.",
        defaultSeverity: .error,
        fires: [
            .document("↓# Outage\n\nNo front matter here.\n"),
            .document("---\nid: PM-2025-001\ntitle: [unclosed\n↓---\n"),
            .document("---\n↓- a list\n- not a mapping\n---\n"),
        ],
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline)")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        postmortem.parseFindings.filter { $0.rule == Self.description.id }
    }
}

/// Reports files the tool could not open or refused to read.
struct UnreadableFileRule: Rule {
    static let id = "parse/unreadable"
    static let description = RuleDescription(
        id: id,
        summary: "Every postmortem file can be read: not a broken link, not larger than the size limit, readable by the linter.",
        rationale: "A file that cannot be read would otherwise pass silently.",
        defaultSeverity: .error,
        fires: [],
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline)")])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        postmortem.parseFindings.filter { $0.rule == Self.id }
    }
}
