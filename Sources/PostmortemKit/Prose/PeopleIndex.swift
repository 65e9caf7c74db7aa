/// The people a postmortem can name, for blameless/named-individual.
///
/// Sources: the config's roster (handle, full name, first and last name,
/// aliases), the front matter's handles (authors, incident commander,
/// responders, approvers) and the action items' owners, and any extra names
/// a caller adds with `adding(names:)` — the hook for commit authors once git
/// history is read. Any `@mention` in prose is a person too (a mention with a
/// slash, `@org/team`, is a team).
///
/// Names match case-sensitively and as whole tokens, so "the dev cluster" and
/// "grace period" never match "Dev" and "Grace". Handles match ignoring case.
public struct PeopleIndex: Sendable {
    /// Lower-cased handles, with their `@`.
    public private(set) var handles: Set<String> = []
    /// Names of one token, exactly as written ("Alice", "Chen", "Ali").
    public private(set) var names: Set<String> = []
    /// Names of several tokens by their first token ("Alice" → [["Alice", "Chen"]]).
    private(set) var sequences: [String: [[String]]] = [:]

    public init() {}

    /// The roster of a config.
    public init(people: [Person]) {
        for person in people {
            handles.insert(person.handle.lowercased())
            addName(person.name)
            for alias in person.aliases { addName(alias) }
        }
    }

    /// This index with more names ("Dana Scully"); each of their words counts alone too.
    public func adding(names extra: [String]) -> PeopleIndex {
        var copy = self
        for name in extra { copy.addName(name) }
        return copy
    }

    /// This index with more handles. A handle not on the roster also gives a
    /// first name when it is a plain word ("@dana" or "@dana.k" → "Dana"), so
    /// prose can name front-matter people without a roster.
    public func adding(handles extra: [String]) -> PeopleIndex {
        var copy = self
        for raw in extra {
            let handle = (raw.hasPrefix("@") ? raw : "@" + raw).lowercased()
            // A byte search: `String.contains(String)` goes through Foundation, once per handle of every file.
            guard !handle.utf8.contains(UInt8(ascii: "/")), !copy.handles.contains(handle) else { continue }
            copy.handles.insert(handle)
            let stem = handle.dropFirst().prefix { $0.isLetter && $0.isASCII }
            let rest = handle.dropFirst().dropFirst(stem.count)
            // "@dana.k" names Dana; "@ops-bot2" and "@release" name no one.
            let separated = rest.isEmpty || ((rest.first == "." || rest.first == "_" || rest.first == "-") && !rest.contains(where: \.isNumber))
            if stem.count >= 3, separated, !PeopleIndex.notNames.contains(String(stem)) {
                let name = stem.prefix(1).uppercased() + stem.dropFirst()
                copy.names.insert(name)
                copy.nameHashes.insert(WordTable<Int>.hash(String(stem)))
                copy.addNameFragments(name)
                if let first = stem.utf8.first, first < 128 { copy.initials |= 1 << UInt64(first & 63) }
            }
        }
        return copy
    }

    /// `WordTable.hash` of every name word, lower-cased: a cheap first test
    /// before a token's exact text is compared.
    private var nameHashes: Set<Int> = []
    /// Some name starts with a lower-case letter, so lower-case words must be looked up too.
    private var hasLowercaseNames = false
    /// A bit per lower-cased ASCII first letter of a name (by its low six bits); non-ASCII initials always pass.
    private var initials: UInt64 = 0

    private mutating func addName(_ name: String) {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return }
        for word in words where word.count >= 2 {
            names.insert(word)
            nameHashes.insert(WordTable<Int>.hash(word.lowercased()))
            addNameFragments(word)
            if let first = word.lowercased().utf8.first, first < 128 { initials |= 1 << UInt64(first & 63) }
            if word.first?.isUppercase != true { hasLowercaseNames = true }
        }
        if words.count > 1 { sequences[first, default: []].append(words) }
    }

    /// `BlamelessScreen.key` of every run of ASCII letters and digits of
    /// every name word, lower-cased: the screen reads text in such runs.
    private(set) var nameFragments: Set<Int> = []
    /// Some run of a name does not start with a capital ("D'angelo", a
    /// lower-case name), so the screen looks up every run, not only capitalised ones.
    private(set) var nameFragmentsAnyCase = false

    private mutating func addNameFragments(_ word: String) {
        for run in word.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
            nameFragments.insert(BlamelessScreen.key(run))
            if run.first?.isUppercase != true { nameFragmentsAnyCase = true }
        }
    }

    /// How many tokens from `index` name a person (0: none). Mentions and
    /// roster handles count; team mentions (`@org/team`) do not. Names
    /// compare exactly, against the tokens' text in `scalars`.
    func mentionLength(in tokens: [ProseToken], scalars: [Unicode.Scalar], at index: Int) -> Int {
        let token = tokens[index]
        if token.kind == .handle {
            return token.lower.contains("/") || PeopleIndex.groupMentions.contains(token.lower) ? 0 : 1
        }
        guard mightName(token), nameHashes.contains(token.hash) else { return 0 }
        let text = token.text(in: scalars)
        if let candidates = sequences[text] {
            for words in candidates.sorted(by: { $0.count > $1.count }) where index + words.count <= tokens.count {
                if words.indices.allSatisfy({ tokens[index + $0].text(in: scalars) == words[$0] }) { return words.count }
            }
        }
        return names.contains(text) ? 1 : 0
    }

    /// Whether `token` could start a mention, without hashing: a handle, or
    /// a word whose first letter begins some name.
    func mightName(_ token: ProseToken) -> Bool {
        mightName(kind: token.kind, isCapitalized: token.isCapitalized, lower: token.lower)
    }

    /// `mightName` from a token's fields, for a caller that reads tokens in
    /// place (passing the token from a buffer copied it).
    func mightName(kind: ProseToken.Kind, isCapitalized: Bool, lower: String) -> Bool {
        if kind == .handle { return true }
        guard kind == .word, isCapitalized || hasLowercaseNames else { return false }
        guard let first = lower.utf8.first, first < 128 else { return true }
        return initials & (1 << UInt64(first & 63)) != 0
    }

    /// Handle stems that name roles or machines, not people.
    static let notNames: Set<String> = [
        "ops", "bot", "bots", "admin", "root", "build", "deploy", "release", "system", "service", "support", "team",
        "oncall", "infra", "platform", "security", "alerts", "noreply", "ci", "automation", "robot",
    ]

    /// Mentions that address a group of people, not one person.
    static let groupMentions: Set<String> = ["@here", "@channel", "@everyone", "@all", "@oncall"]

    /// Whether a handle token names a team (`@org/team` or a group mention).
    func isTeamMention(_ token: ProseToken) -> Bool {
        token.kind == .handle && (token.lower.contains("/") || PeopleIndex.groupMentions.contains(token.lower))
    }
}
