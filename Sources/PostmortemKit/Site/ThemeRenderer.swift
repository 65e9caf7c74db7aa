/// Renders the theme's Mustache templates straight from `JSONValue`
/// contexts into UTF-8 bytes, with the same output as swift-mustache.
///
/// Why not only swift-mustache: it looks every name up through dynamic
/// casts on `Any` and escapes HTML one Character at a time, which made it
/// 40 % of a site build's CPU time. This renderer reads the templates once
/// into a tree of nodes and walks it over the JSON values themselves.
///
/// It covers the Mustache that themes use: text, `{{name}}`, `{{{name}}}`,
/// `{{& name}}`, sections, inverted sections, comments and static partials,
/// with dotted names and `{{.}}`. A theme using anything else (set
/// delimiters, pragmas, template inheritance, dynamic partials, swift-mustache
/// transforms such as `{{uppercased(name)}}`) or carriage returns and other
/// unusual line breaks gets no renderer (`init` returns nil) and is rendered
/// by swift-mustache. Parsing follows swift-mustache's parser step by step,
/// including its rules for standalone tags and partial indentation, and the
/// tests render the built-in theme and generated templates with both and
/// compare the bytes.
///
/// One deliberate difference: HTML escaping works on bytes, so a `<`, `>`,
/// `&`, `"` or `'` followed by a combining mark is escaped too (swift-mustache
/// compares whole Characters and leaves it).
struct ThemeRenderer: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, [Node])
        case partial(String, indentation: [UInt8]?)
    }

    /// A tag's name as looked up: `.` (the current value), `.a.b` (from the
    /// current value only) or `a.b` (the first part searched down the stack).
    struct Name: Sendable {
        var parts: [String]
        var fromTop: Bool
    }

    private let templates: [String: [Node]]
    /// Deeper partials render nothing: a theme whose partial includes itself
    /// unconditionally would otherwise recurse until the stack overflows.
    static let maxPartialDepth = 64

    /// Nil when any template uses something this renderer does not cover.
    init?(templates: [String: String]) {
        var parsed: [String: [Node]] = [:]
        for (name, text) in templates {
            guard let nodes = ThemeTemplateParser.parse(text) else { return nil }
            parsed[name] = nodes
        }
        self.templates = parsed
    }

    /// The rendered template, or nil when there is no template of that name.
    func render(_ template: String, _ context: JSONValue) -> [UInt8]? {
        guard let nodes = templates[template] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        // swift-mustache sees a null context as `false`.
        var stack: [JSONValue] = [ThemeRenderer.stackValue(context)]
        render(nodes, stack: &stack, indentation: nil, depth: 0, into: &out)
        return out
    }

    /// Null array elements and contexts are `false` in swift-mustache (see `Theme.mustacheValue`).
    private static func stackValue(_ value: JSONValue) -> JSONValue {
        if case .null = value { return .bool(false) }
        return value
    }

    private func render(_ nodes: [Node], stack: inout [JSONValue], indentation: [UInt8]?, depth: Int, into out: inout [UInt8]) {
        // swift-mustache renders each template (and each section body) into
        // a string of its own and indents a node's output when that string
        // so far ends with a line break; `start` marks where that string begins.
        let start = out.count
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, stack: &stack, indentation: indentation, depth: depth, into: &out) }
            return
        }
        for node in nodes {
            let before = out.count
            let endsLine = before > start && out[before - 1] == UInt8(ascii: "\n")
                && !(before - 2 >= start && out[before - 2] == UInt8(ascii: "\r"))
            render(node, stack: &stack, indentation: indentation, depth: depth, into: &out)
            if endsLine && out.count > before { out.insert(contentsOf: indentation, at: before) }
        }
    }

    private func render(_ node: Node, stack: inout [JSONValue], indentation: [UInt8]?, depth: Int, into out: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookUp(name, in: stack) else { return }
            switch value {
            case .string(let string):
                if escaped { HTML.appendEscaped(string, to: &out) } else { out.append(contentsOf: string.utf8) }
            default:
                let text = ThemeRenderer.describe(value)
                if escaped { HTML.appendEscaped(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            }
        case .section(let name, let inverted, let body):
            let value = lookUp(name, in: stack)
            if inverted {
                switch value {
                case .array(let items)? where items.isEmpty:
                    stack.append(value!)
                    render(body, stack: &stack, indentation: indentation, depth: depth, into: &out)
                    stack.removeLast()
                case .bool(false)?, nil:
                    render(body, stack: &stack, indentation: indentation, depth: depth, into: &out)
                default:
                    return
                }
                return
            }
            switch value {
            case nil, .bool(false)?:
                return
            case .bool(true)?:
                render(body, stack: &stack, indentation: indentation, depth: depth, into: &out)
            case .array(let items)?:
                for item in items {
                    stack.append(ThemeRenderer.stackValue(item))
                    render(body, stack: &stack, indentation: indentation, depth: depth, into: &out)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(body, stack: &stack, indentation: indentation, depth: depth, into: &out)
                stack.removeLast()
            }
        case .partial(let name, let indented):
            guard depth < ThemeRenderer.maxPartialDepth, let nodes = templates[name] else { return }
            let nested = indented.map { (indentation ?? []) + $0 } ?? indentation
            render(nodes, stack: &stack, indentation: nested, depth: depth + 1, into: &out)
        }
    }

    /// What swift-mustache prints for a value that is not a string.
    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .bool(let bool): return bool ? "true" : "false"
        case .integer(let integer): return String(integer)
        case .number(let number): return String(describing: number)
        case .null: return "false"
        case .string(let string): return string
        case .array, .object: return String(describing: Theme.mustacheValue(value))
        }
    }

    /// Looks a name up as swift-mustache does: only objects have children,
    /// and a null member counts as missing.
    private func lookUp(_ name: Name, in stack: [JSONValue]) -> JSONValue? {
        guard let first = name.parts.first else { return stack.last }
        if name.fromTop { return descend(name.parts[...], from: stack[stack.count - 1]) }
        // By index rather than `reversed()`, and single names returned
        // at once: most lookups are one plain name, and each frame copied
        // on the way cost a retain and a release.
        var index = stack.count
        while index > 0 {
            index -= 1
            guard case .object(let members) = stack[index], let child = members[first] else { continue }
            if case .null = child { continue }
            return name.parts.count == 1 ? child : descend(name.parts.dropFirst(), from: child)
        }
        return nil
    }

    private func descend(_ parts: ArraySlice<String>, from value: JSONValue) -> JSONValue? {
        var value = value
        for part in parts {
            guard let child = ThemeRenderer.child(part, of: value) else { return nil }
            value = child
        }
        return value
    }

    private static func child(_ name: String, of value: JSONValue) -> JSONValue? {
        guard case .object(let members) = value, let child = members[name] else { return nil }
        if case .null = child { return nil }
        return child
    }
}

