/// One sentence prepared for the blameless detectors: each token's
/// vocabulary entry, the people it names, where its clauses start and which
/// vocabulary phrases it contains. The queries answer the questions the
/// rules ask: who is the subject of this predicate, is it a person or a
/// system, is this word negated or quoted.
///
/// It is a shallow reading of English, by design: noun phrases are found
/// from articles, closed-class words and word shapes, a clause's subject is
/// its first noun phrase (after fronted adverbials and subordinators, or
/// the antecedent of a relative pronoun), and anything that is not a known
/// person, role, pronoun or team is a system. That is enough to tell "the
/// health check failed to detect" from "the reviewer failed to notice", and
/// cheap enough to run on every sentence of a large repository.
final class SentenceAnalysis {
    let tokens: [ProseToken]
    /// The run's text, which the tokens' offsets point into.
    let scalars: [Unicode.Scalar]
    let entries: [BlamelessVocabulary.Entry]
    let vocabulary: BlamelessVocabulary
    let people: PeopleIndex
    /// Some token anchors a vocabulary phrase (so `phrases` may be non-empty).
    let hasPhrases: Bool

    // Computed on first use: most sentences never need them.

    /// For each token: the length of the person mention that starts there, else 0.
    private(set) lazy var mentionLength: [Int] = markPeople().lengths
    /// For each token: whether it is part of a person mention.
    private(set) lazy var inMention: [Bool] = markPeople().inside
    /// For each token: whether a clause starts there.
    private(set) lazy var clauseStarts: [Bool] = markClauses()
    /// Vocabulary phrases found in the sentence, in order of their start.
    private(set) lazy var phrases: [PhraseMatch] = hasPhrases ? matchPhrases() : []
    private var peopleMarks: (lengths: [Int], inside: [Bool])?

    struct PhraseMatch {
        var kind: BlamelessVocabulary.PhraseKind
        var range: Range<Int>
    }

    typealias Form = WordFacts.Form

    /// Per token.
    let forms: [Form]

    /// Analyses `text` as one sentence (tests, and callers without a run).
    convenience init(text: String, vocabulary: BlamelessVocabulary, people: PeopleIndex) {
        let scalars = Array(text.unicodeScalars)
        let tokens = ProseTokenizer.tokens(scalars)
        let facts = WordFacts(tokens: tokens, scalars: scalars, vocabulary: vocabulary, people: people)
        self.init(tokens: tokens, scalars: scalars, facts: facts, range: tokens.indices, vocabulary: vocabulary, people: people)
    }

    /// Analyses the sentence `range` of a run whose `facts` are computed.
    init(tokens runTokens: [ProseToken], scalars: [Unicode.Scalar], facts: WordFacts, range: Range<Int>,
         vocabulary: BlamelessVocabulary, people: PeopleIndex) {
        tokens = Array(runTokens[range])
        self.scalars = scalars
        entries = Array(facts.entries[range])
        forms = Array(facts.forms[range])
        verbs = Array(facts.verbs[range])
        self.vocabulary = vocabulary
        self.people = people
        let flags = facts.flags(in: range)
        hasPhrases = flags.contains(.anchorsPhrase)
        hasPossessive = flags.contains(.possessive)
        mayNamePeople = flags.contains(.mightName)
    }

    /// Verb classes per token, particles included ("took" + "down").
    private let verbs: [BlamelessVocabulary.VerbClass]

    /// Some token is "'s" (a possessive, or "is").
    let hasPossessive: Bool

    /// The plural nouns of the sentence before this one in the same
    /// paragraph: whether some name people, and whether some name things.
    /// A "they" that opens a sentence refers to them ("Two cron runs
    /// overlapped. They overwrote each other's files."). Set by the caller.
    var pluralsBefore: (people: Bool, things: Bool) = (false, false)

    /// Whether the sentence `range` of a run names people, and things, in
    /// the plural (open-class words in "-s" that are not known verb forms):
    /// the `pluralsBefore` of the sentence after it.
    static func plurals(in range: Range<Int>, of tokens: [ProseToken], facts: WordFacts) -> (people: Bool, things: Bool) {
        var found: (people: Bool, things: Bool) = (false, false)
        for index in range where tokens[index].kind == .word && facts.entries[index].grammar == .open
            && !facts.forms[index].contains(.verbForm) {
            let word = tokens[index].lower
            guard word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 else { continue }
            if !facts.entries[index].word.isDisjoint(with: .people) { found.people = true } else { found.things = true }
        }
        return found
    }

    /// Some token is a person's name or handle; when false, no mention is
    /// marked and the named-person mechanisms can be skipped.
    let mayNamePeople: Bool

    var count: Int { tokens.count }

    func lower(_ index: Int) -> String {
        index >= 0 && index < tokens.count ? tokens[index].lower : ""
    }

    func grammar(_ index: Int) -> EnglishGrammar.Role {
        index >= 0 && index < tokens.count ? entries[index].grammar : .open
    }

