/// blameless/counterfactual: hindsight about what people should have done.
///
/// Constructions, each reported only when its subject is a person, role,
/// pronoun, team or "we" (never a system: "the pipeline should have blocked
/// the change" passes):
/// - a modal perfect: "should have", "should've", "could have", "ought to
///   have", "would have" + participle. "Should" about the future has no
///   "have" + participle and passes; "could not have" excuses and passes;
///   "would have" is left to "we" and "I" only through an if-clause;
/// - a conditional pluperfect: "if (only) X had (not) done", "had X done";
/// - an omission: "X failed to", "neglected to", "X's failure to",
///   "did not bother to", "nobody thought to", "nobody checked";
/// - an expectation broken: "X was supposed to … but never did";
/// - a prescription set against what was done: "instead of restarting the
///   pods, the responder needed to scale the node pool".
struct CounterfactualDetector {
    let analysis: SentenceAnalysis

    static let suggestion = "Describe what the people involved knew and saw at the time, and which safeguard would have caught the problem, instead of what they should have done."

    func matches() -> [BlamelessMatch] {
        var found: [BlamelessMatch] = []
        let relevant: BlamelessVocabulary.VerbClass = [.omission, .negatedOmission, .diligence]
        for index in 0..<analysis.count where analysis.tokens[index].kind == .word && !analysis.tokens[index].isQuoted {
            let entry = analysis.entries[index]
            guard entry.isCue || entry.word.contains(.modal) || !entry.verb.intersection(relevant).isEmpty else { continue }
            if let match = modalPerfect(index) ?? conditional(index) ?? inverted(index) ?? omission(index) ?? negatedOmission(index) {
                found.append(match)
            }
        }
        found += expectations()
        return found
    }

    private func match(_ range: Range<Int>, _ message: String) -> BlamelessMatch {
        BlamelessMatch(kind: .counterfactual, range: range, message: message, suggestion: CounterfactualDetector.suggestion)
    }

    private func who(_ phrase: NounPhrase) -> String {
        analysis.text(of: phrase.range)
    }

    private func skipAdverbs(from index: Int) -> Int {
        var probe = index
        while probe < analysis.count, analysis.grammar(probe) == .adverb { probe += 1 }
        return probe
    }

    /// Subjects that cover everyone: "anyone could have made this mistake"
    /// excuses, "anyone could have seen it" minimises (blameless/hindsight).
    private func isUniversal(_ phrase: NounPhrase) -> Bool {
        let head = analysis.lower(phrase.head)
        if BlamelessVocabulary.universalSubjects.contains(head) { return true }
        return analysis.lower(phrase.range.lowerBound) == MinimiserDetector.universalDeterminer
    }

    /// "should/could/would/ought to have" + participle with a human subject.
    private func modalPerfect(_ index: Int) -> BlamelessMatch? {
        let modal = analysis.lower(index)
        guard analysis.entries[index].word.contains(.modal) else { return nil }
        var probe = index + 1
        if modal == "ought" {
            guard analysis.lower(probe) == "to" else { return nil }
            probe += 1
        }
        var negated = false
        while probe < analysis.count, analysis.grammar(probe) == .adverb || analysis.grammar(probe) == .negation {
            if ["not", "never"].contains(analysis.lower(probe)) { negated = true }
            probe += 1
        }
        let implied = modal.hasSuffix("a")  // shoulda, coulda, woulda
        if !implied {
            guard ["have", "'ve", "of"].contains(analysis.lower(probe)) else { return nil }
            probe += 1
        }
        probe = skipAdverbs(from: probe)
        let verb = analysis.lower(probe)
        guard verb != "to", EnglishGrammar.isParticiple(verb) else { return nil }
        // "could have used", "could have done with", "could have benefited from": a need, not hindsight.
        if verb == "used" || verb == "benefited" || verb == "benefitted" || (verb == "done" && analysis.lower(probe + 1) == "with") { return nil }
        if verb == "been" {
            let next = analysis.lower(skipAdverbs(from: probe + 1))
            // "should have been obvious" is a minimiser; "should have been paged" is about the system.
            if ["obvious", "clear", "apparent", "evident", "caught", "detected", "noticed", "prevented", "avoided"].contains(next) { return nil }
            if EnglishGrammar.isParticiple(next), next != "able" { return nil }
        }
        guard let subject = analysis.subject(of: index) else { return nil }
        let agent = analysis.agent(of: subject)
        guard agent.isHuman else { return nil }
        // "No engineer could have predicted …", "nobody would have known": exculpatory.
        let denied = agent == .nobody || analysis.lower(subject.range.lowerBound) == "no"
        switch modal {
        case "could", "coulda":
            if negated || denied || isUniversal(subject) { return nil }
        case "would", "woulda":
            let head = analysis.lower(subject.head)
            if agent == .we || denied || ["i", "you"].contains(head) || isUniversal(subject) || hasSystemCondition() { return nil }
        default:
            break
        }
        return match(index..<(probe + 1), "\"\(analysis.text(of: index..<(probe + 1)))\" judges \(who(subject)) by what is known now")
    }

    /// An if-clause or "with"/"without" adjunct about a system: "Alice would
    /// have rolled back sooner if the alert had fired" is about the alert.
    private func hasSystemCondition() -> Bool {
        for index in 0..<analysis.count {
            let word = analysis.lower(index)
            if word == "if" || word == "unless" || (word == "had" && analysis.clauseStarts[index]) {
                var start = index + 1
                if analysis.lower(start) == "only" { start += 1 }
                if let phrase = analysis.nounPhrase(at: start, before: analysis.count), !analysis.agent(of: phrase).isHuman { return true }
            }
            if (word == "with" || word == "without") && index <= 1 { return true }
        }
        return false
    }

