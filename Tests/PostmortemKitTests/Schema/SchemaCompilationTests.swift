import Foundation
import Testing
@testable import PostmortemKit

/// Malformed schemas fail at `init` with a located `SchemaError`; awkward but
/// legal ones compile and never crash validation.
@Suite struct SchemaCompilationTests {
    func compileError(_ schema: String) throws -> SchemaError? {
        do {
            _ = try JSONSchemaValidator(schema: json(schema))
            return nil
        } catch let error as SchemaError {
            return error
        }
    }

    @Test(arguments: [
        (##"{"$ref": "#/$defs/missing"}"##, "/$ref", "nothing at /$defs/missing"),
        (##"{"$ref": "other.json"}"##, "/$ref", "not part of this schema"),
        (##"{"$ref": "#nowhere"}"##, "/$ref", "no \"$anchor\" named \"nowhere\""),
        (##"{"properties": {"a": {"pattern": "(unclosed"}}}"##, "/properties/a/pattern", "invalid regular expression"),
        (##"{"minLength": -1}"##, "/minLength", "non-negative integer"),
        (##"{"maxItems": 2.5}"##, "/maxItems", "non-negative integer"),
        (##"{"type": "text"}"##, "/type", "unknown type \"text\""),
        (##"{"multipleOf": 0}"##, "/multipleOf", "greater than 0"),
        (##"{"required": "id"}"##, "/required", "array of strings"),
        (##"{"items": [{"type": "string"}]}"##, "/items", "prefixItems"),
        (##"{"unevaluatedProperties": false}"##, "/unevaluatedProperties", "not supported"),
        (##"{"properties": {"a": 3}}"##, "/properties/a", "object or a boolean"),
        (##"{"anyOf": []}"##, "/anyOf", "non-empty array"),
        (##"{"$defs": {"a": {"$id": "x.json"}, "b": {"$id": "x.json"}}}"##, "/$defs/b", "already used"),
    ])
    func malformedSchemaIsRejected(schema: String, pointer: String, messagePart: String) throws {
        let error = try #require(try compileError(schema))
        #expect(error.schemaPointer == pointer)
        #expect(error.message.contains(messagePart), "\(error.message)")
    }

    @Test(arguments: [
        ##"{"$ref": "#"}"##,
        ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##,
        ##"{"anyOf": [{"type": "string"}, {"$ref": "#"}]}"##,
        ##"{"if": {"$ref": "#"}, "then": true}"##,
        ##"{"$defs": {"loop": {"not": {"$ref": "#/$defs/loop"}}}}"##,
    ])
    func refCycleWithoutProgressIsRejected(schema: String) throws {
        let error = try #require(try compileError(schema))
        #expect(error.message.contains("$ref cycle"), "\(error.message)")
    }

    @Test func recursionThroughChildrenIsAllowed() throws {
        let validator = try JSONSchemaValidator(schema: json("""
        {"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#"}}}}
        """))
        #expect(validator.isValid(try json(##"{"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}"##)))
        #expect(validator.validate(try json(##"{"children": [{"children": [{"name": 3}]}]}"##)).map(\.instancePointer)
                == ["/children/0/children/0/name"])
    }

    @Test func deeplyNestedInstanceIsReportedNotCrashed() throws {
        let validator = try JSONSchemaValidator(schema: json(##"{"type": "array", "items": {"$ref": "#"}}"##))
        var instance = JSONValue.array([])
        for _ in 0..<10_000 { instance = .array([instance]) }
        let violations = validator.validate(instance)
        #expect(violations.count == 1)
        #expect(violations.first?.message.contains("nested too deeply") == true)
        #expect(!validator.isValid(instance))

        // Two subschema levels per array level: 60 arrays stay under the limit of 128.
        var shallow = JSONValue.array([])
        for _ in 0..<60 { shallow = .array([shallow]) }
        #expect(validator.isValid(shallow))
    }

    @Test func deeplyNestedSchemaIsRejectedNotCrashed() throws {
        var schema = JSONValue.object([:])
        for _ in 0..<1_000 { schema = .object(["items": schema]) }
        #expect(throws: SchemaError.self) { try JSONSchemaValidator(schema: schema) }
    }

    @Test func schemaAtTheNestingLimitCompilesAndValidatesInASmallStack() throws {
        // Just under the limit: compiles, and evaluation never reports "too deep"
        // for a schema without recursive references.
        var schema = JSONValue.object(["type": .string("integer")])
        var instance = JSONValue.integer(1)
        for _ in 1..<SchemaCompiler.maximumNesting {
            schema = .object(["type": .string("array"), "items": schema])
            instance = .array([instance])
        }
        let result = runOnSmallStack { [schema, instance] () -> [SchemaViolation]? in
            guard let validator = try? JSONSchemaValidator(schema: schema) else { return nil }
            return validator.validate(instance)
        }
        #expect(result == .some(.some([])))
    }

    @Test func refTargetsResolveThroughEscapesAnchorsAndIds() throws {
        let validator = try JSONSchemaValidator(schema: json("""
        {"$id": "https://example.com/pm/root.json",
         "properties": {
           "a": {"$ref": "#/$defs/with~1slash"},
           "b": {"$ref": "#/$defs/tilde~0name"},
           "c": {"$ref": "#/$defs/with%20space"},
           "d": {"$ref": "#named"},
           "e": {"$ref": "item.json"},
           "f": {"$ref": "#/definitions/legacy"}
         },
         "$defs": {
           "with/slash": {"type": "string"},
           "tilde~name": {"type": "integer"},
           "with space": {"type": "boolean"},
           "anchored": {"$anchor": "named", "type": "null"},
           "item": {"$id": "item.json", "type": "array"}
         },
         "definitions": {"legacy": {"type": "object"}}}
        """))
        #expect(validator.isValid(try json(##"{"a": "x", "b": 1, "c": true, "d": null, "e": [], "f": {}}"##)))
        #expect(validator.validate(try json(##"{"a": 1, "b": "x", "c": null, "d": 0, "e": {}, "f": []}"##)).map(\.schemaPointer) == [
            "/$defs/with~1slash/type", "/$defs/tilde~0name/type", "/$defs/with space/type",
            "/$defs/anchored/type", "/$defs/item/type", "/definitions/legacy/type",
        ])
        #expect(validator.validate(.null, against: "#named").map(\.keyword) == [])
        #expect(validator.validate(.string("x"), against: "https://example.com/pm/item.json").map(\.keyword) == ["type"])
    }

    @Test func refIntoNonSchemaLocationIsCompiledOnDemand() throws {
        // "x-templates" is not a keyword, so only the $ref makes it a schema.
        let validator = try JSONSchemaValidator(schema: json(##"{"x-templates": {"id": {"type": "string"}}, "$ref": "#/x-templates/id"}"##))
        #expect(validator.isValid(.string("a")))
        #expect(!validator.isValid(.integer(1)))
    }

    @Test func validatorIsUsableFromManyThreads() async throws {
        let validator = try JSONSchemaValidator(schema: json(postmortemSchema))
        let bad = try json(##"{"title": "x", "severity": "SEV9", "status": "published", "date": "nope", "services": ["A"]}"##)
        let expected = validator.validate(bad)
        #expect(expected.count == 5)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { _ in validator.validate(bad) == expected }
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(results)
    }

    @Test func deepValidationFitsInASmallThreadStack() throws {
        let validator = try JSONSchemaValidator(schema: json("""
        {"$defs": {"node": {"type": "object", "properties": {"next": {"anyOf": [{"$ref": "#/$defs/node"}, {"type": "null"}]}},
                            "allOf": [{"required": ["next"]}], "oneOf": [{"not": {"type": "array"}}]}},
         "$ref": "#/$defs/node"}
        """))
        var instance = JSONValue.null
        for _ in 0..<1_000 { instance = .object(["next": instance]) }
        let result = runOnSmallStack { [instance] in
            (validator.validate(instance).map(\.message), validator.isValid(instance))
        }
        // The depth limit is reported even though it was hit inside an anyOf branch.
        #expect(result?.0.contains { $0.contains("nested too deeply") } == true, "\(result?.0 ?? [])")
        #expect(result?.1 == false)
    }
}

/// Runs `body` on a thread with a 512 KiB stack (the default for secondary
/// threads on Darwin) and returns its result, or `nil` if it did not finish.
/// A stack overflow crashes the test process, which fails the run.
func runOnSmallStack<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T? {
    let box = ResultBox<T>()
    let finished = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = body()
        finished.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    guard finished.wait(timeout: .now() + 60) == .success else { return nil }
    return box.value
}

/// Written by the worker thread before `signal()`, read after `wait()`: the
/// semaphore orders the accesses, hence `@unchecked`.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
