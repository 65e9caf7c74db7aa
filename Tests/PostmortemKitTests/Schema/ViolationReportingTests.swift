import Foundation
import Testing
@testable import PostmortemKit

/// Parses JSON text in tests; a typo in a literal should fail loudly.
func json(_ text: String) throws -> JSONValue {
    try JSONValue(jsonData: Data(text.utf8))
}

/// A cut-down postmortem front-matter schema, shaped like the real one.
let postmortemSchema = """
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["title", "severity", "status", "date"],
  "additionalProperties": false,
  "properties": {
    "title": {"type": "string", "minLength": 5, "maxLength": 120},
    "severity": {"enum": ["SEV1", "SEV2", "SEV3", "SEV4"]},
    "status": {"enum": ["draft", "in-review", "published"]},
    "date": {"type": "string", "format": "date"},
    "started": {"type": "string", "format": "date-time"},
    "duration_minutes": {"type": "integer", "minimum": 0},
    "services": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}},
    "approvers": {"type": "array", "items": {"type": "string"}},
    "action_items": {"type": "array", "items": {"$ref": "#/$defs/actionItem"}},
    "customer_impact": {"type": "boolean"},
    "impact_summary": {"type": "string"}
  },
  "dependentRequired": {"customer_impact": ["impact_summary"]},
  "if": {"properties": {"status": {"const": "published"}}, "required": ["status"]},
  "then": {"required": ["approvers"], "properties": {"approvers": {"minItems": 1}}},
  "$defs": {
    "actionItem": {
      "type": "object",
      "required": ["id", "owner", "due"],
      "properties": {
        "id": {"type": "string", "pattern": "^AI-\\\\d+$"},
        "owner": {"type": "string", "pattern": "^@"},
        "due": {"type": "string", "format": "date"},
        "priority": {"oneOf": [{"enum": ["P0", "P1", "P2"]}, {"type": "integer", "minimum": 0, "maximum": 2}]}
      },
      "additionalProperties": false
    }
  }
}
"""

@Suite struct ViolationReportingTests {
    let validator: JSONSchemaValidator

    init() throws {
        validator = try JSONSchemaValidator(schema: json(postmortemSchema))
    }

    @Test func validDocumentHasNoViolations() throws {
        let document = try json("""
        {"title": "Checkout outage", "severity": "SEV2", "status": "published", "date": "2024-02-29",
         "started": "2024-02-29T13:45:00+01:00", "duration_minutes": 42, "services": ["checkout", "payments-api"],
         "approvers": ["@alice"], "customer_impact": true, "impact_summary": "Orders failed",
         "action_items": [{"id": "AI-1", "owner": "@bob", "due": "2024-03-15", "priority": "P1"}]}
        """)
        #expect(validator.validate(document) == [])
        #expect(validator.isValid(document))
    }

    @Test func missingRequiredPropertiesPointAtTheObject() throws {
        let violations = validator.validate(try json(#"{"severity": "SEV1", "status": "draft"}"#))
        #expect(violations == [
            SchemaViolation(instancePointer: "", keyword: "required", schemaPointer: "/required",
                            message: "missing required property \"date\"", missingProperty: "date"),
            SchemaViolation(instancePointer: "", keyword: "required", schemaPointer: "/required",
                            message: "missing required property \"title\"", missingProperty: "title"),
        ])
    }

    @Test func enumMessageListsTheAllowedValues() throws {
        let violations = validator.validate(try json(#"{"title": "Checkout outage", "severity": "SEV5", "status": "draft", "date": "2024-01-01"}"#))
        #expect(violations == [
            SchemaViolation(instancePointer: "/severity", keyword: "enum", schemaPointer: "/properties/severity/enum",
                            message: "must be one of SEV1, SEV2, SEV3, SEV4 (found \"SEV5\")"),
        ])
    }

    @Test func additionalPropertyIsReportedAtItsOwnPointer() throws {
        let violations = validator.validate(try json(#"{"title": "Checkout outage", "severity": "SEV1", "status": "draft", "date": "2024-01-01", "sevrity": "SEV1"}"#))
        #expect(violations == [
            SchemaViolation(instancePointer: "/sevrity", keyword: "additionalProperties", schemaPointer: "/additionalProperties",
                            message: "unexpected property \"sevrity\""),
        ])
    }

    @Test func publishedStatusRequiresApprovers() throws {
        let missing = validator.validate(try json(#"{"title": "Checkout outage", "severity": "SEV1", "status": "published", "date": "2024-01-01"}"#))
        #expect(missing == [
            SchemaViolation(instancePointer: "", keyword: "required", schemaPointer: "/then/required",
                            message: "missing required property \"approvers\"", missingProperty: "approvers"),
        ])
        let empty = validator.validate(try json(#"{"title": "Checkout outage", "severity": "SEV1", "status": "published", "date": "2024-01-01", "approvers": []}"#))
        #expect(empty == [
            SchemaViolation(instancePointer: "/approvers", keyword: "minItems", schemaPointer: "/then/properties/approvers/minItems",
                            message: "must have at least 1 item (found 0)"),
        ])
        // The "if" failing for a draft is not itself a violation.
        #expect(validator.validate(try json(#"{"title": "Checkout outage", "severity": "SEV1", "status": "draft", "date": "2024-01-01"}"#)) == [])
    }

