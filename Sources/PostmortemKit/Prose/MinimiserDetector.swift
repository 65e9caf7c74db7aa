/// blameless/hindsight: words that make a fix or a signal look easy or
/// obvious once the outcome is known (minimisers.yml), with the harmless
/// senses told apart by context:
/// - "just": time ("had just started", "just after midnight") and amount
///   ("just under 5%", "just a few minutes"), "only" about what a thing
///   does ("it just says nothing") and manner ending a clause ("sent, just
///   slowly") pass; "just roll back", "just
///   needed to", "just a matter of" are minimisers;
/// - "clearly": a sentence adverb ("Clearly the certificate …", "was
///   clearly the cause") is a minimiser; manner ("did not clearly
///   indicate", "clearly labelled", "explained clearly", "say clearly
///   that") passes;
/// - "naturally": only opening a clause ("Naturally, the failover …");
/// - "easy", "simple", "trivial", "straightforward": about a fix or a
///   signal ("the fix was easy", "easy to spot"); "easy to confuse" admits a
///   design problem and passes;
/// - "anyone could see/spot/tell …", and "any" before a person ("any
///   engineer could have seen"), not before a thing ("any number that would
///   have told us");
/// - "simply" about what a thing did ("the batch simply waited") or before
///   a negation ("simply could not connect") passes; about a fix or a cause
///   ("the fix was simply to restart") it is a minimiser;
/// - an "-ly" minimiser ending a clause after the verb or its object says
///   how something is done ("handle partitions predictably").
/// Negated minimisers ("no obvious correlation", "not simply") pass.
struct MinimiserDetector {
    let analysis: SentenceAnalysis

    /// "All it took was …": the verb the cue "all" needs.
    static let allItTookVerb = "was"
    /// "Any engineer could see …": a universal subject by its first word.
    static let universalDeterminer = "any"

    func matches() -> [BlamelessMatch] {
        var found: [BlamelessMatch] = []
        for phrase in analysis.phrases where phrase.kind == .minimiser {
            let range = phrase.range
            guard !analysis.isQuoted(range), !analysis.isExempt(range), !analysis.isNegated(range.lowerBound, window: 3),
                  !isMannerAdverb(range), !(analysis.lower(range.lowerBound) == "simply" && simplyDescribes(range.lowerBound)) else { continue }
            found.append(match(range))
        }
        for index in 0..<analysis.count where analysis.entries[index].isCue && !analysis.tokens[index].isQuoted {
            let range = index..<(index + 1)
            guard !analysis.isExempt(range) else { continue }
            let isMinimiser: Bool
            switch analysis.lower(index) {
            case "just": isMinimiser = justMinimises(index)
            case "clearly": isMinimiser = clearlyJudges(index)
            case "naturally": isMinimiser = index == 0 || analysis.clauseStarts[index] && analysis.lower(index + 1) == ","
            case "easy", "easier", "simple", "trivial", "straightforward": isMinimiser = easeMinimises(index)
            case "easily": isMinimiser = easilyMinimises(index)
            case "could", "would", "can": isMinimiser = anyoneCouldSee(index)
            case "all": isMinimiser = allItTook(index)
            default: continue
            }
            if isMinimiser, !analysis.isNegated(index, window: 3) { found.append(match(range)) }
        }
        return found
    }

    private func match(_ range: Range<Int>) -> BlamelessMatch {
        BlamelessMatch(kind: .hindsight, range: range,
                       message: "\"\(analysis.text(of: range))\" makes the problem look obvious in hindsight",
                       suggestion: analysis.vocabulary.minimiserSuggestion)
    }

    /// "handle partitions predictably.", "explained simply.": an "-ly" word
    /// right after the verb or its object, ending the clause, says how
    /// something is done, not that it was obvious. A sentence adverb is set
    /// off ("It failed, predictably.") or comes first.
    private func isMannerAdverb(_ range: Range<Int>) -> Bool {
        guard range.count == 1, analysis.lower(range.lowerBound).hasSuffix("ly"), !analysis.clauseStarts[range.lowerBound] else { return false }
        let previous = range.lowerBound - 1, next = range.upperBound
        guard previous >= 0, analysis.tokens[previous].kind == .word else { return false }
        return next >= analysis.count || analysis.isPunctuation(next)
    }

    /// "the batch simply waited", "players simply could not connect": what
    /// happened, not how easy a fix was. "simply" before a negation says
    /// something could not be done; after a subject that is neither a
    /// person nor a fix or cause ("The fix was simply to restart", "the
    /// cause was simply a typo"), it says what a thing did.
    private func simplyDescribes(_ index: Int) -> Bool {
        if (index + 1...index + 2).contains(where: { ["not", "never", "no", "cannot"].contains(analysis.lower($0)) }) { return true }
        guard let subject = analysis.subject(of: index) else { return false }
        return !analysis.agent(of: subject).isHuman && !classes(subject.head).contains(.easySubject)
    }

