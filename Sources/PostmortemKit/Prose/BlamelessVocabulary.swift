/// The word lists of the blameless rules, compiled for lookup: the built-in
/// lists from `Resources/blameless/*.yml` (embedded in the binary by
/// `Scripts/embed-resources`), extended by a team's `blameless.terms` and
/// narrowed by its `blameless.allowed`.
///
/// Every word is looked up once per token in one table (`lookup`);
/// phrases of several words are found through their first word (`phrases`).
///
/// A class, so that the many sentences of a lint run share one reference
/// instead of copying a dozen tables. It is only mutated while it is built
/// (`builtIn`, `extended`), before any other code can see it, hence
/// `@unchecked Sendable`.
public final class BlamelessVocabulary: @unchecked Sendable {
    /// What a single word is, besides a verb.
    struct WordClass: OptionSet, Sendable {
        let rawValue: UInt32
        static let role = WordClass(rawValue: 1 << 0)
        static let ambiguousRole = WordClass(rawValue: 1 << 1)
        static let team = WordClass(rawValue: 1 << 2)
        static let nameCollision = WordClass(rawValue: 1 << 3)
        static let mistakeNoun = WordClass(rawValue: 1 << 4)
        static let changeNoun = WordClass(rawValue: 1 << 5)
        static let recoveryNoun = WordClass(rawValue: 1 << 6)
        static let safeguardNoun = WordClass(rawValue: 1 << 7)
        static let mistakeAdverb = WordClass(rawValue: 1 << 8)
        static let easySubject = WordClass(rawValue: 1 << 9)
        static let easyAction = WordClass(rawValue: 1 << 10)
        static let easilyOutcome = WordClass(rawValue: 1 << 11)
        static let justTime = WordClass(rawValue: 1 << 12)
        static let clearlyManner = WordClass(rawValue: 1 << 13)
        static let scopeMarker = WordClass(rawValue: 1 << 14)
        static let modal = WordClass(rawValue: 1 << 15)
        /// Before a role noun, makes it software ("the workflow manager").
        static let softwareModifier = WordClass(rawValue: 1 << 16)
        static let mistakeObject = WordClass(rawValue: 1 << 17)
        static let letLapse = WordClass(rawValue: 1 << 18)
        static let leftState = WordClass(rawValue: 1 << 19)
        static let failureNoun = WordClass(rawValue: 1 << 20)
        static let hazardTarget = WordClass(rawValue: 1 << 21)
        static let unsafeState = WordClass(rawValue: 1 << 22)
        static let missableTarget = WordClass(rawValue: 1 << 23)
        static let attemptVerb = WordClass(rawValue: 1 << 24)
        static let defectModifier = WordClass(rawValue: 1 << 25)

        /// Words that name people: roles, ambiguous roles and teams.
        static let people: WordClass = [.role, .ambiguousRole, .team]
    }

    /// What a verb form is.
    struct VerbClass: OptionSet, Sendable {
        let rawValue: UInt32
        static let mistake = VerbClass(rawValue: 1 << 0)
        static let lapse = VerbClass(rawValue: 1 << 1)
        static let breaking = VerbClass(rawValue: 1 << 2)
        static let destructive = VerbClass(rawValue: 1 << 3)
        static let harm = VerbClass(rawValue: 1 << 4)
        static let onset = VerbClass(rawValue: 1 << 5)
        static let diligence = VerbClass(rawValue: 1 << 6)
        static let omission = VerbClass(rawValue: 1 << 7)
        static let negatedOmission = VerbClass(rawValue: 1 << 8)
        static let perception = VerbClass(rawValue: 1 << 9)
        static let causing = VerbClass(rawValue: 1 << 10)
        static let shipping = VerbClass(rawValue: 1 << 11)
        /// With "with", sets a value rather than ignoring a safeguard ("overrode the price with …").
        static let replacing = VerbClass(rawValue: 1 << 12)
    }

