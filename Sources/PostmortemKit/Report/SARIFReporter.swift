/// SARIF 2.1.0 with rule metadata from the catalogue, for code-scanning uploads.
enum SARIFReporter {
    static func render(_ report: LintReport, toolVersion: String) -> String {
        let descriptions = RuleCatalogue.descriptions
        let ruleIndex = Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { ($1.id, $0) })
        let rules: [JSONValue] = descriptions.map { rule in
            .object([
                "id": .string(rule.id),
                "name": .string(rule.id.split(separator: "/").map { $0.split(separator: "-").map(\.capitalized).joined() }.joined(separator: "/")),
                "shortDescription": .object(["text": .string(rule.summary)]),
                "fullDescription": .object(["text": .string(rule.rationale)]),
                "help": .object(["text": .string(rule.summary + " " + rule.rationale)]),
                "defaultConfiguration": .object(["level": .string(level(rule.defaultSeverity))]),
            ])
        }
        let results: [JSONValue] = report.findings.map { finding in
            var result: [String: JSONValue] = [
                "ruleId": .string(finding.rule),
                "level": .string(level(finding.severity)),
                "message": .object(["text": .string(finding.message + (finding.suggestion.map { " Suggestion: " + $0 } ?? ""))]),
                "locations": .array([.object([
                    "physicalLocation": .object([
                        "artifactLocation": .object(["uri": .string(finding.file), "uriBaseId": .string("%SRCROOT%")]),
                        "region": .object(["startLine": .integer(finding.line), "startColumn": .integer(finding.column)]),
                    ]),
                ])]),
            ]
            if let index = ruleIndex[finding.rule] { result["ruleIndex"] = .integer(index) }
            return .object(result)
        }
        let run: JSONValue = .object([
            "tool": .object(["driver": .object([
                "name": .string("postmortem"),
                "version": .string(toolVersion),
                "rules": .array(rules),
            ])]),
            "columnKind": .string("unicodeCodePoints"),
            "results": .array(results),
        ])
        let log: JSONValue = .object([
            "$schema": .string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([run]),
        ])
        return log.jsonString(pretty: true) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
