/// Splits prose into tokens. Words keep their inner hyphens, dots, slashes
/// and colons when a letter or digit follows, so that "on-call", "v3.8.1",
/// "09:14", "us-west-2", "@org/team", "session.timeout.ms" and "4,120" stay
/// whole; contractions are split ("should've" → "should" "'ve", "@bob's" →
/// "@bob" "'s", "didn't" → "did" "n't") so the analysis sees their parts.
public enum ProseTokenizer {
    public static func tokens(_ scalars: [Unicode.Scalar]) -> [ProseToken] {
        tokens(scalars, in: [0..<scalars.count])
    }

    /// The tokens of `regions` of `scalars`, one after another, with offsets
    /// into the whole. Each region must start and end between tokens; the
    /// characters around it are still read where a token's reading depends
    /// on them (an "@" after a letter, the marks around a quote).
    static func tokens(_ scalars: [Unicode.Scalar], in regions: [Range<Int>]) -> [ProseToken] {
        let regions = regions.map { $0.clamped(to: 0..<scalars.count) }
        var tokens: [ProseToken] = []
        tokens.reserveCapacity(regions.reduce(0) { $0 + $1.count } / 4)
        for region in regions { appendTokens(scalars, region, to: &tokens) }
        markQuotations(&tokens, scalars)
        return tokens
    }

    private static func appendTokens(_ scalars: [Unicode.Scalar], _ region: Range<Int>, to tokens: inout [ProseToken]) {
        let count = scalars.count
        var index = region.lowerBound
        while index < region.upperBound {
            let scalar = scalars[index]
            if isSpace(scalar) {
                index += 1
                continue
            }
            if scalar == ProseRun.codePlaceholder {
                tokens.append(ProseToken(kind: .code, start: index, end: index + 1, lower: "`code`", isCapitalized: false))
                index += 1
                continue
            }
            // "@" after a letter is an e-mail address, not a mention.
            let startsHandle = (scalar == "@" || scalar == "#") && index + 1 < count && isAlphanumeric(scalars[index + 1])
                && (index == 0 || !isAlphanumeric(scalars[index - 1]))
            if isAlphanumeric(scalar) || startsHandle {
                var end = index + 1
                while end < count {
                    let current = scalars[end]
                    if isAlphanumeric(current) || current == "_" {
                        end += 1
                        continue
                    }
                    guard end + 1 < count, joins(current, before: scalars[end + 1], after: scalars[end - 1]) else { break }
                    end += 2
                }
                let kind: ProseToken.Kind = scalar == "@" ? .handle : isDigit(scalar) ? .number : .word
                appendWord(scalars, index, end, kind: kind, to: &tokens)
                index = end
                continue
            }
            let straight = scalar.value < 128 ? ProseTokenizer.asciiStrings[Int(scalar.value)] : scalar == "’" ? "'" : String(Character(scalar))
            tokens.append(ProseToken(kind: .punctuation, start: index, end: index + 1, lower: straight, isCapitalized: false))
            index += 1
        }
    }

    /// One-character strings for ASCII, so punctuation tokens build no string.
    private static let asciiStrings: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{A0}" || (scalar.value > 127 && scalar.properties.isWhitespace)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }

