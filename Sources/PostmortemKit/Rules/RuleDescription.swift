/// Everything the tool says about a rule, in one value: it feeds the
/// `rules` command, docs/rules.md, SARIF rule metadata and the example tests.
public struct RuleDescription: Sendable {
    /// Stable id, `group/name` (SPEC §5.1).
    public let id: String
    /// One line: what the rule asks of the writer.
    public let summary: String
    /// Why the rule exists, for the docs.
    public let rationale: String
    public let defaultSeverity: Severity
    /// Documents on which the rule must fire; `↓` marks where.
    public let fires: [RuleExample]
    /// Documents on which the rule must stay silent.
    public let passes: [RuleExample]

    public init(id: String, summary: String, rationale: String, defaultSeverity: Severity,
                fires: [RuleExample], passes: [RuleExample]) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.fires = fires
        self.passes = passes
    }
}
