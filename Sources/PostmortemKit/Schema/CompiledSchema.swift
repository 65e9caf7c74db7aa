import Foundation

/// A schema document after compilation: every subschema turned into a
/// `SchemaNode`, every `$ref` replaced by the index of its target node, every
/// regular expression compiled.
///
/// Immutable once built, so one instance is shared by all copies of a
/// `JSONSchemaValidator` and read concurrently without locking.
final class CompiledSchema: Sendable {
    /// All subschemas; `SchemaKeyword`s refer to each other by index into this array.
    let nodes: [SchemaNode]
    /// Canonical RFC 6901 pointer (see `JSONPointer.description`) → node index,
    /// for every subschema that was compiled.
    let nodeIndexByPointer: [String: Int]
    /// How `$ref`-style references map to locations in the document.
    let registry: SchemaRegistry

    init(nodes: [SchemaNode], nodeIndexByPointer: [String: Int], registry: SchemaRegistry) {
        self.nodes = nodes
        self.nodeIndexByPointer = nodeIndexByPointer
        self.registry = registry
    }
}

/// One compiled (sub)schema.
///
/// A class: the evaluator takes a node for every value it checks, and a
/// reference costs one retain where a struct's copy retained each field.
final class SchemaNode: Sendable {
    /// Canonical pointer to this subschema in the schema document.
    let pointer: String
    /// `true`/`false` for boolean schemas; `nil` for object schemas.
    let booleanValue: Bool?
    /// The keywords to check, cheapest first so that a pass/fail check can
    /// stop early. Empty for boolean schemas.
    let keywords: [SchemaKeyword]

    init(pointer: String, booleanValue: Bool?, keywords: [SchemaKeyword]) {
        self.pointer = pointer
        self.booleanValue = booleanValue
        self.keywords = keywords
    }
}

/// A keyword with its arguments decoded and validated at compile time.
/// Subschemas are indices into `CompiledSchema.nodes`.
enum SchemaKeyword: Sendable {
    case type(JSONTypeSet)
    case constant(JSONValue)
    case enumeration([JSONValue])
    case required([String])
    case dependentRequired([(property: String, requires: [String])])
    case minProperties(Int)
    case maxProperties(Int)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case minLength(Int)
    case maxLength(Int)
    case bound(NumericBound, JSONNumber)
    case multipleOf(JSONNumber)
    case format(JSONSchemaFormat)
    case pattern(SchemaPattern)
    /// `target` is filled in once all references are resolved.
    case ref(target: Int, reference: String)
    case properties([(name: String, node: Int)])
    case patternProperties([(pattern: SchemaPattern, node: Int)])
    /// Carries the sibling `properties` names and `patternProperties` patterns,
    /// because "additional" is defined relative to them.
    case additionalProperties(node: Int, declared: Set<String>, patterns: [SchemaPattern])
    case propertyNames(node: Int)
    case dependentSchemas([(name: String, node: Int)])
    case prefixItems([Int])
    /// `firstIndex` is the number of sibling `prefixItems`.
    case items(node: Int, firstIndex: Int)
    case contains(node: Int, minimum: Int, maximum: Int?)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)

    /// The keyword's name as written in schemas (`bound` and `conditional`
    /// stand for several).
    var name: String {
        switch self {
        case .type: return "type"
        case .constant: return "const"
        case .enumeration: return "enum"
        case .required: return "required"
        case .dependentRequired: return "dependentRequired"
        case .minProperties: return "minProperties"
        case .maxProperties: return "maxProperties"
        case .minItems: return "minItems"
        case .maxItems: return "maxItems"
        case .uniqueItems: return "uniqueItems"
        case .minLength: return "minLength"
        case .maxLength: return "maxLength"
        case .bound(let bound, _): return bound.rawValue
        case .multipleOf: return "multipleOf"
        case .format: return "format"
        case .pattern: return "pattern"
        case .ref: return "$ref"
        case .properties: return "properties"
        case .patternProperties: return "patternProperties"
        case .additionalProperties: return "additionalProperties"
        case .propertyNames: return "propertyNames"
        case .dependentSchemas: return "dependentSchemas"
        case .prefixItems: return "prefixItems"
        case .items: return "items"
        case .contains: return "contains"
        case .allOf: return "allOf"
        case .anyOf: return "anyOf"
        case .oneOf: return "oneOf"
        case .not: return "not"
        case .conditional: return "if"
        }
    }

    /// Subschemas applied to the same instance location (not to a child of
    /// it). A cycle along these edges would recurse forever, so the compiler
    /// rejects one.
    var inPlaceSubschemas: [Int] {
        switch self {
        case .ref(let target, _): return [target]
        case .allOf(let nodes), .anyOf(let nodes), .oneOf(let nodes): return nodes
        case .not(let node): return [node]
        case .conditional(let condition, let then, let otherwise):
            return [condition] + [then, otherwise].compactMap { $0 }
        case .dependentSchemas(let entries): return entries.map(\.node)
        default: return []
        }
    }

    /// Evaluation order: cheap type and value checks before applicators, so a
    /// pass/fail check fails fast.
    var cost: Int {
        switch self {
        case .type: return 0
        case .constant, .enumeration, .required, .minProperties, .maxProperties, .minItems, .maxItems,
             .minLength, .maxLength, .bound, .multipleOf, .dependentRequired, .format:
            return 1
        case .pattern, .uniqueItems: return 2
        case .properties, .prefixItems, .items, .ref, .allOf, .not, .conditional, .dependentSchemas:
            return 3
        case .patternProperties, .additionalProperties, .propertyNames, .contains, .anyOf, .oneOf:
            return 4
        }
    }
}

