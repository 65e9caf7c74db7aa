/// Reads the tags of a Mustache template and checks a context against them.
///
/// Mustache renders a missing variable, section or partial as nothing, with no
/// error. The theme refuses missing partials when it loads; tests use
/// `problems(in:context:)` to prove that every name a template uses is set in
/// the context of every page the sample repository produces.
public enum TemplateAudit {
    public struct Tag: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case variable, unescaped, section, inverted, close, partial, other }
        public var kind: Kind
        public var name: String
        public var line: Int
    }

    /// The tags of `template`, in order. Comments are skipped.
    public static func tags(in template: String) -> [Tag] {
        var tags: [Tag] = []
        let scalars = Array(template.unicodeScalars)
        var index = 0, line = 1
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.unicodeScalars)
            guard position + pattern.count <= scalars.count else { return false }
            return (0..<pattern.count).allSatisfy { scalars[position + $0] == pattern[$0] }
        }
        while index < scalars.count {
            if scalars[index] == "\n" { line += 1 }
            guard starts("{{", at: index) else { index += 1; continue }
            let tagLine = line
            let triple = starts("{{{", at: index)
            let closer = triple ? "}}}" : "}}"
            var end = index + (triple ? 3 : 2)
            while end < scalars.count, !starts(closer, at: end) {
                if scalars[end] == "\n" { line += 1 }
                end += 1
            }
            var body = String(String.UnicodeScalarView(scalars[(index + (triple ? 3 : 2))..<min(end, scalars.count)]))
            index = min(end + closer.unicodeScalars.count, scalars.count)
            var kind = Tag.Kind.variable
            if triple {
                kind = .unescaped
            } else if let sigil = body.first {
                switch sigil {
                case "&": kind = .unescaped
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case ">": kind = .partial
                case "!": continue
                case "=", "%", "<", "$": kind = .other
                default: kind = .variable
                }
                if kind != .variable { body.removeFirst() }
            }
            tags.append(Tag(kind: kind, name: body.trimmingCharacters(in: .whitespaces), line: tagLine))
        }
        return tags
    }

    /// Names used by `template` (or the partials it includes, from `templates`)
    /// that the context does not set, as `template:line: name` strings.
    public static func problems(template: String, in templates: [String: String], context: JSONValue) -> [String] {
        var found: [String] = []
        check(template, templates: templates, stack: [context], depth: 0, into: &found)
        return Array(Set(found)).sorted()
    }

    private static func check(_ name: String, templates: [String: String], stack: [JSONValue], depth: Int, into found: inout [String]) {
        guard depth < 20, let text = templates[name + ".mustache"] else {
            if depth < 20 { found.append("\(name): partial does not exist") }
            return
        }
        let tags = tags(in: text)
        var position = 0
        walk(tags, &position, until: nil, template: name, templates: templates, stack: stack, depth: depth, into: &found)
    }

    private static func walk(_ tags: [Tag], _ position: inout Int, until closing: String?, template: String,
                             templates: [String: String], stack: [JSONValue], depth: Int, into found: inout [String]) {
        while position < tags.count {
            let tag = tags[position]
            position += 1
            switch tag.kind {
            case .close:
                if tag.name == closing { return }
            case .variable, .unescaped:
                if resolve(tag.name, in: stack) == nil { found.append("\(template).mustache:\(tag.line): \(tag.name) is not set") }
            case .partial:
                check(tag.name, templates: templates, stack: stack, depth: depth + 1, into: &found)
            case .section, .inverted:
                let value = resolve(tag.name, in: stack)
                if value == nil { found.append("\(template).mustache:\(tag.line): \(tag.name) is not set") }
                let start = position
                var contexts: [[JSONValue]] = []
                if tag.kind == .inverted {
                    contexts = [stack]
                } else {
                    switch value {
                    case .array(let items)?: contexts = items.map { stack + [$0] }
                    case .bool(true)?: contexts = [stack]
                    case .object?, .string?, .integer?, .number?: contexts = [stack + [value!]]
                    default: contexts = []
                    }
                }
                if contexts.isEmpty {
                    var skip = position
                    var ignored: [String] = []
                    walk(tags, &skip, until: tag.name, template: template, templates: [:], stack: [], depth: 99, into: &ignored)
                    position = skip
                }
                for context in contexts {
                    position = start
                    walk(tags, &position, until: tag.name, template: template, templates: templates, stack: context, depth: depth, into: &found)
                }
            case .other:
                break
            }
        }
    }

    /// Looks a dotted name up the context stack, as Mustache does.
    static func resolve(_ name: String, in stack: [JSONValue]) -> JSONValue? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for context in stack.reversed() {
            guard var value = context[first] else { continue }
            for part in parts.dropFirst() {
                guard let next = value[part] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }
}
