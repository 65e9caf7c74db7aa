/// Finding noun phrases, the subject of a predicate, and who they refer to.
extension SentenceAnalysis {
    /// The subject of the predicate at `predicate`: the first noun phrase of
    /// its clause. A clause that is empty before the predicate (an
    /// appositive, "Bob, the on-call engineer, failed to …") borrows the
    /// subject of the clause before it.
    func subject(of predicate: Int) -> NounPhrase? {
        var start = clauseStart(of: predicate)
        for _ in 0..<3 {
            if let phrase = firstNounPhrase(from: start, before: predicate) { return phrase }
            // An appositive is set off by commas; after a semicolon a new
            // clause begins, whose subject is never the previous one's.
            guard start > 0, !(start - 1..<start).contains(where: { lower($0) == ";" }) else { return nil }
            start = clauseStart(of: start - 1)
        }
        return nil
    }

    /// The subject noun phrase between `start` and `limit`, skipping what
    /// can open a clause: punctuation, conjunctions, adverbs ("In hindsight,"
    /// "Honestly,") and fronted prepositional phrases ("At 09:58 the bot…").
    /// A relative pronoun stands for its antecedent ("the engineer who ran …").
    func firstNounPhrase(from start: Int, before limit: Int) -> NounPhrase? {
        var index = start
        scan: while index < limit {
            if isPunctuation(index) { index += 1; continue }
            let word = lower(index)
            switch grammar(index) {
            case .subordinator, .coordinator, .adverb:
                index += 1
            case .relative:
                return antecedent(before: index)
            case .determiner where word == "that" && isContent(index - 1) && !startsSubject(index + 1):
                // A relative "that" right after a noun: "the query that overloaded …".
                return antecedent(before: index)
            case .determiner where word == "that" && startsSubject(index + 1):
                // A complementizer: "noticed that the job failed".
                index += 1
            case .preposition:
                index = skipFrontedPhrase(from: index, before: limit)
            default:
                break scan
            }
        }
        guard index < limit else { return nil }
        return nounPhrase(at: index, before: limit)
    }

    /// Skips "At 09:58", "During the incident", "In hindsight," to where the
    /// subject starts: after a comma, or at an article or name that opens a
    /// new phrase.
    private func skipFrontedPhrase(from preposition: Int, before limit: Int) -> Int {
        var index = preposition + 1
        var consumed = 0
        while index < limit {
            if lower(index) == "," { return index + 1 }
            if consumed > 0, grammar(index) == .determiner || isPerson(index) || tokens[index].kind == .handle
                || ["we", "he", "she", "they", "i", "someone", "nobody"].contains(lower(index)) {
                return index
            }
            if [.auxiliary, .modal, .negation].contains(grammar(index)) { return index }
            consumed += 1
            index += 1
        }
        return index
    }

    /// The noun phrase that ends right before `index` (skipping a comma):
    /// the antecedent of a relative pronoun.
    func antecedent(before index: Int) -> NounPhrase? {
        var end = index
        if end > 0, lower(end - 1) == "," { end -= 1 }
        var start = end
        while start > 0 {
            let previous = start - 1
            if isContent(previous) || isPerson(previous) || lower(previous) == "'s" { start = previous; continue }
            if grammar(previous) == .determiner || grammar(previous) == .pronoun { start = previous }
            break
        }
        guard start < end else { return nil }
        return nounPhrase(at: start, before: end)
    }

    /// The noun phrase that starts at `index` and ends before `limit`.
    func nounPhrase(at index: Int, before limit: Int) -> NounPhrase? {
        let limit = min(limit, tokens.count)
        guard index >= 0, index < limit else { return nil }
        var possessor: Int?
        var start = index
        // A name or mention, possibly a possessor: "@bob's typo", "Alice Chen".
        if mentionLength[index] > 0 {
            let end = index + mentionLength[index]
            guard end < limit, lower(end) == "'s" else { return NounPhrase(range: index..<min(end, limit), head: end - 1) }
            possessor = index
            start = end + 1
            guard let rest = commonNounPhrase(at: start, before: limit) else {
                return NounPhrase(range: index..<end, head: end - 1)
            }
            return NounPhrase(range: index..<rest.range.upperBound, head: rest.head, possessor: possessor, ofPhrase: rest.ofPhrase)
        }
        let word = lower(index)
        if tokens[index].kind == .word, grammar(index) == .pronoun {
            if EnglishGrammar.quantifiers.contains(word), lower(index + 1) == "of",
               let object = nounPhrase(at: index + 2, before: limit) {
                return NounPhrase(range: index..<object.range.upperBound, head: index, ofPhrase: object.range)
            }
            return NounPhrase(range: index..<(index + 1), head: index)
        }
        if word == "no", lower(index + 1) == "one" || lower(index + 1) == "-" {
            return NounPhrase(range: index..<min(index + 2, limit), head: min(index + 1, limit - 1))
        }
        return commonNounPhrase(at: index, before: limit)
    }

