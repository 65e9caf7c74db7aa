/// The named stages of `postmortem build`, in the order they run
/// (load → parse → lint → analyse → render → index → write). Progress
/// and errors name the stage, as Publish's steps do.
public enum BuildStage: String, Sendable, CaseIterable {
    /// Config, schema, theme, and the postmortem files (read and parsed).
    case load
    /// Postmortems turned into site entries: drafts left out, ids, pages, dates.
    case parse
    /// The rule catalogue over every postmortem; `--strict` stops here on errors.
    case lint
    /// Recurring patterns (SPEC §8): clusters, similar incidents, trends.
    case analyse
    /// One HTML page per postmortem, service and facet, plus the index pages.
    case render
    /// The search index, `index.json`, `actions.json` and the Atom feed.
    case index
    /// Files written beside the output folder, then swapped in.
    case write
}

/// A build that could not finish: the stage, the file when one is to blame,
/// and a one-line reason. The previous site is left as it was.
public struct SiteBuildError: Error, Sendable, CustomStringConvertible {
    public var stage: BuildStage
    public var file: String?
    public var message: String
    /// Lint findings, when `--strict` stopped the build.
    public var findings: [Finding]

    public init(stage: BuildStage, file: String? = nil, message: String, findings: [Finding] = []) {
        self.stage = stage
        self.file = file
        self.message = message
        self.findings = findings
    }

    /// The findings as `postmortem lint` prints them (text, no colour).
    public var findingsReport: String {
        Reporter.render(LintReport(files: Set(findings.map(\.file)).count, findings: findings, notices: []), as: .text)
    }

    /// `build failed in <stage>: <file>: <message>`, on one line.
    public var description: String {
        let line = (file.map { "\($0): " } ?? "") + message
        return "build failed in \(stage.rawValue): \(line.replacingOccurrences(of: "\n", with: " "))"
    }
}
