/// What the vocabulary says about each token of a run, computed in one pass
/// before the run is cut into sentences: the entry, the verb form and the
/// verb classes (particles included), and a few flags. `mayMatch` decides
/// from these alone whether a sentence can interest any detector, so most
/// sentences of a clean postmortem cost no more than this pass.
struct WordFacts {
    /// Verb forms of a token.
    struct Form: OptionSet {
        let rawValue: UInt8
        /// "-ed" or an irregular past or participle.
        static let past = Form(rawValue: 1 << 0)
        /// "-ed" or an irregular participle.
        static let participle = Form(rawValue: 1 << 1)
        /// A past form, or a known verb ending in "-s" or "-ing".
        static let verbForm = Form(rawValue: 1 << 2)
    }

    /// Per-token flags that a sentence sums up.
    struct Flags: OptionSet {
        let rawValue: UInt8
        /// Starts a person's name or handle (before the checks of use in context).
        static let mightName = Flags(rawValue: 1 << 0)
        /// "'s", or a plural possessive apostrophe.
        static let possessive = Flags(rawValue: 1 << 1)
        /// Anchors a vocabulary phrase.
        static let anchorsPhrase = Flags(rawValue: 1 << 2)
    }

    private(set) var entries: [BlamelessVocabulary.Entry] = []
    private(set) var forms: [Form] = []
    private(set) var verbs: [BlamelessVocabulary.VerbClass] = []
    private(set) var tokenFlags: [Flags] = []
    private let tokens: [ProseToken]

