/// The closed classes of English that the clause analysis needs: articles,
/// prepositions, auxiliaries, pronouns, and a little morphology. These are
/// part of the mechanism (how sentences are built), not vocabulary a team
/// would change, so they live in code; domain words live in
/// `Resources/blameless/*.yml`.
enum EnglishGrammar {
    /// A rough part of speech, enough to find noun phrases and clause edges.
    enum Role: UInt8, Sendable {
        case determiner, preposition, subordinator, relative, coordinator
        case auxiliary, modal, negation, pronoun, adverb, open
    }

    static let determiners: Set<String> = [
        "the", "a", "an", "this", "these", "those", "my", "our", "your", "his", "her", "their", "its",
        "every", "each", "no", "some", "any", "all", "both", "several", "many", "few", "another", "either",
        "neither", "such", "most", "more", "less", "fewer", "much", "other", "whose",
    ]

    static let prepositions: Set<String> = [
        "in", "on", "at", "for", "from", "to", "with", "without", "by", "of", "during", "over", "under",
        "between", "through", "across", "into", "onto", "via", "per", "about", "against", "among", "around",
        "behind", "beyond", "despite", "except", "inside", "outside", "toward", "towards", "upon", "within",
        "throughout", "amid", "along", "past", "near", "like", "unlike", "off", "out", "up", "down",
    ]

    /// Words that open a subordinate clause; "after", "before", "since" and
    /// "until" are both prepositions and subordinators, and either way start
    /// a new clause for subject finding.
    static let subordinators: Set<String> = [
        "because", "since", "when", "whenever", "while", "although", "though", "if", "unless", "once",
        "until", "whereas", "after", "before", "whether", "as", "so", "where", "wherever", "given",
    ]

    static let relatives: Set<String> = ["who", "whom", "which", "that"]

    static let coordinators: Set<String> = ["and", "or", "nor", "but", "yet", "then", "plus"]

    static let auxiliaries: Set<String> = [
        "be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m",
        "have", "has", "had", "having", "'ve", "'d",
        "do", "does", "did", "done",
        "get", "got", "gets",
    ]

    static let beForms: Set<String> = ["be", "am", "is", "are", "was", "were", "been", "being", "'re", "'m"]

    static let modals: Set<String> = [
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought", "'ll",
        "shoulda", "coulda", "woulda", "ca", "wo",
    ]

    static let negations: Set<String> = ["not", "never", "no", "nor", "neither", "hardly", "barely", "n't"]

    /// Pronouns that stand for people. "they" is decided from context.
    static let humanPronouns: Set<String> = [
        "i", "we", "you", "he", "she", "they", "me", "us", "him", "them",
        "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "whoever", "no-one",
    ]

    /// Quantifier pronouns whose "of" phrase carries the head: "none of the engineers".
    static let quantifiers: Set<String> = [
        "none", "all", "some", "each", "most", "many", "several", "few", "both", "either", "neither",
        "one", "any", "two", "three", "half", "nobody", "noone",
    ]

    static let otherPronouns: Set<String> = [
        "it", "its", "itself", "there", "here", "what", "something", "anything", "nothing", "everything",
        "one", "none", "themselves", "himself", "herself", "myself", "yourself",
    ]

    /// Frequent adverbs that do not end in "-ly".
    static let adverbs: Set<String> = [
        "then", "also", "never", "still", "already", "just", "only", "even", "again", "later", "soon", "first",
        "instead", "however", "therefore", "meanwhile", "now", "yet", "ever", "often", "always", "sometimes",
        "once", "twice", "almost", "quite", "rather", "too", "very", "so", "thus", "hence", "indeed",
        "perhaps", "maybe", "anyway", "afterwards", "beforehand", "immediately", "twice", "back", "away",
        "together", "alone", "further", "earlier", "not", "ultimately", "honestly", "frankly", "basically",
        "essentially", "unfortunately", "fortunately", "apparently", "initially", "finally", "eventually",
        "squarely", "directly", "manually", "automatically", "simply", "merely",
    ]

    /// Words ending in "-ly" that are not adverbs.
    static let lyNonAdverbs: Set<String> = [
        "apply", "reply", "supply", "assembly", "family", "anomaly", "rally", "ally", "fly", "july", "italy",
        "jelly", "belly", "bully", "monopoly", "only", "early", "daily", "weekly", "monthly", "yearly",
        "hourly", "nightly", "quarterly", "friendly", "costly", "likely", "unlikely", "lonely", "lovely",
        "silly", "ugly", "holy", "poly", "multiply", "comply", "imply", "rely", "butterfly", "firefly",
        "scaly", "orderly", "elderly", "timely", "deadly", "burly", "curly", "surly", "sly", "belly",
    ]

