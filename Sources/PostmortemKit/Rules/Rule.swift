/// A check on one postmortem. Each rule is one small type carrying its
/// description; the linter runs them in parallel across files.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings at the rule's default severity; the linter applies config
    /// overrides and inline suppressions afterwards.
    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding]
    /// Whether the findings depend on `RuleContext.today`, not only on the
    /// file, its history and the config. The lint cache keeps findings from
    /// one day to the next, so such a rule runs on every lint; it must then
    /// read only what a file's summary holds (front matter, action table,
    /// suppressions), not its Markdown. A test lints the same files on two
    /// days and checks that only these rules' findings change.
    static var readsToday: Bool { get }
}

extension Rule {
    public static var readsToday: Bool { false }
}

/// A check that needs every postmortem at once (duplicate ids, links).
public protocol RepositoryRule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// `postmortems` is every file in the repository, in path order; findings
    /// for files outside the linted scope are dropped by the linter.
    func check(_ postmortems: [Postmortem], in context: RuleContext) -> [Finding]
}

extension Rule {
    public var id: String { Self.description.id }

    /// A finding of this rule at its default severity.
    public func finding(_ postmortem: Postmortem, at location: SourceLocation, _ message: String,
                        suggestion: String? = nil) -> Finding {
        Finding(file: postmortem.path, line: location.line, column: location.column,
                severity: Self.description.defaultSeverity, rule: Self.description.id,
                message: message, suggestion: suggestion)
    }
}

extension RepositoryRule {
    public func finding(_ postmortem: Postmortem, at location: SourceLocation, _ message: String,
                        suggestion: String? = nil) -> Finding {
        Finding(file: postmortem.path, line: location.line, column: location.column,
                severity: Self.description.defaultSeverity, rule: Self.description.id,
                message: message, suggestion: suggestion)
    }
}

/// What rules may consult besides the postmortem itself.
public struct RuleContext: Sendable {
    public var config: Config
    /// The front-matter schema (from the repository, or the built-in copy).
    public var schema: JSONSchemaValidator
    /// "Today", from `--today`, the config, or the clock read once at the CLI edge.
    public var today: LocalDate

    /// Git history of the postmortems (empty outside a repository or in a shallow clone).
    public var history: any PostmortemHistory
    /// With a base revision: each changed postmortem's version there, by current path.
    public var base: [String: Postmortem]

    public init(config: Config, schema: JSONSchemaValidator, today: LocalDate,
                history: any PostmortemHistory = NoHistory(), base: [String: Postmortem] = [:]) {
        self.config = config
        self.schema = schema
        self.today = today
        self.history = history
        self.base = base
        // Resolved once: looking the pointer up per row cost more than validating it.
        actionItemSchema = try? schema.subschemaValidator(at: "#/$defs/actionItem")
        knownOwners = Set(config.people.map { $0.handle.lowercased() } + config.teams.map { $0.lowercased() })
        blamelessVocabulary = BlamelessVocabulary.builtIn.extended(terms: config.blamelessTerms, allowed: config.blamelessAllowed)
        // Commit authors are people too: "Dana pushed …" is about a person
        // whether or not Dana is on the roster.
        people = PeopleIndex(people: config.people).adding(names: history.authorNames)
    }

    /// `#/$defs/actionItem` of the schema; nil when the schema has none.
    public let actionItemSchema: JSONSchemaValidator?

    /// Roster handles and team handles, lower-cased, for owner checks.
    public let knownOwners: Set<String>

    /// The blameless rules' word lists: built in, plus the config's
    /// `blameless.terms`, minus its `blameless.allowed`.
    public let blamelessVocabulary: BlamelessVocabulary

    /// The people prose can name: the roster. Each file adds its front
    /// matter's people; callers add more (commit authors from git history)
    /// with `people = people.adding(names:)` before linting.
    public var people: PeopleIndex

    /// Per-file memo the linter sets; nil outside a lint run (rules then compute directly).
    var fileCache: FileAnalysisCache?

    /// The blameless analysis of `postmortem`, computed once per file.
    public func blamelessAnalysis(of postmortem: Postmortem) -> BlamelessAnalysis {
        // Closures passed straight in, not stored: a stored closure copies this
        // context and the postmortem, some thirty retains of values every
        // thread shares, for each of the four blameless rules of every file.
        guard let fileCache else { return BlamelessAnalysis(postmortem: postmortem, vocabulary: blamelessVocabulary, people: people) }
        return fileCache.blameless { BlamelessAnalysis(postmortem: postmortem, vocabulary: blamelessVocabulary, people: people) }
    }
}
