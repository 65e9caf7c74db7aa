import Foundation

/// The schemas compiled into the tool (from the repository's `schema/`
/// folder by `make schemas`; a test keeps them identical).
public enum BuiltInSchemas {
    /// The JSON text of a built-in schema, e.g. `postmortem.schema.json`.
    public static func text(named name: String) -> String? {
        EmbeddedSchemas.files[name]
    }

    public static let names: [String] = EmbeddedSchemas.files.keys.sorted()

    static func load(_ name: String) -> JSONSchemaValidator {
        // The built-in schemas are compiled in and covered by tests; failing to
        // read one is a build defect, never a consequence of user input.
        guard let text = text(named: name), let json = try? JSONValue(jsonData: Data(text.utf8)),
              let validator = try? JSONSchemaValidator(schema: json) else {
            preconditionFailure("built-in schema \(name) is invalid; rebuild with `make schemas`")
        }
        return validator
    }

    public static let config: JSONSchemaValidator = load("config.schema.json")
    public static let postmortem: JSONSchemaValidator = load("postmortem.schema.json")
    public static let lintReport: JSONSchemaValidator = load("lint-report.schema.json")
}
