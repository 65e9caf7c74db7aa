/// What the four blameless rules share: each reads its part of the one
/// `BlamelessAnalysis` of the file (SPEC §5.1; the labelling policy in
/// ../shared/blameless/README.md).
protocol BlamelessRule: Rule {
    static var kind: BlamelessKind { get }
}

extension BlamelessRule {
    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        context.blamelessAnalysis(of: postmortem).matches(of: Self.kind).map { match in
            finding(postmortem, at: match.location, match.message, suggestion: match.suggestion)
        }
    }
}
