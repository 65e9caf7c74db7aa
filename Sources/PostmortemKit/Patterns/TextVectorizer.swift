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
        var current: [UInt8] = []
        var currentIsASCII = true
        var pending = String.UnicodeScalarView()
        func flush() {
            while let last = current.last, last == UInt8(ascii: ".") || last == UInt8(ascii: "_") { current.removeLast() }
            if !current.isEmpty, !current.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                words.append(currentIsASCII ? String(decoding: current, as: UTF8.self) : String(pending))
            }
            current.removeAll(keepingCapacity: true)
            pending = String.UnicodeScalarView()
            currentIsASCII = true
        }
        // ASCII is handled byte by byte; other letters go through Unicode lower-casing.
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 128 {
                let byte = UInt8(value)
                switch byte {
                case 65...90: current.append(byte + 32); pending.append(Unicode.Scalar(byte + 32))
                case 97...122, 48...57: current.append(byte); pending.append(scalar)
                case UInt8(ascii: "."), UInt8(ascii: "_") where !current.isEmpty: current.append(byte); pending.append(scalar)
                default: flush()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                currentIsASCII = false
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { pending.append(lower) }
                current.append(0x80)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Terms of `text`, each with `weight`, added into `into`.
    static func addTerms(of text: String, weight: Double, into terms: inout [String: Double], surface: inout [String: String]) {
        let tokens = words(text)
        for concept in ConceptLexicon.concepts(in: tokens) {
            terms[concept, default: 0] += ConceptLexicon.failureModes.contains(concept) ? 2 * weight : weight
        }
        for token in tokens where !stopWords.contains(token) && token.count > 1 {
            let stem = PorterStemmer.stem(token)
            terms[stem, default: 0] += weight
            if surface[stem] == nil || token.count < surface[stem]!.count { surface[stem] = token }
        }
    }
}
