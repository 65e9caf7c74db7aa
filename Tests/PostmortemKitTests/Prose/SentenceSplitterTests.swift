import PropertyBased
import Testing
@testable import PostmortemKit

/// The byte reading of ASCII text against the Character reading it stands
/// in for: the same sentences, at the same places.
struct SentenceSplitterASCIITests {
    static let pieces = [".", "!", "?", "\"", "'", ")", "]", " ", "  ", "\n", "\r\n", "\t", "\u{0B}", "e.g", "approx", "Dr", "J",
                         "x", "The pool", "ran out", "99", "v1.2", "@dana", "(", "`", "*", "[", "A", "etc", "a.m", "U.S", "no"]

    static func offsets(_ ranges: [Range<String.Index>], in text: String) -> [Range<Int>] {
        ranges.map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound)..<text.utf8.distance(from: text.utf8.startIndex, to: $0.upperBound) }
    }

    @Test func bytesAndCharactersSplitAlike() async {
        await propertyCheck(count: 3_000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...24)) { seed, count in
            var state = seed | 1
            let text = (0..<count).map { _ in
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                return Self.pieces[Int(state % UInt64(Self.pieces.count))]
            }.joined()
            #expect(Self.offsets(SentenceSplitter.split(text), in: text) == Self.offsets(SentenceSplitter.splitCharacters(text), in: text),
                    "\(text.debugDescription)")
        }
    }

    @Test(arguments: ["Checkout failed. The pool ran out.", "We saw e.g. timeouts. Then J. Smith paged.", "Up 99.9% of the time! Really?",
                      "Café closed. Über alles.", "", "  ", "One.\r\nTwo."])
    func examples(text: String) {
        #expect(Self.offsets(SentenceSplitter.split(text), in: text) == Self.offsets(SentenceSplitter.splitCharacters(text), in: text))
    }
}