enum NumericBound: String, Sendable {
    case minimum, maximum, exclusiveMinimum, exclusiveMaximum
}

/// The set of JSON types named by a `type` keyword.
struct JSONTypeSet: OptionSet, Sendable {
    let rawValue: UInt8

    static let null = JSONTypeSet(rawValue: 1 << 0)
    static let boolean = JSONTypeSet(rawValue: 1 << 1)
    static let object = JSONTypeSet(rawValue: 1 << 2)
    static let array = JSONTypeSet(rawValue: 1 << 3)
    static let number = JSONTypeSet(rawValue: 1 << 4)
    static let integer = JSONTypeSet(rawValue: 1 << 5)
    static let string = JSONTypeSet(rawValue: 1 << 6)

    /// In the order messages list them.
    static let namedTypes: [(name: String, type: JSONTypeSet)] = [
        ("string", .string), ("integer", .integer), ("number", .number), ("boolean", .boolean),
        ("object", .object), ("array", .array), ("null", .null),
    ]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        guard let entry = JSONTypeSet.namedTypes.first(where: { $0.name == name }) else { return nil }
        self = entry.type
    }

    /// Whether `value` has one of these types. `integer` accepts numbers with
    /// a zero fractional part (`1.0`), as JSON Schema requires.
    func matches(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .string: return contains(.string)
        case .array: return contains(.array)
        case .object: return contains(.object)
        case .integer: return contains(.number) || contains(.integer)
        case .number(let double):
            return contains(.number) || (contains(.integer) && double.isFinite && double.rounded() == double)
        }
    }

    var names: [String] {
        JSONTypeSet.namedTypes.filter { contains($0.type) }.map(\.name)
    }
}

/// A JSON number as parsed: integers stay exact so that comparisons with
/// large integers do not go through a lossy `Double` conversion.
enum JSONNumber: Sendable {
    case integer(Int)
    case double(Double)

    init?(_ value: JSONValue) {
        switch value {
        case .integer(let integer): self = .integer(integer)
        case .number(let double): self = .double(double)
        default: return nil
        }
    }

    var doubleValue: Double {
        switch self {
        case .integer(let integer): return Double(integer)
        case .double(let double): return double
        }
    }

    var jsonValue: JSONValue {
        switch self {
        case .integer(let integer): return .integer(integer)
        case .double(let double): return .number(double)
        }
    }

    /// The sign of `lhs - rhs` (-1, 0 or 1), computed exactly for every pair of
    /// finite values, including integers beyond 2^53.
    static func compare(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        switch (lhs, rhs) {
        case let (.integer(a), .integer(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.double(a), .double(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.integer(a), .double(b)): return compare(a, b)
        case let (.double(a), .integer(b)): return -compare(b, a)
        }
    }

    private static func compare(_ integer: Int, _ double: Double) -> Int {
        // 2^63 is exactly representable; everything at or beyond it is out of Int's range.
        let twoToThe63 = 9_223_372_036_854_775_808.0
        if double.isNaN { return 0 }
        if double >= twoToThe63 { return -1 }
        if double < -twoToThe63 { return 1 }
        let whole = double.rounded(.towardZero)
        let wholeInteger = Int(whole)  // in range: -2^63 ≤ whole < 2^63
        if integer != wholeInteger { return integer < wholeInteger ? -1 : 1 }
        let fraction = double - whole
        return fraction == 0 ? 0 : (fraction > 0 ? -1 : 1)
    }

    /// Whether `self` is an integer multiple of `divisor` (which is positive).
    ///
    /// Exact for two integers. Otherwise the quotient is computed in floating
    /// point and accepted if it is within a few ulps of a whole number, so that
    /// decimal literals such as `0.0075` and `0.0001` (neither exactly
    /// representable in binary) behave as their authors intended. A quotient
    /// that overflows to infinity is not a multiple.
    func isMultiple(of divisor: JSONNumber) -> Bool {
        if case .integer(let value) = self {
            switch divisor {
            case .integer(let step): return value % step == 0
            case .double(let step) where step.rounded() == step && step < 9.0e18:
                return value % Int(step) == 0
            default: break
            }
        }
        let quotient = doubleValue / divisor.doubleValue
        guard quotient.isFinite else { return false }
        let tolerance = 4 * Double.ulpOfOne * max(1, abs(quotient))
        return abs(quotient - quotient.rounded()) <= tolerance
    }
}
