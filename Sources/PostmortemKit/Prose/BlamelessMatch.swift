/// The four blameless rules (SPEC §5.1), in the labelling policy's order of
/// precedence: a judgemental term, then a counterfactual, then a named
/// person as the agent, then a minimiser.
public enum BlamelessKind: String, Sendable, CaseIterable, Comparable {
    case blameLanguage = "blameless/blame-language"
    case counterfactual = "blameless/counterfactual"
    case namedIndividual = "blameless/named-individual"
    case hindsight = "blameless/hindsight"

    /// Position in the order of precedence.
    public var rank: Int {
        switch self {
        case .blameLanguage: 0
        case .counterfactual: 1
        case .namedIndividual: 2
        case .hindsight: 3
        }
    }

    public static func < (a: BlamelessKind, b: BlamelessKind) -> Bool { a.rank < b.rank }
}

/// What a detector found in one sentence: which rule, which tokens, and
/// what to tell the writer.
struct BlamelessMatch {
    var kind: BlamelessKind
    /// Token indices of the span; the finding points at its first token.
    var range: Range<Int>
    var message: String
    var suggestion: String
}
