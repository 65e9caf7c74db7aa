/// Splits prose into sentences. Survives the things postmortems are full of:
/// abbreviations ("e.g.", "approx."), decimals ("99.9%"), times ("09:14"),
/// versions ("v1.2.3"), handles ("@dana.k") and initials ("J. Smith").
public enum SentenceSplitter {
    /// Lower-cased words that end with a period without ending a sentence.
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "vs", "approx", "appx", "est", "mr", "mrs", "ms", "dr", "prof", "st", "inc", "ltd",
        "co", "corp", "no", "nos", "fig", "figs", "min", "mins", "sec", "secs", "hr", "hrs", "cf", "al", "resp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed",
        "thu", "fri", "sat", "sun", "u.s", "a.m", "p.m", "ca", "incl", "excl", "max", "avg", "dept", "ref",
    ]

    /// The sentences of `text`, as ranges into it, whitespace trimmed.
    public static func split(_ text: String) -> [Range<String.Index>] {
        // ASCII text (nearly every summary) is read as bytes: walking it by
        // Characters cost grapheme breaking at every step.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
            bytes.contains { $0 >= 0x80 } ? nil : splitASCII(bytes)
        }
        guard let ranges = ascii ?? nil else { return splitCharacters(text) }
        let utf8 = text.utf8
        return ranges.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    /// `split` over Characters, for any text.
    static func splitCharacters(_ text: String) -> [Range<String.Index>] {
        var sentences: [Range<String.Index>] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "." || character == "!" || character == "?" {
                var end = text.index(after: index)
                // Runs of terminators and closing quotes or brackets stay with the sentence.
                while end < text.endIndex, ".!?\"'”’)]".contains(text[end]) { end = text.index(after: end) }
                if isBoundary(in: text, terminator: index, after: end) {
                    appendTrimmed(text, start..<end, to: &sentences)
                    start = end
                }
                index = end
                continue
            }
            index = text.index(after: index)
        }
        appendTrimmed(text, start..<text.endIndex, to: &sentences)
        return sentences
    }

    private static func appendTrimmed(_ text: String, _ range: Range<String.Index>, to sentences: inout [Range<String.Index>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
        while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
        if lower < upper { sentences.append(lower..<upper) }
    }

    private static func isBoundary(in text: String, terminator: String.Index, after end: String.Index) -> Bool {
        // End of text ends a sentence.
        guard end < text.endIndex else { return true }
        // A terminator must be followed by white space ("99.9", "v1.2", "a.b.c" are not ends).
        guard text[end].isWhitespace else { return false }
        var next = end
        while next < text.endIndex, text[next].isWhitespace { next = text.index(after: next) }
        guard next < text.endIndex else { return true }
        let following = text[next]
        if text[terminator] == "." {
            let word = wordBefore(text, terminator)
            let lower = word.lowercased()
            if abbreviations.contains(lower) { return false }
            // An initial ("J. Smith") or a lone letter.
            if word.count == 1, word.first!.isUppercase { return false }
        }
        // A new sentence starts with a capital, a digit, a quote, a handle or a bracket.
        return following.isUppercase || following.isNumber || "\"'“‘@(`*[".contains(following)
    }

    /// `splitCharacters` for ASCII bytes, as byte offsets. In ASCII every
    /// Character is one byte but "\r\n", and both its bytes are white space.
    static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                var end = index + 1
                // Runs of terminators and closing quotes or brackets stay with the sentence: . ! ? " ' ) ]
                while end < bytes.count, [0x2E, 0x21, 0x3F, 0x22, 0x27, 0x29, 0x5D].contains(bytes[end]) { end += 1 }
                if isBoundaryASCII(bytes, terminator: index, after: end) {
                    appendTrimmedASCII(bytes, start..<end, to: &sentences)
                    start = end
                }
                index = end
                continue
            }
            index += 1
        }
        appendTrimmedASCII(bytes, start..<bytes.count, to: &sentences)
        return sentences
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    @inline(__always)
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    private static func appendTrimmedASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to sentences: inout [Range<Int>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        if lower < upper { sentences.append(lower..<upper) }
    }

    private static func isBoundaryASCII(_ bytes: UnsafeBufferPointer<UInt8>, terminator: Int, after end: Int) -> Bool {
        guard end < bytes.count else { return true }
        guard isSpace(bytes[end]) else { return false }
        var next = end
        while next < bytes.count, isSpace(bytes[next]) { next += 1 }
        guard next < bytes.count else { return true }
        let following = bytes[next]
        if bytes[terminator] == 0x2E {
            var start = terminator
            while start > 0, bytes[start - 1] == 0x2E || isUpper(bytes[start - 1] & 0xDF) { start -= 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<terminator])
            if abbreviations.contains(String(decoding: word, as: UTF8.self).lowercased()) { return false }
            if word.count == 1, isUpper(word[0]) { return false }
        }
        // A capital, a digit, or one of " ' @ ( ` * [
        return isUpper(following) || (following >= 0x30 && following <= 0x39)
            || [0x22, 0x27, 0x40, 0x28, 0x60, 0x2A, 0x5B].contains(following)
    }

    /// The word just before `index`, including inner periods ("e.g" in "e.g.").
    private static func wordBefore(_ text: String, _ index: String.Index) -> Substring {
        var start = index
        while start > text.startIndex {
            let previous = text.index(before: start)
            let character = text[previous]
            if character.isLetter || character == "." { start = previous } else { break }
        }
        return text[start..<index]
    }
}
