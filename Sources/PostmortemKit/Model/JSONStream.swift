/// JSON whose largest arrays are made one element at a time while they are
/// written, so that a report of a hundred thousand records never exists in
/// memory as one tree of values (`patterns.json` at 10,000 postmortems held
/// several hundred megabytes that way). The bytes are those of the
/// `JSONValue` with the same content (`materialized`), with sorted keys.
///
/// Elements are made and written on `workers` threads a batch at a time
/// (`batchSize`), and joined in order, so the bytes do not depend on the
/// number of workers.
indirect enum JSONStream: Sendable {
    case value(JSONValue)
    /// `count` elements, each made by `element` when it is written.
    case array(count: Int, element: @Sendable (Int) -> JSONValue)
    case object([String: JSONStream])
    /// An object with these keys (sorted, no duplicates), the value of key
    /// number n made by `value(n)` when it is written.
    case members(keys: [String], value: @Sendable (Int) -> JSONValue)

    /// `count` objects with members from `keys` (sorted, no duplicates):
    /// `values(n)` gives object n's value of each key, nil where it has no
    /// such member. Written without a dictionary per object, which for the
    /// largest arrays (`recurrences`) cost more than the writing.
    case records(count: Int, keys: [String], values: @Sendable (Int) -> [JSONValue?])

    /// Elements made and written together by the workers before they are joined.
    static let batchSize = 512

    /// The same content as one `JSONValue` (for callers that want the tree).
    var materialized: JSONValue {
        switch self {
        case .value(let value): return value
        case .array(let count, let element): return .array((0..<count).map(element))
        case .object(let members): return .object(members.mapValues(\.materialized))
        case .members(let keys, let value):
            return .object(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, value($0)) }))
        case .records(let count, let keys, let values):
            return .array((0..<count).map { index in
                .object(Dictionary(uniqueKeysWithValues: zip(keys, values(index)).compactMap { key, value in value.map { (key, $0) } }))
            })
        }
    }

    /// Writes the JSON to `out`, calling `flush` between elements whenever
    /// `out` holds a megabyte or more, so that the caller can pass the bytes
    /// on (to a file) and empty the buffer.
    func write(to out: inout [UInt8], pretty: Bool, indent: Int = 0, workers: Int = 1, flush: (inout [UInt8]) -> Void) {
        switch self {
        case .value(let value):
            value.write(to: &out, pretty: pretty, indent: indent)
        case .array(let count, let element):
            var batch = JSONStream.Batch(count: count, workers: workers) { index, out in
                element(index).write(to: &out, pretty: pretty, indent: indent + 1)
            }
            JSONValue.writeArray(count: count, to: &out, pretty: pretty, indent: indent) { index, out in
                batch.write(index, to: &out)
                if out.count >= 1 << 20 { flush(&out) }
            }
        case .object(let members):
            let keys = members.keys.sorted()
            JSONValue.writeObject(keys: keys, to: &out, pretty: pretty, indent: indent) { index, out in
                members[keys[index]]!.write(to: &out, pretty: pretty, indent: indent + 1, workers: workers, flush: flush)
            }
        case .members(let keys, let value):
            var batch = JSONStream.Batch(count: keys.count, workers: workers) { index, out in
                value(index).write(to: &out, pretty: pretty, indent: indent + 1)
            }
            JSONValue.writeObject(keys: keys, to: &out, pretty: pretty, indent: indent) { index, out in
                batch.write(index, to: &out)
                if out.count >= 1 << 20 { flush(&out) }
            }
        case .records(let count, let keys, let values):
            // Each member starts with the same bytes in every record (line
            // break, indentation, key, colon), escaped once here rather than
            // once per record; the layout is `JSONValue.writeObject`'s.
            let memberStarts = keys.map { key in
                var start: [UInt8] = []
                JSONValue.newline(depth: indent + 2, pretty: pretty, to: &start)
                JSONValue.writeKey(key, pretty: pretty, to: &start)
                return start
            }
            let recordEnd: [UInt8] = {
                var end: [UInt8] = []
                JSONValue.newline(depth: indent + 1, pretty: pretty, to: &end)
                return end + [UInt8(ascii: "}")]
            }()
            var batch = JSONStream.Batch(count: count, workers: workers) { index, out in
                out.append(UInt8(ascii: "{"))
                var written = 0
                for (member, value) in values(index).enumerated() {
                    guard let value else { continue }
                    if written > 0 { out.append(UInt8(ascii: ",")) }
                    out += memberStarts[member]
                    value.write(to: &out, pretty: pretty, indent: indent + 2)
                    written += 1
                }
                if written == 0 { out.append(UInt8(ascii: "}")) } else { out += recordEnd }
            }
            JSONValue.writeArray(count: count, to: &out, pretty: pretty, indent: indent) { index, out in
                batch.write(index, to: &out)
                if out.count >= 1 << 20 { flush(&out) }
            }
        }
    }

    /// The bytes of elements `start..<start + written.count`, made in parallel
    /// when the writer first asks for one of them; `writeElement(n, &out)`
    /// writes element n.
    private struct Batch {
        var count: Int, workers: Int
        var writeElement: @Sendable (Int, inout [UInt8]) -> Void
        var start = 0
        var written: [[UInt8]] = []

        init(count: Int, workers: Int, writeElement: @escaping @Sendable (Int, inout [UInt8]) -> Void) {
            (self.count, self.workers, self.writeElement) = (count, workers, writeElement)
        }

        /// Appends element `index`'s bytes; indices come in order.
        mutating func write(_ index: Int, to out: inout [UInt8]) {
            if workers <= 1 {
                writeElement(index, &out)
                return
            }
            if index >= start + written.count {
                start = index
                let writeElement = self.writeElement
                written = ParallelMap.map(Array(index..<min(count, index + JSONStream.batchSize)), workers: workers) { index in
                    var bytes: [UInt8] = []
                    writeElement(index, &bytes)
                    return bytes
                }
            }
            out += written[index - start]
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
