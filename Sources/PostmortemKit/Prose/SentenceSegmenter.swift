/// Splits a run's tokens into sentences, with the same judgement as
/// `SentenceSplitter`: a period ends a sentence only before white space and
/// a capital, digit, handle, quote or bracket, and never after an
/// abbreviation ("e.g.", "approx.") or an initial ("J. Smith"). Decimals,
/// times, versions and handles never split because the tokenizer keeps
/// them whole ("99.9", "09:14", "v1.2.3", "@dana.k").
enum SentenceSegmenter {
    static func sentences(_ tokens: [ProseToken], scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < tokens.count {
            // Read in place: binding each token copied it.
            guard tokens[index].kind == .punctuation, SentenceSegmenter.isTerminator(tokens[index].lower) else {
                index += 1
                continue
            }
            var end = index + 1
            // Closing quotes and brackets stay with the sentence they close.
            while end < tokens.count, tokens[end].kind == .punctuation, "\"'”’)]".contains(tokens[end].lower),
                  tokens[end].start == tokens[end - 1].end {
                end += 1
            }
            if isBoundary(tokens, terminator: index, next: end, scalars: scalars) {
                if end > start { result.append(start..<end) }
                start = end
            }
            index = end
        }
        if start < tokens.count { result.append(start..<tokens.count) }
        return result
    }

    private static func isTerminator(_ lower: String) -> Bool {
        lower == "." || lower == "!" || lower == "?" || lower == "…"
    }

    private static func isBoundary(_ tokens: [ProseToken], terminator: Int, next: Int, scalars: [Unicode.Scalar]) -> Bool {
        guard next < tokens.count else { return true }
        // A terminator must be followed by white space.
        let gapStart = tokens[next - 1].end
        guard gapStart < scalars.count, ProseTokenizer.isSpace(scalars[gapStart]) else { return false }
        if tokens[terminator].lower == ".", terminator > 0 {
            let previous = tokens[terminator - 1]
            if previous.end == tokens[terminator].start {
                if SentenceSplitter.abbreviations.contains(previous.lower) { return false }
                if previous.kind == .word, previous.end - previous.start == 1, previous.isCapitalized { return false }
            }
        }
        let following = tokens[next]
        switch following.kind {
        case .number, .handle, .code:
            return true
        case .word:
            return following.isCapitalized
        case .punctuation:
            return "\"'“‘([*".contains(following.lower)
        }
    }
}
