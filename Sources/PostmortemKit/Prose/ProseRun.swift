/// The visible text of one Markdown block (a paragraph, a heading, a table
/// cell), with what is needed to map any of its characters back to a file
/// line and column.
///
/// cmark-gfm gives inline nodes only their block's position, so the text is
/// aligned against the file's lines on demand: each visible character is
/// matched, in order, to the next equal character of the source, skipping
/// markup (`*`, `[`, `\`, entity names). Code spans, link destinations,
/// images and inline HTML are skipped explicitly, because their source text
/// could otherwise capture the match. Findings are rare, so the alignment is
/// computed only for runs that have one.
public struct ProseRun: Sendable {
    /// Something in the source that is not visible text, at a byte offset of `utf8`.
    enum Mark: Sendable {
        /// A code span; the run holds one placeholder scalar for it.
        case code
        /// A soft or hard line break; the run holds one space for it.
        case lineBreak
        /// The end of a link's text: the source continues with `](…)` or `[ref]`.
        case linkEnd
        /// Inline HTML starts here in the source and has no visible text.
        case skip(String)
        /// An image starts here in the source; its alt text is not prose.
        case image
    }

    /// Stands for a code span in `scalars`: never a word, never a term.
    public static let codePlaceholder: Unicode.Scalar = "\u{FFFC}"

    /// The visible text, as UTF-8: appending a text node's bytes is a copy,
    /// and `BlamelessScreen` reads bytes. Most runs are never decoded.
    public internal(set) var utf8: [UInt8] = []

    /// The visible text, one element per scalar (what the tokenizer's offsets count).
    public var scalars: [Unicode.Scalar] {
        ProseRun.decode(utf8)
    }

    /// The scalars of `bytes`, as the standard library's `UTF8` decoder gives
    /// them, with U+FFFD for each ill-formed part, as `String(decoding:as:)`
    /// repairs it (a run's bytes come from a validated file, so none is
    /// expected; the decoding loop before this stopped at the first). Well-formed sequences are
    /// decoded here, a byte at a time into a buffer of the right size; the
    /// decoder's iterator cost about 27 instructions a byte, 3.6 % of `lint`.
    /// From the first ill-formed sequence on, the standard decoder reads the
    /// rest, so its repairs hold exactly.
    static func decode(_ bytes: [UInt8]) -> [Unicode.Scalar] {
        bytes.withUnsafeBufferPointer { bytes in
            // Where the fast loop stopped; set once, after it (a variable the
            // loop captured would be checked for exclusive access on every byte).
            var stopped = 0
            let decoded = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var written = 0
                var index = 0
                let end = bytes.count
                while index < end {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        buffer.initializeElement(at: written, to: Unicode.Scalar(lead))
                        written += 1
                        index += 1
                        continue
                    }
                    guard let (value, length) = ProseRun.wellFormed(bytes, at: index) else { break }
                    // A well-formed sequence is a scalar value: no surrogate, nothing past U+10FFFF.
                    buffer.initializeElement(at: written, to: Unicode.Scalar(value).unsafelyUnwrapped)
                    written += 1
                    index += length
                }
                count = written
                stopped = index
            }
            guard stopped < bytes.count else { return decoded }
            var result = decoded
            var decoder = UTF8()
            var iterator = UnsafeBufferPointer(rebasing: bytes[stopped...]).makeIterator()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): result.append(scalar)
                case .error: result.append("\u{FFFD}")
                case .emptyInput: break loop
                }
            }
            return result
        }
    }

    /// The value and length of the well-formed multi-byte UTF-8 sequence at
    /// `index` (Unicode Table 3-7), or nil when it is ill-formed.
    @inline(__always)
    static func wellFormed(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let available = bytes.count - index
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            let byte = bytes[index + offset]
            return byte >= low && byte <= high ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC2...0xDF:
            guard available >= 2, let second = continuation(1) else { return nil }
            return (UInt32(lead & 0x1F) << 6 | second, 2)
        case 0xE0...0xEF:
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            guard available >= 3, let second = continuation(1, low, high), let third = continuation(2) else { return nil }
            return (UInt32(lead & 0x0F) << 12 | second << 6 | third, 3)
        case 0xF0...0xF4:
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard available >= 4, let second = continuation(1, low, high), let third = continuation(2),
                  let fourth = continuation(3) else { return nil }
            return (UInt32(lead & 0x07) << 18 | second << 12 | third << 6 | fourth, 4)
        default:
            return nil
        }
    }
    /// The section the block belongs to (nil before the first section).
    public let section: SectionKind?
    /// Where the block starts in the file; alignment starts here.
    let origin: SourceLocation
    /// The block's last file line; alignment never goes past it.
    let lastLine: Int
    /// Marks in offset order.
    var marks: [(offset: Int, mark: Mark)] = []

    init(section: SectionKind?, origin: SourceLocation, lastLine: Int) {
        self.section = section
        self.origin = origin
        self.lastLine = max(lastLine, origin.line)
    }

    /// The text as a String (for tests and messages).
    public var text: String {
        String(decoding: utf8, as: UTF8.self)
    }

    /// Some character is not white space (as `ProseTokenizer.isSpace` has it).
    var hasVisibleText: Bool {
        var nonASCII = false
        for byte in utf8 {
            if byte >= 0x80 {
                nonASCII = true
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0A {
                return true
            }
        }
        return nonASCII && scalars.contains { !ProseTokenizer.isSpace($0) }
    }

    /// The file position of every scalar of `scalars`, given the file's lines.
    public func locations(in lines: [Substring]) -> [SourceLocation] {
        var aligner = Aligner(lines: lines, line: origin.line, column: origin.column, lastLine: min(lastLine, lines.count))
        var result: [SourceLocation] = []
        result.reserveCapacity(scalars.count)
        var markIndex = 0
        var offset = 0
        for scalar in scalars {
            defer { offset += UTF8.width(scalar) }
            var handled = false
            while markIndex < marks.count, marks[markIndex].offset == offset {
                switch marks[markIndex].mark {
                case .code:
                    result.append(aligner.skipCodeSpan())
                    handled = true
                case .lineBreak:
                    result.append(aligner.position)
                    aligner.nextLine()
                    handled = true
                case .linkEnd:
                    aligner.skipLinkTarget()
                case .skip(let literal):
                    aligner.skip(literal)
                case .image:
                    aligner.skipImage()
                }
                markIndex += 1
                if handled { break }
            }
            if !handled { result.append(aligner.match(scalar)) }
        }
        return result
    }
}

