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
        words(text).compactMap { word in
            guard word.unicodeScalars.count >= 2, !stopWords.contains(word) else { return nil }
            return PorterStemmer.stem(word)
        }
    }
}
