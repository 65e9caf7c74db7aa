/// Who is the agent of a failure or mistake. A roster person (or @mention)
/// as the agent is blameless/named-individual; a role, pronoun, team or
/// "we" characterised by a mistake is blameless/blame-language (policy 3:
/// "the release manager rushed the build out"); an omission by a role is
/// blameless/counterfactual ("the on-call engineer did not check …").
///
/// A person is the agent when they are
/// - the subject (or the "by" phrase of a passive) of a mistake or lapse
///   verb ("misconfigured", "forgot", "overlooked", "ignored", "skipped"),
///   of a breaking verb ("broke", "took down"), or of any action marked as a
///   slip ("accidentally ran", "scaled the wrong deployment", "deleted the
///   production namespace", "disabled the PodDisruptionBudget", "pushed …
///   without testing it", "let the key expire", "left the flag on");
/// - and, for named people only, the subject of an action whose result is
///   a failure ("rolled out the ciphers that broke older clients",
///   "introduced a regression"), the possessor of a slip or of the change
///   that failed ("@bob's typo", "Alice's migration locked the table"),
///   the cause after "because of", "caused by", "traces back to", or the
///   trigger in "the stampede started when Grace flushed …".
/// Recovery is not blame: an action with a purpose ("deleted the stale lock
/// to restore writes") or a plan ("as documented in the runbook") passes,
/// a lapse explained by the system ("missed the page because the route
/// was stale") passes, and so do repairs of a set of faulty things ("closed
/// each unintended position"), a value set on purpose ("overrode the price
/// with the exchange's"), our own choice between two courses of action
/// ("we paused the path rather than feeding the queue"), a past form
/// describing a noun ("did not replay missed alerts") and a be-form, which
/// states a condition ("anything was wrong").
struct AgentDetector {
    let analysis: SentenceAnalysis
    /// What can follow an action and make it a slip, for cheap gating: most
    /// actions have none of these after them and need no subject search.
    private struct Later: OptionSet {
        let rawValue: UInt8
        /// "the wrong deployment", "the untested build".
        static let mistakeObject = Later(rawValue: 1 << 0)
        /// "a broken config" (with a verb of shipping a change).
        static let defect = Later(rawValue: 1 << 1)
        /// "without testing it".
        static let without = Later(rawValue: 1 << 2)
        /// "while the build was red".
        static let signal = Later(rawValue: 1 << 3)
        /// "… that broke older clients" (named people only).
        static let harm = Later(rawValue: 1 << 4)
        /// "instead of", "by mistake", "never re-enabled".
        static let mistakePhrase = Later(rawValue: 1 << 5)
        /// "accidentally", "by mistake" right after the verb.
        static let adverb = Later(rawValue: 1 << 6)
    }

    /// For each token: what occurs at or after it.
    private let later: [Later]

    static let signalWords: Set<String> = ["while", "although", "though", "despite"]

    init(analysis: SentenceAnalysis) {
        self.analysis = analysis
        var later = Array(repeating: Later(), count: analysis.count + 1)
        let harms: BlamelessVocabulary.VerbClass = [.harm, .breaking, .destructive]
        var index = analysis.count - 1
        while index >= 0 {
            let entry = analysis.entries[index]
            var here = later[index + 1]
            if entry.word.contains(.mistakeObject) { here.insert(.mistakeObject) }
            if entry.word.contains(.defectModifier) { here.insert(.defect) }
            if entry.word.contains(.mistakeAdverb) { here.insert(.adverb) }
            if entry.anchorsMistakePhrase { here.insert(.mistakePhrase) }
            if entry.isCue {
                let word = analysis.lower(index)
                if word == "without" { here.insert(.without) }
                if AgentDetector.signalWords.contains(word) { here.insert(.signal) }
            }
            if analysis.mayNamePeople, !analysis.verbClass(index).intersection(harms).isEmpty { here.insert(.harm) }
            later[index] = here
            index -= 1
        }
        self.later = later
    }

    static let namedSuggestion = "Describe the action, what the person saw at the time, and which safeguard (review, test, tooling) would have stopped it, without naming them as the cause."
    static let roleSuggestion = "Describe what made this action reasonable at the time and what safeguard was missing."

    func matches() -> [BlamelessMatch] {
        var found: [BlamelessMatch] = []
        for index in 0..<analysis.count where analysis.tokens[index].kind == .word && !analysis.tokens[index].isQuoted {
            if let match = negatedDiligence(index) ?? action(index) { found.append(match) }
        }
        found += possessives()
        found += causes()
        found += triggers()
        return found
    }

