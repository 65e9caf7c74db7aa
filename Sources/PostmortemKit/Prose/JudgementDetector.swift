/// blameless/blame-language from the vocabulary: judgemental terms and
/// idioms (judgement.yml), wherever they are used rather than mentioned.
/// A term that is quoted, negated or named to be rejected ("we avoided
/// calling this human error"), part of a technical phrase ("error rate") or
/// allowed by the config is not reported. Terms that judge only when aimed
/// at people ("to blame") need a person, role, pronoun or team as the
/// subject; terms that judge only when negated ("paying attention") need
/// the negation.
struct JudgementDetector {
    let analysis: SentenceAnalysis

    func matches() -> [BlamelessMatch] {
        var found: [BlamelessMatch] = []
        guard analysis.hasPhrases else { return [] }
        let vocabulary = analysis.vocabulary
        for phrase in analysis.phrases {
            let range = phrase.range
            guard !analysis.isQuoted(range), !analysis.isExempt(range) else { continue }
            let term = analysis.text(of: range)
            switch phrase.kind {
            case .judgement(let group):
                guard !analysis.isNegated(range.lowerBound) else { continue }
                let info = vocabulary.judgementGroups[group]
                found.append(BlamelessMatch(kind: .blameLanguage, range: range,
                                            message: "\"\(term)\" judges a person (\(info.name)); describe the conditions instead",
                                            suggestion: info.suggestion))
            case .aimed:
                guard !analysis.isNegated(range.lowerBound), let target = target(of: range) else { continue }
                found.append(BlamelessMatch(kind: .blameLanguage, range: range,
                                            message: "\"\(term)\" assigns fault to \(analysis.text(of: target.range))",
                                            suggestion: vocabulary.aimedSuggestion))
            case .negatedJudgement:
                guard analysis.isNegated(range.lowerBound, window: 3) || followsFailure(range.lowerBound) else { continue }
                found.append(BlamelessMatch(kind: .blameLanguage, range: range,
                                            message: "\"not \(term)\" judges a person's attention or diligence",
                                            suggestion: vocabulary.negatedSuggestion))
            default:
                continue
            }
        }
        return found
    }

    /// Whom a term like "to blame" or "blamed" is aimed at: a human subject
    /// other than "we" ("Grace is to blame"), or a human object after it
    /// ("blamed the on-call engineer"). Nil when it is aimed at a system.
    private func target(of range: Range<Int>) -> NounPhrase? {
        if let subject = analysis.subject(of: range.lowerBound) {
            let agent = analysis.agent(of: subject)
            if agent.isHuman, agent != .we { return subject }
        }
        var start = range.upperBound
        if ["on", "for"].contains(analysis.lower(start)) { start += 1 }
        if let object = analysis.nounPhrase(at: start, before: analysis.count), analysis.agent(of: object).isHuman { return object }
        return nil
    }

    /// "a failure … to do their jobs", "failed to pay attention".
    private func followsFailure(_ index: Int) -> Bool {
        guard analysis.lower(index - 1) == "to" else { return false }
        let start = max(0, index - 8)
        return (start..<index).contains { ["failure", "failed", "fail", "failing", "neglected"].contains(analysis.lower($0)) }
    }
}
