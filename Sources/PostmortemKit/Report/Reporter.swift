/// Output formats of `postmortem lint --format` (SPEC §5).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif
}

/// Turns a lint report into the text of one output format.
public enum Reporter {
    /// - Parameter colour: ANSI colour for `text` (only when writing to a terminal).
    public static func render(_ report: LintReport, as format: ReportFormat, colour: Bool = false, toolVersion: String = PostmortemVersion.current) -> String {
        switch format {
        case .text: TextReporter.render(report, colour: colour)
        case .json: JSONReporter.render(report)
        case .github: GitHubReporter.render(report)
        case .sarif: SARIFReporter.render(report, toolVersion: toolVersion)
        }
    }
}

public enum PostmortemVersion {
    public static let current = "0.1.0"
}