    // MARK: Reporting

    private func report(_ agent: Agent, _ phrase: NounPhrase, verb: Range<Int>, _ what: String) -> BlamelessMatch? {
        let who = analysis.text(of: phrase.range)
        switch agent {
        case .individual:
            let start = phrase.possessor ?? (analysis.isPerson(phrase.head) ? analysis.mentionStart(phrase.head) : phrase.range.lowerBound)
            return BlamelessMatch(kind: .namedIndividual, range: start..<max(start + 1, phrase.range.upperBound),
                                  message: "\"\(who)\" is named as the agent of a failure (\(what)); describe the action and what the system allowed",
                                  suggestion: AgentDetector.namedSuggestion)
        case .role, .team, .pronoun, .we:
            return BlamelessMatch(kind: .blameLanguage, range: verb,
                                  message: "\"\(analysis.text(of: verb))\" characterises \(who) by a mistake; describe the conditions instead",
                                  suggestion: AgentDetector.roleSuggestion)
        case .nobody, .system:
            return nil
        }
    }

    // MARK: Actions

    /// A person's action marked as a mistake, a lapse, breakage or a slip.
    private func action(_ index: Int) -> BlamelessMatch? {
        let word = analysis.lower(index)
        let classes = analysis.verbClass(index)
        // "anything was wrong" states a condition; a be-form is not an action.
        guard analysis.isVerbForm(index), analysis.isPredicate(index), !EnglishGrammar.beForms.contains(word) else { return nil }
        let misVerb = word.hasPrefix("mis") && word.utf8.count >= 7 && analysis.isPast(index)
        let strong: BlamelessVocabulary.VerbClass = [.mistake, .lapse, .breaking, .destructive]
        let adverbBefore = index > 0 && analysis.entries[index - 1].word.contains(.mistakeAdverb)
        let next = later[index + 1]
        let marked = !next.intersection([.mistakeObject, .without, .signal, .adverb]).isEmpty
            || (classes.contains(.shipping) && next.contains(.defect))
        let namedOnly = analysis.mayNamePeople && (classes.contains(.causing) || next.contains(.harm))
        guard misVerb || adverbBefore || marked || namedOnly || word == "left" || word == "let" || !classes.intersection(strong).isEmpty,
              let (phrase, subjectAgent) = analysis.actor(of: index) else { return nil }
        // "Dev's migration script dropped …", "the config Dev pushed broke …": the person behind the change.
        let agent = ownerAgent(phrase) ?? (creditedPerson(after: phrase) != nil ? .individual : subjectAgent)
        guard agent.isHuman, agent != .nobody, !isAttributive(index, subject: phrase) else { return nil }
        let scope = actionScope(index)
        let verb = index..<(index + 1)
        if classes.contains(.mistake) || misVerb {
            return report(agent, phrase, verb: verb, "\"\(word)\"")
        }
        if classes.contains(.lapse) {
            guard !excused(index), !missesTarget(index, scope: scope), !["nothing", "no", "none"].contains(analysis.lower(index + 1)),
                  !setsValue(index, classes, scope: scope) else { return nil }
            // "the on-call engineer forgot to …" is an omission seen in hindsight, like "neglected to".
            if agent != .individual, analysis.lower(index + 1) == "to" {
                return BlamelessMatch(kind: .counterfactual, range: index..<(index + 2),
                                      message: "\"\(analysis.text(of: index..<(index + 2)))\" judges \(analysis.text(of: phrase.range)) by an omission seen in hindsight",
                                      suggestion: CounterfactualDetector.suggestion)
            }
            return report(agent, phrase, verb: verb, "\"\(word)\"")
        }
        if classes.contains(.breaking), !scope.contains(where: { analysis.lower($0) == "into" }) {
            return isPlanned(index, scope) ? nil : report(agent, phrase, verb: verb, "\"\(analysis.text(of: index..<particleEnd(index)))\"")
        }
        if hasMistakeAdverb(index, subject: phrase) {
            return report(agent, phrase, verb: verb, "an accidental \"\(word)\"")
        }
        let object = objectPhrase(of: index, scope: scope)
        let defective = object?.range.contains { analysis.entries[$0].word.contains(.defectModifier) } ?? false
        if let object, object.range.contains(where: { analysis.entries[$0].word.contains(.mistakeObject) }) && !isFaultySet(object)
            || (defective && classes.contains(.shipping)) {
            return report(agent, phrase, verb: verb, "\"\(word)\" the \(analysis.text(of: object.range))")
        }
        if classes.contains(.destructive), !isPlanned(index, scope) {
            // Turning a safeguard off is routine; followed by another destructive step it is a hazard.
            let disablesSafeguard = object.map { object in object.range.contains { analysis.entries[$0].word.contains(.safeguardNoun) } } ?? false
            let chained = ((scope.upperBound)..<analysis.count).contains { probe in
                analysis.isVerbForm(probe) && !analysis.verbClass(probe).intersection([.destructive, .breaking, .harm]).isEmpty
            } || scope.contains { analysis.isVerbForm($0) && !analysis.verbClass($0).intersection([.destructive, .breaking]).isEmpty }
            let hazardous = (disablesSafeguard && chained) || (object.map { object in
                object.range.contains { analysis.entries[$0].word.contains(.scopeMarker) }
            } ?? false)
            let inProduction = scope.contains { analysis.entries[$0].word.contains(.hazardTarget) }
                || (object?.range.contains { analysis.entries[$0].word.contains(.hazardTarget) } ?? false)
            if hazardous || inProduction || marksSlip(scope, agent: agent) {
                return report(agent, phrase, verb: verb, "\"\(word)\" \(object.map { analysis.text(of: $0.range) } ?? "")")
            }
        }
        if let without = omittedSafeguard(in: scope), !analysis.phrases.contains(where: { $0.kind == .plannedMarker }) {
            return report(agent, phrase, verb: verb, "\"\(word)\" \(analysis.text(of: without))")
        }
        if let signal = ignoredSignal(after: index) {
            return report(agent, phrase, verb: verb, "\"\(word)\" \(analysis.text(of: signal))")
        }
        if word == "let", scope.contains(where: { analysis.entries[$0].word.contains(.letLapse) }) {
            return report(agent, phrase, verb: verb, "\"let\" something lapse")
        }
        // "We left the old rebuild running as insurance": a state kept on purpose.
        if word == "left", leavesUnsafeState(index), !analysis.phrases.contains(where: { $0.kind == .plannedMarker }) {
            return report(agent, phrase, verb: verb, "\"left\" something \(analysis.lower(index + 1))")
        }
        // The weaker evidence counts for named people only (policy 2).
        guard agent == .individual, !isPlanned(index, scope) else { return nil }
        if let object, classes.contains(.causing),
           object.range.contains(where: { analysis.entries[$0].word.contains(.failureNoun) }) {
            return report(agent, phrase, verb: verb, "\"\(word)\" the \(analysis.text(of: object.range))")
        }
        if let consequence = consequence(after: index) {
            return report(agent, phrase, verb: verb, "an action that \"\(consequence)\"")
        }
        return nil
    }