    @Test func nestedViolationsUseTheNestedValuesPointer() throws {
        let document = try json("""
        {"title": "Oops", "severity": "SEV1", "status": "draft", "date": "2024-02-30", "duration_minutes": 4.5,
         "started": "2024-01-01 10:00", "services": ["checkout", "Payments", "checkout", 7],
         "customer_impact": true}
        """)
        let violations = validator.validate(document)
        #expect(violations.map { "\($0.instancePointer) \($0.keyword) \($0.schemaPointer) | \($0.message)" } == [
            " dependentRequired /dependentRequired | missing property \"impact_summary\", required when \"customer_impact\" is present",
            "/date format /properties/date/format | must be a date like 2024-05-31 (found \"2024-02-30\")",
            "/duration_minutes type /properties/duration_minutes/type | must be of type integer (found number)",
            "/services uniqueItems /properties/services/uniqueItems | must not contain duplicate items (items 0 and 2 are equal)",
            "/services/1 pattern /properties/services/items/pattern | must match the pattern ^[a-z][a-z0-9-]*$ (found \"Payments\")",
            "/services/3 type /properties/services/items/type | must be of type string (found integer)",
            "/started format /properties/started/format | must be an RFC 3339 date-time like 2024-05-31T13:45:00Z (found \"2024-01-01 10:00\")",
            "/title minLength /properties/title/minLength | must be at least 5 characters long (found 4)",
        ])
        #expect(violations.first { $0.keyword == "dependentRequired" }?.missingProperty == "impact_summary")
    }

    @Test func refToDefsReportsTheDefinitionsLocation() throws {
        let document = try json("""
        {"title": "Checkout outage", "severity": "SEV1", "status": "draft", "date": "2024-01-01",
         "action_items": [{"id": "AI-1", "owner": "@bob", "due": "2024-03-15"},
                          {"id": "AI-x", "owner": "bob", "priority": "P9", "note": 1}]}
        """)
        #expect(validator.validate(document) == [
            SchemaViolation(instancePointer: "/action_items/1", keyword: "required", schemaPointer: "/$defs/actionItem/required",
                            message: "missing required property \"due\"", missingProperty: "due"),
            SchemaViolation(instancePointer: "/action_items/1/id", keyword: "pattern", schemaPointer: "/$defs/actionItem/properties/id/pattern",
                            message: "must match the pattern ^AI-\\d+$ (found \"AI-x\")"),
            SchemaViolation(instancePointer: "/action_items/1/note", keyword: "additionalProperties", schemaPointer: "/$defs/actionItem/additionalProperties",
                            message: "unexpected property \"note\""),
            SchemaViolation(instancePointer: "/action_items/1/owner", keyword: "pattern", schemaPointer: "/$defs/actionItem/properties/owner/pattern",
                            message: "must match the pattern ^@ (found \"bob\")"),
            SchemaViolation(instancePointer: "/action_items/1/priority", keyword: "oneOf", schemaPointer: "/$defs/actionItem/properties/priority/oneOf",
                            message: "must match exactly one of the 2 allowed forms (matched none)"),
        ])
    }

    @Test func validateAgainstSubschema() throws {
        let row = try json(#"{"id": "AI-7", "owner": "@carol", "due": "2024-13-01"}"#)
        let expected = [
            SchemaViolation(instancePointer: "/due", keyword: "format", schemaPointer: "/$defs/actionItem/properties/due/format",
                            message: "must be a date like 2024-05-31 (found \"2024-13-01\")"),
        ]
        #expect(validator.validate(row, against: "#/$defs/actionItem") == expected)
        #expect(validator.validate(row, against: "/$defs/actionItem") == expected)
        #expect(try validator.subschemaValidator(at: "#/$defs/actionItem").validate(row) == expected)
        #expect(validator.validate(try json(#"{"id": "AI-7", "owner": "@carol", "due": "2024-12-01"}"#), against: "#/$defs/actionItem") == [])

        let unknown = validator.validate(row, against: "#/$defs/nope")
        #expect(unknown.count == 1)
        #expect(unknown.first?.keyword == "$ref")
        #expect(unknown.first?.message.contains("#/$defs/nope") == true)
        #expect(throws: SchemaError.self) { try validator.subschemaValidator(at: "#/$defs/nope") }
    }

    @Test func rootOfWrongTypeAndBooleanSchemas() throws {
        #expect(validator.validate(.array([])) == [
            SchemaViolation(instancePointer: "", keyword: "type", schemaPointer: "/type", message: "must be of type object (found array)"),
        ])
        #expect(try JSONSchemaValidator(schema: .bool(false)).validate(.null) == [
            SchemaViolation(instancePointer: "", keyword: "false", schemaPointer: "", message: "no value is allowed here"),
        ])
        #expect(try JSONSchemaValidator(schema: .bool(true)).validate(.null) == [])
    }
}
