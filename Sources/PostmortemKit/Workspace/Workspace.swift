import Foundation

/// The postmortems of one repository, loaded and parsed, with the config and
/// schema that govern them. Loading reads and parses files in parallel and
/// keeps them in path order.
public struct Workspace: Sendable {
    public var config: Config
    public var schema: JSONSchemaValidator
    /// Every postmortem file, parsed, in path order.
    public var postmortems: [Postmortem]

    /// Loads the config and schema; throws `UsageError` for a bad config or schema.
    public static func loadSettings(configFile: URL?, workingDirectory: URL) throws(UsageError) -> (Config, JSONSchemaValidator) {
        let config = try ConfigLoader.load(file: configFile, workingDirectory: workingDirectory)
        return (config, try schema(for: config))
    }

    /// The front-matter schema: `schema:` in the config, else the repository's
    /// `schema/postmortem.schema.json`, else the built-in copy.
    public static func schema(for config: Config) throws(UsageError) -> JSONSchemaValidator {
        let candidates: [URL] = config.schema.map { [config.root.appendingPathComponent($0)] }
            ?? [config.root.appendingPathComponent("schema/postmortem.schema.json")]
        for url in candidates {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                if config.schema != nil { throw UsageError("\(config.schema!): schema file not found (set by `schema:` in .postmortem.yml)") }
                continue
            }
            let json: JSONValue
            do { json = try JSONValue(jsonData: data) } catch {
                throw UsageError("\(url.lastPathComponent): schema is not valid JSON")
            }
            do { return try JSONSchemaValidator(schema: json) } catch {
                throw UsageError("\(url.lastPathComponent): schema cannot be used: \(error)")
            }
        }
        return BuiltInSchemas.postmortem
    }

    /// Reads and parses `files` in parallel.
    public static func parse(_ files: [DiscoveredFile], config: Config) -> [Postmortem] {
        let parser = PostmortemParser(sectionNames: config.sectionNames)
        var results = [Postmortem?](repeating: nil, count: files.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeMutableBufferPointerBox(buffer)
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots.buffer[index] = read(files[index], parser: parser)
            }
        }
        return results.map { $0! }
    }

    static func read(_ file: DiscoveredFile, parser: PostmortemParser) -> Postmortem {
        func unreadable(_ reason: String) -> Postmortem {
            var postmortem = Postmortem(path: file.path)
            postmortem.parseFindings = [Finding(file: file.path, line: 1, severity: .error, rule: UnreadableFileRule.id,
                                                message: "\(file.path) \(reason)")]
            return postmortem
        }
        if let problem = file.problem { return unreadable(problem) }
        do {
            let data = try Data(contentsOf: file.url, options: .mappedIfSafe)
            return parser.parse(path: file.path, bytes: data)
        } catch {
            return unreadable("cannot be read: \((error as NSError).localizedDescription)")
        }
    }
}