/// Reads a template into `ThemeRenderer` nodes, following swift-mustache's
/// parser (`MustacheTemplate.parse`) so that whitespace around standalone
/// tags comes out the same. Returns nil for anything outside the covered
/// subset; the template has already been accepted by swift-mustache.
enum ThemeTemplateParser {
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private struct Unsupported: Error {}

    static func parse(_ template: String) -> [ThemeRenderer.Node]? {
        // Line breaks other than "\n" take other paths in swift-mustache's parser.
        let otherLineBreaks: Set<Unicode.Scalar> = ["\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        if template.unicodeScalars.contains(where: otherLineBreaks.contains) {
            return nil
        }
        var reader = Reader(characters: Array(template))
        return try? parse(&reader, section: nil, newLine: true)
    }

    private struct Reader {
        var characters: [Character]
        var position = 0
        var atEnd: Bool { position == characters.count }
        /// `"\0"` at the end, as swift-mustache's `Parser.current()`.
        var current: Character { atEnd ? "\0" : characters[position] }

        mutating func read(while accept: (Character) -> Bool) -> String {
            let start = position
            while !atEnd && accept(characters[position]) { position += 1 }
            return String(characters[start..<position])
        }

        /// Reads `text` when it comes next.
        mutating func read(_ text: String) -> Bool {
            let expected = Array(text)
            guard position + expected.count <= characters.count,
                  characters[position..<(position + expected.count)].elementsEqual(expected) else { return false }
            position += expected.count
            return true
        }
    }

