/// JSON whose largest arrays are made one element at a time while they are
/// written, so that a report of a hundred thousand records never exists in
/// memory as one tree of values (`patterns.json` at 10,000 postmortems held
/// several hundred megabytes that way). The bytes are those of the
/// `JSONValue` with the same content (`materialized`), with sorted keys.
indirect enum JSONStream {
    case value(JSONValue)
    /// `count` elements, each made by `element` when it is written.
    case array(count: Int, element: (Int) -> JSONValue)
    case object([String: JSONStream])
    /// An object with these keys (sorted, no duplicates), the value of key
    /// number n made by `value(n)` when it is written.
    case members(keys: [String], value: (Int) -> JSONValue)

    /// The same content as one `JSONValue` (for callers that want the tree).
    var materialized: JSONValue {
        switch self {
        case .value(let value): return value
        case .array(let count, let element): return .array((0..<count).map(element))
        case .object(let members): return .object(members.mapValues(\.materialized))
        case .members(let keys, let value):
            return .object(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, value($0)) }))
        }
    }

    /// Writes the JSON to `out`, calling `flush` between elements whenever
    /// `out` holds a megabyte or more, so that the caller can pass the bytes
    /// on (to a file) and empty the buffer.
    func write(to out: inout [UInt8], pretty: Bool, indent: Int = 0, flush: (inout [UInt8]) -> Void) {
        switch self {
        case .value(let value):
            value.write(to: &out, pretty: pretty, indent: indent)
        case .array(let count, let element):
            JSONValue.writeArray(count: count, to: &out, pretty: pretty, indent: indent) { index, out in
                element(index).write(to: &out, pretty: pretty, indent: indent + 1)
                if out.count >= 1 << 20 { flush(&out) }
            }
        case .object(let members):
            let keys = members.keys.sorted()
            JSONValue.writeObject(keys: keys, to: &out, pretty: pretty, indent: indent) { index, out in
                members[keys[index]]!.write(to: &out, pretty: pretty, indent: indent + 1, flush: flush)
            }
        case .members(let keys, let value):
            JSONValue.writeObject(keys: keys, to: &out, pretty: pretty, indent: indent) { index, out in
                value(index).write(to: &out, pretty: pretty, indent: indent + 1)
                if out.count >= 1 << 20 { flush(&out) }
            }
        }
    }

    /// All of the JSON in memory, with a final line break when `pretty`.
    func bytes(pretty: Bool) -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, pretty: pretty) { _ in }
        if pretty { out.append(10) }
        return out
    }
}
