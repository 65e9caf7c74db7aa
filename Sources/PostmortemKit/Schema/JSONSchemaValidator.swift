/// Validates JSON values against a JSON Schema (draft 2020-12).
///
/// The schema is compiled once, in `init`: references are resolved, keyword
/// arguments checked and regular expressions compiled, so that a malformed
/// schema fails there with a `SchemaError` and validating many documents
/// repeats none of that work. A validator is immutable and `Sendable`; one
/// instance can be used from any number of threads at once.
///
/// Supported: boolean schemas; `type`, `enum`, `const`; `required`,
/// `properties`, `patternProperties`, `additionalProperties`, `propertyNames`,
/// `minProperties`, `maxProperties`, `dependentRequired`, `dependentSchemas`;
/// `prefixItems`, `items`, `contains`/`minContains`/`maxContains`, `minItems`,
/// `maxItems`, `uniqueItems`; `minLength`, `maxLength` (in Unicode code
/// points), `pattern` (ECMA-262 syntax, see `SchemaPattern`); `minimum`,
/// `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`; `allOf`,
/// `anyOf`, `oneOf`, `not`, `if`/`then`/`else`; `$ref` to any location in the
/// same document (JSON pointer fragments with `~0`/`~1` and percent-encoding,
/// `$id`-based URIs of embedded resources, `$anchor` names), `$defs` and
/// `definitions`; `format` `date` and `date-time` as assertions (see
/// `JSONSchemaFormat`).
///
/// Not supported:
/// - `unevaluatedProperties`, `unevaluatedItems`, `$dynamicRef`,
///   `$recursiveRef`, and the pre-2020-12 `additionalItems`, `dependencies`
///   and array-form `items`: a schema using them is rejected with a
///   `SchemaError` (ignoring them would silently accept invalid documents);
/// - references to other documents (remote `$ref`, including the
///   meta-schema): rejected with a `SchemaError`;
/// - `$dynamicAnchor` is treated as a plain `$anchor`;
/// - `$schema` and `$vocabulary` are ignored: every schema is read as 2020-12;
/// - formats other than `date` and `date-time` are annotations (not checked);
/// - unknown keywords are ignored, as the specification requires;
/// - object keys are Swift `String`s: two keys that differ only in Unicode
///   normalization are the same key to `JSONValue`, hence to this validator;
/// - patterns run on ICU without a time limit, so schemas are trusted input
///   (a pathological pattern can backtrack for a long time).
///
/// Recursion: a `$ref` cycle that never moves to a child of the instance is
/// rejected at `init`; recursion through children is allowed, and an
/// instance nested too deeply for it (more than 128 levels of subschemas) is
/// reported as a violation instead of exhausting the stack.
///
/// Reporting: `validate(_:)` returns every violation, not just the first.
/// Inside `anyOf`, `oneOf`, `not` and `if` the failures of individual branches
/// are not reported; the combinator reports one violation of its own (e.g.
/// "must match exactly one of the 2 allowed forms (matched none)"). `allOf`,
/// `$ref`, `then` and `else` report the violations of their subschemas
/// directly, since each of those is a requirement in its own right.
public struct JSONSchemaValidator: Sendable {
    private let compiled: CompiledSchema
    /// The node that `validate(_:)` starts from: the document root, or another
    /// subschema for validators made by `subschemaValidator(at:)`.
    private let rootNode: Int

    /// Compiles `schema` (an object or a boolean).
    ///
    /// - Throws: `SchemaError` if the schema cannot be evaluated: a `$ref`
    ///   that does not resolve, a `$ref` cycle that never consumes input
    ///   (`{"$ref": "#"}`), an invalid regular expression, a keyword with an
    ///   argument of the wrong kind (`"minLength": -1`, `"type": "text"`), a
    ///   schema nested more than 128 levels deep, or a keyword listed as
    ///   unsupported above.
    public init(schema: JSONValue) throws {
        let compiled = try SchemaCompiler.compile(schema)
        guard let root = compiled.nodeIndexByPointer[""] else {
            throw SchemaError("the schema document has no root schema", at: "")
        }
        var bytes: [UInt8] = []
        CanonicalBytes.append(schema, to: &bytes)
        self.init(compiled: compiled, rootNode: root, digest: bytes.withUnsafeBytes { GitRepository.blobID(of: $0) })
    }

