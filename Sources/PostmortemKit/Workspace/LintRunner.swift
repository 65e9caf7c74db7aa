import Foundation

/// The outcome of one lint run, for every reporter.
public struct LintReport: Sendable {
    /// How many files were linted (in scope).
    public var files: Int
    /// Sorted by file, line, column, rule.
    public var findings: [Finding]
    /// One-line notices for the user (not findings), e.g. "not a git repository".
    public var notices: [String]

    /// Counted in place: filtering copied every finding, several times per run.
    public func count(_ severity: Severity) -> Int { findings.reduce(0) { $1.severity == severity ? $0 + 1 : $0 } }

    /// SPEC §5: 1 with errors, or with warnings under `--strict`; else 0.
    public func exitCode(strict: Bool) -> Int32 {
        if count(.error) > 0 { return 1 }
        if strict && count(.warning) > 0 { return 1 }
        return 0
    }
}

/// What `postmortem lint` does, without the command line: load the
/// repository (working tree or revision), run the rules, report.
public struct LintRunner: Sendable {
    public var options: LoadOptions
    /// From `--today`; wins over the config.
    public var today: LocalDate?
    /// The clock's date, read once at the CLI edge, used when neither
    /// `--today` nor the config sets one.
    public var fallbackToday: LocalDate

    public init(options: LoadOptions, today: LocalDate?, fallbackToday: LocalDate) {
        self.options = options
        self.today = today
        self.fallbackToday = fallbackToday
    }

    public func run() throws(UsageError) -> LintReport {
        try lint(load())
    }

    /// The first half of `run`: the repository, loaded and parsed. A caller
    /// that is about to exit may keep it instead of freeing it (see the CLI).
    public func load() throws(UsageError) -> LoadedRepository {
        // The built-in blameless word lists take a while to build and are
        // needed only once linting starts: build them while files load.
        _ = BackgroundTask { _ = BlamelessVocabulary.builtIn }
        var options = options
        if options.revision == nil && options.changedSince == nil {
            let (today, fallbackToday) = (today, fallbackToday)
            options.lintsWhileParsing = { config in today ?? config.today ?? fallbackToday }
        }
        return try RepositoryLoader.load(options)
    }

    /// The second half of `run`: lints a repository from `load()`.
    public func lint(_ repository: LoadedRepository) -> LintReport {
        let context = repository.ruleContext(today: today ?? repository.config.today ?? fallbackToday)
        let findings = Linter(context: context).lint(repository.postmortems, scope: repository.scope)
        return LintReport(files: repository.scope?.count ?? repository.postmortems.count, findings: findings,
                          notices: repository.notices)
    }
}