    init(tokens: [ProseToken], scalars: [Unicode.Scalar], vocabulary: BlamelessVocabulary, people: PeopleIndex) {
        self.tokens = tokens
        entries.reserveCapacity(tokens.count)
        forms.reserveCapacity(tokens.count)
        verbs.reserveCapacity(tokens.count)
        tokenFlags.reserveCapacity(tokens.count)
        tokens.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { append(buffer, index, vocabulary: vocabulary, people: people) }
        }
        // Names: a capitalised word that starts with a name's initial is looked up; most are not names
        // ("After", "Checkout"), and a sentence without one skips the named-person mechanisms.
        for index in tokens.indices where tokenFlags[index].contains(.mightName) {
            if people.mentionLength(in: tokens, scalars: scalars, at: index) == 0 { tokenFlags[index].remove(.mightName) }
        }
    }

    /// The facts of `tokens[index]` (tokens are read in place, not copied).
    private mutating func append(_ tokens: UnsafeBufferPointer<ProseToken>, _ index: Int, vocabulary: BlamelessVocabulary, people: PeopleIndex) {
        // Fields are read through a pointer: binding or passing the token
        // copied it, and so did the buffer's subscript, which returns the
        // whole element (a retain and a release of its string per token).
        let token = tokens.baseAddress! + index
        let kind = token.pointee.kind, word = token.pointee.lower
        var flags: Flags = people.mightName(kind: kind, isCapitalized: token.pointee.isCapitalized, lower: word) ? .mightName : []
        guard kind == .word else {
            // A plural possessive ("engineers'") is a punctuation token read as "'s".
            if kind == .punctuation, word == "'s" { flags.insert(.possessive) }
            entries.append(BlamelessVocabulary.Entry())
            forms.append([])
            verbs.append([])
            tokenFlags.append(flags)
            return
        }
        let spelling = token.pointee.shape
        if spelling.contains(.s), word == "'s" { flags.insert(.possessive) }
        var entry = vocabulary.entry(lower: word, hash: token.pointee.hash)
            ?? BlamelessVocabulary.Entry(grammar: spelling.contains(.ly) && EnglishGrammar.isAdverb(word) ? .adverb : .open)
        var form: Form = []
        // Regular "-ed" forms by their ending ("need" and "bleed" are not), irregular ones from the vocabulary.
        let regular = spelling.contains(.long) && spelling.contains(.ed)
        if (regular && (!spelling.contains(.eed) || spelling.contains(.ceed))) || entry.irregularPast || entry.irregularParticiple {
            form.insert([.past, .verbForm])
        }
        if regular || entry.irregularParticiple { form.insert(.participle) }
        if !entry.verb.isEmpty, spelling.contains(.s) || spelling.contains(.ing) { form.insert(.verbForm) }
        var verb = entry.verb
        if entry.hasParticleVerbs, let particles = vocabulary.particleVerbs[word], index + 1 < tokens.count {
            for (particle, classes, wordClasses) in particles where token[1].lower == particle {
                verb.formUnion(classes)
                entry.word.formUnion(wordClasses)
            }
        }
        if entry.anchorsPhrase { flags.insert(.anchorsPhrase) }
        entries.append(entry)
        forms.append(form)
        verbs.append(verb)
        tokenFlags.append(flags)
    }

    /// The union of the flags of `range`.
    func flags(in range: Range<Int>) -> Flags {
        var union: Flags = []
        for index in range { union.formUnion(tokenFlags[index]) }
        return union
    }

    /// What makes a verb of diligence an omission: "not", "never" right
    /// before it, or "nobody", "none", "no" in its sentence.
    static let negationsBefore: Set<String> = ["not", "never"]
    static let negatingSubjects: Set<String> = ["nobody", "none", "no"]

    /// Cue words that count only where a clause starts: first in the
    /// sentence, or after punctuation or a coordinator ("Had we known",
    /// "All it took was"). Mid-clause they are ordinary ("the job had
    /// stopped", "all three replicas"), and `BlamelessScreen` reads them so too.
    static let clauseStartCues: Set<String> = ["had", "'d", "all"]

    /// A modal counts as a modal perfect ("should have", "should've", "could
    /// of") when one of these follows within `perfectWindow` tokens, or when
    /// it implies one ("shoulda"); `BlamelessScreen` reads modals so too.
    static let perfectAuxiliaries: Set<String> = ["have", "'ve", "of"]
    static let perfectWindow = 3
    static func isImpliedPerfect(_ modal: String) -> Bool { modal.hasSuffix("a") }

    /// Whether any detector could match in the sentence `range`: a phrase
    /// anchor, a verb of a blame class, a marker of a slip, a minimiser word,
    /// a modal perfect, a conditional, or a named person with a possessive or
    /// a trigger clause.
    func mayMatch(_ range: Range<Int>) -> Bool {
        let summary = flags(in: range)
        let namesPeople = summary.contains(.mightName)
        if summary.contains(.anchorsPhrase) || (summary.contains(.possessive) && namesPeople) { return true }
        let verbClasses: BlamelessVocabulary.VerbClass = [.mistake, .lapse, .breaking, .destructive, .omission, .negatedOmission]
        let namedClasses: BlamelessVocabulary.VerbClass = [.harm, .causing, .onset]
        let markers: BlamelessVocabulary.WordClass = [.mistakeAdverb, .mistakeObject, .defectModifier]
        for index in range where tokens[index].kind == .word {
            let entry = entries[index]
            let verb = verbs[index]
            if !verb.intersection(verbClasses).isEmpty || !entry.word.intersection(markers).isEmpty { return true }
            // "did not check", "never verified", "nobody noticed".
            if verb.contains(.diligence),
               index > range.lowerBound && WordFacts.negationsBefore.contains(tokens[index - 1].lower)
                || range.contains(where: { WordFacts.negatingSubjects.contains(tokens[$0].lower) }) {
                return true
            }
            if namesPeople, !verb.intersection(namedClasses).isEmpty { return true }
            if forms[index].contains(.past), tokens[index].shape.contains(.mis) { return true }
            if entry.word.contains(.modal) {
                // A modal perfect needs "have" within a few words; "could" also opens "anyone could see".
                let window = (index + 1)..<min(index + 1 + WordFacts.perfectWindow, range.upperBound)
                if window.contains(where: { WordFacts.perfectAuxiliaries.contains(tokens[$0].lower) })
                    || WordFacts.isImpliedPerfect(tokens[index].lower) { return true }
            }
            guard entry.isCue else { continue }
            switch tokens[index].lower {
            case let word where WordFacts.clauseStartCues.contains(word):
                let first = index == range.lowerBound || tokens[index - 1].kind == .punctuation || entries[index - 1].grammar == .coordinator
                if first { return true }
            case "when", "after", "once", "because", "since", "as", "moment", "minute", "instant", "soon":
                if namesPeople { return true }
            case "failure":
                if summary.contains(.possessive) { return true }
            case "could", "would", "can":
                continue
            default:
                return true
            }
        }
        return range.contains { ["anyone", "anybody", "everyone", "everybody", "any"].contains(tokens[$0].lower) }
    }
}