    /// "did not check", "didn't notice", "never verified" with a person as subject.
    private func negatedDiligence(_ index: Int) -> BlamelessMatch? {
        guard analysis.verbClass(index).contains(.diligence) else { return nil }
        let previous = analysis.lower(index - 1)
        let negated = previous == "never" || (previous == "not" && ["did", "does", "do"].contains(analysis.lower(index - 2)))
        guard negated, !excused(index), let subject = analysis.subject(of: index) else { return nil }
        let agent = analysis.agent(of: subject)
        switch agent {
        case .individual:
            return report(agent, subject, verb: (index - 1)..<(index + 1), "\"\(analysis.text(of: (index - 1)..<(index + 1)))\"")
        case .role, .team, .pronoun:
            // "reviewers of the service do not see it": how things stand, not an omission judged afterwards.
            if ["do", "does"].contains(analysis.lower(index - 2)) || previous == "never" && !analysis.isPast(index) { return nil }
            let span = (index - (previous == "never" ? 1 : 2))..<(index + 1)
            return BlamelessMatch(kind: .counterfactual, range: span,
                                  message: "\"\(analysis.text(of: span))\" judges \(analysis.text(of: subject.range)) by an omission seen in hindsight",
                                  suggestion: CounterfactualDetector.suggestion)
        case .we, .nobody, .system:
            return nil
        }
    }

