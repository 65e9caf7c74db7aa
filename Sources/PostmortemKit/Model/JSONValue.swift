import Foundation

/// A JSON document as a Swift value: what front matter, action-item rows and
/// schemas are turned into before they are validated or written out.
///
/// Integers and other numbers are kept apart so that `1` prints as `1`, but
/// they compare by numeric value (`1 == 1.0`), as JSON Schema requires.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): return Double(a) == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        // Integers and whole doubles must hash alike because they compare equal.
        case .integer(let i): hasher.combine(2); hasher.combine(Double(i))
        case .number(let d): hasher.combine(2); hasher.combine(d)
        case .string(let s): hasher.combine(3); hasher.combine(s)
        case .array(let a): hasher.combine(4); hasher.combine(a)
        case .object(let o): hasher.combine(5); hasher.combine(o)
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// The JSON type name used in messages and by the `type` keyword.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number(let d): return d.rounded() == d && d.isFinite ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue {
    /// Parses JSON text (UTF-8) with Foundation's parser.
    public init(jsonData data: Data) throws {
        let any = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        self = JSONValue(foundation: any)
    }

    init(foundation any: Any) {
        switch any {
        case is NSNull: self = .null
        case let n as NSNumber:
            // NSNumber hides booleans; CFBoolean's type id tells them apart.
            if JSONValue.isBoolean(n) { self = .bool(n.boolValue) }
            else if let i = Int(exactly: n), !String(describing: n).contains(".") , !String(describing: n).contains("e") { self = .integer(i) }
            else { self = .number(n.doubleValue) }
        case let s as String: self = .string(s)
        case let a as [Any]: self = .array(a.map(JSONValue.init(foundation:)))
        case let o as [String: Any]: self = .object(o.mapValues(JSONValue.init(foundation:)))
        default: self = .null
        }
    }

    /// Whether `number` is really a JSON `true`/`false`. Foundation hands booleans
    /// back as NSNumber; CoreFoundation's type id is only importable on Darwin, but
    /// on every platform booleans come back as a distinct private NSNumber subclass.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        #if canImport(Darwin)
        return CFGetTypeID(number) == CFBooleanGetTypeID()
        #else
        return type(of: number) == type(of: NSNumber(value: true))
        #endif
    }

    /// Serialises with sorted keys and no insignificant whitespace unless `pretty`,
    /// so that output is byte-identical across runs.
    public func jsonString(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        let nl = pretty ? "\n" : ""
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d):
            if d.isFinite, d.rounded() == d, abs(d) < 1e15 { out += String(Int(d)) }
            else if d.isFinite { out += String(d) } else { out += "null" }
        case .string(let s): JSONValue.writeEscaped(s, to: &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "[" + nl
            for (i, v) in a.enumerated() {
                out += pad
                v.write(to: &out, pretty: pretty, indent: indent + 1)
                if i < a.count - 1 { out += "," }
                out += nl
            }
            out += closePad + "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{" + nl
            let keys = o.keys.sorted()
            for (i, k) in keys.enumerated() {
                out += pad
                JSONValue.writeEscaped(k, to: &out)
                out += pretty ? ": " : ":"
                o[k]!.write(to: &out, pretty: pretty, indent: indent + 1)
                if i < keys.count - 1 { out += "," }
                out += nl
            }
            out += closePad + "}"
        }
    }

    /// Escapes for JSON; also escapes `<`, `>` and `&` so that the text can be
    /// embedded in an HTML `<script>` element without closing it.
    static func writeEscaped(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
