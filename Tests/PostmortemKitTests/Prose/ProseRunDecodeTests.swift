import PropertyBased
import Testing
@testable import PostmortemKit

/// `ProseRun.decode` against the standard library's decoding, the outside
/// reference: the same scalars for any bytes, repairs of ill-formed
/// sequences included.
struct ProseRunDecodeTests {
    /// What the standard library makes of the bytes: `String(decoding:as:)`
    /// repairs each ill-formed part with U+FFFD.
    static func byDecoder(_ bytes: [UInt8]) -> [Unicode.Scalar] {
        Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    }

    /// Well-formed scalars at the edges of each sequence length, and now and
    /// then a byte from the edges of UTF-8's ranges (leads, the first and
    /// last continuation bytes each lead allows, surrogates, overlongs, bytes
    /// no sequence holds), so that short random arrays hit every case, and
    /// most reach the fast loop's end.
    static let wellFormed: [Unicode.Scalar] = ["A", " ", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}",
                                               "\u{FFFF}", "\u{10000}", "\u{10FFFF}", "\u{2014}", "\u{1F692}"]
    static let edges: [UInt8] = [0x00, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]

    static func bytes(seed: UInt64, count: Int) -> [UInt8] {
        var state = seed | 1
        var bytes: [UInt8] = []
        for _ in 0..<count {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            if state % 8 == 0 {
                bytes.append(edges[Int((state >> 3) % UInt64(edges.count))])
            } else {
                bytes += Array(String(wellFormed[Int((state >> 3) % UInt64(wellFormed.count))]).utf8)
            }
        }
        return bytes
    }

    @Test func decodesAsTheStandardDecoder() async {
        await propertyCheck(count: 3_000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...24)) { seed, count in
            let bytes = Self.bytes(seed: seed, count: count)
            #expect(ProseRun.decode(bytes) == Self.byDecoder(bytes), "\(bytes)")
        }
    }

    @Test(arguments: ["", "plain ASCII", "the on-call — “quoted” → 日本語 🚒 done", "é\u{301}"])
    func decodesWellFormedText(text: String) {
        #expect(ProseRun.decode(Array(text.utf8)) == Array(text.unicodeScalars))
    }

    @Test(arguments: [[0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x80], [0x41, 0xF0, 0x9F, 0x94]] as [[UInt8]])
    func repairsIllFormedSequences(bytes: [UInt8]) {
        #expect(ProseRun.decode(bytes) == Self.byDecoder(bytes))
        #expect(ProseRun.decode(bytes).contains("\u{FFFD}"))
    }
}