    /// Plain data, so that a sentence's entries are copied without reference counting.
    struct Entry: Sendable {
        var word: WordClass = []
        var verb: VerbClass = []
        /// The closed-class role from `EnglishGrammar`, computed once per word.
        var grammar: EnglishGrammar.Role = .open
        /// The word has verb classes that need a particle next ("took" + "down"; see `particleVerbs`).
        var hasParticleVerbs = false
        /// Some phrase of `phrases` is anchored on this word.
        var anchorsPhrase = false
        /// A mistake-marker phrase ("instead of", "by mistake") is anchored on this word.
        var anchorsMistakePhrase = false
        /// A detector looks at this word by name (`cueWords`), so it is worth a closer look.
        var isCue = false
        /// An irregular past form ("ran") or participle ("run"); "-ed" forms are told by their ending.
        var irregularPast = false
        var irregularParticiple = false
    }

    /// Words the detectors look at by name, grouped by what else a match
    /// needs (`BlamelessScreen` reads the groups; `cueWords` is their union).
    /// Conditionals of counterfactuals ("if", "had"), "failure to", and the
    /// markers of a slip ("without testing", "while the build was red",
    /// "left", "let"): these count only with a human agent.
    static let agentCues: Set<String> = [
        "if", "had", "'d", "failure", "without", "while", "although", "though", "despite", "left", "let",
    ]
    /// Openers of a trigger clause ("started when Grace flushed …"), which count with a named person only.
    static let triggerCues: Set<String> = ["when", "after", "once", "because", "since", "as", "moment", "minute", "instant", "soon"]
    /// Minimisers with a harmless sense that `MinimiserDetector` tells apart.
    static let minimiserCues: Set<String> = [
        "just", "clearly", "naturally", "easy", "easier", "simple", "trivial", "straightforward", "easily",
    ]
    /// Modals of "anyone could see", which count with a universal subject (`universalSubjects`).
    static let universalModals: Set<String> = ["could", "would", "can"]
    /// Subjects that cover everyone ("anyone could have seen it"); "any" as the first word counts too.
    static let universalSubjects: Set<String> = ["anyone", "anybody", "everyone", "everybody"]
    /// "All it took was …" (`MinimiserDetector`), which needs "was".
    static let allCue = "all"

    static let cueWords: Set<String> = agentCues.union(triggerCues).union(minimiserCues).union(universalModals).union([allCue])

    enum PhraseKind: Hashable, Sendable {
        /// A judgemental term of a group in `judgementGroups`.
        case judgement(group: Int)
        /// Judgemental only when aimed at a person ("to blame").
        case aimed
        /// Judgemental only when negated ("not paying attention").
        case negatedJudgement
        case technical
        case minimiser
        case causal
        case withoutObject
        case mistakeMarker
        case plannedMarker
        case expectation
        case prescription
        case contrast
        /// From `blameless.allowed`: suppresses any match it overlaps.
        case allowed
    }

    struct Phrase: Sendable {
        var words: [String]
        var kind: PhraseKind
        /// Which word of `words` the phrase is indexed by (see `addPhrase`).
        var anchor: Int
    }

    struct Group: Sendable {
        var name: String
        var suggestion: String
    }

    private(set) var entries: [String: Entry] = [:]
    /// `entries` for the hot path (see `WordTable`); rebuilt by `finish()`.
    private var lookup = WordTable<Entry>([:])
    /// Verb forms → the classes they have with a particle after them
    /// ("run" + "out" is a lapse that "let" reports, like "expire").
    private(set) var particleVerbs: [String: [(particle: String, verb: VerbClass, word: WordClass)]] = [:]
    private(set) var phrases: [String: [Phrase]] = [:]
    private(set) var judgementGroups: [Group] = []
    /// The cues `BlamelessScreen` reads; rebuilt by `finish()`.
    private(set) var screen = BlamelessScreen.Table()
    private(set) var aimedSuggestion = ""
    private(set) var negatedSuggestion = ""
    private(set) var minimiserSuggestion = ""

    private init() {}

    private init(copying other: BlamelessVocabulary) {
        entries = other.entries
        particleVerbs = other.particleVerbs
        phrases = other.phrases
        judgementGroups = other.judgementGroups
        aimedSuggestion = other.aimedSuggestion
        negatedSuggestion = other.negatedSuggestion
        minimiserSuggestion = other.minimiserSuggestion
        lookup = other.lookup
        screen = other.screen
    }