    private init(compiled: CompiledSchema, rootNode: Int, digest: String) {
        self.compiled = compiled
        self.rootNode = rootNode
        self.digest = digest
    }

    /// The blob id of the schema document in canonical bytes (`CanonicalBytes`):
    /// the same for the same schema, whatever its formatting.
    public let digest: String

    /// All ways in which `instance` fails the schema; empty when it is valid.
    ///
    /// Sorted by instance pointer (token by token, array indices numerically),
    /// then keyword, then message; exact duplicates are removed.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        validate(instance, from: rootNode)
    }

    /// Whether `instance` is valid. Faster than `validate(_:).isEmpty` for
    /// invalid instances: it stops at the first failure and builds no messages.
    public func isValid(_ instance: JSONValue) -> Bool {
        isValid(instance, from: rootNode)
    }

    /// Validates `instance` against one subschema of this validator's schema
    /// document, e.g. `"#/$defs/actionItem"` for the rows of an action-item
    /// table. Violation `schemaPointer`s still point into the whole document.
    ///
    /// `subschemaPointer` may be a URI fragment (`#/$defs/actionItem`,
    /// percent-encoding allowed), a plain JSON pointer (`/$defs/actionItem`),
    /// `#` or `""` for the root, an anchor (`#actionItem`) or any URI that a
    /// `$ref` in the schema could use.
    ///
    /// The subschema must be one the compiler reached: anything under
    /// `$defs`, `definitions` or another schema keyword, or a `$ref` target.
    /// If there is none at that location, the result is a single violation
    /// with keyword `$ref`, instance pointer `""` and `subschemaPointer` as
    /// schema pointer, saying so (this is a programming error; use
    /// `subschemaValidator(at:)` to detect it up front).
    public func validate(_ instance: JSONValue, against subschemaPointer: String) -> [SchemaViolation] {
        do {
            return validate(instance, from: try nodeIndex(for: subschemaPointer))
        } catch {
            return [SchemaViolation(instancePointer: "", keyword: "$ref", schemaPointer: subschemaPointer,
                                    message: error.message)]
        }
    }

    /// A validator for one subschema of this schema document (same reference
    /// syntax as `validate(_:against:)`), sharing this validator's compiled form.
    ///
    /// - Throws: `SchemaError` if the reference does not name a compiled subschema.
    public func subschemaValidator(at subschemaPointer: String) throws -> JSONSchemaValidator {
        JSONSchemaValidator(compiled: compiled, rootNode: try nodeIndex(for: subschemaPointer), digest: digest + subschemaPointer)
    }

    private func isValid(_ instance: JSONValue, from node: Int) -> Bool {
        var evaluator = SchemaEvaluator(schema: compiled, tracksPath: false)
        return evaluator.evaluate(node, instance, collect: false)
    }

    private func validate(_ instance: JSONValue, from node: Int) -> [SchemaViolation] {
        // Nearly every document is valid: a pass that stops at the first
        // failure and keeps no path says so at a fraction of the cost, and
        // only an invalid one is walked again to collect every violation.
        if isValid(instance, from: node) { return [] }
        var evaluator = SchemaEvaluator(schema: compiled)
        _ = evaluator.evaluate(node, instance, collect: true)
        return evaluator.orderedViolations
    }

    private func nodeIndex(for reference: String) throws(SchemaError) -> Int {
        let pointer: JSONPointer
        if reference.isEmpty || reference.hasPrefix("/") {
            guard let parsed = JSONPointer(reference) else {
                throw SchemaError("\(SchemaMessages.quote(reference)) is not a valid JSON pointer", at: reference)
            }
            pointer = parsed
        } else {
            let target = compiled.registry.rootBase.resolving(URIReference(reference))
            pointer = try compiled.registry.locate(target, reference: reference, at: reference).pointer
        }
        guard let index = compiled.nodeIndexByPointer[pointer.description] else {
            throw SchemaError("the schema has no subschema at \(SchemaMessages.quote(reference))", at: reference)
        }
        return index
    }
}
