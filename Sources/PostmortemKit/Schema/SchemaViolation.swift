/// One way in which a JSON instance fails a schema.
///
/// Violations are reported by `JSONSchemaValidator.validate(_:)` in a
/// deterministic order (see `SchemaViolation.isOrderedBefore(_:)`), so that
/// output and tests are stable across runs and platforms.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// RFC 6901 pointer to the offending value in the instance: `""` for the
    /// root, `/services/0` for the first element of `services`.
    ///
    /// For `required` and `dependentRequired` this is the object that lacks
    /// the property (the property does not exist, so it has no pointer; see
    /// `missingProperty`). For `additionalProperties: false` and for
    /// `propertyNames` it is the pointer of the offending property itself.
    public var instancePointer: String
    /// The schema keyword that failed, e.g. `required`, `enum`, `type`.
    /// `false` is used when the schema at that point is the boolean schema
    /// `false` (nothing is allowed there), and `$ref` when a recursive schema
    /// meets an instance nested too deeply to evaluate safely.
    public var keyword: String
    /// RFC 6901 pointer to the failing keyword in the schema document, e.g.
    /// `/properties/severity/enum`. It names the keyword's location in the
    /// document, not the path taken through `$ref`s to reach it.
    public var schemaPointer: String
    /// A human-readable sentence saying what was expected and what was found,
    /// e.g. `must be one of SEV1, SEV2, SEV3, SEV4 (found "SEV5")`.
    public var message: String
    /// For `required` and `dependentRequired`: the name of the missing
    /// property, so a caller can point at the place where it should go.
    public var missingProperty: String?

    public init(instancePointer: String, keyword: String, schemaPointer: String, message: String,
                missingProperty: String? = nil) {
        self.instancePointer = instancePointer
        self.keyword = keyword
        self.schemaPointer = schemaPointer
        self.message = message
        self.missingProperty = missingProperty
    }

    /// `<instancePointer or "(root)">: <message>`, for logs and test failures.
    public var description: String {
        "\(instancePointer.isEmpty ? "(root)" : instancePointer): \(message)"
    }

    /// The reporting order: by `instancePointer`, then `keyword`, then
    /// `message` (then `schemaPointer`, to make the order total).
    ///
    /// Pointers are compared token by token, and two array indices compare as
    /// numbers, so `/items/2` comes before `/items/10` and a parent comes before
    /// its children — the order in which a reader meets them in the document.
    public func isOrderedBefore(_ other: SchemaViolation) -> Bool {
        if instancePointer != other.instancePointer {
            return SchemaViolation.pointerPrecedes(instancePointer, other.instancePointer)
        }
        if keyword != other.keyword { return keyword < other.keyword }
        if message != other.message { return message < other.message }
        return schemaPointer < other.schemaPointer
    }

    private static func pointerPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        // Split on the raw "/" separators; escaped tokens compare consistently
        // either way, and the split keeps the comparison allocation-light.
        let left = lhs.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let right = rhs.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (a, b) in zip(left, right) where !a.elementsEqual(b) {
            if let x = index(a), let y = index(b) { return x < y }
            return a.lexicographicallyPrecedes(b)
        }
        return left.count < right.count
    }

    private static func index(_ token: Substring.UTF8View.SubSequence) -> Int? {
        guard !token.isEmpty, token.count <= 18,
              token.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return token.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
