/// Validates front matter against the repository's JSON Schema (SPEC §3.1).
struct SchemaViolationRule: Rule {
    static let description = RuleDescription(
        id: "schema/violation",
        summary: "Front matter follows schema/postmortem.schema.json: required fields, types, allowed values.",
        rationale: "The site, the patterns index and every report depend on well-formed fields; the schema is the team's contract and is edited, not the code.",
        defaultSeverity: .error,
        fires: [
            .frontMatter([("↓severity", "SEV5")]),
            .frontMatter([("services", "[checkout-api, ↓Checkout_API]")]),
            .frontMatter([("↓detected", "yesterday morning")]),
            .frontMatter([("approvers", nil)]),
            .frontMatter([("↓severty", "SEV2")]),
        ],
        passes: [
            .frontMatter([("severity", "SEV1")]),
            .frontMatter([("status", "draft"), ("approvers", nil)]),
            .frontMatter([("impact", "{users_affected: 1200, slo_breached: true}")]),
        ])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let frontMatter = postmortem.frontMatter else { return [] }
        return context.schema.validate(frontMatter.value).map { violation in
            // Point at the key that is wrong; for a missing key, at its parent object.
            let location = frontMatter.location(of: violation.instancePointer)
            let pointer = violation.missingProperty.map { violation.instancePointer + "/" + $0 } ?? violation.instancePointer
            let field = pointer.isEmpty ? "front matter" : "`\(pointer.dropFirst().split(separator: "/").joined(separator: "."))`"
            var message = "\(field): \(violation.message) (at \(pointer.isEmpty ? "/" : pointer))"
            if violation.keyword == "additionalProperties" {
                message = "\(field) is not a known field: \(violation.message) (at \(pointer))"
            }
            return finding(postmortem, at: location, message, suggestion: SchemaViolationRule.suggestion(for: violation))
        }
    }

    static func suggestion(for violation: SchemaViolation) -> String? {
        switch violation.keyword {
        case "format": return "Write timestamps as RFC 3339 with an offset, e.g. 2025-03-14T09:12:00Z."
        case "additionalProperties": return "Check the spelling, or add the field to the schema's properties."
        default: return nil
        }
    }
}
