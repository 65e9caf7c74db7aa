import Foundation

/// A byte form of values that is the same for equal values and different
/// for different ones: every item is tagged and length-prefixed, so no two
/// sequences of items run together, and object members are sorted by key.
enum CanonicalBytes {
    static func append(_ string: String, to bytes: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            appendLength(utf8.count, to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    static func append(_ value: JSONValue, to bytes: inout [UInt8]) {
        switch value {
        case .null:
            bytes.append(0)
        case .bool(let bool):
            bytes.append(bool ? 2 : 1)
        case .integer(let integer):
            bytes.append(3)
            appendLength(integer, to: &bytes)
        case .number(let number):
            bytes.append(4)
            appendLength(Int(bitPattern: UInt(number.bitPattern)), to: &bytes)
        case .string(let string):
            bytes.append(5)
            append(string, to: &bytes)
        case .array(let items):
            bytes.append(6)
            appendLength(items.count, to: &bytes)
            for item in items { append(item, to: &bytes) }
        case .object(let members):
            bytes.append(7)
            appendLength(members.count, to: &bytes)
            // Sorted pairs rather than sorted keys: looking each key up again hashed it once more.
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                append(key, to: &bytes)
                append(value, to: &bytes)
            }
        }
    }

    private static func appendLength(_ value: Int, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(value)).littleEndian) { bytes.append(contentsOf: $0) }
    }
}
