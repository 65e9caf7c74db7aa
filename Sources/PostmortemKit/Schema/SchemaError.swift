import Foundation

/// A schema the validator cannot evaluate: thrown by `JSONSchemaValidator.init`
/// (never by validation) so that a broken schema is reported once, up front,
/// instead of as a confusing violation on every document.
///
/// Examples: a `$ref` that resolves to nothing, a `pattern` that is not a
/// valid regular expression, `minLength: -1`, an unknown `type` name, a
/// `$ref` cycle that never consumes input, or a keyword this validator does
/// not implement and must not silently skip (see `JSONSchemaValidator`).
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// What is wrong, in a sentence that can be shown to a schema author.
    public var message: String
    /// RFC 6901 pointer into the schema document where the problem is
    /// (`""` for the root).
    public var schemaPointer: String

    public init(_ message: String, at schemaPointer: String) {
        self.message = message
        self.schemaPointer = schemaPointer
    }

    /// `message` prefixed with the location, e.g.
    /// `invalid schema at /properties/id/pattern: invalid regular expression "(("`.
    public var description: String {
        "invalid schema at \(schemaPointer.isEmpty ? "root" : schemaPointer): \(message)"
    }

    public var errorDescription: String? { description }
}