    /// The default suggestion when nothing more specific applies.
    static let systemSuggestion = "Describe what made this action reasonable at the time and what safeguard was missing."

    /// The built-in lists, parsed once per process.
    public static let builtIn: BlamelessVocabulary = {
        let vocabulary = BlamelessVocabulary()
        // Closed-class words get an entry too, so one lookup per token is enough.
        let closed = EnglishGrammar.determiners.union(EnglishGrammar.prepositions).union(EnglishGrammar.subordinators)
            .union(EnglishGrammar.relatives).union(EnglishGrammar.coordinators).union(EnglishGrammar.auxiliaries)
            .union(EnglishGrammar.modals).union(EnglishGrammar.negations).union(EnglishGrammar.humanPronouns)
            .union(EnglishGrammar.otherPronouns).union(EnglishGrammar.adverbs)
        for word in closed { vocabulary.update(word) { _ in } }
        for word in cueWords { vocabulary.update(word) { $0.isCue = true } }
        for word in EnglishGrammar.irregularPasts { vocabulary.update(word) { $0.irregularPast = true } }
        for word in EnglishGrammar.irregularParticiples { vocabulary.update(word) { $0.irregularParticiple = true } }
        for name in EmbeddedVocabulary.files.keys.sorted() {
            guard let text = EmbeddedVocabulary.files[name] else { continue }
            let (value, _, problems) = FrontMatterParser.readMapping(yaml: text, lineOffset: 0, fallbackLine: 1, what: name)
            // The files are compiled in and covered by tests; a broken one is a build defect.
            precondition(problems.isEmpty, "built-in vocabulary \(name) is invalid: \(problems.map(\.message))")
            if let value { vocabulary.load(name, value) }
        }
        vocabulary.finish()
        return vocabulary
    }()

    private func finish() {
        lookup = WordTable(entries)
        var phrases: [BlamelessScreen.Phrase] = []
        for list in self.phrases.values {
            for phrase in list { phrases.append(BlamelessScreen.Phrase(words: phrase.words, anchor: phrase.anchor, cue: screenCue(of: phrase.kind))) }
        }
        let respelled = Set(ProseTokenizer.suffixes.map { $0.1 }).union(ProseTokenizer.negativeStems.values)
        let (cues, clauseStartCues, perfectCues) = screenCues()
        screen = BlamelessScreen.Table(cues: cues, clauseStartCues: clauseStartCues, perfectCues: perfectCues,
                                       phrases: phrases, respelled: respelled)
    }

    /// What a phrase contributes to a match, for `BlamelessScreen`.
    private func screenCue(of kind: PhraseKind) -> BlamelessScreen.Cue {
        switch kind {
        case .judgement, .negatedJudgement, .minimiser:
            return .alone
        case .aimed, .causal, .expectation, .prescription, .withoutObject, .mistakeMarker:
            return .needsHuman
        case .technical, .allowed, .plannedMarker, .contrast:
            // These only excuse or qualify another match.
            return []
        }
    }

