/// The YAML front matter of a postmortem as JSON, with the source position of
/// every key and array element so findings can point at the offending line.
public struct FrontMatter: Sendable, Hashable {
    /// The front matter converted to JSON. Timestamps stay strings (their
    /// source text), as SPEC §3.1 asks.
    public var value: JSONValue
    /// JSON pointer (RFC 6901, `""` for the root) → where that key or element
    /// starts in the file.
    public var locations: [String: SourceLocation]
    /// The line of the opening `---`.
    public var firstLine: Int
    /// The line of the closing `---`.
    public var lastLine: Int

    public init(value: JSONValue, locations: [String: SourceLocation], firstLine: Int, lastLine: Int) {
        self.value = value
        self.locations = locations
        self.firstLine = firstLine
        self.lastLine = lastLine
    }

    /// The position for a JSON pointer: the pointer itself, else its nearest
    /// ancestor that has one, else the opening `---`.
    public func location(of pointer: String) -> SourceLocation {
        var current = pointer
        while true {
            if let found = locations[current] { return found }
            guard let slash = current.lastIndex(of: "/") else { break }
            current = String(current[..<slash])
        }
        return SourceLocation(line: firstLine)
    }

    public subscript(key: String) -> JSONValue? { value[key] }

    public func string(_ key: String) -> String? { value[key]?.stringValue }

    /// A list of strings; a single string is read as a one-element list.
    public func strings(_ key: String) -> [String] {
        switch value[key] {
        case .string(let s): return [s]
        case .array(let items): return items.compactMap(\.stringValue)
        default: return []
        }
    }

    public func timestamp(_ key: String) -> Timestamp? {
        string(key).flatMap(Timestamp.parseRFC3339)
    }
}

extension String {
    /// Escapes a key for use as one JSON pointer token (RFC 6901).
    var jsonPointerEscaped: String {
        replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
