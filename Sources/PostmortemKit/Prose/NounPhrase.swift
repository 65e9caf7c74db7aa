/// A noun phrase of a sentence, found by `SentenceAnalysis`: its tokens, its
/// head (the word that decides who or what it is), and the possessor when
/// it has one ("@bob" in "@bob's typo").
struct NounPhrase: Equatable {
    /// Token indices of the whole phrase.
    var range: Range<Int>
    /// The head: the last noun, the pronoun, or the last token of a name.
    var head: Int
    /// The first token of the possessor before "'s", if any.
    var possessor: Int?
    /// For "none of the engineers": the phrase after "of", which carries the head.
    var ofPhrase: Range<Int>?
}

/// Who a noun phrase refers to, as far as blame is concerned.
enum Agent: Equatable {
    /// A person named by roster name, alias, handle or @mention.
    case individual
    /// A role ("the on-call engineer", "the DBA", "a more experienced engineer").
    case role
    /// A team ("the platform team", `@org/team`).
    case team
    /// "we", "us": the writers' own organisation.
    case we
    /// Another pronoun for people: "he", "they", "someone", "whoever".
    case pronoun
    /// "nobody", "no one", "none of the engineers".
    case nobody
    /// Anything else: a service, a job, a check, a document.
    case system

    var isHuman: Bool { self != .system }
}
