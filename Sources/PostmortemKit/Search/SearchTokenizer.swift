/// Splits text into search terms: lower-cased runs of letters and digits,
/// English stop words dropped, each word stemmed with `PorterStemmer`.
///
/// The browser splits a query the same way (`site.js`), and takes its stop
/// words from the index's metadata so the two lists can never differ.
public enum SearchTokenizer {
    /// Words too common to help a search; not indexed, and dropped from queries.
    public static let stopWords: Set<String> = [
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
        "her", "his", "how", "if", "in", "into", "is", "it", "its", "more", "most", "no", "not", "of", "on",
        "or", "other", "our", "out", "over", "she", "so", "some", "such", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "those", "to", "too", "up", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "will", "with", "would", "you", "your",
    ]

    /// Longer runs (hashes, base64) are noise in an index.
    static let maximumWordLength = 40

    /// The words of `text`, lower-cased, in order, stop words and one-letter
    /// words included (callers that index use `terms`).
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                if current.count <= maximumWordLength { words.append(String(current)) }
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 128 {
                // ASCII fast path: Unicode property lookups dominate indexing time otherwise.
                if value >= 97 && value <= 122 || value >= 48 && value <= 57 {
                    current.append(scalar)
                } else if value >= 65 && value <= 90 {
                    current.append(Unicode.Scalar(value + 32)!)
                } else {
                    flush()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Index terms of `text`: words of two or more characters that are not
    /// stop words, stemmed.
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }

    /// Calls `body` with each index term of `text`, in order: the same terms
    /// as `terms`, with one reused byte buffer per call instead of a string
    /// per word, because indexing a large repository tokenises millions of words.
    static func forEachTerm(in text: String, _ body: (String) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var scalars = 0
        func flush() {
            defer {
                word.removeAll(keepingCapacity: true)
                scalars = 0
            }
            guard scalars >= 2, scalars <= maximumWordLength else { return }
            let plain = String(decoding: word, as: UTF8.self)
            guard !stopWords.contains(plain) else { return }
            let length = PorterStemmer.stem(&word)
            body(String(decoding: word[0..<length], as: UTF8.self))
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 128 {
                if value >= 97 && value <= 122 || value >= 48 && value <= 57 {
                    word.append(UInt8(value))
                    scalars += 1
                } else if value >= 65 && value <= 90 {
                    word.append(UInt8(value + 32))
                    scalars += 1
                } else {
                    flush()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for lower in String(scalar).lowercased().unicodeScalars {
                    word.append(contentsOf: String(lower).utf8)
                    scalars += 1
                }
            } else {
                flush()
            }
        }
        flush()
    }
}
