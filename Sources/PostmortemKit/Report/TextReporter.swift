/// `path:line:col: severity: message [rule-id]`, one per line, then a summary.
enum TextReporter {
    static func render(_ report: LintReport, colour: Bool) -> String {
        var out = ""
        for finding in report.findings {
            let severity = colour ? paint(finding.severity) : finding.severity.rawValue
            out += "\(finding.file):\(finding.line):\(finding.column): \(severity): \(finding.message) [\(finding.rule)]\n"
            if let suggestion = finding.suggestion {
                out += "  suggestion: \(suggestion)\n"
            }
        }
        let errors = report.count(.error), warnings = report.count(.warning), infos = report.count(.info)
        out += "\(report.files) file\(report.files == 1 ? "" : "s") linted: "
        out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info\n"
        return out
    }

    private static func paint(_ severity: Severity) -> String {
        switch severity {
        case .error: "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: "\u{1B}[1;33mwarning\u{1B}[0m"
        case .info: "\u{1B}[1;36minfo\u{1B}[0m"
        }
    }
}
