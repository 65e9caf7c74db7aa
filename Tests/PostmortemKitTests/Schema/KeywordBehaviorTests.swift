import Foundation
import Testing
@testable import PostmortemKit

/// Keyword semantics and wording not pinned down by the postmortem schema tests.
@Suite struct KeywordBehaviorTests {
    func violations(_ schema: String, _ instance: String) throws -> [String] {
        try JSONSchemaValidator(schema: json(schema)).validate(json(instance))
            .map { "\($0.instancePointer) \($0.keyword): \($0.message)" }
    }

    @Test func combinatorsReportOneViolationInsteadOfTheirBranches() throws {
        #expect(try violations(##"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"##, "1.5")
                == [" anyOf: must match at least one of the 2 allowed forms (matched none)"])
        #expect(try violations(##"{"oneOf": [{"type": "number"}, {"type": "integer"}]}"##, "1")
                == [" oneOf: must match exactly one of the 2 allowed forms (matched 2)"])
        #expect(try violations(##"{"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}"##, "{}")
                == [" oneOf: must match exactly one of the 2 allowed forms (matched none)"])
        #expect(try violations(##"{"not": {"required": ["legacy"]}}"##, ##"{"legacy": 1}"##)
                == [" not: must not match the disallowed schema at /not"])
        // allOf is a conjunction of requirements: the branch violations are the report.
        #expect(try violations(##"{"allOf": [{"required": ["a"]}, {"properties": {"b": {"type": "string"}}}]}"##, ##"{"b": 1}"##)
                == [" required: missing required property \"a\"", "/b type: must be of type string (found integer)"])
    }

    @Test func falseSubschemasNameWhatIsNotAllowed() throws {
        #expect(try violations(##"{"properties": {"legacy": false}}"##, ##"{"legacy": 1}"##)
                == ["/legacy properties: property \"legacy\" is not allowed"])
        #expect(try violations(##"{"prefixItems": [{"type": "string"}, false], "items": false}"##, ##"["a", 2, 3]"##)
                == ["/1 prefixItems: item 1 is not allowed", "/2 items: item 2 is not allowed (at most 2 items allowed)"])
        #expect(try violations(##"{"propertyNames": false}"##, ##"{"a": 1}"##)
                == ["/a propertyNames: property name \"a\" is not allowed"])
        #expect(try violations(##"{"properties": {"a": {"not": {}}}}"##, ##"{"a": 1}"##)
                == ["/a not: must not match the disallowed schema at /properties/a/not"])
    }

    @Test func propertyNamesCarriesTheReasons() throws {
        #expect(try violations(##"{"propertyNames": {"pattern": "^[a-z]+$", "maxLength": 3}}"##, ##"{"Abcd": 1, "ok": 2}"##)
                == ["/Abcd propertyNames: invalid property name \"Abcd\": must be at most 3 characters long (found 4); must match the pattern ^[a-z]+$ (found \"Abcd\")"])
    }

    @Test func lengthsCountCodePoints() throws {
        // U+1F4A9 is one code point but two UTF-16 units; "e" + U+0301 is two code points but one Character.
        #expect(try violations(##"{"maxLength": 1}"##, ##""\ud83d\udca9""##) == [])
        #expect(try violations(##"{"maxLength": 1}"##, ##""e\u0301""##) == [" maxLength: must be at most 1 character long (found 2)"])
        #expect(try violations(##"{"minLength": 2}"##, ##""\ud83d\udca9""##) == [" minLength: must be at least 2 characters long (found 1)"])
    }

    @Test func constAndEnumCompareStringsByCodePoint() throws {
        // Swift's String == treats these as equal (canonical equivalence); JSON Schema does not.
        #expect(try violations(##"{"const": "\u00e9"}"##, ##""e\u0301""##) == [" const: must be \"é\" (found \"é\")"])
        #expect(try violations(##"{"enum": ["\u00e9"]}"##, ##""\u00e9""##) == [])
        #expect(try violations(##"{"uniqueItems": true}"##, ##"["\u00e9", "e\u0301"]"##) == [])
    }

    @Test func numbersCompareExactly() throws {
        #expect(try violations(##"{"maximum": 9007199254740992}"##, "9007199254740993")
                == [" maximum: must be less than or equal to 9007199254740992 (found 9007199254740993)"])
        #expect(try violations(##"{"exclusiveMinimum": 0}"##, "0.0") == [" exclusiveMinimum: must be greater than 0 (found 0)"])
        #expect(try violations(##"{"minimum": -2}"##, "-2.0") == [])
        #expect(try violations(##"{"type": "integer"}"##, "3.0") == [])
    }

    @Test(arguments: [
        ("0.0075", "0.0001", true), ("0.00751", "0.0001", false), ("4.5", "1.5", true), ("35", "1.5", false),
        ("10", "2", true), ("7", "2", false), ("0.3", "0.1", true), ("19.99", "0.01", true), ("1e308", "0.123456789", false),
        ("12391239123", "1e-8", true), ("-9223372036854775808", "2", true), ("6", "2.0", true),
    ])
    func multipleOf(value: String, divisor: String, expected: Bool) throws {
        let validator = try JSONSchemaValidator(schema: json(##"{"multipleOf": "## + divisor + "}"))
        #expect(validator.isValid(try json(value)) == expected)
    }

    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("1900-02-29", false), ("2000-02-29", true), ("2024-04-31", false),
        ("2024-1-01", false), ("2024-01-01T00:00:00Z", false), ("", false), ("2024-01-0\u{0661}", false),
    ])
    func dateFormat(value: String, expected: Bool) {
        #expect(JSONSchemaFormat.date.isValid(value) == expected)
    }

    @Test(arguments: [
        ("2024-05-31T13:45:00Z", true), ("2024-05-31t13:45:00.123456z", true), ("2024-05-31T13:45:00+05:30", true),
        ("2024-05-31T13:45:00", false), ("2024-05-31T13:45Z", false), ("2024-05-31 13:45:00Z", false),
        ("2024-05-31T13:45:00.Z", false), ("2024-05-31T13:45:00+0530", false), ("2024-05-31T13:45:00+24:00", false),
        ("2016-12-31T23:59:60Z", true), ("2016-12-31T18:59:60-05:00", true), ("2016-12-31T23:59:60+01:00", false),
        ("2017-01-01T00:29:60+00:30", true), ("2016-12-31T23:58:60Z", false), ("2024-05-31T13:45:00Z ", false),
    ])
    func dateTimeFormat(value: String, expected: Bool) {
        #expect(JSONSchemaFormat.dateTime.isValid(value) == expected)
    }

    @Test func unknownFormatsAreAnnotations() throws {
        #expect(try violations(##"{"format": "email"}"##, ##""not an email""##) == [])
    }

    @Test(arguments: [
        ("^\\d+$", "123", true), ("^\\d+$", "12\n", false), ("^\\d+$", "\u{0661}\u{0662}", false),
        ("^\\w+$", "héllo", false), ("^[\\w-]+$", "a-b_c", true), ("[^\\d]", "12", false),
        ("^a[]", "a", false), ("^a[^]b$", "a\nb", true), ("^[a&&b]$", "&", true), ("^[[]$", "[", true),
        ("^\\p{Letter}+$", "πα", true), ("^\\u{1F4A9}$", "\u{1F4A9}", true), ("a+", "xxaayy", true),
        ("^[\\u0041-\\u005A]+$", "ABC", true), ("^(?<year>\\d{4})-\\k<year>$", "2024-2024", true),
    ])
    func ecmaPatternsBehaveAsInJavaScript(pattern: String, input: String, expected: Bool) throws {
        let compiled = try SchemaPattern(pattern, schemaPointer: "/pattern")
        #expect(compiled.matches(input) == expected, "ICU pattern: \(SchemaPattern.icuPattern(fromECMA: pattern))")
    }

    @Test func jsonPointerRoundTrips() throws {
        let pointer = try #require(JSONPointer("/a~1b/~0c//0"))
        #expect(pointer.tokens == ["a/b", "~c", "", "0"])
        #expect(pointer.description == "/a~1b/~0c//0")
        #expect(JSONPointer("a") == nil)
        #expect(JSONPointer("/a~2") == nil)
        #expect(JSONPointer(uriFragment: "#/a%20b/c%25d")?.tokens == ["a b", "c%d"])
        let document = try json(##"{"a/b": {"~c": {"": ["x"]}}}"##)
        #expect(pointer.resolve(in: document) == .string("x"))
        #expect(JSONPointer("/a~1b/~0c//01")?.resolve(in: document) == nil)
        #expect(JSONPointer("/a~1b/~0c//1")?.resolve(in: document) == nil)
    }

    @Test(arguments: [
        ("http://a/b/c/d;p?q", "g", "http://a/b/c/g"),
        ("http://a/b/c/d;p?q", "../g", "http://a/b/g"),
        ("http://a/b/c/d;p?q", "../../../g", "http://a/g"),
        ("http://a/b/c/d;p?q", "/./g", "http://a/g"),
        ("http://a/b/c/d;p?q", "//g", "http://g"),
        ("http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"),
        ("http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s"),
        ("http://a/b/c/d;p?q", "g/..", "http://a/b/c/"),
        ("http://a/b/c/d;p?q", "", "http://a/b/c/d;p?q"),
        ("urn:uuid:deadbeef-1234", "#/$defs/x", "urn:uuid:deadbeef-1234#/$defs/x"),
        ("https://example.com/root.json", "urn:x:y", "urn:x:y"),
    ])
    func uriReferenceResolution(base: String, reference: String, expected: String) {
        #expect(URIReference(base).resolving(URIReference(reference)).description == expected)
    }

    @Test func violationOrderIsDeterministic() throws {
        let validator = try JSONSchemaValidator(schema: json(##"{"items": {"type": "string"}, "minItems": 20}"##))
        let instance = JSONValue.array((0..<12).map { .integer($0) })
        let pointers = validator.validate(instance).map(\.instancePointer)
        #expect(pointers == [""] + (0..<12).map { "/\($0)" })
    }
}