    /// "We did not replay missed alerts", "we backfilled missed events": a
    /// past form right after the subject's own verb describes the noun after
    /// it. That verb is a bare one after "not", "to", an auxiliary or a
    /// modal, or a verb form right after the subject ("the engineer who was
    /// paged missed the alert" keeps "missed" as the verb).
    private func isAttributive(_ index: Int, subject: NounPhrase) -> Bool {
        let previous = index - 1
        guard analysis.isPast(index), !analysis.isPassive(index), previous >= subject.range.upperBound,
              analysis.tokens[previous].kind == .word, analysis.grammar(previous) == .open,
              analysis.nounPhrase(at: index + 1, before: analysis.count) != nil else { return false }
        let before = previous - 1
        let bareVerb = ["not", "to", "never"].contains(analysis.lower(before))
            || [.auxiliary, .modal].contains(analysis.grammar(before)) && !EnglishGrammar.beForms.contains(analysis.lower(before))
        return bareVerb || previous == subject.range.upperBound && analysis.isVerbForm(previous)
    }

    /// "overrode the reference price with the exchange's": a value set on
    /// purpose. Overriding a safeguard ("the failing check") stays a lapse.
    private func setsValue(_ index: Int, _ classes: BlamelessVocabulary.VerbClass, scope: Range<Int>) -> Bool {
        guard classes.contains(.replacing), scope.contains(where: { analysis.lower($0) == "with" }) else { return false }
        let object = objectPhrase(of: index, scope: scope)
        return !(object?.range.contains { analysis.entries[$0].word.contains(.safeguardNoun) } ?? false)
    }

    /// "closed each unintended position", "split every wrong combination":
    /// a quantified set of faulty things is being repaired; a slip picks one
    /// wrong target ("scaled the wrong deployment").
    private func isFaultySet(_ object: NounPhrase) -> Bool {
        ["each", "every", "all"].contains(analysis.lower(object.range.lowerBound))
    }

    /// A mistake phrase in the action's scope ("instead of the staging copy",
    /// "by mistake"). When we narrate our own recovery, a contrast with
    /// another course of action is a decision, not a wrong target: "we
    /// paused the path rather than feeding more applications to the queue".
    /// About a role it stays hindsight ("the engineer deleted the pod
    /// instead of draining the node").
    private func marksSlip(_ scope: Range<Int>, agent: Agent) -> Bool {
        analysis.phrases.contains { phrase in
            guard phrase.kind == .mistakeMarker, scope.contains(phrase.range.lowerBound) else { return false }
            let next = phrase.range.upperBound
            guard agent == .we, ["instead", "rather"].contains(analysis.lower(phrase.range.lowerBound)), next < analysis.count else { return true }
            let alternative = analysis.lower(next)
            let continues = next + 1 < analysis.count && analysis.tokens[next + 1].kind == .word && analysis.grammar(next + 1) != .preposition
            return !(alternative.hasSuffix("ing") && continues)
        }
    }

    /// The tokens after a verb that belong to its action: up to a semicolon,
    /// or a new clause opened by a conjunction, subordinator or relative.
    private func actionScope(_ index: Int) -> Range<Int> {
        var end = index + 1
        while end < analysis.count {
            let word = analysis.lower(end)
            if word == ";" || word == ":" { break }
            if analysis.clauseStarts[end], word != ",", [.subordinator, .relative, .coordinator].contains(analysis.grammar(end)) || word == "that" { break }
            end += 1
        }
        return (index + 1)..<end
    }

    private func particleEnd(_ index: Int) -> Int {
        analysis.hasParticle(index) ? index + 2 : index + 1
    }

    /// The object of the verb at `index`; for a passive, its subject.
    private func objectPhrase(of index: Int, scope: Range<Int>) -> NounPhrase? {
        if analysis.isPassive(index) { return analysis.subject(of: index) }
        var start = particleEnd(index)
        if ["down", "off", "out", "over", "up", "back"].contains(analysis.lower(start)) { start += 1 }
        return analysis.nounPhrase(at: start, before: scope.upperBound)
    }

    /// "accidentally ran", "ran … by mistake" are handled by phrases; this
    /// is the adverb right before the verb or right after it.
    private func hasMistakeAdverb(_ index: Int, subject: NounPhrase) -> Bool {
        var probe = index - 1
        while probe >= subject.range.upperBound, analysis.grammar(probe) == .adverb || analysis.grammar(probe) == .auxiliary {
            if analysis.entries[probe].word.contains(.mistakeAdverb) { return true }
            probe -= 1
        }
        return analysis.entries.indices.contains(index + 1) && analysis.entries[index + 1].word.contains(.mistakeAdverb)
    }

