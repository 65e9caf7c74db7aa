import PropertyBased
import Testing
@testable import PostmortemKit

/// `LengthRule`'s branch-free word count against the loop it replaced.
struct WordCountTests {
    static func wordsByLoop(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 32 || byte == 10 || byte == 9
            if !isSpace && !inWord { words += 1 }
            inWord = !isSpace
        }
        return words
    }

    @Test func wordCountMatchesTheLoop() async {
        await propertyCheck(count: 1_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var text = TableAndTimelineFastPathTests.text(seed: seed, maxPieces: 30)
            #expect(text.withUTF8(LengthRule.wordCount) == Self.wordsByLoop(text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: ["", " ", "one", " one two  ", "a\nb\tc", "\n\n", "日本 語"])
    func wordCountOfExamples(text: String) {
        var text = text
        #expect(text.withUTF8(LengthRule.wordCount) == Self.wordsByLoop(text))
    }
}

/// The eight-bytes-at-a-time word count against the byte loop, on bytes
/// dense in spaces, tabs and line feeds, at every length around a chunk.
struct WordCountChunkTests {
    static func bytes(seed: UInt64, count: Int) -> [UInt8] {
        var state = seed | 1
        let alphabet: [UInt8] = [32, 10, 9, 97, 66, 0, 0x80, 0xE2, 0x20, 0x0B, 0x0D, 0xFF]
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return alphabet[Int(state % UInt64(alphabet.count))]
        }
    }

    @Test func chunkedCountMatchesTheByteLoop() async {
        await propertyCheck(count: 2_000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...40)) { seed, count in
            let bytes = Self.bytes(seed: seed, count: count)
            let text = String(decoding: bytes, as: UTF8.self)
            let byLoop = bytes.reduce(into: (words: 0, inWord: false)) { state, byte in
                let isSpace = byte == 32 || byte == 10 || byte == 9
                if !isSpace && !state.inWord { state.words += 1 }
                state.inWord = !isSpace
            }.words
            #expect(bytes.withUnsafeBufferPointer(LengthRule.wordCount) == byLoop, "\(bytes) \(text.debugDescription)")
        }
    }
}
