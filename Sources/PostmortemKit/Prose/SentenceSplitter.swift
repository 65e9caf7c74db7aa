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