    /// "if (only) X had (not) done …", "if X would have …".
    private func conditional(_ index: Int) -> BlamelessMatch? {
        guard analysis.lower(index) == "if" else { return nil }
        var start = index + 1
        if analysis.lower(start) == "only" { start += 1 }
        guard let subject = analysis.nounPhrase(at: start, before: analysis.count) else { return nil }
        var probe = subject.range.upperBound
        let auxiliary = analysis.lower(probe)
        if auxiliary == "would" {
            probe += 1
            guard analysis.lower(probe) == "have" else { return nil }
        } else {
            guard auxiliary == "had" || auxiliary == "'d" else { return nil }
        }
        probe += 1
        while probe < analysis.count, analysis.grammar(probe) == .adverb || analysis.grammar(probe) == .negation { probe += 1 }
        guard isPluperfectVerb(probe) else { return nil }
        guard analysis.agent(of: subject).isHuman else { return nil }
        return match(index..<(probe + 1), "\"\(analysis.text(of: index..<(probe + 1)))\" measures \(who(subject)) against an outcome known only afterwards")
    }

    /// "Had X (not) done …" opening a clause.
    private func inverted(_ index: Int) -> BlamelessMatch? {
        guard analysis.lower(index) == "had", analysis.clauseStarts[index] || index == 0,
              let subject = analysis.nounPhrase(at: index + 1, before: analysis.count) else { return nil }
        var probe = subject.range.upperBound
        while probe < analysis.count, analysis.grammar(probe) == .adverb || analysis.grammar(probe) == .negation { probe += 1 }
        guard isPluperfectVerb(probe), analysis.agent(of: subject).isHuman else { return nil }
        return match(index..<(probe + 1), "\"\(analysis.text(of: index..<(probe + 1)))\" measures \(who(subject)) against an outcome known only afterwards")
    }

    /// A participle after "had", but not "had had" (possession: "if we had had a canary")
    /// nor a passive ("if the on-call had been paged").
    private func isPluperfectVerb(_ index: Int) -> Bool {
        let verb = analysis.lower(index)
        guard EnglishGrammar.isParticiple(verb), verb != "had" else { return false }
        if verb == "been" {
            let next = analysis.lower(index + 1)
            return !EnglishGrammar.isParticiple(next) || next == "able"
        }
        return true
    }

    /// "X failed to", "neglected to", "omitted to"; "X's failure to".
    private func omission(_ index: Int) -> BlamelessMatch? {
        guard analysis.lower(index + 1) == "to" else { return nil }
        if analysis.lower(index) == "failure", analysis.lower(index - 1) == "'s",
           let owner = analysis.antecedent(before: index - 1), analysis.agent(of: owner).isHuman {
            return match(index..<(index + 2), "\"failure to\" judges \(who(owner)) by what is known now")
        }
        // "we failed to reproduce the bug" says what could not be done.
        guard !analysis.entries.indices.contains(index + 2) || !analysis.entries[index + 2].word.contains(.attemptVerb) else { return nil }
        guard analysis.verbClass(index).contains(.omission), analysis.isPredicate(index),
              let subject = analysis.subject(of: index), analysis.agent(of: subject).isHuman else { return nil }
        return match(index..<(index + 2), "\"\(analysis.text(of: index..<(index + 2)))\" judges \(who(subject)) by what is known now")
    }

    /// "did not bother to", "never thought to", "nobody thought to", "nobody checked".
    private func negatedOmission(_ index: Int) -> BlamelessMatch? {
        let classes = analysis.verbClass(index)
        let takesTo = classes.contains(.negatedOmission) && analysis.lower(index + 1) == "to"
        let diligent = classes.contains(.diligence) && analysis.isPast(index)
        guard takesTo || diligent, !analysis.isPassive(index), let subject = analysis.subject(of: index) else { return nil }
        let agent = analysis.agent(of: subject)
        let negated = (max(0, index - 3)..<index).contains { ["not", "never"].contains(analysis.lower($0)) }
        guard agent == .nobody || (takesTo && negated && agent.isHuman) else { return nil }
        let end = takesTo ? index + 2 : index + 1
        return match(subject.range.lowerBound..<end, "\"\(analysis.text(of: subject.range.lowerBound..<end))\" judges an omission by what is known now")
    }

    /// "X was supposed to … but never did"; "X needed to … first / instead of …".
    private func expectations() -> [BlamelessMatch] {
        var found: [BlamelessMatch] = []
        for phrase in analysis.phrases where phrase.kind == .expectation || phrase.kind == .prescription {
            let range = phrase.range
            guard !analysis.isQuoted(range), let subject = analysis.subject(of: range.lowerBound),
                  analysis.agent(of: subject).isHuman else { continue }
            let after = range.upperBound..<analysis.count
            let contrasted: Bool
            if phrase.kind == .expectation {
                // "… but never did", "… but forgot", "… and instead …": the expectation was not met.
                contrasted = after.contains { probe in
                    let word = analysis.lower(probe)
                    if word == "never" || word == "instead" { return true }
                    guard word == "but" || word == "yet" else { return false }
                    let following = (probe + 1)..<max(probe + 1, min(probe + 4, analysis.count))
                    return following.contains { next in
                        analysis.grammar(next) == .negation || !analysis.verbClass(next).intersection([.lapse, .omission, .mistake]).isEmpty
                    }
                }
            } else {
                // "Instead of restarting the pods, the responder needed to scale …".
                contrasted = analysis.hasPhrase(.contrast, in: 0..<analysis.count)
            }
            guard contrasted else { continue }
            found.append(match(range, "\"\(analysis.text(of: range))\" measures \(who(subject)) against what is known now"))
        }
        return found
    }
}
