import Foundation
import Yams

/// Splits a postmortem into front matter and body and reads the YAML with
/// Yams, keeping every key's line. Timestamps are kept as their source text.
struct FrontMatterParser {
    struct Split {
        /// The YAML between the fences (without them).
        var yaml: String
        /// Line of the opening `---` (always 1).
        var openingLine: Int
        /// Line of the closing fence.
        var closingLine: Int
        /// The body text after the closing fence, and its first line number.
        var body: String
        var bodyFirstLine: Int
    }

    enum SplitError: Error, Equatable {
        case missing
        case unterminated
    }

    /// `lines` is the whole file split on `\n` (CR already removed).
    static func split(lines: [Substring]) -> Result<Split, SplitError> {
        guard let first = lines.first, isFence(first) else { return .failure(.missing) }
        for index in 1..<max(lines.count, 1) where isFence(lines[index]) || isDocumentEnd(lines[index]) {
            let yaml = joined(lines[1..<index])
            let body = index + 1 < lines.count ? joined(lines[(index + 1)...]) : ""
            return .success(Split(yaml: yaml, openingLine: 1, closingLine: index + 1, body: body, bodyFirstLine: index + 2))
        }
        return .failure(.unterminated)
    }

    /// The lines joined with `\n`. Lines split from one string lie in it one
    /// `\n` apart, so the joined text is a single slice of that string: one
    /// copy instead of one append per line.
    private static func joined(_ lines: ArraySlice<Substring>) -> String {
        guard let first = lines.first, let last = lines.last else { return "" }
        let base = first.base
        let utf8 = base.utf8
        var expectedStart = first.startIndex
        for line in lines {
            // Same storage (cheap identity check first) and right after the previous line's `\n`.
            guard line.base == base, line.startIndex == expectedStart else { return lines.joined(separator: "\n") }
            guard line.endIndex < utf8.endIndex, utf8[line.endIndex] == UInt8(ascii: "\n") else {
                guard line.endIndex == last.endIndex else { return lines.joined(separator: "\n") }
                break
            }
            expectedStart = utf8.index(after: line.endIndex)
        }
        return String(base[first.startIndex..<last.endIndex])
    }

    private static func isFence(_ line: Substring) -> Bool {
        isMarker(line, of: UInt8(ascii: "-"))
    }

    private static func isDocumentEnd(_ line: Substring) -> Bool {
        isMarker(line, of: UInt8(ascii: "."))
    }

    /// Three `byte`s, then only spaces or tabs. Read on bytes: comparing
    /// Characters cost more than the rest of the split.
    private static func isMarker(_ line: Substring, of byte: UInt8) -> Bool {
        let utf8 = line.utf8
        var index = utf8.startIndex
        for _ in 0..<3 {
            guard index < utf8.endIndex, utf8[index] == byte else { return false }
            utf8.formIndex(after: &index)
        }
        return utf8[index...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    struct Problem: Error {
        var message: String
        var location: SourceLocation
    }

    /// Reads the YAML of a split file. Problems that still leave a usable
    /// mapping (a duplicate key) come back beside it.
    static func parse(_ split: Split) -> (frontMatter: FrontMatter?, problems: [Problem]) {
        let (value, locations, problems) = readMapping(yaml: split.yaml, lineOffset: split.openingLine,
                                                       fallbackLine: split.openingLine, what: "front matter")
        guard let value else { return (nil, problems) }
        return (FrontMatter(value: value, locations: locations, firstLine: split.openingLine, lastLine: split.closingLine), problems)
    }

    /// Reads a YAML document that must be a mapping (front matter, the config).
    /// `lineOffset` is added to YAML's 1-based lines to give file lines.
    static func readMapping(yaml: String, lineOffset: Int, fallbackLine: Int, what: String)
        -> (value: JSONValue?, locations: [String: SourceLocation], problems: [Problem]) {
        // Most front matter is simple YAML that a byte-level reader handles
        // many times faster; anything else, errors included, goes to Yams.
        if let (value, locations) = SimpleYAMLReader.read(yaml, lineOffset: lineOffset) {
            return (value, locations, [])
        }
        return readMappingWithYams(yaml: yaml, lineOffset: lineOffset, fallbackLine: fallbackLine, what: what)
    }

    /// `readMapping` without the fast reader: the reference it must agree with.
    static func readMappingWithYams(yaml: String, lineOffset: Int, fallbackLine: Int, what: String)
        -> (value: JSONValue?, locations: [String: SourceLocation], problems: [Problem]) {
        let node: Node?
        do {
            // The basic resolver types nothing; `convertScalar` resolves plain
            // scalars itself, faster than Yams' regular-expression rules.
            // An explicit encoding: Yams' default reads the process environment on every call.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            // Point at the second occurrence, which is the one to fix.
            let key = duplicates.sorted().first ?? ""
            let line = secondOccurrence(ofKey: key, in: yaml) ?? context.mark.line
            return (nil, [:], [Problem(message: "duplicate key \"\(key)\" in \(what)", location: .init(line: line + lineOffset))])
        } catch let error as YamlError {
            return (nil, [:], [problem(from: error, lineOffset: lineOffset, fallbackLine: fallbackLine, what: what)])
        } catch {
            return (nil, [:], [Problem(message: "\(what) is not valid YAML: \(String(describing: error).onOneLine())", location: .init(line: fallbackLine))])
        }
        guard let node else {
            return (nil, [:], [Problem(message: "\(what) is empty; expected a mapping of fields",
                                       location: .init(line: fallbackLine))])
        }
        guard case .mapping = node else {
            let kind: String
            switch node {
            case .sequence: kind = "a list"
            case .scalar: kind = "a single value"
            default: kind = "not a mapping"
            }
            return (nil, [:], [Problem(message: "\(what) is \(kind); expected a mapping of fields",
                                       location: location(node.mark, lineOffset: lineOffset, fallback: fallbackLine + 1))])
        }
        var converter = Converter(lineOffset: lineOffset, fallbackLine: fallbackLine, what: what)
        let value = converter.convert(node, pointer: "", depth: 0)
        return (value, converter.locations, converter.problems)
    }

    /// The 1-based line where `key:` is written a second time at the same indentation.
    private static func secondOccurrence(ofKey key: String, in yaml: String) -> Int? {
        var seen: Set<Int> = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form + ":") {
                if !seen.insert(indent).inserted { return index + 1 }
            }
        }
        return nil
    }