    /// What each word can contribute to a match, for `BlamelessScreen`
    /// (which says why each cue counts): the cues that count wherever the
    /// word stands, those that count only where it starts a clause
    /// (`WordFacts.clauseStartCues`), and a modal's, which count only in a
    /// modal perfect (`WordFacts.perfectAuxiliaries`).
    private func screenCues() -> (anywhere: [String: BlamelessScreen.Cue], atClauseStart: [String: BlamelessScreen.Cue],
                                  inPerfect: [String: BlamelessScreen.Cue]) {
        typealias Cue = BlamelessScreen.Cue
        var cues: [String: Cue] = [:]
        var clauseStartCues: [String: Cue] = [:]
        var perfectCues: [String: Cue] = [:]
        func add(_ words: some Sequence<String>, _ cue: Cue) {
            for word in words { cues[word, default: []].formUnion(cue) }
        }
        // Cues that `WordFacts.mayMatch` counts only where a clause starts.
        func addAtClauseStart(_ words: some Sequence<String>, _ cue: Cue) {
            for word in words {
                precondition(WordFacts.clauseStartCues.contains(word), "\(word) counts anywhere in WordFacts.mayMatch")
                clauseStartCues[word, default: []].formUnion(cue)
            }
        }
        func verbCue(_ verb: VerbClass) -> Cue {
            var cue: Cue = []
            // The verbs that `WordFacts.mayMatch`, `AgentDetector.action`, `negatedDiligence` and
            // `CounterfactualDetector` act on; harm and causing count for named people only.
            if !verb.intersection([.mistake, .lapse, .breaking, .destructive, .omission, .negatedOmission]).isEmpty {
                cue.insert(.needsHuman)
            }
            // "did not check", "never verified", "nobody noticed".
            if verb.contains(.diligence) { cue.insert(.diligence) }
            if !verb.intersection([.harm, .causing]).isEmpty { cue.insert(.needsName) }
            return cue
        }
        for (word, entry) in entries {
            var cue = verbCue(entry.verb)
            // Roles and teams are human agents (`SentenceAnalysis.agent(of:)`).
            if !entry.word.isDisjoint(with: .people) { cue.insert(.human) }
            // The markers of a slip after or before an action.
            if !entry.word.intersection([.mistakeAdverb, .mistakeObject, .defectModifier]).isEmpty { cue.insert(.needsHuman) }
            // A modal counts only as a modal perfect (`WordFacts.perfectAuxiliaries`).
            if entry.word.contains(.modal) {
                if WordFacts.isImpliedPerfect(word) { cue.insert(.needsHuman) } else { perfectCues[word, default: []].insert(.needsHuman) }
            }
            for (_, verb, _) in particleVerbs[word] ?? [] { cue.formUnion(verbCue(verb)) }
            if !cue.isEmpty { add([word], cue) }
        }
        // "one" is a person only in "no one" (`SentenceAnalysis.agent(of:)`), which "no-one" files:
        // a hyphenated word's cues wait for all its runs (`BlamelessScreen.otherRuns`).
        add(SentenceAnalysis.humanHeads.subtracting(["one"]), .human)
        // What negates a verb of diligence for `WordFacts.mayMatch`, and "no-one", which `agent(of:)` reads as nobody.
        add(WordFacts.negationsBefore.union(WordFacts.negatingSubjects).union(["no-one"]), .negation)
        add(BlamelessVocabulary.agentCues.subtracting(WordFacts.clauseStartCues), .needsHuman)
        addAtClauseStart(BlamelessVocabulary.agentCues.intersection(WordFacts.clauseStartCues), .needsHuman)
        add(BlamelessVocabulary.triggerCues, .needsName)
        add(BlamelessVocabulary.minimiserCues, .alone)
        addAtClauseStart([BlamelessVocabulary.allCue], .all)
        add([MinimiserDetector.allItTookVerb], .was)
        add(BlamelessVocabulary.universalModals, .universalModal)
        add(BlamelessVocabulary.universalSubjects.union([MinimiserDetector.universalDeterminer]), .universal)
        // A possessive after a name: "@bob's typo".
        add(["'s"], .needsName)
        // Contractions: the screen reads "should've" as "should" and "ve", "won't" as "won" (or "wo") and "t":
        // a suffix by what follows its apostrophe (the "n" of "n't" joins the stem).
        // (A fragment after an apostrophe always reads as starting a clause, so the suffix keeps both kinds.)
        func copyCues(of word: String, to fragment: String) {
            add([fragment], cues[word] ?? [])
            clauseStartCues[fragment, default: []].formUnion(clauseStartCues[word] ?? [])
            perfectCues[fragment, default: []].formUnion(perfectCues[word] ?? [])
        }
        for (suffix, spelled) in ProseTokenizer.suffixes { copyCues(of: spelled, to: String(suffix.drop { $0 != "'" })) }
        for (stem, word) in ProseTokenizer.negativeStems { copyCues(of: word, to: stem) }
        return (cues, clauseStartCues, perfectCues)
    }

