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
        text.withUTF8 { utf8 in
            var current: [UInt8] = []
            current.reserveCapacity(64)
            var hasNonASCII = false
            func flush() {
                while let last = current.last, last == UInt8(ascii: ".") || last == UInt8(ascii: "_") { current.removeLast() }
                if !current.isEmpty, !current.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                    current.withUnsafeBufferPointer { body($0, hasNonASCII) }
                }
                current.removeAll(keepingCapacity: true)
                hasNonASCII = false
            }
            var pendingLead: [UInt8] = []
            /// A complete non-ASCII scalar is part of the word when it is a letter or digit.
            func finishScalar() {
                let scalar = String(decoding: pendingLead, as: UTF8.self).unicodeScalars.first
                if let scalar, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    current.append(contentsOf: pendingLead)
                    hasNonASCII = true
                } else {
                    flush()
                }
                pendingLead.removeAll(keepingCapacity: true)
            }
            for byte in utf8 {
                if byte < 0x80 {
                    if !pendingLead.isEmpty { finishScalar() }
                    switch byte {
                    case 65...90: current.append(byte + 32)
                    case 97...122, 48...57: current.append(byte)
                    // A dot is kept even first in a token (".net"); an underscore only inside one.
                    case UInt8(ascii: "."): current.append(byte)
                    case UInt8(ascii: "_") where !current.isEmpty: current.append(byte)
                    default: flush()
                    }
                } else if byte & 0xC0 == 0xC0 {
                    if !pendingLead.isEmpty { finishScalar() }
                    pendingLead = [byte]
                } else {
                    pendingLead.append(byte)
                }
            }
            if !pendingLead.isEmpty { finishScalar() }
            flush()
        }
    }
}
