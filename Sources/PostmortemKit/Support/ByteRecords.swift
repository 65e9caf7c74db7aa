import Foundation

/// Little-endian integers and length-prefixed UTF-8 strings, the form of the
/// binary cache files in `.postmortem-cache/` (`TermCache`, `SummaryCache`).
/// Reading refuses to go past the end and reports any damage as nil.
struct ByteWriter {
    var bytes: [UInt8] = []

    /// Least significant byte first, a byte at a time: a quarter faster than
    /// appending the value's bytes as a buffer, for the millions of small
    /// numbers a cache file holds.
    mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
        for shift in stride(from: 0, to: Integer.bitWidth, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    /// The string's length in bytes (32 bits), then its UTF-8.
    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            append(UInt32(utf8.count))
            bytes += utf8
        }
    }

    mutating func append(_ flag: Bool) {
        bytes.append(flag ? 1 : 0)
    }

    /// The count (32 bits), then each item as `write` writes it.
    mutating func append<Item>(_ items: [Item], _ write: (Item, inout ByteWriter) -> Void) {
        append(UInt32(items.count))
        for item in items { write(item, &self) }
    }

    mutating func append(_ strings: [String]) {
        append(strings) { string, out in out.append(string) }
    }

    /// Whether there is a value (a flag), then the value.
    mutating func append(optional string: String?) {
        append(string != nil)
        if let string { append(string) }
    }

    mutating func append<Integer: FixedWidthInteger>(optional value: Integer?) {
        append(value != nil)
        if let value { append(value) }
    }
}

/// Reads what `ByteWriter` wrote, refusing to read past the end.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: Int { bytes.count - offset }

    mutating func skip(header: [UInt8]) -> Bool {
        guard remaining >= header.count, header.elementsEqual(bytes[offset..<(offset + header.count)]) else { return false }
        offset += header.count
        return true
    }

    mutating func integer<Integer: FixedWidthInteger>(_: Integer.Type) -> Integer? {
        let size = MemoryLayout<Integer>.size
        guard remaining >= size else { return nil }
        defer { offset += size }
        return Integer(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Integer.self))
    }

    mutating func string(length: Int) -> String? {
        guard length >= 0, remaining >= length else { return nil }
        defer { offset += length }
        guard length > 0 else { return "" }
        // Decoded (which repairs) and compared, rather than
        // `String(validating:)`: that took half the time of reading a
        // summary, and this is a third faster. A repair always changes the
        // bytes (U+FFFD is valid where the bytes it replaces were not).
        let stored = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
        var string = String(decoding: stored.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        let same = string.withUTF8 { decoded in decoded.count == length && memcmp(decoded.baseAddress!, stored.baseAddress!, length) == 0 }
        return same ? string : nil
    }

    /// A string written by `ByteWriter.append(_: String)`.
    mutating func string() -> String? {
        guard let length = integer(UInt32.self) else { return nil }
        return string(length: Int(length))
    }

    mutating func flag() -> Bool? {
        guard let byte = integer(UInt8.self), byte <= 1 else { return nil }
        return byte == 1
    }

    /// A count of items that take at least `minimumSize` bytes each; nil
    /// when that many cannot fit in what is left (a damaged count must not
    /// make the caller reserve gigabytes).
    mutating func count(minimumSize: Int) -> Int? {
        guard let count = integer(UInt32.self), Int(count) * max(minimumSize, 0) <= remaining else { return nil }
        return Int(count)
    }
}
