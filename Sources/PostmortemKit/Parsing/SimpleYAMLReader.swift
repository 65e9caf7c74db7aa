/// Reads the small, plain YAML that front matter (and most config) is written
/// in straight from its UTF-8 bytes, giving the same JSON and the same key and
/// element positions as Yams followed by `FrontMatterParser`'s converter, at a
/// fraction of the cost.
///
/// It refuses (returns nil) whatever it is not certain about, and the caller
/// then reads the text with Yams. So every YAML error and every duplicate-key
/// finding still comes from the Yams path, and this reader only has to be
/// right about documents it accepts.
///
/// Taken here:
/// - a block mapping at the root (any indentation), nested block mappings,
///   block sequences (indented or not under their key), and compact mappings
///   in sequence entries (`- name: x` with more keys below at the same column);
/// - keys: plain (spaces allowed inside, not starting with an indicator or
///   `-`), single- or double-quoted, on one line, at most 1000 bytes;
/// - scalars on one line: plain (resolved by `ScalarResolver`, as the Yams
///   path does), single-quoted (with `''`), double-quoted (with the escapes
///   `\\ \" \/ \b \t \n \v \f \r \e \a \N \_ \L \P \x \u \U`, but none giving
///   NUL or a surrogate);
/// - flow sequences and flow mappings opened and closed on one line, nested,
///   holding quoted scalars or plain ones without `:` or `#`;
/// - blank lines, whole-line comments, and ` # comments` after a value.
///
/// Refused, so read by Yams: anchors, aliases, tags, block scalars (`|`, `>`),
/// multi-line scalars and flow collections, `?` complex keys, empty sequence
/// entries, trailing commas and empty entries in flow collections, `<<` keys,
/// duplicate keys, document markers and directives, tabs, control characters,
/// byte order marks and the Unicode line breaks (NEL, LS, PS), nesting deeper
/// than `maxDepth`, empty documents and roots that are not mappings, and
/// anything that would be a YAML error.
enum SimpleYAMLReader {
    /// Deep enough for any front matter; deeper documents go to Yams, whose
    /// converter reports nesting beyond its own limit.
    static let maxDepth = 16