    /// "without testing it", "without a review".
    private func omittedSafeguard(in scope: Range<Int>) -> Range<Int>? {
        for index in scope where analysis.lower(index) == "without" {
            if let end = analysis.phraseEnd(.withoutObject, at: index + 1) { return index..<end }
        }
        return nil
    }

    /// "missed the SLO", "missed the release window": a target, not a signal.
    private func missesTarget(_ index: Int, scope: Range<Int>) -> Bool {
        guard analysis.lower(index).hasPrefix("miss"), let object = objectPhrase(of: index, scope: scope) else { return false }
        return object.range.contains { analysis.entries[$0].word.contains(.missableTarget) }
    }

    /// "merged while the build was still red", "deployed although the canary
    /// was failing": acting against a safeguard's signal.
    private func ignoredSignal(after index: Int) -> Range<Int>? {
        var probe = index + 1
        while probe < analysis.count, analysis.lower(probe) != ";" {
            if ["while", "although", "though", "despite"].contains(analysis.lower(probe)) {
                let clause = probe..<min(analysis.clauseEnd(of: probe + 1), analysis.count)
                let guarded = clause.contains { analysis.entries[$0].word.contains(.safeguardNoun) }
                let unsafe = clause.contains { analysis.entries[$0].word.contains(.unsafeState) }
                if guarded, unsafe { return clause }
            }
            probe += 1
        }
        return nil
    }

    /// "left the flag on", "was left on by @fatima".
    private func leavesUnsafeState(_ index: Int) -> Bool {
        let scope = (index + 1)..<min(index + 7, analysis.count)
        return scope.contains { analysis.entries[$0].word.contains(.leftState) }
    }

    /// A lapse explained by the system or by time: "… because the alert
    /// routed to email", "… until 10:14".
    private func excused(_ index: Int) -> Bool {
        for probe in (index + 1)..<max(index + 1, analysis.count) {
            let word = analysis.lower(probe)
            if word == "until" { return true }
            guard ["because", "since", "as", "given"].contains(word), analysis.clauseStarts[probe] else { continue }
            var start = probe + 1
            if analysis.lower(start) == "of" || analysis.lower(start) == "that" { start += 1 }
            if let phrase = analysis.nounPhrase(at: start, before: analysis.count), !analysis.agent(of: phrase).isHuman { return true }
        }
        return false
    }

    /// A recovery step or a planned action: a purpose ("to restore writes",
    /// "in order to"), or a plan ("as planned", "for maintenance").
    private func isPlanned(_ index: Int, _ scope: Range<Int>) -> Bool {
        if analysis.phrases.contains(where: { $0.kind == .plannedMarker }) { return true }
        for probe in scope where analysis.lower(probe) == "to" {
            let before = analysis.lower(probe - 1)
            let next = analysis.lower(probe + 1)
            if ["trying", "tried", "attempt", "attempting", "meaning", "meant", "intending", "intended", "wanting", "wanted",
                "supposed", "going", "able", "failed", "forgot", "neglected"].contains(before) { continue }
            guard probe + 1 < analysis.count, analysis.tokens[probe + 1].kind == .word, analysis.grammar(probe + 1) == .open || next == "get",
                  !EnglishGrammar.isPastForm(next), !next.hasSuffix("ing") else { continue }
            // "to production", "to the primary": a destination, not a purpose.
            if ["production", "prod", "staging", "main", "master"].contains(next) { continue }
            return true
        }
        return false
    }

    /// The harm that follows a named person's action in the same sentence:
    /// "… the ciphers that broke older clients", "…, causing a stampede",
    /// "…, so the failover script promoted …". Returns the harm's words.
    private func consequence(after index: Int) -> String? {
        var probe = index + 1
        while probe < analysis.count {
            let word = analysis.lower(probe)
            if word == ";" { return nil }
            if analysis.clauseStarts[probe] {
                var start = probe
                if ["that", "which", "who"].contains(word) {
                    start += 1
                } else if ["and", "so", "then"].contains(word), analysis.startsSubject(probe + 1) {
                    guard let subject = analysis.nounPhrase(at: probe + 1, before: analysis.count),
                          !analysis.agent(of: subject).isHuman else { probe += 1; continue }
                    start = subject.range.upperBound
                } else if word.hasSuffix("ing"), !analysis.verbClass(probe).intersection([.harm, .breaking]).isEmpty {
                    return analysis.text(of: probe..<(probe + 1))
                } else {
                    probe += 1
                    continue
                }
                while start < analysis.count, [.adverb, .auxiliary, .negation].contains(analysis.grammar(start)) { start += 1 }
                if start < analysis.count, analysis.isVerbForm(start), !analysis.verbClass(start).intersection([.harm, .breaking]).isEmpty {
                    return analysis.text(of: start..<particleEnd(start))
                }
            }
            probe += 1
        }
        return nil
    }

