import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

/// The byte-level readers of table headers, cell padding and timeline
/// separators against the `Character` and `unicodeScalars` code they replaced.
struct TableAndTimelineFastPathTests {
    /// Text from pieces that the fast paths treat specially: ASCII separators, line feeds
    /// and padding, multi-byte separators, combining marks after a separator,
    /// letters with and without case, and emoji.
    static let pieces = [" ", "\t", "\n", "-", ":", "|", "·", "—", "–", "\u{301}", "\u{A0}", "a", "Z", "7", "_", "é", "ß", "İ", "日", "🚨", "Due", "OWNER", "x"]

    static func text(seed: UInt64, maxPieces: Int = 12) -> String {
        var generator = SeededGenerator(seed: seed)
        let count = Int.random(in: 0...maxPieces, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    // MARK: Header names

    @Test(arguments: ["Action", "Owner(s)", "Due date", "  due_by ", "Ticket ID", "Action-Item #", "P1", "", "--", "Statüs", "Ämter", "日付"])
    func headerNamesMatchTheUnicodeReading(header: String) {
        #expect(ActionTableReader.headerName(header) == ActionTableReader.unicodeHeaderName(header))
    }

    @Test func generatedHeaderNamesMatchTheUnicodeReading() async {
        await propertyCheck(count: 1_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let header = Self.text(seed: seed)
            #expect(ActionTableReader.headerName(header) == ActionTableReader.unicodeHeaderName(header), "\(header.debugDescription)")
        }
    }

    // MARK: Cell padding

    /// The reading by scalars that `skipSpaces` replaced.
    static func skipSpacesByScalars(from location: PostmortemKit.SourceLocation, in lines: [Substring]) -> PostmortemKit.SourceLocation {
        guard location.line >= 1, location.line <= lines.count else { return location }
        let line = lines[location.line - 1]
        var column = 1
        var index = line.unicodeScalars.startIndex
        while column < location.column, index < line.unicodeScalars.endIndex {
            index = line.unicodeScalars.index(after: index)
            column += 1
        }
        while index < line.unicodeScalars.endIndex {
            let scalar = line.unicodeScalars[index]
            if scalar != " ", scalar != "\t" { return PostmortemKit.SourceLocation(line: location.line, column: column) }
            index = line.unicodeScalars.index(after: index)
            column += 1
        }
        return location
    }

    @Test func cellPaddingMatchesTheScalarReading() async {
        await propertyCheck(count: 1_000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...30), Gen.int(in: 0...3)) { seed, column, line in
            // Lines are slices of one text, as the parser gives them.
            let text = Self.text(seed: seed, maxPieces: 20) + "\n" + Self.text(seed: seed &+ 1, maxPieces: 20)
            let lines = text.lineSlices()
            let location = PostmortemKit.SourceLocation(line: line, column: column)
            #expect(ActionTableReader.skipSpaces(from: location, in: lines) == Self.skipSpacesByScalars(from: location, in: lines),
                    "\(text.debugDescription) \(location)")
        }
    }

    /// A row's cells read left to right, each from where the one before was
    /// found (as `table(in:lines:)` reads them), land where each alone does.
    @Test func cellsReadInTurnMatchTheScalarReading() async {
        await propertyCheck(count: 1_000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...40), Gen.int(in: 1...8)) { seed, first, step in
            let text = Self.text(seed: seed, maxPieces: 40) + "\n" + Self.text(seed: seed &+ 1, maxPieces: 20)
            let lines = text.lineSlices()
            var cursor = ActionTableReader.LineCursor()
            // Cells along line 1, then one on line 2, then line 1 again from its start.
            let starts = stride(from: first, to: first + 5 * step, by: step).map { PostmortemKit.SourceLocation(line: 1, column: $0) }
                + [PostmortemKit.SourceLocation(line: 2, column: first), PostmortemKit.SourceLocation(line: 1, column: 1)]
            for location in starts {
                #expect(ActionTableReader.skipSpaces(from: location, in: lines, cursor: &cursor) == Self.skipSpacesByScalars(from: location, in: lines),
                        "\(text.debugDescription) \(location)")
            }
        }
    }

    // MARK: Comment openers

    /// `containsCommentOpener` (memchr for each "<") against a plain search.
    @Test(arguments: ["", "<", "<!-", "<!--", "x<!--", "<<!--", "<!<!--", "<!-x-", "a < b <!- -", "<!---->", "é<!--"])
    func commentOpenersAreFound(text: String) {
        var text = text
        let fast = text.withUTF8(PostmortemParser.containsCommentOpener)
        #expect(fast == text.contains("<!--"))
    }

    @Test func generatedCommentOpenersAreFound() async {
        await propertyCheck(count: 1_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            let count = Int.random(in: 0...16, using: &generator)
            var text = (0..<count).map { _ in ["<", "!", "-", "x", "é", " "].randomElement(using: &generator)! }.joined()
            let expected = text.contains("<!--")
            #expect(text.withUTF8(PostmortemParser.containsCommentOpener) == expected, "\(text.debugDescription)")
        }
    }

    // MARK: Timeline separators

    @Test(arguments: [" — Impact begins", " - x", ": |\tdone", "—́x", " -\u{301}x", " ·· ", "", "   ", "| 日本", " –🚨"])
    func separatorsDropLikeCharacters(text: String) {
        let fast = TimelineReader.droppingSeparators(text[...])
        let reference = text.drop { " \t—–-:|·".contains($0) }
        #expect(fast.utf8.elementsEqual(reference.utf8))
    }

    @Test func generatedSeparatorsDropLikeCharacters() async {
        await propertyCheck(count: 1_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let text = Self.text(seed: seed)
            let fast = TimelineReader.droppingSeparators(text[...])
            let reference = text.drop { " \t—–-:|·".contains($0) }
            #expect(fast.utf8.elementsEqual(reference.utf8), "\(text.debugDescription)")
        }
    }
}