    /// ASCII is answered inline: the tokenizer asks for every character, and
    /// a call per character was about 1 % of `lint`.
    @inline(__always)
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 {
            return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
        }
        return isAlphanumericBeyondASCII(scalar)
    }

    @inline(never)
    private static func isAlphanumericBeyondASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether `joiner` between two characters keeps them in one token.
    private static func joins(_ joiner: Unicode.Scalar, before next: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
        switch joiner {
        case "-", ".", "/", "+", "_":
            return isAlphanumeric(next)
        case "'", "’":
            return isAlphanumeric(next) && !isDigit(next)
        case ":", ",":
            return isDigit(previous) && isDigit(next)
        default:
            return false
        }
    }

    /// Contraction suffixes: written form → spelled-out lower-case form.
    static let suffixes: [(String, String)] = [
        ("n't", "not"), ("'s", "'s"), ("'ve", "have"), ("'re", "are"), ("'d", "'d"), ("'ll", "will"), ("'m", "am"),
    ]

    /// Irregular negative contractions: the stem before "n't" → its word.
    static let negativeStems: [String: String] = ["ca": "can", "wo": "will", "sha": "shall", "ai": "is"]

    private static func appendWord(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, kind: ProseToken.Kind, to tokens: inout [ProseToken]) {
        let (lower, hasApostrophe, hash, shape) = strings(scalars, start, end)
        let first = scalars[start].value
        let capital = first < 128 ? (first >= 65 && first <= 90) : scalars[start].properties.isUppercase
        // Split a contraction suffix off words (and handles: "@bob's").
        if hasApostrophe, kind != .number, end - start > 2 {
            for (suffix, spelled) in suffixes where lower.hasSuffix(suffix) {
                let suffixLength = suffix.unicodeScalars.count
                let stemEnd = end - suffixLength
                guard stemEnd > start else { break }
                // The stem may carry a contraction too: "shouldn't've".
                appendWord(scalars, start, stemEnd, kind: kind, to: &tokens)
                if suffix == "n't", let last = tokens.last, let full = negativeStems[last.lower] {
                    tokens[tokens.count - 1] = token(kind: last.kind, start: last.start, end: last.end,
                                                     lower: full, isCapitalized: last.isCapitalized)
                }
                tokens.append(token(kind: .word, start: stemEnd, end: end, lower: spelled, isCapitalized: false))
                return
            }
        }
        var token = ProseToken(kind: kind, start: start, end: end, lower: lower, isCapitalized: capital)
        if kind == .word {
            token.hash = hash ?? WordTable<Int>.hash(lower)
            token.shape = shape ?? ProseToken.Shape(of: lower)
        }
        // Moved, not copied (a copy here was a tenth of lint's token copies).
        tokens.append(consume token)
    }

    /// A token with its hash and shape filled in.
    static func token(kind: ProseToken.Kind, start: Int, end: Int, lower: String, isCapitalized: Bool) -> ProseToken {
        var token = ProseToken(kind: kind, start: start, end: end, lower: lower, isCapitalized: isCapitalized)
        if kind == .word {
            token.hash = WordTable<Int>.hash(lower)
            token.shape = ProseToken.Shape(of: lower)
        }
        return token
    }

    /// The token lower-cased (curly apostrophes straightened) and whether it
    /// holds an apostrophe. ASCII, the common case, is built byte by byte,
    /// and also yields the hash and shape of the lower-case form.
    private static func strings(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int)
        -> (lower: String, apostrophe: Bool, hash: Int?, shape: ProseToken.Shape?) {
        var ascii = true
        var apostrophe = false
        for index in start..<end {
            let value = scalars[index].value
            if value == 39 { apostrophe = true }
            if value >= 128 {
                ascii = false
                if value == 0x2019 { apostrophe = true }
            }
        }
        guard ascii else { return (lowercase(scalars[start..<end]), apostrophe, nil, nil) }
        let count = end - start
        var hash = 0
        var shape: ProseToken.Shape = []
        let lower = String(unsafeUninitializedCapacity: count) { buffer in
            for offset in 0..<count {
                let value = scalars[start + offset].value
                buffer[offset] = UInt8(value >= 65 && value <= 90 ? value + 32 : value)
            }
            let bytes = UnsafeBufferPointer(rebasing: buffer[0..<count])
            hash = WordTable<Int>.hash(bytes: bytes)
            shape = ProseToken.Shape(bytes: bytes)
            return count
        }
        return (lower, apostrophe, hash, shape)
    }

    /// Lower-cases text with non-ASCII letters, curly apostrophes straightened.
    static func lowercase(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for scalar in slice { view.append(scalar == "’" ? "'" : scalar) }
        return String(view).lowercased()
    }

    /// Marks tokens between matching quotation marks. Straight double quotes
    /// pair up in order; a single quote opens at a word's start and closes at
    /// a word's end (otherwise it is an apostrophe: "engineers'"). An
    /// unclosed quotation marks nothing, so a stray mark cannot hide a sentence.
    private static func markQuotations(_ tokens: inout [ProseToken], _ scalars: [Unicode.Scalar]) {
        var openDouble: Int?
        var openSingle: Int?
        for index in tokens.indices where tokens[index].kind == .punctuation {
            let symbol = scalars[tokens[index].start]
            let before = tokens[index].start > 0 ? scalars[tokens[index].start - 1] : " "
            let after = tokens[index].end < scalars.count ? scalars[tokens[index].end] : " "
            switch symbol {
            case "\"":
                if let open = openDouble {
                    mark(&tokens, from: open, to: index)
                    openDouble = nil
                } else {
                    openDouble = index
                }
            case "“":
                openDouble = index
            case "”":
                if let open = openDouble { mark(&tokens, from: open, to: index) }
                openDouble = nil
            case "‘":
                openSingle = index
            case "'", "’":
                let atWordStart = isSpace(before) || "([{—–-/".unicodeScalars.contains(before) || tokens[index].start == 0
                if atWordStart, symbol == "'" || openSingle == nil {
                    openSingle = index
                } else if let open = openSingle, !isAlphanumeric(after) {
                    mark(&tokens, from: open, to: index)
                    openSingle = nil
                } else if !isAlphanumeric(after), index > 0, tokens[index - 1].lower.hasSuffix("s") {
                    // A plural possessive: "the engineers' change".
                    tokens[index].lower = "'s"
                }
            default:
                continue
            }
        }
    }

    private static func mark(_ tokens: inout [ProseToken], from open: Int, to close: Int) {
        guard close > open + 1 else { return }
        for index in (open + 1)..<close { tokens[index].isQuoted = true }
    }
}