/// A cursor over the source lines of one block.
private struct Aligner {
    let lines: [Substring]
    var line: Int
    /// 1-based scalar column of the next unmatched source scalar.
    var column: Int
    let lastLine: Int
    private var cache: (line: Int, scalars: [Unicode.Scalar]) = (0, [])

    init(lines: [Substring], line: Int, column: Int, lastLine: Int) {
        self.lines = lines
        self.line = line
        self.column = max(column, 1)
        self.lastLine = max(lastLine, line)
    }

    var position: SourceLocation { SourceLocation(line: line, column: column) }

    /// How far ahead a character is looked for before giving up (markup is short).
    private static let window = 240

    private mutating func scalars(of line: Int) -> [Unicode.Scalar] {
        if cache.line != line {
            cache = (line, line >= 1 && line <= lines.count ? Array(lines[line - 1].unicodeScalars) : [])
        }
        return cache.scalars
    }

    /// Finds `target` at or after the cursor; returns its position and moves past it.
    mutating func match(_ target: Unicode.Scalar) -> SourceLocation {
        guard let (foundLine, foundColumn) = find({ $0 == target }) else { return position }
        line = foundLine
        column = foundColumn + 1
        return SourceLocation(line: foundLine, column: foundColumn)
    }

    private mutating func find(_ predicate: (Unicode.Scalar) -> Bool) -> (Int, Int)? {
        var probeLine = line
        var probeColumn = column
        var looked = 0
        while probeLine <= lastLine, looked < Aligner.window {
            let text = scalars(of: probeLine)
            while probeColumn - 1 < text.count, looked < Aligner.window {
                if predicate(text[probeColumn - 1]) { return (probeLine, probeColumn) }
                probeColumn += 1
                looked += 1
            }
            probeLine += 1
            probeColumn = 1
        }
        return nil
    }

    mutating func nextLine() {
        guard line < lastLine else { return }
        line += 1
        column = 1
    }

    /// Moves past a code span (its backtick run, content, closing run); returns its start.
    mutating func skipCodeSpan() -> SourceLocation {
        guard let (startLine, startColumn) = find({ $0 == "`" }) else { return position }
        line = startLine
        column = startColumn
        let start = position
        let fence = countBackticks()
        column += fence
        // The closing run has the same length; stop at the block's end otherwise.
        while let (nextLine, nextColumn) = find({ $0 == "`" }) {
            line = nextLine
            column = nextColumn
            let run = countBackticks()
            column += run
            if run == fence { break }
        }
        return start
    }

    private mutating func countBackticks() -> Int {
        let text = scalars(of: line)
        var index = column - 1
        while index < text.count, text[index] == "`" { index += 1 }
        return index - (column - 1)
    }

    /// After a link's text: skips `]`, then `(destination "title")` or `[label]`.
    mutating func skipLinkTarget() {
        var text = scalars(of: line)
        guard column - 1 < text.count, text[column - 1] == "]" else { return }
        column += 1
        text = scalars(of: line)
        guard column - 1 < text.count else { return }
        let open = text[column - 1]
        guard open == "(" || open == "[" else { return }
        let close: Unicode.Scalar = open == "(" ? ")" : "]"
        var depth = 0
        while line <= lastLine {
            text = scalars(of: line)
            while column - 1 < text.count {
                let scalar = text[column - 1]
                column += 1
                if scalar == open { depth += 1 }
                if scalar == close {
                    depth -= 1
                    if depth == 0 { return }
                }
            }
            guard line < lastLine else { return }
            line += 1
            column = 1
        }
    }

    /// Moves past `![alt](source)`.
    mutating func skipImage() {
        guard let (foundLine, foundColumn) = find({ $0 == "!" }) else { return }
        line = foundLine
        column = foundColumn
        // The alt text may hold brackets; find the "]" that closes "![".
        var depth = 0
        while line <= lastLine {
            let text = scalars(of: line)
            while column - 1 < text.count {
                let scalar = text[column - 1]
                if scalar == "[" { depth += 1 }
                if scalar == "]" {
                    depth -= 1
                    if depth == 0 { skipLinkTarget(); return }
                }
                column += 1
            }
            guard line < lastLine else { return }
            line += 1
            column = 1
        }
    }

    /// Moves past `literal` (inline HTML, an image's source) when it is next.
    mutating func skip(_ literal: String) {
        guard let first = literal.unicodeScalars.first, let (foundLine, foundColumn) = find({ $0 == first }) else { return }
        var probeLine = foundLine
        var probeColumn = foundColumn
        for scalar in literal.unicodeScalars {
            if scalar == "\n" {
                probeLine += 1
                probeColumn = 1
                continue
            }
            let text = scalars(of: probeLine)
            // Stop at the first difference; the rest aligns by matching.
            guard probeColumn - 1 < text.count, text[probeColumn - 1] == scalar else { break }
            probeColumn += 1
        }
        line = probeLine
        column = probeColumn
    }
}
