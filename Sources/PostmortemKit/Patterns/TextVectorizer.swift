/// Turns the prose of a postmortem into weighted terms: lower-cased words,
/// stop words dropped, Porter-stemmed, plus concept tokens (`~certificate`).
enum TextVectorizer {
    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me",
        "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
        "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
        "you", "your", "yours", "per", "via", "within", "without", "across", "around", "still", "already", "however",
        "since", "one", "two", "three", "first", "second", "new", "every", "many", "much", "may", "might", "must", "us",
        // Words every postmortem uses; they say nothing about which problem it was.
        "incident", "incidents", "postmortem", "outage", "issue", "issues", "problem", "problems", "impact", "impacted",
        "affected", "customer", "customers", "user", "users", "minute", "minutes", "hour", "hours", "day", "days", "utc",
        "root", "cause", "caused", "causes", "team", "teams", "engineer", "engineers", "on-call", "oncall", "service",
        "services", "system", "systems", "request", "requests", "error", "errors", "failed", "failure", "failures",
        "result", "resulted", "led", "lead", "began", "started", "began", "time", "times", "because", "due", "made",
    ]

    /// Lower-cased word tokens of `text`: letters and digits, `.`/`_` kept
    /// inside a token ("max.poll", "max_connections"), pure numbers dropped.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachToken(in: text) { bytes, hasNonASCII in
            let word = String(decoding: bytes, as: UTF8.self)
            // Non-ASCII letters are lower-cased by Unicode rules; ASCII ones already are.
            words.append(hasNonASCII ? word.lowercased() : word)
        }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each token of `words(_:)` (ASCII
    /// letters already lower-cased) and whether it holds non-ASCII letters,
    /// without making a String per token.
    static func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var text = text
        text.withUTF8 { forEachToken(in: $0, body) }
    }

    /// `forEachToken(in:_:)` over UTF-8 bytes.
    static func forEachToken(in utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        // A token is never longer than the text.
        let token = UnsafeMutablePointer<UInt8>.allocate(capacity: max(utf8.count, 1))
        defer { token.deallocate() }
        var length = 0
        var hasNonASCII = false
        func flush() {
            while length > 0, token[length - 1] == UInt8(ascii: ".") || token[length - 1] == UInt8(ascii: "_") { length -= 1 }
            if length > 0, !(0..<length).allSatisfy({ token[$0] >= 48 && token[$0] <= 57 }) {
                body(UnsafeBufferPointer(start: token, count: length), hasNonASCII)
            }
            length = 0
            hasNonASCII = false
        }
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x80 {
                switch byte {
                case 65...90: token[length] = byte + 32; length += 1
                // A dot is kept even first in a token (".net"); an underscore only inside one.
                case 97...122, 48...57, UInt8(ascii: "."): token[length] = byte; length += 1
                case UInt8(ascii: "_") where length > 0: token[length] = byte; length += 1
                default: flush()
                }
                index += 1
            } else {
                // A whole scalar is part of the word when it is a letter or digit.
                var end = index + 1
                while end < utf8.count && utf8[end] & 0xC0 == 0x80 { end += 1 }
                let bytes = UnsafeBufferPointer(rebasing: utf8[index..<end])
                let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first
                if let scalar, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    for byte in bytes { token[length] = byte; length += 1 }
                    hasNonASCII = true
                } else {
                    flush()
                }
                index = end
            }
        }
        flush()
    }
}