    /// A named person's change as the agent: "Dev's migration script
    /// dropped …", "wiped by Grace's cleanup job". Nil when the phrase has no
    /// person as possessor or is not about a change (their pager, laptop).
    private func ownerAgent(_ phrase: NounPhrase) -> Agent? {
        guard let possessor = phrase.possessor, analysis.isPerson(possessor) else { return nil }
        let owned = (possessor + 1)..<phrase.range.upperBound
        let isWork: (Int) -> Bool = { index in
            let classes = analysis.entries[index].word
            return classes.contains(.changeNoun) || classes.contains(.mistakeNoun) || classes.contains(.recoveryNoun)
        }
        return owned.contains(where: isWork) ? .individual : nil
    }

    /// "a commit by Dev", "a commit Dev pushed": the person a change is credited to.
    private func creditedPerson(after phrase: NounPhrase) -> Int? {
        guard analysis.entries[phrase.head].word.contains(.changeNoun) else { return nil }
        let next = phrase.range.upperBound
        if analysis.lower(next) == "by", analysis.isPerson(next + 1) { return next + 1 }
        if analysis.isPerson(next) {
            let verb = next + analysis.mentionLength[next]
            if analysis.isVerbForm(verb) || analysis.lower(verb) == "had" { return next }
        }
        return nil
    }

    // MARK: Possessives, causes and triggers

    /// "@bob's typo …", "Alice's migration locked …", "Bob's bad merge …".
    private func possessives() -> [BlamelessMatch] {
        var found: [BlamelessMatch] = []
        guard analysis.hasPossessive else { return [] }
        for index in 0..<analysis.count where analysis.mentionLength[index] > 0 {
            let after = index + analysis.mentionLength[index]
            guard analysis.lower(after) == "'s", !analysis.tokens[index].isQuoted,
                  let phrase = analysis.nounPhrase(at: index, before: analysis.count), phrase.head > after else { continue }
            let head = phrase.head
            let classes = analysis.entries[head].word
            if classes.contains(.mistakeNoun), !analysis.isExempt(head..<min(head + 2, analysis.count)), !analysis.isNegated(index) {
                if let match = report(.individual, phrase, verb: head..<(head + 1), "\"\(analysis.text(of: phrase.range))\"") { found.append(match) }
                continue
            }
            let isWork = classes.contains(.changeNoun) || classes.contains(.recoveryNoun)
            let judged = phrase.range.contains { probe in
                let word = analysis.entries[probe].word
                return word.contains(.defectModifier) || word.contains(.mistakeObject)
                    || ["risky", "rogue", "stray", "accidental", "botched", "reckless", "rushed"].contains(analysis.lower(probe))
            }
            let verb = predicate(after: phrase)
            let harmful = analysis.isVerbForm(verb) && !analysis.verbClass(verb).intersection([.harm, .breaking]).isEmpty
            // "Bob's bad merge", "Alice's migration locked …", "@erik's misconfigured ACL blocked …".
            if (isWork && (judged || harmful)) || (judged && harmful), let match = report(.individual, phrase, verb: head..<(head + 1),
                                                    harmful ? "\"\(analysis.text(of: phrase.range))\" \(analysis.lower(verb))" : "\"\(analysis.text(of: phrase.range))\"") {
                found.append(match)
            }
        }
        return found
    }

    /// The verb of which `phrase` is the subject, past adverbs, auxiliaries
    /// and a prepositional phrase ("Alice's change to the retry budget
    /// flooded …"); an index past the clause when there is none.
    private func predicate(after phrase: NounPhrase) -> Int {
        var verb = phrase.range.upperBound
        let end = analysis.clauseEnd(of: phrase.head)
        if analysis.grammar(verb) == .preposition {
            while verb < end, !analysis.isVerbForm(verb) { verb += 1 }
        }
        while verb < analysis.count, [.adverb, .auxiliary, .negation].contains(analysis.grammar(verb)) { verb += 1 }
        return verb
    }

