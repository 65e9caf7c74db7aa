/// One problem found in a postmortem: schema errors, lint findings and git
/// problems all become findings, and every reporter and the site read them.
public struct Finding: Sendable, Hashable, Codable {
    /// Path relative to the repository root (or to the working directory
    /// outside a repository), with `/` separators.
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// A stable rule id from the catalogue, e.g. `schema/violation`.
    public var rule: String
    /// One line: every reporter prints a finding's message on one line, so
    /// line breaks in quoted user text become spaces (see `init`).
    public var message: String
    /// A concrete rewrite or next step, where one helps.
    public var suggestion: String?

    public init(file: String, line: Int, column: Int = 1, severity: Severity, rule: String,
                message: String, suggestion: String? = nil) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.rule = rule
        self.message = message.onOneLine()
        self.suggestion = suggestion?.onOneLine()
    }

    public var location: SourceLocation { SourceLocation(line: line, column: column) }

    /// The order every reporter uses: by file, position, rule, then message.
    public static func sortOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.file, a.line, a.column, a.rule, a.message) < (b.file, b.line, b.column, b.rule, b.message)
    }
}