    func isPunctuation(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .punctuation
    }

    func isContent(_ index: Int) -> Bool {
        guard index >= 0 && index < tokens.count else { return false }
        switch tokens[index].kind {
        case .word: return entries[index].grammar == .open
        case .number, .handle, .code: return true
        case .punctuation: return false
        }
    }

    // MARK: People

    private func markPeople() -> (lengths: [Int], inside: [Bool]) {
        if let peopleMarks { return peopleMarks }
        var lengths = Array(repeating: 0, count: tokens.count)
        var inside = Array(repeating: false, count: tokens.count)
        guard mayNamePeople else {
            peopleMarks = (lengths, inside)
            return (lengths, inside)
        }
        var index = 0
        while index < tokens.count {
            let length = people.mentionLength(in: tokens, scalars: scalars, at: index)
            if length > 0, acceptsName(at: index, length: length) {
                lengths[index] = length
                for offset in 0..<length { inside[index + offset] = true }
                index += length
            } else {
                index += 1
            }
        }
        peopleMarks = (lengths, inside)
        return (lengths, inside)
    }

    /// Whether a matched name is used as a name. After an article it is a
    /// thing ("the Dev cluster"); a name that is also a common word needs a
    /// verb-like word after it ("Dev ran…", "Grace's", "Dev and Erik").
    private func acceptsName(at index: Int, length: Int) -> Bool {
        if tokens[index].kind == .handle { return true }
        if index > 0, entries[index - 1].grammar == .determiner, lower(index - 1) != "that" { return false }
        guard length == 1, entries[index].word.contains(.nameCollision) else { return true }
        let next = index + 1
        guard next < tokens.count else { return true }
        if tokens[next].kind == .punctuation || tokens[next].kind == .handle { return true }
        if lower(next) == "'s" { return true }
        switch entries[next].grammar {
        case .auxiliary, .modal, .negation, .adverb, .coordinator, .preposition, .subordinator, .relative:
            return true
        default:
            return isVerbForm(next)
        }
    }

    func isPerson(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && inMention[index]
    }

    /// The first token of the mention that covers `index`.
    func mentionStart(_ index: Int) -> Int {
        var start = index
        while start > 0, inMention[start - 1], mentionLength[start] == 0 { start -= 1 }
        return start
    }

    // MARK: Words

    /// A past form or a known verb form (not a bare base form, which may be a noun).
    func isVerbForm(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && forms[index].contains(.verbForm)
    }

    func isPast(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && forms[index].contains(.past)
    }

    func isParticiple(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && forms[index].contains(.participle)
    }

    /// Verb classes of the token as used here, including particle verbs
    /// ("took" + "down") when the particle follows.
    func verbClass(_ index: Int) -> BlamelessVocabulary.VerbClass {
        index >= 0 && index < verbs.count ? verbs[index] : []
    }

    /// "took" + "down": the particle that completes the verb at `index`, if it follows.
    func hasParticle(_ index: Int) -> Bool {
        guard index >= 0 && index < tokens.count, entries[index].hasParticleVerbs,
              let particles = vocabulary.particleVerbs[tokens[index].lower] else { return false }
        return particles.contains { $0.particle == lower(index + 1) }
    }

    /// The word is used as a predicate, not as a noun or modifier: it does
    /// not follow an article or possessive, and is not the head of "the …".
    func isPredicate(_ index: Int) -> Bool {
        guard index > 0 else { return tokens.indices.contains(index) && isVerbForm(index) }
        let previous = entries[index - 1].grammar
        if previous == .determiner || lower(index - 1) == "'s" { return false }
        return true
    }

    /// A be-form right before (adverbs and "not" between): "was broken", "were not paged".
    func isPassive(_ index: Int) -> Bool {
        guard isParticiple(index) else { return false }
        var probe = index - 1
        while probe >= 0, grammar(probe) == .adverb || grammar(probe) == .negation { probe -= 1 }
        return probe >= 0 && (EnglishGrammar.beForms.contains(lower(probe)) || lower(probe) == "got" || lower(probe) == "get")
    }

    // MARK: Clauses

    private func markClauses() -> [Bool] {
        var starts = Array(repeating: false, count: tokens.count)
        guard !tokens.isEmpty else { return starts }
        starts[0] = true
        for index in 1..<tokens.count {
            // Read in place: binding the token copied it.
            if tokens[index - 1].kind == .punctuation, SentenceAnalysis.clausePunctuation.contains(tokens[index - 1].lower) {
                starts[index] = true
                continue
            }
            switch entries[index].grammar {
            case .subordinator:
                starts[index] = ["as", "so", "given", "where"].contains(lower(index)) ? startsSubject(index + 1) : true
            case .relative:
                starts[index] = true
            case .coordinator:
                starts[index] = startsSubject(index + 1)
            case .determiner where lower(index) == "that":
                starts[index] = grammar(index - 1) != .preposition
            default:
                break
            }
        }
        return starts
    }