    /// Article, modifiers and nouns up to the head; a possessive "'s" starts
    /// a new head ("the payments team's dashboard" → dashboard).
    private func commonNounPhrase(at index: Int, before limit: Int) -> NounPhrase? {
        var head: Int?
        var possessor: Int?
        var current = index
        scan: while current < limit {
            if tokens[current].kind == .punctuation { break scan }
            if head != nil, isPerson(current) { break scan }
            let role = grammar(current)
            switch role {
            case .determiner, .adverb:
                // Articles and adverbs ("a very sloppy change") come before the head.
                if head != nil { break scan }
            case .open:
                if let head, isVerbAfterHead(current, head: head) { break scan }
                head = current
                if current + 1 < limit, lower(current + 1) == "'s" {
                    possessor = current
                    head = nil
                    current += 1
                }
            case .preposition where lower(current) == "of":
                // "none of", "one of", "all of": the phrase after "of" carries the head.
                guard let head, EnglishGrammar.quantifiers.contains(lower(head)),
                      let object = nounPhrase(at: current + 1, before: limit) else { break scan }
                return NounPhrase(range: index..<object.range.upperBound, head: head, possessor: possessor, ofPhrase: object.range)
            default:
                break scan
            }
            current += 1
        }
        guard let head else { return nil }
        return NounPhrase(range: index..<(head + 1), head: head, possessor: possessor)
    }

    /// After a head noun, a past form or an "-ing" form taking an object is
    /// the verb (or a reduced relative: "the engineer involved", "the
    /// engineer running the script"), not another noun.
    private func isVerbAfterHead(_ index: Int, head: Int) -> Bool {
        guard tokens[index].kind == .word else { return false }
        let word = lower(index)
        if isPast(index) { return true }
        if word.hasSuffix("ing"), word.count > 4 {
            let next = grammar(index + 1)
            return next == .determiner || next == .preposition || next == .pronoun || isPerson(index + 1)
                || tokens.indices.contains(index + 1) && tokens[index + 1].kind == .number
        }
        // A known verb with a particle next ("took down") or a pronoun object.
        if !verbClass(index).isEmpty, grammar(index + 1) == .determiner { return !entries[index].word.contains(.changeNoun) }
        return false
    }

    // MARK: Who

    /// The words that `agent(of:)` can read as people by themselves, as a
    /// phrase's head: human pronouns, "we", "nobody", "one" (of "no one").
    /// Roles and teams come from the vocabulary, names from `PeopleIndex`.
    /// `BlamelessScreen` lets no sentence through to the counterfactual and
    /// agent detectors without one of these.
    static let humanHeads: Set<String> = EnglishGrammar.humanPronouns.union(["we", "us", "nobody", "no-one", "one", "they", "them"])

    /// Who `phrase` refers to.
    func agent(of phrase: NounPhrase) -> Agent {
        let head = phrase.head
        let word = lower(head)
        if let object = phrase.ofPhrase, let inner = nounPhrase(at: object.lowerBound, before: object.upperBound) {
            let innerAgent = agent(of: inner)
            if word == "none" || word == "nobody" { return innerAgent.isHuman ? .nobody : .system }
            return innerAgent
        }
        if isPerson(head) { return .individual }
        if tokens[head].kind == .handle { return .team }
        switch word {
        case "we", "us": return .we
        case "nobody", "no-one": return .nobody
        case "one" where lower(head - 1) == "no": return .nobody
        case "they", "them": return theyRefersToPeople(head) ? .pronoun : .system
        default: break
        }
        if EnglishGrammar.humanPronouns.contains(word) { return .pronoun }
        let classes = entries[head].word
        // "the workflow manager", "the secrets manager": software named after a role.
        if classes.contains(.role), head > phrase.range.lowerBound, entries[head - 1].word.contains(.softwareModifier) { return .system }
        if classes.contains(.role) { return .role }
        if classes.contains(.team) { return .team }
        if classes.contains(.ambiguousRole) {
            // "the Postgres operator", "the `admin` API": software, not people.
            let modifiers = phrase.range.lowerBound..<head
            let technical = modifiers.contains { tokens[$0].kind == .code || (tokens[$0].isCapitalized && $0 > phrase.range.lowerBound) }
            return technical ? .system : .role
        }
        return .system
    }

    /// "they" refers to people unless the nearest plural noun before it is a
    /// thing; with none in the sentence, unless the sentence before named
    /// things and no people in the plural.
    private func theyRefersToPeople(_ index: Int) -> Bool {
        var probe = index - 1
        while probe >= 0 {
            if isContent(probe), tokens[probe].kind == .word, lower(probe).hasSuffix("s"), !lower(probe).hasSuffix("ss") {
                let classes = entries[probe].word
                return !classes.isDisjoint(with: .people) || isPerson(probe)
            }
            probe -= 1
        }
        return pluralsBefore.people || !pluralsBefore.things
    }

    /// The agent of the predicate at `index`: the subject, or for a passive
    /// the "by" phrase ("was broken by Erik"); nil when there is none.
    func actor(of index: Int) -> (phrase: NounPhrase, agent: Agent)? {
        if isPassive(index) {
            guard let by = byPhrase(after: index) else { return nil }
            return (by, agent(of: by))
        }
        guard let subject = subject(of: index) else { return nil }
        return (subject, agent(of: subject))
    }

    /// "by X" after a passive participle, within its clause.
    func byPhrase(after index: Int) -> NounPhrase? {
        let end = min(clauseEnd(of: index) + 1, tokens.count)
        var probe = index + 1
        while probe < end, probe <= index + 8 {
            if lower(probe) == "by", let phrase = nounPhrase(at: probe + 1, before: tokens.count) { return phrase }
            probe += 1
        }
        return nil
    }
}
