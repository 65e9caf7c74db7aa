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