    /// This vocabulary with a team's extra judgemental terms and allowed phrases.
    public func extended(terms: [String], allowed: [String]) -> BlamelessVocabulary {
        guard !terms.isEmpty || !allowed.isEmpty else { return self }
        let copy = BlamelessVocabulary(copying: self)
        if !terms.isEmpty {
            copy.judgementGroups.append(Group(name: "team term", suggestion: BlamelessVocabulary.systemSuggestion))
            let group = copy.judgementGroups.count - 1
            for term in terms { copy.addPhrase(term, .judgement(group: group)) }
        }
        for phrase in allowed { copy.addPhrase(phrase, .allowed) }
        copy.finish()
        return copy
    }

    /// The entry of a token's word (`lower`), with the hash the tokenizer computed.
    func entry(lower: String, hash: Int) -> Entry? { lookup[lower, hash] }

    // MARK: Loading

    private func load(_ file: String, _ value: JSONValue) {
        switch file {
        case "judgement.yml":
            for group in value["groups"]?.arrayValue ?? [] {
                judgementGroups.append(Group(name: group["name"]?.stringValue ?? "judgement",
                                             suggestion: group["suggestion"]?.stringValue ?? BlamelessVocabulary.systemSuggestion))
                let index = judgementGroups.count - 1
                for term in strings(group["terms"]) { addPhrase(term, .judgement(group: index)) }
            }
            aimedSuggestion = value["aimed"]?["suggestion"]?.stringValue ?? BlamelessVocabulary.systemSuggestion
            for term in strings(value["aimed"]?["terms"]) { addPhrase(term, .aimed) }
            negatedSuggestion = value["negated"]?["suggestion"]?.stringValue ?? BlamelessVocabulary.systemSuggestion
            for term in strings(value["negated"]?["terms"]) { addPhrase(term, .negatedJudgement) }
        case "technical.yml":
            for phrase in strings(value["phrases"]) { addPhrase(phrase, .technical) }
        case "people.yml":
            addWords(value["roles"], .role)
            addWords(value["ambiguous_roles"], .ambiguousRole)
            addWords(value["teams"], .team)
            addWords(value["name_collisions"], .nameCollision)
            addWords(value["software_modifiers"], .softwareModifier)
        case "predicates.yml":
            addVerbs(value["mistake_verbs"], .mistake)
            addVerbs(value["lapse_verbs"], .lapse)
            addVerbs(value["breaking_verbs"], .breaking)
            addVerbs(value["destructive_verbs"], .destructive)
            addVerbs(value["harm_verbs"], .harm)
            addVerbs(value["onset_verbs"], .onset)
            addVerbs(value["diligence_verbs"], .diligence)
            for phrase in strings(value["causal_phrases"]) { addPhrase(phrase, .causal) }
            addWords(value["mistake_nouns"], .mistakeNoun)
            addWords(value["change_nouns"], .changeNoun)
            addWords(value["recovery_nouns"], .recoveryNoun)
            addWords(value["safeguard_nouns"], .safeguardNoun)
            for phrase in strings(value["without_objects"]) { addPhrase(phrase, .withoutObject) }
            addWords(value["mistake_adverbs"], .mistakeAdverb)
            addWords(value["mistake_objects"], .mistakeObject)
            for phrase in strings(value["mistake_phrases"]) { addPhrase(phrase, .mistakeMarker) }
            addVerbs(value["let_lapses"], [], word: .letLapse)
            addWords(value["left_states"], .leftState)
            addWords(value["failure_nouns"], .failureNoun)
            addWords(value["scope_markers"], .scopeMarker)
            addWords(value["hazard_targets"], .hazardTarget)
            addWords(value["unsafe_states"], .unsafeState)
            addVerbs(value["causing_verbs"], .causing)
            addWords(value["missable_targets"], .missableTarget)
            addWords(value["defect_modifiers"], .defectModifier)
            addVerbs(value["shipping_verbs"], .shipping)
            addVerbs(value["replacing_verbs"], .replacing)
            for phrase in strings(value["planned_markers"]) { addPhrase(phrase, .plannedMarker) }
        case "counterfactual.yml":
            addWords(value["modals"], .modal)
            addVerbs(value["omission_verbs"], .omission)
            addVerbs(value["negated_omission_verbs"], .negatedOmission)
            addVerbs(value["attempt_verbs"], [], word: .attemptVerb)
            for phrase in strings(value["expectation_phrases"]) { addPhrase(phrase, .expectation) }
            for phrase in strings(value["prescription_phrases"]) { addPhrase(phrase, .prescription) }
            for phrase in strings(value["contrast_markers"]) { addPhrase(phrase, .contrast) }
            addVerbs(value["perception_verbs"], .perception)
        case "minimisers.yml":
            minimiserSuggestion = value["suggestion"]?.stringValue ?? BlamelessVocabulary.systemSuggestion
            for term in strings(value["terms"]) { addPhrase(term, .minimiser) }
            addWords(value["easy_subjects"], .easySubject)
            addVerbs(value["easy_actions"], [], word: .easyAction)
            addWords(value["easily_outcomes"], .easilyOutcome)
            addWords(value["just_time_words"], .justTime)
            addVerbs(value["clearly_manner"], [], word: .clearlyManner)
        default:
            break
        }
    }

