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
        var out: [UInt8] = []
        write(to: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// `jsonString(pretty:)` and a line break, as bytes: the site's largest
    /// files are JSON, and a String of them would be one more copy in memory.
    public func jsonFileContents(pretty: Bool = true) -> Data {
        var out: [UInt8] = []
        write(to: &out, pretty: pretty, indent: 0)
        out.append(10)
        return Data(out)
    }

    // Written as UTF-8 bytes: the site's JSON files run to megabytes, and
    // appending to a String scalar by scalar was a tenth of a build.
    func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .integer(let i): out += String(i).utf8
        case .number(let d):
            if d.isFinite, d.rounded() == d, abs(d) < 1e15 { out += String(Int(d)).utf8 }
            else if d.isFinite { out += String(d).utf8 } else { out += "null".utf8 }
        case .string(let s): JSONValue.writeEscaped(s, to: &out)
        case .array(let a):
            JSONValue.writeArray(count: a.count, to: &out, pretty: pretty, indent: indent) { index, out in
                a[index].write(to: &out, pretty: pretty, indent: indent + 1)
            }
        case .object(let o):
            // Sorted pairs rather than sorted keys: looking each key up again hashed it once more.
            let members = o.sorted { $0.key < $1.key }
            JSONValue.writeObject(count: members.count, key: { members[$0].key }, to: &out, pretty: pretty, indent: indent) { index, out in
                members[index].value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        }
    }

    /// Writes an array of `count` elements at `indent` in the layout of every
    /// JSON this tool writes; `element(n, &out)` writes element n (one level deeper).
    static func writeArray(count: Int, to out: inout [UInt8], pretty: Bool, indent: Int,
                           element: (Int, inout [UInt8]) -> Void) {
        writeItems(count: count, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), to: &out, pretty: pretty, indent: indent,
                   item: element)
    }

    /// Writes an object with `keys` (sorted, no duplicates) in that order, as
    /// `writeArray` does; `value(n, &out)` writes the value of key n.
    static func writeObject(keys: [String], to out: inout [UInt8], pretty: Bool, indent: Int,
                            value: (Int, inout [UInt8]) -> Void) {
        writeObject(count: keys.count, key: { keys[$0] }, to: &out, pretty: pretty, indent: indent, value: value)
    }

    /// `writeObject(keys:…)` with key n given by `key(n)`.
    static func writeObject(count: Int, key: (Int) -> String, to out: inout [UInt8], pretty: Bool, indent: Int,
                            value: (Int, inout [UInt8]) -> Void) {
        writeItems(count: count, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), to: &out, pretty: pretty, indent: indent) { index, out in
            writeKey(key(index), pretty: pretty, to: &out)
            value(index, &out)
        }
    }

    /// A member's key and the colon after it (and a space, when `pretty`).
    static func writeKey(_ key: String, pretty: Bool, to out: inout [UInt8]) {
        writeEscaped(key, to: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(32) }
    }

    /// The layout arrays and objects share: `open`, the items one per line
    /// (when `pretty`) separated by commas, `close`; empty ones on one line.
    private static func writeItems(count: Int, open: UInt8, close: UInt8, to out: inout [UInt8], pretty: Bool, indent: Int,
                                   item: (Int, inout [UInt8]) -> Void) {
        out.append(open)
        if count == 0 { out.append(close); return }
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            newline(depth: indent + 1, pretty: pretty, to: &out)
            item(index, &out)
        }
        newline(depth: indent, pretty: pretty, to: &out)
        out.append(close)
    }

    /// A line break and `depth` levels of indentation, when `pretty`.
    static func newline(depth: Int, pretty: Bool, to out: inout [UInt8]) {
        guard pretty else { return }
        out.append(10)
        var spaces = 2 * depth
        // Copied from a buffer of spaces: appending repeated elements went a byte at a time.
        while spaces > 0 {
            let run = min(spaces, indentation.count)
            indentation.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<run])) }
            spaces -= run
        }
    }

    private static let indentation = [UInt8](repeating: 32, count: 64)

    /// Escapes for JSON; also escapes `<`, `>` and `&` so that the text can be
    /// embedded in an HTML `<script>` element without closing it.
    static func writeEscaped(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        writeEscaped(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func writeEscaped(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied in one go, found
            // with one bit test per byte. No nested function: variables a
            // closure captures are checked for exclusive access on every use,
            // which cost more than the copying.
            let count = bytes.count
            // Bit n set: byte n (below 0x40) is replaced: controls, `"`, `&`, `<` and `>`.
            let escapedBelow64: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E
            var runStart = 0
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x40 ? escapedBelow64 & (1 << UInt64(byte)) == 0 : byte != UInt8(ascii: "\\") && byte != 0xE2 {
                    index += 1
                    continue
                }
                let replacement: String
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): replacement = "\\\""
                case UInt8(ascii: "\\"): replacement = "\\\\"
                case 10: replacement = "\\n"
                case 13: replacement = "\\r"
                case 9: replacement = "\\t"
                case UInt8(ascii: "<"): replacement = "\\u003c"
                case UInt8(ascii: ">"): replacement = "\\u003e"
                case UInt8(ascii: "&"): replacement = "\\u0026"
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    replacement = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    replacement = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out += replacement.utf8
                index += length
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