    static let clausePunctuation: Set<String> = [",", ";", ":", "—", "–", "(", ")", "-"]

    /// Whether a new subject can start at `index`: an article, a personal
    /// pronoun, a name, a handle, code or a capitalised word.
    func startsSubject(_ index: Int) -> Bool {
        guard index >= 0 && index < tokens.count else { return false }
        let token = tokens[index]
        switch token.kind {
        case .handle, .code: return true
        case .number, .punctuation: return false
        case .word:
            if inMention[index] { return true }
            let word = token.lower
            if entries[index].grammar == .determiner { return true }
            if ["i", "we", "he", "she", "they", "it", "someone", "somebody", "nobody", "anyone", "everyone", "there", "this"].contains(word) { return true }
            return token.isCapitalized
        }
    }

    /// The start of the clause that contains `index`.
    func clauseStart(of index: Int) -> Int {
        let starts = clauseStarts
        var start = min(max(index, 0), max(starts.count - 1, 0))
        while start > 0, !starts[start] { start -= 1 }
        return start
    }

    /// The end (exclusive) of the clause that contains `index`.
    func clauseEnd(of index: Int) -> Int {
        let starts = clauseStarts
        var end = index + 1
        while end < starts.count, !starts[end] { end += 1 }
        return end
    }

    // MARK: Phrases

    private func matchPhrases() -> [PhraseMatch] {
        var found: [PhraseMatch] = []
        for index in tokens.indices where entries[index].anchorsPhrase {
            guard let candidates = vocabulary.phrases[tokens[index].lower] else { continue }
            for phrase in candidates {
                let start = index - phrase.anchor
                let end = start + phrase.words.count
                guard start >= 0, end <= tokens.count else { continue }
                var matches = true
                for (offset, word) in phrase.words.enumerated() where offset != phrase.anchor && tokens[start + offset].lower != word {
                    matches = false
                    break
                }
                if matches { found.append(PhraseMatch(kind: phrase.kind, range: start..<end)) }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    func phrases(_ kind: BlamelessVocabulary.PhraseKind) -> [PhraseMatch] {
        phrases.filter { $0.kind == kind }
    }

    /// Whether a phrase of `kind` starts at `index`; returns its end.
    func phraseEnd(_ kind: BlamelessVocabulary.PhraseKind, at index: Int) -> Int? {
        phrases.first { $0.kind == kind && $0.range.lowerBound == index }?.range.upperBound
    }

    /// Whether a phrase of `kind` occurs in `range` (by its start).
    func hasPhrase(_ kind: BlamelessVocabulary.PhraseKind, in range: Range<Int>) -> Bool {
        phrases.contains { $0.kind == kind && range.contains($0.range.lowerBound) }
    }

    /// The range overlaps a technical phrase ("error rate") or an allowed one.
    func isExempt(_ range: Range<Int>) -> Bool {
        phrases.contains { ($0.kind == .technical || $0.kind == .allowed) && $0.range.overlaps(range) }
    }

    func isQuoted(_ range: Range<Int>) -> Bool {
        range.contains { tokens[$0].isQuoted || tokens[$0].kind == .code }
    }

    // MARK: Negation

    /// Words that negate or reject what follows ("we avoided calling this…"),
    /// or present it as a mention, not a use ("the term", "titled").
    static let negationCues: Set<String> = [
        "not", "never", "no", "nothing", "none", "nobody", "neither", "nor", "without", "hardly", "barely",
        "non", "avoid", "avoided", "avoiding", "avoids", "refrain", "refrained", "refraining", "resist",
        "resisted", "reject", "rejected", "rejecting", "rejects", "instead", "rather", "deny", "denied",
        "denies", "calling", "called", "label", "labelled", "labeled", "labelling", "labeling", "term",
        "phrase", "word", "words", "titled", "wording", "language", "notion", "narrative", "framing",
        "unlike", "less", "anything",
    ]

    /// Whether a negation or rejection cue stands before `index` in its
    /// clause, within `window` tokens, with no "and"/"but" between.
    func isNegated(_ index: Int, window: Int = 6) -> Bool {
        let start = max(clauseStart(of: index), index - window)
        var probe = index - 1
        while probe >= start {
            let word = lower(probe)
            if SentenceAnalysis.negationCues.contains(word) { return true }
            if word == "and" || word == "but" { return false }
            probe -= 1
        }
        return false
    }
}

extension SentenceAnalysis {
    /// The tokens of `range` as written, single-spaced ("fat-fingered", "@bob's").
    func text(of range: Range<Int>) -> String {
        var out = ""
        for index in range where index >= 0 && index < tokens.count {
            let token = tokens[index]
            let attaches = index > range.lowerBound && tokens[index - 1].end == token.start
            if !out.isEmpty, !attaches { out += " " }
            out += token.text(in: scalars)
        }
        return out
    }
}