    /// "because of Hiro", "caused by Bob's change", "traces back to Carmen
    /// deleting …", "the fault of the engineer who …", "a mistake by the team".
    private func causes() -> [BlamelessMatch] {
        var found: [BlamelessMatch] = []
        guard analysis.hasPhrases else { return [] }
        for cause in analysis.phrases where cause.kind == .causal {
            let range = cause.range
            guard !analysis.isQuoted(range), !analysis.isNegated(range.lowerBound, window: 3),
                  var phrase = analysis.nounPhrase(at: range.upperBound, before: analysis.count) else { continue }
            let first = analysis.lower(range.lowerBound)
            let judging = ["fault", "failure", "failings", "mistake", "mistakes", "error", "errors", "slip", "oversight"]
                .contains(first) || range.contains { ["fault", "failure", "failings"].contains(analysis.lower($0)) }
            let praise = first == "thanks" || first == "courtesy"
            var agent = analysis.agent(of: phrase)
            if let person = creditedPerson(after: phrase), let named = analysis.nounPhrase(at: person, before: analysis.count) {
                agent = .individual
                phrase = named
            } else if phrase.possessor.map(analysis.isPerson) == true {
                // "thanks to Alice's quick rollback" is praise; "thanks to Bob's config push" is not.
                guard let owner = ownerAgent(phrase), !(praise && analysis.entries[phrase.head].word.contains(.recoveryNoun)) else { continue }
                agent = owner
            } else if praise || agent == .we || agent == .nobody {
                continue
            }
            guard agent.isHuman else { continue }
            if judging {
                found.append(BlamelessMatch(kind: .blameLanguage, range: range,
                                            message: "\"\(analysis.text(of: range))\" \(analysis.text(of: phrase.range)) assigns fault to a person",
                                            suggestion: AgentDetector.roleSuggestion))
            } else if let match = report(agent, phrase, verb: range, "\"\(analysis.text(of: range))\"") {
                found.append(match)
            }
        }
        return found
    }

    /// Where the subject of a trigger clause starts, if one opens at `index`:
    /// "when", "after", "once", "because", "since", "as" opening a clause, or
    /// "the moment", "as soon as", "right after" anywhere.
    private func triggerOpener(at index: Int) -> Int? {
        guard analysis.entries[index].isCue else { return nil }
        let word = analysis.lower(index)
        if analysis.clauseStarts[index], ["when", "after", "once", "because", "since", "as"].contains(word) { return index + 1 }
        let next = analysis.lower(index + 1)
        if ["moment", "minute", "instant"].contains(word), analysis.lower(index - 1) == "the" { return index + 1 }
        if word == "as", next == "soon", analysis.lower(index + 2) == "as" { return index + 3 }
        if ["shortly", "immediately", "just", "soon"].contains(word), next == "after" { return index + 2 }
        return nil
    }

    /// "The cache stampede started when Grace flushed …": a named person's
    /// action in a when/after/because clause of a failure.
    private func triggers() -> [BlamelessMatch] {
        var found: [BlamelessMatch] = []
        guard analysis.mayNamePeople else { return [] }
        for index in 0..<analysis.count {
            guard let opener = triggerOpener(at: index),
                  let phrase = analysis.nounPhrase(at: opener, before: analysis.count) else { continue }
            var verb = phrase.range.upperBound
            while verb < analysis.count, analysis.grammar(verb) == .adverb { verb += 1 }
            if ownerAgent(phrase) == .individual {
                // "… shortly after Bob's deploy": the change itself is the trigger.
                verb = phrase.head
            } else {
                guard analysis.agent(of: phrase) == .individual, analysis.isVerbForm(verb), analysis.grammar(verb) == .open,
                      !analysis.isPassive(verb) else { continue }
            }
            let clause = index..<analysis.clauseEnd(of: verb)
            let failure = (0..<analysis.count).contains { probe in
                !clause.contains(probe) && analysis.isVerbForm(probe) && analysis.isPredicate(probe)
                    && !analysis.verbClass(probe).intersection([.onset, .harm, .breaking]).isEmpty
            }
            guard failure, let match = report(.individual, phrase, verb: verb..<(verb + 1), "the trigger of the failure") else { continue }
            found.append(match)
        }
        return found
    }
}