    private func strings(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    private func update(_ word: String, _ change: (inout Entry) -> Void) {
        var entry = entries[word] ?? Entry(grammar: EnglishGrammar.role(of: word))
        change(&entry)
        entries[word] = entry
    }

    private func addWords(_ value: JSONValue?, _ word: WordClass) {
        for item in strings(value) {
            let lower = item.lowercased()
            // A multi-word entry ("pull request") is known by its last word, its head.
            let head = ProseTokenizer.tokens(Array(lower.unicodeScalars)).last?.lower ?? lower
            update(head) { $0.word.insert(word) }
        }
    }

    /// Adds verbs written as "base", "base|form|form…" or with a particle ("take|took down").
    private func addVerbs(_ value: JSONValue?, _ verb: VerbClass, word: WordClass = []) {
        for item in strings(value) {
            let parts = item.lowercased().split(separator: " ").map(String.init)
            guard let spec = parts.first else { continue }
            let particle = parts.count > 1 ? parts.dropFirst().joined(separator: " ") : nil
            let forms = spec.contains("|") ? spec.split(separator: "|").map(String.init) : EnglishGrammar.regularForms(of: spec)
            for form in Set(forms) {
                update(form) { entry in
                    if particle != nil {
                        entry.hasParticleVerbs = true
                    } else {
                        entry.verb.formUnion(verb)
                        entry.word.formUnion(word)
                    }
                }
                if let particle { particleVerbs[form, default: []].append((particle, verb, word)) }
            }
        }
    }

    /// Indexes a phrase by its rarest-looking word: the longest word that is
    /// not a function word ("blame" in "to blame", "matter" in "just a matter
    /// of"), so that frequent words like "to" and "the" never start a search.
    private func addPhrase(_ text: String, _ kind: PhraseKind) {
        let words = ProseTokenizer.tokens(Array(text.unicodeScalars)).map(\.lower)
        guard !words.isEmpty else { return }
        let closed = BlamelessVocabulary.functionWords
        let anchor = words.indices.max { a, b in
            let weightA = (closed.contains(words[a]) ? 0 : 100) + words[a].count
            let weightB = (closed.contains(words[b]) ? 0 : 100) + words[b].count
            return weightA < weightB || (weightA == weightB && a > b)
        } ?? 0
        phrases[words[anchor], default: []].append(Phrase(words: words, kind: kind, anchor: anchor))
        update(words[anchor]) { entry in
            entry.anchorsPhrase = true
            if kind == .mistakeMarker || kind == .withoutObject { entry.anchorsMistakePhrase = true }
        }
    }

    static let functionWords: Set<String> = EnglishGrammar.determiners.union(EnglishGrammar.prepositions)
        .union(EnglishGrammar.subordinators).union(EnglishGrammar.relatives).union(EnglishGrammar.coordinators)
        .union(EnglishGrammar.auxiliaries).union(EnglishGrammar.modals).union(EnglishGrammar.negations)
        .union(EnglishGrammar.humanPronouns).union(EnglishGrammar.otherPronouns)
}