    private static func location(_ mark: Mark?, lineOffset: Int, fallback: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(line: fallback) }
        return SourceLocation(line: mark.line + lineOffset, column: mark.column)
    }

    private static func problem(from error: YamlError, lineOffset: Int, fallbackLine: Int, what: String) -> Problem {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem.onOneLine())"
            if let context { message += " (\(context.text.onOneLine()))" }
            return Problem(message: message, location: location(mark, lineOffset: lineOffset, fallback: fallbackLine))
        case let .reader(problem, _, _, _):
            return Problem(message: "\(what) cannot be read: \(problem.onOneLine())", location: .init(line: fallbackLine))
        default:
            return Problem(message: "\(what) is not valid YAML: \(String(describing: error).onOneLine())", location: .init(line: fallbackLine))
        }
    }

    /// Turns a Yams node tree into JSON, recording positions as it goes.
    private struct Converter {
        let lineOffset: Int
        let fallbackLine: Int
        let what: String
        var locations: [String: SourceLocation] = [:]
        var problems: [Problem] = []

        /// Aliases can make a tree exponentially large ("billion laughs");
        /// a depth bound keeps conversion finite and the stack safe.
        static let maxDepth = 64

        mutating func convert(_ node: Node, pointer: String, depth: Int) -> JSONValue {
            guard depth < Converter.maxDepth else {
                problems.append(Problem(message: "\(what) nests deeper than \(Converter.maxDepth) levels",
                                        location: FrontMatterParser.location(node.mark, lineOffset: lineOffset, fallback: fallbackLine)))
                return .null
            }
            switch node {
            case .scalar(let scalar):
                return convertScalar(scalar)
            case .sequence(let sequence):
                var items: [JSONValue] = []
                for (index, element) in sequence.enumerated() {
                    let path = pointer + "/" + String(index)
                    locations[path] = FrontMatterParser.location(element.mark, lineOffset: lineOffset, fallback: fallbackLine)
                    items.append(convert(element, pointer: path, depth: depth + 1))
                }
                return .array(items)
            case .mapping(let mapping):
                var object: [String: JSONValue] = [:]
                for (keyNode, valueNode) in mapping {
                    let key = keyNode.scalar?.string ?? "\(keyNode)"
                    let path = pointer + "/" + key.jsonPointerEscaped
                    let here = FrontMatterParser.location(keyNode.mark, lineOffset: lineOffset, fallback: fallbackLine)
                    if object[key] != nil {
                        // YAML forbids duplicate keys; a silent last-wins would hide a typo.
                        problems.append(Problem(message: "duplicate key \"\(key)\" in \(what)", location: here))
                        continue
                    }
                    locations[path] = here
                    object[key] = convert(valueNode, pointer: path, depth: depth + 1)
                }
                return .object(object)
            case .alias:
                return .null
            }
        }

        private func convertScalar(_ scalar: Node.Scalar) -> JSONValue {
            // Quoted scalars are always strings; plain ones resolve by YAML 1.1
            // rules (null, bool, int, float), except timestamps, which stay text.
            if scalar.style != .plain && scalar.style != .any { return .string(scalar.string) }
            return ScalarResolver.resolve(scalar.string)
        }
    }
}

/// YAML 1.1 implicit typing of plain scalars, as Yams' default resolver
/// does it, written without regular expressions.
enum ScalarResolver {
    static func resolve(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            // Not representable in JSON; keep the text so the schema reports it.
            return .string(text)
        default: break
        }
        let utf8 = text.utf8
        guard let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (first >= 48 && first <= 57) else { return .string(text) }
        // Only digits, signs, '.', '_', 'e'/'E' (and hex/octal/binary prefixes) can make a number.
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let negative = text.hasPrefix("-")
        if body.hasPrefix("0x"), let value = Int(body.dropFirst(2).filter { $0 != "_" }, radix: 16) { return .integer(negative ? -value : value) }
        if body.hasPrefix("0b"), let value = Int(body.dropFirst(2).filter { $0 != "_" }, radix: 2) { return .integer(negative ? -value : value) }
        let digits = body.filter { $0 != "_" }
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if digits.count > 1, digits.hasPrefix("0"), let value = Int(digits, radix: 8) { return .integer(negative ? -value : value) }
            if let value = Int(digits) { return .integer(negative ? -value : value) }
            return .string(text)
        }
        // Floats need a '.', as in YAML 1.1: "1.5", "-.5", "6.8523015e+5".
        if digits.contains("."), digits.allSatisfy({ $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }),
           digits.first(where: \.isNumber) != nil, let value = Double(digits), value.isFinite {
            return .number(negative ? -value : value)
        }
        return .string(text)
    }
}