    private static func parse(_ reader: inout Reader, section: String?, newLine startsOnNewLine: Bool) throws -> [ThemeRenderer.Node] {
        var nodes: [ThemeRenderer.Node] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore = ""
        func text(_ string: String) { nodes.append(.text(Array(string.utf8))) }
        while !reader.atEnd {
            if newLine { whiteSpaceBefore = reader.read { $0 == " " || $0 == "\t" } }
            let content = try readUntilTagOrNewline(&reader)
            if reader.current == "\n" {
                text(whiteSpaceBefore + content + "\n")
                newLine = true
                reader.position += 1
                continue
            }
            if !content.isEmpty {
                text(whiteSpaceBefore + content)
                whiteSpaceBefore = ""
                newLine = false
            }
            if reader.atEnd { break }
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty { text(whiteSpaceBefore); whiteSpaceBefore = "" }
            }
            switch reader.current {
            case "#", "^":
                let inverted = reader.current == "^"
                reader.position += 1
                let name = try readName(&reader)
                if newLine && lineFinished(&reader) { setNewLine = true } else { flushWhiteSpace() }
                let body = try parse(&reader, section: name, newLine: setNewLine)
                nodes.append(.section(lookUpName(name), inverted: inverted, body))
            case "/":
                reader.position += 1
                let name = try readName(&reader)
                guard name == section else { throw Unsupported() }
                if !(newLine && lineFinished(&reader)) { flushWhiteSpace() }
                return nodes
            case "!":
                reader.position += 1
                while !reader.atEnd && !reader.read("}}") { reader.position += 1 }
                setNewLine = newLine && lineFinished(&reader)
            case "{":
                flushWhiteSpace()
                reader.position += 1
                let name = try readName(&reader)
                guard reader.read("}") else { throw Unsupported() }
                nodes.append(.variable(lookUpName(name), escaped: false))
            case "&":
                flushWhiteSpace()
                reader.position += 1
                nodes.append(.variable(lookUpName(try readName(&reader)), escaped: false))
            case ">":
                reader.position += 1
                _ = reader.read { $0.isWhitespace }
                guard reader.current != "*" else { throw Unsupported() }
                let name = reader.read { partialNameCharacters.contains($0) }
                _ = reader.read { $0.isWhitespace }
                guard reader.read("}}") else { throw Unsupported() }
                if !whiteSpaceBefore.isEmpty { text(whiteSpaceBefore) }
                if newLine && lineFinished(&reader) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: Array(whiteSpaceBefore.utf8)))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "=", "%", "<", "$":
                throw Unsupported()
            default:
                flushWhiteSpace()
                nodes.append(.variable(lookUpName(try readName(&reader)), escaped: true))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw Unsupported() }
        return nodes
    }

    /// Text up to a line break (left unread) or past an opening `{{`.
    private static func readUntilTagOrNewline(_ reader: inout Reader) throws -> String {
        var text = ""
        while !reader.atEnd {
            text += reader.read { $0 != "\n" && $0 != "{" }
            if reader.current == "\n" { break }
            if reader.current == "{" {
                // swift-mustache fails on a lone "{" at the very end; it never gets here.
                guard reader.position + 1 < reader.characters.count else { throw Unsupported() }
                if reader.read("{{") { break }
                text += "{"
                reader.position += 1
            }
        }
        return text
    }

    private static func readName(_ reader: inout Reader) throws -> String {
        _ = reader.read { $0.isWhitespace }
        let name = reader.read { nameCharacters.contains($0) }
        _ = reader.read { $0.isWhitespace }
        // Names with brackets call swift-mustache transforms.
        guard reader.read("}}"), !name.contains("("), !name.contains(")") else { throw Unsupported() }
        return name
    }

    /// Whether only spaces and tabs are left on the line; if so, reads them and the line break.
    private static func lineFinished(_ reader: inout Reader) -> Bool {
        if reader.atEnd { return true }
        var ahead = reader
        _ = ahead.read { $0 == " " || $0 == "\t" }
        guard ahead.current == "\n" else { return false }
        reader.position = ahead.position + 1
        return true
    }

    private static func lookUpName(_ name: String) -> ThemeRenderer.Name {
        if name == "." { return ThemeRenderer.Name(parts: [], fromTop: true) }
        return ThemeRenderer.Name(parts: name.split(separator: ".").map(String.init), fromTop: name.first == ".")
    }
}
