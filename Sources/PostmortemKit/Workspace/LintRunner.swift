import Foundation

/// The outcome of one lint run, for every reporter.
public struct LintReport: Sendable {
    /// How many files were linted (in scope).
    public var files: Int
    /// Sorted by file, line, column, rule.
    public var findings: [Finding]
    /// One-line notices for the user (not findings), e.g. "not a git repository".
    public var notices: [String]

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// SPEC §5: 1 with errors, or with warnings under `--strict`; else 0.
    public func exitCode(strict: Bool) -> Int32 {
        if count(.error) > 0 { return 1 }
        if strict && count(.warning) > 0 { return 1 }
        return 0
    }
}

/// What `postmortem lint` does, without the command line: load config and
/// schema, find and parse files, run the rules.
public struct LintRunner: Sendable {
    public var paths: [String]
    public var configFile: URL?
    public var workingDirectory: URL
    /// From `--today`; wins over the config.
    public var today: LocalDate?
    /// The clock's date, read once at the CLI edge, used when neither
    /// `--today` nor the config sets one.
    public var fallbackToday: LocalDate

    public init(paths: [String], configFile: URL?, workingDirectory: URL, today: LocalDate?, fallbackToday: LocalDate) {
        self.paths = paths
        self.configFile = configFile
        self.workingDirectory = workingDirectory
        self.today = today
        self.fallbackToday = fallbackToday
    }

    public func run() throws(UsageError) -> LintReport {
        let (config, schema) = try Workspace.loadSettings(configFile: configFile, workingDirectory: workingDirectory)
        let postmortemsDirectory = config.root.appendingPathComponent(config.postmortems)
        var isDirectory: ObjCBool = false
        let hasDirectory = FileManager.default.fileExists(atPath: postmortemsDirectory.path, isDirectory: &isDirectory) && isDirectory.boolValue
        if paths.isEmpty && !hasDirectory {
            throw UsageError("\(config.postmortems)/: no postmortems folder here (set `postmortems:` in .postmortem.yml or pass paths)")
        }
        // Repository rules need every postmortem, even when only some are linted.
        let everything = hasDirectory ? try FileDiscovery.discover(paths: [postmortemsDirectory.path], workingDirectory: workingDirectory, root: config.root) : []
        let requested = paths.isEmpty ? everything : try FileDiscovery.discover(paths: paths, workingDirectory: workingDirectory, root: config.root)
        var all = everything
        let known = Set(everything.map(\.path))
        all += requested.filter { !known.contains($0.path) }
        all.sort { $0.path < $1.path }

        let postmortems = Workspace.parse(all, config: config)
        let context = RuleContext(config: config, schema: schema, today: today ?? config.today ?? fallbackToday)
        let scope = Set(requested.map(\.path))
        let findings = Linter(context: context).lint(postmortems, scope: paths.isEmpty ? nil : scope)
        return LintReport(files: scope.count, findings: findings, notices: [])
    }
}
