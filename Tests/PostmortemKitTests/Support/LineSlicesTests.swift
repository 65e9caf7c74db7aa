import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

/// The byte-level line splitter and trimmer against the standard library's
/// grapheme-based `split` and Foundation's `trimmingCharacters`.
struct LineSlicesTests {
    static let texts = ["", "\n", "\n\n", "one", "one\n", "one\ntwo", "é\n🚨 two\n\nthree\n", "a\u{301}\nb", "\u{0}\n\u{FEFF}x",
                        String(repeating: "line é\n", count: 200), "  padded \t\n\tcell  ", "\u{A0}no-break\u{A0}", "日本語\n語"]

    @Test(arguments: texts)
    func linesMatchSplit(text: String) {
        #expect(text.lineSlices() == text.split(separator: "\n", omittingEmptySubsequences: false))
        let inner = text.dropFirst().dropLast()
        #expect(inner.lineSlices() == inner.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test(arguments: texts + [" a ", "\t\t", "x\u{2003}", "\u{2003}x y\u{3000}"])
    func trimmingMatchesFoundation(text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: texts + ["a\r\nb", "a\rb", "a\u{2028}b\u{2029}c", "a\u{85}b", "x\u{B}\u{C}y", "\n  \n", "  a \n\t b  ", "\u{A0}a\n\u{A0}", "```\n"])
    func oneLineMatchesFoundationsNewlines(text: String) {
        // Foundation's newline set is the line breaks of `Character.isNewline`.
        let reference = text.components(separatedBy: .newlines)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        let expected = text.contains { $0.isNewline } ? reference : text
        #expect(text.onOneLine() == expected, "\(text.debugDescription)")
        #expect(!text.onOneLine().contains { $0.isNewline })
    }

    @Test(arguments: ["Root Cause Analysis", "3. Root-cause analysis!", "Resolution & Recovery", "  LESSONS  learned ", "Zeitleiste über", "", "2024"])
    func asciiSectionKeysMatchTheFullKey(heading: String) {
        Self.expectSameKey(heading)
    }

    @Test func generatedAsciiSectionKeysMatchTheFullKey() async {
        let pieces = [" ", "&", ".", "-", "3", "42", "Root", "cause", "AND", "x", "\t", "!", "é", "2.", "&&"]
        await propertyCheck(count: 1_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            let heading = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            Self.expectSameKey(heading)
        }
    }

    static func expectSameKey(_ heading: String) {
        if let fast = SectionNames.asciiKey(heading) {
            #expect(fast == SectionNames.unicodeKey(heading), "\(heading.debugDescription)")
        } else {
            #expect(heading.utf8.contains { $0 >= 0x80 })
        }
    }
}
