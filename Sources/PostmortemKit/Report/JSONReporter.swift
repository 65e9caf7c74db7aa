/// The JSON report of SPEC §5, described by schema/lint-report.schema.json.
enum JSONReporter {
    static func render(_ report: LintReport) -> String {
        var object: [String: JSONValue] = [
            "version": .integer(1),
            "files": .integer(report.files),
            "diagnostics": .array(report.findings.map(json)),
            "summary": .object([
                "errors": .integer(report.count(.error)),
                "warnings": .integer(report.count(.warning)),
                "infos": .integer(report.count(.info)),
            ]),
        ]
        if !report.notices.isEmpty { object["notices"] = .array(report.notices.map(JSONValue.string)) }
        return JSONValue.object(object).jsonString(pretty: true) + "\n"
    }

    static func json(_ finding: Finding) -> JSONValue {
        var object: [String: JSONValue] = [
            "file": .string(finding.file),
            "line": .integer(finding.line),
            "column": .integer(finding.column),
            "severity": .string(finding.severity.rawValue),
            "rule": .string(finding.rule),
            "message": .string(finding.message),
        ]
        if let suggestion = finding.suggestion { object["suggestion"] = .string(suggestion) }
        return .object(object)
    }
}