    /// Past participles (and past forms) that do not end in "-ed".
    static let irregularParticiples: Set<String> = [
        "been", "known", "seen", "done", "gone", "taken", "given", "written", "run", "read", "caught", "found",
        "made", "put", "set", "sent", "kept", "left", "built", "begun", "broken", "chosen", "drawn", "driven",
        "eaten", "fallen", "felt", "forgotten", "frozen", "got", "gotten", "grown", "had", "heard", "held",
        "hidden", "hit", "hurt", "led", "lost", "meant", "met", "paid", "proven", "quit", "risen", "said",
        "shown", "shut", "sold", "spent", "split", "spoken", "stood", "stuck", "struck", "taught", "thought",
        "told", "understood", "woken", "won", "worn", "undone", "overridden", "overwritten", "rewritten",
        "withdrawn", "shaken", "spun", "bound", "dealt", "dug", "fed", "fled", "fought", "hung", "laid",
        "lent", "lit", "rung", "sought", "slept", "slid", "stolen", "torn", "thrown", "wound", "arisen",
        "become", "come", "blown", "brought", "bought", "cast", "cost", "cut", "forbidden", "foreseen",
        "forgiven", "mistaken", "misread", "misunderstood", "mislaid", "overseen", "overtaken", "rebuilt",
        "redone", "rerun", "reset", "spelt", "spilt", "upset", "withheld", "let", "shed", "beaten", "bitten",
        "ridden", "shot", "swept", "wept", "burnt", "learnt", "dreamt", "sped", "sprung", "sunk", "sworn",
        "thrust", "typo'd", "mis-set", "sat",
    ]

    /// Simple past forms that do not end in "-ed" (verbs, for "Dev ran …").
    static let irregularPasts: Set<String> = [
        "was", "were", "had", "did", "knew", "saw", "went", "took", "gave", "wrote", "ran", "read", "caught",
        "found", "made", "put", "set", "sent", "kept", "left", "built", "began", "broke", "chose", "drew",
        "drove", "ate", "fell", "felt", "forgot", "froze", "got", "grew", "heard", "held", "hid", "hit",
        "hurt", "led", "lost", "meant", "met", "paid", "quit", "rose", "said", "showed", "shut", "sold",
        "spent", "split", "spoke", "stood", "stuck", "struck", "taught", "thought", "told", "understood",
        "woke", "won", "wore", "undid", "overrode", "overwrote", "rewrote", "withdrew", "shook", "spun",
        "bound", "dealt", "dug", "fed", "fled", "fought", "hung", "laid", "lent", "lit", "rang", "sought",
        "slept", "slid", "stole", "tore", "threw", "wound", "arose", "became", "came", "blew", "brought",
        "bought", "cast", "cost", "cut", "foresaw", "forgave", "mistook", "misread", "misunderstood",
        "oversaw", "overtook", "rebuilt", "redid", "reran", "reset", "let", "shed", "beat", "bit", "rode",
        "shot", "swept", "sped", "sprang", "sank", "swore", "thrust", "brought", "sat",
    ]

    static func role(of lower: String) -> Role {
        if determiners.contains(lower) { return .determiner }
        if negations.contains(lower) { return .negation }
        if modals.contains(lower) { return .modal }
        if auxiliaries.contains(lower) { return .auxiliary }
        if relatives.contains(lower) { return .relative }
        if coordinators.contains(lower) { return .coordinator }
        if subordinators.contains(lower) { return .subordinator }
        if prepositions.contains(lower) { return .preposition }
        if humanPronouns.contains(lower) || otherPronouns.contains(lower) { return .pronoun }
        if isAdverb(lower) { return .adverb }
        return .open
    }

    static func isAdverb(_ lower: String) -> Bool {
        if adverbs.contains(lower) { return true }
        return lower.utf8.count > 4 && lower.hasSuffix("ly") && !lyNonAdverbs.contains(lower)
    }

    /// A past participle or past form: regular "-ed" or an irregular one.
    static func isPastForm(_ lower: String) -> Bool {
        if lower.utf8.count > 3, lower.hasSuffix("ed"), !lower.hasSuffix("eed") || lower.hasSuffix("ceed") { return true }
        return irregularParticiples.contains(lower) || irregularPasts.contains(lower)
    }

    /// A past participle ("had run", "should have known").
    static func isParticiple(_ lower: String) -> Bool {
        if lower.utf8.count > 3, lower.hasSuffix("ed") { return true }
        return irregularParticiples.contains(lower)
    }

    /// The regular inflections of a verb: base, -s, -ed, -ing. Verbs with
    /// consonant doubling or irregular forms list them in the data instead.
    static func regularForms(of base: String) -> [String] {
        guard let last = base.last else { return [] }
        let beforeLast = base.dropLast().last
        let isVowel: (Character?) -> Bool = { $0.map { "aeiou".contains($0) } ?? false }
        var past = base + "ed"
        var third = base + "s"
        var ing = base + "ing"
        if last == "e" {
            past = base + "d"
            if base.hasSuffix("ie") { ing = String(base.dropLast(2)) + "ying" }
            else if !base.hasSuffix("ee") && !base.hasSuffix("ye") && !base.hasSuffix("oe") { ing = String(base.dropLast()) + "ing" }
        } else if last == "y", !isVowel(beforeLast) {
            past = String(base.dropLast()) + "ied"
            third = String(base.dropLast()) + "ies"
        }
        if base.hasSuffix("s") || base.hasSuffix("x") || base.hasSuffix("z") || base.hasSuffix("ch") || base.hasSuffix("sh") {
            third = base + "es"
        }
        return [base, third, past, ing]
    }
}