    private func classes(_ index: Int) -> BlamelessVocabulary.WordClass {
        analysis.entries.indices.contains(index) ? analysis.entries[index].word : []
    }

    /// "All the on-call had to do was …", "all it took was …".
    private func allItTook(_ index: Int) -> Bool {
        guard analysis.clauseStarts[index] || analysis.lower(index - 1) == "that" else { return false }
        let window = (index + 1)..<min(index + 8, analysis.count)
        return window.contains { probe in
            analysis.lower(probe) == MinimiserDetector.allItTookVerb && (["do", "took", "needed", "required"].contains(analysis.lower(probe - 1)))
        }
    }

    private func justMinimises(_ index: Int) -> Bool {
        let next = index + 1
        guard next < analysis.count else { return false }
        // "The health probe just checked …", "it just says nothing about …":
        // "only", about what a system does. (Past and present forms of verbs
        // the vocabulary does not list are read by their spelling.)
        let isVerb = analysis.isVerbForm(next) || EnglishGrammar.isPastForm(analysis.lower(next))
            || analysis.grammar(next) == .open && analysis.lower(next).hasSuffix("s")
        if isVerb, let subject = analysis.subject(of: index), !analysis.agent(of: subject).isHuman { return false }
        let following = analysis.lower(next)
        // "sent to market, just slowly.": how it was done, ending the clause.
        if following.hasSuffix("ly"), next + 1 >= analysis.count || analysis.isPunctuation(next + 1) { return false }
        if analysis.tokens[next].kind == .number || classes(next).contains(.justTime) || following == "to" { return false }
        if following == "a" || following == "an" {
            // "just a few minutes" is an amount; "just a matter of", "just a typo" minimise.
            return !classes(next + 1).contains(.justTime) && analysis.tokens.indices.contains(next + 1) && analysis.tokens[next + 1].kind != .number
        }
        // "had just started", "was just finishing": time.
        let previous = analysis.lower(index - 1)
        if EnglishGrammar.auxiliaries.contains(previous) || EnglishGrammar.beForms.contains(previous) {
            return !(EnglishGrammar.isPastForm(following) || following.hasSuffix("ing") || analysis.grammar(next) == .open)
        }
        return analysis.tokens[next].kind == .word
    }

    private func clearlyJudges(_ index: Int) -> Bool {
        let next = index + 1
        // "explained clearly." / "communicated clearly to the team": manner.
        if next >= analysis.count || analysis.isPunctuation(next) || analysis.grammar(next) == .preposition { return index == 0 }
        if classes(next).contains(.clearlyManner) { return false }
        let previous = analysis.lower(index - 1)
        // "to say clearly that …": how it is said, before what is said.
        if analysis.lower(next) == "that", analysis.grammar(index - 1) == .open, !EnglishGrammar.beForms.contains(previous) { return false }
        // "did not clearly indicate" is negated (checked by the caller); "to clearly label" is manner.
        return previous != "to"
    }

    /// "the fix was easy", "easy to spot", "a simple fix".
    private func easeMinimises(_ index: Int) -> Bool {
        if analysis.lower(index + 1) == "to" { return classes(index + 2).contains(.easyAction) }
        if classes(index + 1).contains(.easySubject), analysis.tokens.indices.contains(index + 1), analysis.lower(index + 1) != "it" {
            // "a simple fix", "an easy mitigation" — but not "a simple cache" (no subject word).
            return true
        }
        // Predicative: "<fix> was easy".
        var probe = index - 1
        while probe >= 0, analysis.grammar(probe) == .adverb { probe -= 1 }
        guard probe >= 0, EnglishGrammar.beForms.contains(analysis.lower(probe)) || analysis.lower(probe) == "'s",
              let subject = analysis.subject(of: probe) else { return false }
        return classes(subject.head).contains(.easySubject)
    }

    /// "could easily have been avoided", "easily caught".
    private func easilyMinimises(_ index: Int) -> Bool {
        var probe = index + 1
        while probe < analysis.count, ["have", "'ve", "been", "be"].contains(analysis.lower(probe)) { probe += 1 }
        return classes(probe).contains(.easilyOutcome)
    }

    /// "Anyone looking at the queue depth could see …".
    private func anyoneCouldSee(_ index: Int) -> Bool {
        guard let subject = analysis.subject(of: index) else { return false }
        let head = analysis.lower(subject.head)
        // "Anyone", or "any" before a person ("any responder"): "any number
        // that would have told us" is about a check, not about who could see.
        let universal = BlamelessVocabulary.universalSubjects.contains(head)
            || analysis.lower(subject.range.lowerBound) == MinimiserDetector.universalDeterminer && analysis.agent(of: subject).isHuman
        guard universal else { return false }
        var probe = index + 1
        while probe < analysis.count, ["have", "'ve", "easily", "clearly", "immediately"].contains(analysis.lower(probe)) { probe += 1 }
        return analysis.verbClass(probe).contains(.perception)
    }
}
