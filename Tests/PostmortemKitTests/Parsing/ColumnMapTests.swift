import PropertyBased
import Testing
@testable import PostmortemKit

/// `ColumnMap`'s scalar columns against counting them byte by byte.
struct ColumnMapTests {
    /// The column as the map gave it before it read eight bytes at a time:
    /// a byte column on an all-ASCII line, else the scalars before it plus one.
    static func reference(_ text: String, line: Int, byteColumn: Int) -> Int {
        let bytes = Array(text.utf8)
        let starts = [0] + bytes.indices.filter { bytes[$0] == 10 }.map { $0 + 1 }
        guard line >= 1, line <= starts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let start = starts[line - 1]
        let lineEnd = bytes[start...].firstIndex(of: 10) ?? bytes.count
        if !bytes[start..<lineEnd].contains(where: { $0 >= 0x80 }) { return byteColumn }
        let end = min(start + byteColumn - 1, bytes.count)
        return bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count + 1
    }

    /// Lines long enough for whole eight-byte words, with non-ASCII bytes at every offset.
    static let pieces = ["\n", "a", "word ", "eight by", "é", "日本", "🚨", "|", "\u{301}", "longer ascii text here"]

    @Test func columnsMatchCountingByteByByte() async {
        await propertyCheck(count: 500, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let map = ColumnMap(text: text)
            let lines = text.utf8.filter { $0 == 10 }.count + 1
            for line in 0...(lines + 1) {
                for byteColumn in 0...40 {
                    #expect(map.scalarColumn(line: line, byteColumn: byteColumn) == Self.reference(text, line: line, byteColumn: byteColumn),
                            "\(text.debugDescription) line \(line) column \(byteColumn)")
                }
            }
        }
    }
}
