import Foundation
import Testing
@testable import PostmortemKit

@Suite struct ByteRecordsTests {
    /// Strings come back as written, and bytes that are not UTF-8 are
    /// refused rather than repaired: a damaged cache is a miss, never a
    /// summary with U+FFFD in it.
    @Test func stringsRoundTripAndInvalidUTF8IsRefused() {
        let valid = ["", "a", "café", "日本語", "🚒 on fire", String(repeating: "x", count: 5000) + "é", "\u{FFFD} stays as written"]
        var writer = ByteWriter()
        for string in valid { writer.append(string) }
        writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(bytes: raw)
            for string in valid { #expect(reader.string() == string) }
            #expect(reader.remaining == 0)
        }
        let invalid: [[UInt8]] = [[0xFF], [0x80], [0xC3], [0xE6, 0x97], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x61, 0xF8, 0x62],
                                  Array("caf".utf8) + [0xE9]]
        for bytes in invalid {
            bytes.withUnsafeBytes { raw in
                var reader = ByteReader(bytes: raw)
                #expect(reader.string(length: bytes.count) == nil, "\(bytes)")
            }
            // The reference: Swift's own strict validation refuses them too.
            #expect(String(validating: bytes, as: UTF8.self) == nil)
        }
    }
}
