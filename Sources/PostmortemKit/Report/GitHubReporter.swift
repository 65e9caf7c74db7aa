/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule::message`.
enum GitHubReporter {
    static func render(_ report: LintReport) -> String {
        var out = ""
        for notice in report.notices { out += "::notice::\(escapeData(notice))\n" }
        for finding in report.findings {
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var message = finding.message
            if let suggestion = finding.suggestion { message += "\nSuggestion: " + suggestion }
            out += "::\(command) file=\(escapeProperty(finding.file)),line=\(finding.line),col=\(finding.column),title=\(escapeProperty(finding.rule))::\(escapeData(message))\n"
        }
        return out
    }

    /// Escaping as the Actions toolkit does for message data.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values also escape `:` and `,`, which delimit properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