    /// `lineOffset` is added to 1-based YAML lines, as in `FrontMatterParser.readMapping`.
    static func read(_ yaml: String, lineOffset: Int) -> (value: JSONValue, locations: [String: SourceLocation])? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var reader = Reader(text: bytes, lineOffset: lineOffset)
            do {
                try reader.splitLines()
                let value = try reader.document()
                return (value, reader.locations)
            } catch {
                return nil
            }
        }
    }

    /// The reader met something outside its subset.
    struct Unsupported: Error {}

    private struct Line {
        /// Byte offsets of the first byte and of the end (before `\n`).
        var start: Int
        var end: Int
        /// Leading spaces.
        var indent: Int
        /// Only spaces, or a comment.
        var isBlank: Bool
    }

    private struct Reader {
        let text: UnsafeBufferPointer<UInt8>
        let lineOffset: Int
        var lines: [Line] = []
        /// The line being read.
        var current = 0
        var locations: [String: SourceLocation] = [:]

        init(text: UnsafeBufferPointer<UInt8>, lineOffset: Int) {
            self.text = text
            self.lineOffset = lineOffset
        }

        // MARK: Lines

        /// Splits the text into lines and refuses any character that libyaml
        /// reads differently from a plain printable one (tabs, controls, BOM,
        /// NEL/LS/PS line breaks) or rejects.
        mutating func splitLines() throws(Unsupported) {
            lines.reserveCapacity(32)
            var start = 0
            var index = 0
            let count = text.count
            while index < count {
                let byte = text[index]
                if byte == .newline {
                    try addLine(start: start, end: index)
                    start = index + 1
                } else if byte < 0x20 || byte == 0x7F {
                    throw Unsupported()
                } else if byte >= 0x80 {
                    let next = index + 1 < count ? text[index + 1] : 0
                    let afterNext = index + 2 < count ? text[index + 2] : 0
                    switch byte {
                    case 0xC2 where next < 0xA0: throw Unsupported()                  // C1 controls, NEL
                    case 0xE2 where next == 0x80 && (afterNext == 0xA8 || afterNext == 0xA9):
                        throw Unsupported()                                             // LS, PS
                    case 0xEF where (next == 0xBB && afterNext == 0xBF) || (next == 0xBF && afterNext >= 0xBE):
                        throw Unsupported()                                             // BOM, U+FFFE, U+FFFF
                    default: break
                    }
                }
                index += 1
            }
            try addLine(start: start, end: count)
        }

        private mutating func addLine(start: Int, end: Int) throws(Unsupported) {
            var first = start
            while first < end && text[first] == .space { first += 1 }
            let indent = first - start
            if indent == 0, end - start >= 3 {
                let a = text[start], b = text[start + 1], c = text[start + 2]
                // Document markers.
                if (a == .dash && b == .dash && c == .dash) || (a == .dot && b == .dot && c == .dot) { throw Unsupported() }
            }
            lines.append(Line(start: start, end: end, indent: indent, isBlank: first == end || text[first] == .hash))
        }

        mutating func skipBlankLines() {
            while current < lines.count && lines[current].isBlank { current += 1 }
        }

        func location(line: Int, at position: Int) -> SourceLocation {
            // libyaml counts columns in characters, so skip UTF-8 continuation bytes.
            var column = 1
            var index = lines[line].start
            while index < position {
                if text[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            return SourceLocation(line: line + 1 + lineOffset, column: column)
        }

        func skipSpaces(_ position: Int, _ end: Int) -> Int {
            var position = position
            while position < end && text[position] == .space { position += 1 }
            return position
        }

        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
        }

        // MARK: Block structure

        mutating func document() throws(Unsupported) -> JSONValue {
            skipBlankLines()
            guard current < lines.count else { throw Unsupported() }
            let line = lines[current]
            // About a key or an element per line. More would cost memory for
            // every postmortem kept; fewer, rehashing as the table grows.
            locations.reserveCapacity(lines.count)
            let value = try blockMapping(indent: line.indent, start: line.start + line.indent, pointer: "", depth: 1)
            skipBlankLines()
            guard current == lines.count else { throw Unsupported() }
            return value
        }

        /// A block mapping whose keys sit at column `indent`; the first key
        /// starts at byte `start` of the current line (after `- ` for a
        /// compact mapping in a sequence entry).
        mutating func blockMapping(indent: Int, start: Int, pointer: String, depth: Int) throws(Unsupported) -> JSONValue {
            guard depth <= SimpleYAMLReader.maxDepth else { throw Unsupported() }
            var object: [String: JSONValue] = [:]
            // The root holds most keys; growing it step by step would rehash them each time.
            if depth == 1 { object.reserveCapacity(lines.count) }
            var position = start
            while true {
                let line = lines[current]
                guard let key = try mappingKey(at: position, end: line.end), !isMergeKey(key.text) else { throw Unsupported() }
                let path = pointer + "/" + pointerToken(key.text)
                locations[path] = location(line: current, at: position)
                let value = try valueAfterKey(at: key.valueStart, keyIndent: indent, pointer: path, depth: depth + 1)
                // A duplicate key stops the reading, so checking after the value costs nothing in effect.
                guard object.updateValue(value, forKey: key.text) == nil else { throw Unsupported() }
                skipBlankLines()
                guard current < lines.count else { break }
                let next = lines[current]
                if next.indent < indent { break }
                guard next.indent == indent else { throw Unsupported() }
                position = next.start + indent
            }
            return .object(object)
        }

        /// The value after `key:`; `position` is just past the colon.
        mutating func valueAfterKey(at position: Int, keyIndent: Int, pointer: String, depth: Int) throws(Unsupported) -> JSONValue {
            let line = lines[current]
            let content = skipSpaces(position, line.end)
            if content < line.end && text[content] != .hash {
                let value = try inlineValue(at: content, end: line.end, pointer: pointer, depth: depth)
                current += 1
                return value
            }
            // Nothing more on the key's line: the value is the block below, or null.
            current += 1
            skipBlankLines()
            guard current < lines.count else { return .null }
            let next = lines[current]
            let first = next.start + next.indent
            if next.indent >= keyIndent && isSequenceEntry(first, next.end) {
                return try blockSequence(indent: next.indent, pointer: pointer, depth: depth)
            }
            if next.indent > keyIndent {
                return try blockMapping(indent: next.indent, start: first, pointer: pointer, depth: depth)
            }
            return .null
        }

        func isSequenceEntry(_ position: Int, _ end: Int) -> Bool {
            text[position] == .dash && (position + 1 == end || text[position + 1] == .space)
        }

        /// A block sequence whose dashes sit at column `indent`, starting on the current line.
        mutating func blockSequence(indent: Int, pointer: String, depth: Int) throws(Unsupported) -> JSONValue {
            guard depth <= SimpleYAMLReader.maxDepth else { throw Unsupported() }
            var items: [JSONValue] = []
            while true {
                let line = lines[current]
                let dash = line.start + indent
                guard isSequenceEntry(dash, line.end) else { throw Unsupported() }
                let content = skipSpaces(dash + 1, line.end)
                // An empty entry, or one whose value starts on a later line.
                guard content < line.end, text[content] != .hash else { throw Unsupported() }
                guard !isSequenceEntry(content, line.end) else { throw Unsupported() }
                let path = pointer + "/" + String(items.count)
                locations[path] = location(line: current, at: content)
                if try mappingKey(at: content, end: line.end) != nil {
                    items.append(try blockMapping(indent: content - line.start, start: content, pointer: path, depth: depth + 1))
                } else {
                    items.append(try inlineValue(at: content, end: line.end, pointer: path, depth: depth + 1))
                    current += 1
                }
                skipBlankLines()
                guard current < lines.count else { break }
                let next = lines[current]
                if next.indent < indent { break }
                guard next.indent == indent else { throw Unsupported() }
                // The next key of the mapping that holds an unindented sequence.
                guard isSequenceEntry(next.start + indent, next.end) else { break }
            }
            return .array(items)
        }

        /// A key and the position after its colon, or nil when the text at
        /// `position` is not a key (a scalar or flow collection).
        func mappingKey(at position: Int, end: Int) throws(Unsupported) -> (text: String, valueStart: Int)? {
            guard position < end else { return nil }
            let first = text[position]
            if first == .doubleQuote || first == .singleQuote {
                let (key, after) = try quotedScalar(at: position, end: end)
                let colon = skipSpaces(after, end)
                guard colon < end, text[colon] == .colon else { return nil }
                guard colon + 1 == end || text[colon + 1] == .space, after - position <= 1000 else { throw Unsupported() }
                return (key, colon + 1)
            }
            guard !first.isIndicator, first != .dash, first != .question, first != .colon else { return nil }
            var index = position + 1
            while index < end {
                let byte = text[index]
                if byte == .colon && (index + 1 == end || text[index + 1] == .space) { break }
                if byte == .hash && text[index - 1] == .space { return nil }
                index += 1
            }
            guard index < end else { return nil }
            var keyEnd = index
            while text[keyEnd - 1] == .space { keyEnd -= 1 }
            // libyaml allows simple keys of up to 1024 characters.
            guard keyEnd - position <= 1000 else { throw Unsupported() }
            return (string(position, keyEnd), index + 1)
        }

        /// A scalar or flow collection that must end the line (bar a comment).
        mutating func inlineValue(at position: Int, end: Int, pointer: String, depth: Int) throws(Unsupported) -> JSONValue {
            let first = text[position]
            let value: JSONValue
            let after: Int
            switch first {
            case .openBracket:
                (value, after) = try flowSequence(at: position, end: end, pointer: pointer, depth: depth)
            case .openBrace:
                (value, after) = try flowMapping(at: position, end: end, pointer: pointer, depth: depth)
            case .doubleQuote, .singleQuote:
                let (string, afterQuote) = try quotedScalar(at: position, end: end)
                (value, after) = (.string(string), afterQuote)
            default:
                guard startsPlainScalar(at: position, end: end, inFlow: false) else { throw Unsupported() }
                var index = position + 1
                while index < end {
                    let byte = text[index]
                    // A `: ` here would make a mapping inside a value, which YAML forbids.
                    if byte == .colon && (index + 1 == end || text[index + 1] == .space) { throw Unsupported() }
                    if byte == .hash && text[index - 1] == .space { break }
                    index += 1
                }
                var scalarEnd = index
                while text[scalarEnd - 1] == .space { scalarEnd -= 1 }
                return resolvePlain(position, scalarEnd)
            }
            let rest = skipSpaces(after, end)
            guard rest == end || (text[rest] == .hash && rest > after) else { throw Unsupported() }
            return value
        }

        func startsPlainScalar(at position: Int, end: Int, inFlow: Bool) -> Bool {
            let first = text[position]
            if first.isIndicator || first == .question || first == .colon { return false }
            if first == .dash {
                guard position + 1 < end else { return false }
                let next = text[position + 1]
                return next != .space && !(inFlow && next.isFlowIndicator)
            }
            return true
        }

        // MARK: Flow collections on one line

        mutating func flowSequence(at position: Int, end: Int, pointer: String, depth: Int) throws(Unsupported) -> (JSONValue, Int) {
            guard depth <= SimpleYAMLReader.maxDepth else { throw Unsupported() }
            var items: [JSONValue] = []
            var index = skipSpaces(position + 1, end)
            if index < end && text[index] == .closeBracket { return (.array([]), index + 1) }
            while true {
                guard index < end else { throw Unsupported() }
                let path = pointer + "/" + String(items.count)
                locations[path] = location(line: current, at: index)
                let (item, after) = try flowNode(at: index, end: end, pointer: path, depth: depth + 1)
                items.append(item)
                switch try separator(after: after, end: end, closer: .closeBracket) {
                case .next(let next): index = next
                case .closed(let next): return (.array(items), next)
                }
            }
        }

        enum FlowSeparator {
            /// Another entry starts here.
            case next(Int)
            /// The collection closed; this is the position after it.
            case closed(Int)
        }

        /// What follows an entry of a flow collection: a comma and the next
        /// entry, or the closing bracket.
        func separator(after position: Int, end: Int, closer: UInt8) throws(Unsupported) -> FlowSeparator {
            let index = skipSpaces(position, end)
            guard index < end else { throw Unsupported() }
            if text[index] == closer { return .closed(index + 1) }
            guard text[index] == .comma else { throw Unsupported() }
            let next = skipSpaces(index + 1, end)
            // A trailing comma or an empty entry.
            guard next < end, text[next] != closer, text[next] != .comma else { throw Unsupported() }
            return .next(next)
        }

        mutating func flowMapping(at position: Int, end: Int, pointer: String, depth: Int) throws(Unsupported) -> (JSONValue, Int) {
            guard depth <= SimpleYAMLReader.maxDepth else { throw Unsupported() }
            var object: [String: JSONValue] = [:]
            var index = skipSpaces(position + 1, end)
            if index < end && text[index] == .closeBrace { return (.object([:]), index + 1) }
            while true {
                guard index < end else { throw Unsupported() }
                let keyStart = index
                let key: String
                var afterKey: Int
                if text[index] == .doubleQuote || text[index] == .singleQuote {
                    (key, afterKey) = try quotedScalar(at: index, end: end)
                } else {
                    guard startsPlainScalar(at: index, end: end, inFlow: true) else { throw Unsupported() }
                    afterKey = index + 1
                    while afterKey < end && !text[afterKey].endsFlowPlainScalar { afterKey += 1 }
                    var keyEnd = afterKey
                    while text[keyEnd - 1] == .space { keyEnd -= 1 }
                    key = string(index, keyEnd)
                }
                let colon = skipSpaces(afterKey, end)
                guard colon + 1 < end, text[colon] == .colon, text[colon + 1] == .space,
                      afterKey - keyStart <= 1000, !isMergeKey(key) else { throw Unsupported() }
                let path = pointer + "/" + pointerToken(key)
                locations[path] = location(line: current, at: keyStart)
                index = skipSpaces(colon + 1, end)
                guard index < end, text[index] != .comma, text[index] != .closeBrace else { throw Unsupported() }
                let (value, after) = try flowNode(at: index, end: end, pointer: path, depth: depth + 1)
                guard object.updateValue(value, forKey: key) == nil else { throw Unsupported() }
                switch try separator(after: after, end: end, closer: .closeBrace) {
                case .next(let next): index = next
                case .closed(let next): return (.object(object), next)
                }
            }
        }

        /// One entry of a flow collection; returns it and the position after it.
        mutating func flowNode(at position: Int, end: Int, pointer: String, depth: Int) throws(Unsupported) -> (JSONValue, Int) {
            switch text[position] {
            case .openBracket:
                return try flowSequence(at: position, end: end, pointer: pointer, depth: depth)
            case .openBrace:
                return try flowMapping(at: position, end: end, pointer: pointer, depth: depth)
            case .doubleQuote, .singleQuote:
                let (string, after) = try quotedScalar(at: position, end: end)
                return (.string(string), after)
            default:
                guard startsPlainScalar(at: position, end: end, inFlow: true) else { throw Unsupported() }
                var index = position + 1
                while index < end && !text[index].endsFlowPlainScalar { index += 1 }
                // `:` and `#` inside flow scalars follow rules best left to Yams.
                guard index < end, text[index] != .colon, text[index] != .hash else { throw Unsupported() }
                var scalarEnd = index
                while text[scalarEnd - 1] == .space { scalarEnd -= 1 }
                return (resolvePlain(position, scalarEnd), index)
            }
        }

        // MARK: Scalars

        /// A quoted scalar closed on this line; returns its value and the position after the closing quote.
        func quotedScalar(at position: Int, end: Int) throws(Unsupported) -> (String, Int) {
            let quote = text[position]
            var index = position + 1
            // Most quoted scalars have no escapes: take them as one slice.
            while index < end && text[index] != quote && !(quote == .doubleQuote && text[index] == .backslash) { index += 1 }
            guard index < end else { throw Unsupported() }
            if quote == .singleQuote ? !(index + 1 < end && text[index + 1] == .singleQuote) : text[index] == quote {
                return (string(position + 1, index), index + 1)
            }
            var bytes = Array(text[(position + 1)..<index])
            while true {
                guard index < end else { throw Unsupported() }
                let byte = text[index]
                if byte == quote {
                    if quote == .singleQuote && index + 1 < end && text[index + 1] == .singleQuote {
                        bytes.append(.singleQuote)
                        index += 2
                        continue
                    }
                    return (String(decoding: bytes, as: UTF8.self), index + 1)
                }
                if quote == .doubleQuote && byte == .backslash {
                    index = try unescape(at: index + 1, end: end, into: &bytes)
                    continue
                }
                bytes.append(byte)
                index += 1
            }
        }

        /// Appends the character a double-quoted escape stands for; `position`
        /// is just past the backslash. Returns the position after the escape.
        func unescape(at position: Int, end: Int, into bytes: inout [UInt8]) throws(Unsupported) -> Int {
            guard position < end else { throw Unsupported() }
            let simple: Unicode.Scalar?
            switch text[position] {
            case UInt8(ascii: "\\"): simple = "\\"
            case UInt8(ascii: "\""): simple = "\""
            case UInt8(ascii: "/"): simple = "/"
            case UInt8(ascii: "a"): simple = "\u{07}"
            case UInt8(ascii: "b"): simple = "\u{08}"
            case UInt8(ascii: "t"): simple = "\t"
            case UInt8(ascii: "n"): simple = "\n"
            case UInt8(ascii: "v"): simple = "\u{0B}"
            case UInt8(ascii: "f"): simple = "\u{0C}"
            case UInt8(ascii: "r"): simple = "\r"
            case UInt8(ascii: "e"): simple = "\u{1B}"
            case UInt8(ascii: "N"): simple = "\u{85}"
            case UInt8(ascii: "_"): simple = "\u{A0}"
            case UInt8(ascii: "L"): simple = "\u{2028}"
            case UInt8(ascii: "P"): simple = "\u{2029}"
            default: simple = nil
            }
            if let simple {
                bytes.append(contentsOf: String(simple).utf8)
                return position + 1
            }
            let digits: Int
            switch text[position] {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default: throw Unsupported()
            }
            guard position + digits < end else { throw Unsupported() }
            var code: UInt32 = 0
            for index in (position + 1)...(position + digits) {
                guard let digit = text[index].hexDigitValue else { throw Unsupported() }
                code = code << 4 | UInt32(digit)
            }
            guard code != 0, let scalar = Unicode.Scalar(code) else { throw Unsupported() }
            bytes.append(contentsOf: String(scalar).utf8)
            return position + digits + 1
        }

        /// Resolves a plain scalar as the Yams path does, without building
        /// the resolver's candidates for the common cases: words (a letter
        /// first, longer than any null or bool keyword), text that holds a
        /// character no number has (timestamps), and plain decimal integers.
        func resolvePlain(_ start: Int, _ end: Int) -> JSONValue {
            let value = string(start, end)
            let first = text[start]
            switch first {
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var isDecimal = first != UInt8(ascii: "0") && end - start <= 18
                for index in start..<end {
                    let byte = text[index]
                    if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") {
                        // Numbers use only digits, hex letters, signs, `.`, `_` and the `x` of `0x`.
                        guard byte.canBeInNumber else { return .string(value) }
                        isDecimal = false
                    }
                }
                if isDecimal, let integer = Int(value) { return .integer(integer) }
                return ScalarResolver.resolve(value)
            case UInt8(ascii: "~"):
                return ScalarResolver.resolve(value)
            default:
                // Null and bool keywords ("null", "FALSE", "on") have at most five letters.
                return end - start <= 5 ? ScalarResolver.resolve(value) : .string(value)
            }
        }

        /// `<<` merges mappings in YAML 1.1; Yams decides what it means.
        func isMergeKey(_ key: String) -> Bool {
            key.utf8.count == 2 && key == "<<"
        }

        func pointerToken(_ key: String) -> String {
            key.utf8.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") } ? key.jsonPointerEscaped : key
        }
    }
}

private extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let question = UInt8(ascii: "?")
    static let comma = UInt8(ascii: ",")
    static let backslash = UInt8(ascii: "\\")
    static let singleQuote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    /// Characters that cannot start a plain scalar (`-`, `?`, `:` are handled apart).
    var isIndicator: Bool {
        switch self {
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
             UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), UInt8(ascii: " "):
            return true
        default:
            return false
        }
    }

    var isFlowIndicator: Bool {
        self == .comma || self == .openBracket || self == .closeBracket || self == .openBrace || self == .closeBrace
    }

    /// Where this reader stops a plain scalar inside a flow collection.
    var endsFlowPlainScalar: Bool {
        isFlowIndicator || self == .colon || self == .hash
    }

    var canBeInNumber: Bool {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"),
             UInt8(ascii: "x"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    var hexDigitValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return self - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
