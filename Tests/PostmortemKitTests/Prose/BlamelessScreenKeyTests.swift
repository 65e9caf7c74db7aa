import PropertyBased
import Testing
@testable import PostmortemKit

/// The screen's eight-bytes-at-a-time reading of a fragment against the
/// byte loop and `FragmentHasher` it replaced in the loop over the text
/// (the hasher still keys the vocabulary): a run must end at the same byte
/// and get the same key wherever it stands, near the end of the text or
/// not, in any case, before any byte.
struct BlamelessScreenKeyTests {
    /// Letters and digits, the bytes just outside their ranges, and non-ASCII.
    static let alphabet = Array("aAzZ09mQ7/:@[`{.-' \n".utf8) + [0x80, 0xC3, 0xA9, 0xE2, 0xFF, 0x00, 0xDA, 0xFA, 0xB0, 0xB9]

    static func byLoop(_ bytes: [UInt8], from start: Int) -> (end: Int, key: Int) {
        var hasher = BlamelessScreen.FragmentHasher()
        var index = start
        while index < bytes.count, BlamelessScreen.isAlphanumeric(bytes[index]) {
            hasher.add(bytes[index] | 0x20)
            index += 1
        }
        return (index, hasher.key)
    }

    @Test func chunkedRunMatchesTheByteLoop() async {
        await propertyCheck(count: 3_000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...48), Gen.int(in: 0...30)) { seed, count, wordy in
            var state = seed | 1
            func next(_ bound: Int) -> Int {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                return Int(state % UInt64(bound))
            }
            // Mostly letters and digits (runs of all lengths), else any byte of the alphabet.
            let bytes = (0..<count).map { _ in next(30) < wordy ? Self.alphabet[next(8)] : Self.alphabet[next(Self.alphabet.count)] }
            for start in bytes.indices {
                let chunked = bytes.withUnsafeBufferPointer { BlamelessScreen.alphanumericRun($0, from: start) }
                let expected = Self.byLoop(bytes, from: start)
                #expect(chunked.end == expected.end && chunked.key == expected.key, "\(bytes) from \(start)")
            }
        }
    }

    @Test func aWordHasItsVocabularyKey() {
        for word in ["a", "Was", "HUMAN", "error", "carelessly", "misconfigured", "responsibility", "x86", "abcdefgh", "abcdefghi"] {
            let bytes = Array((word + " and more text after it").utf8)
            let run = bytes.withUnsafeBufferPointer { BlamelessScreen.alphanumericRun($0, from: 0) }
            #expect(run.end == word.utf8.count)
            #expect(run.key == BlamelessScreen.key(word))
        }
    }

    @Test func everyByteIsClassifiedAsTheByteTestDoes() {
        for byte in UInt8.min...UInt8.max {
            let chunk = UInt64(byte) << 24 | 0x2E2E_2E00_2E2E_2E
            #expect((BlamelessScreen.alphanumericBits(chunk) >> 31) & 1 == (BlamelessScreen.isAlphanumeric(byte) ? 1 : 0), "\(byte)")
        }
    }
}
