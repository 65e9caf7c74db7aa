import Foundation

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
        forEachWord(in: text) { bytes in
            guard let term = term(of: bytes, buffer: &word) else { return }
            body(term)
        }
    }

    /// The index term of a word's lower-cased bytes, or nil when the word is
    /// not indexed (shorter than two characters, longer than
    /// `maximumWordLength`, or a stop word). `buffer` is scratch space.
    static func term(of bytes: UnsafeBufferPointer<UInt8>, buffer: inout [UInt8]) -> String? {
        // Characters are counted as Unicode scalars: every byte that does not continue one.
        var scalars = 0
        for byte in bytes where byte & 0xC0 != 0x80 { scalars += 1 }
        guard scalars >= 2, scalars <= maximumWordLength else { return nil }
        let plain = String(decoding: bytes, as: UTF8.self)
        guard !stopWords.contains(plain) else { return nil }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: bytes)
        let length = PorterStemmer.stem(&buffer)
        return String(decoding: buffer[0..<length], as: UTF8.self)
    }

    /// Calls `body` with the lower-cased UTF-8 bytes of each run of letters
    /// and digits in `text` (the words of `words`, whatever their length).
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var scanner = WordScanner(text)
        while scanner.next() { scanner.word.withUnsafeBufferPointer(body) }
    }
}

/// Reads the words of a text one at a time: runs of letters and digits,
/// lower-cased, as UTF-8 bytes. A loop over `next()` rather than a callback
/// per byte, because variables that closures capture are checked for
/// exclusive access at run time on every use, which made tokenising several
/// times slower.
struct WordScanner {
    private let text: [UInt8]
    private var index = 0
    /// The lower-cased UTF-8 bytes of the word `next()` moved to.
    private(set) var word: [UInt8] = []

    init(_ text: String) {
        self.text = Array(text.utf8)
        word.reserveCapacity(64)
    }

    /// Moves to the next word; false when there is none.
    mutating func next() -> Bool {
        word.removeAll(keepingCapacity: true)
        while index < text.count {
            let byte = text[index]
            if byte < 0x80 {
                if byte >= 97 && byte <= 122 || byte >= 48 && byte <= 57 {
                    // Lower-case letters and digits are most of a text: copied a run at a time.
                    let start = index
                    index += 1
                    while index < text.count, case let next = text[index], next >= 97 && next <= 122 || next >= 48 && next <= 57 {
                        index += 1
                    }
                    word.append(contentsOf: text[start..<index])
                    continue
                }
                index += 1
                if byte >= 65 && byte <= 90 {
                    word.append(byte + 32)
                } else if !word.isEmpty {
                    return true
                }
                continue
            }
            var end = index + 1
            while end < text.count && text[end] & 0xC0 == 0x80 { end += 1 }
            let scalar = String(decoding: text[index..<end], as: UTF8.self).unicodeScalars.first!
            index = end
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(contentsOf: String(scalar).lowercased().utf8)
            } else if !word.isEmpty {
                return true
            }
        }
        return !word.isEmpty
    }
}

/// Index terms by number for a run of documents: each distinct word is
/// found by its bytes in a `ByteStringTable`, so the stop words are checked,
/// the word stemmed and a String made once per distinct word rather than
/// once per occurrence. Several words share a term ("fails", "failing" →
/// "fail"); `terms[n]` is the term numbered n.
struct SearchTermTable {
    private(set) var terms: [String] = []
    private var termNumbers: [String: Int32] = [:]
    private var words = ByteStringTable()
    /// Per word: its term's number, or -1 when the word is not indexed.
    private var termOfWord: [Int32] = []
    private var scratch: [UInt8] = []
    /// A word being lower-cased, and the term numbers of the text being read.
    private var lowered: [UInt8] = []
    private var found: [Int32] = []

    /// Weight of each term in the document being added, and the terms with one.
    private var weights: [Int] = []
    private var weighted: [Int32] = []

    /// Calls `body` with the number of each index term of `text`, in order
    /// (the terms of `SearchTokenizer.forEachTerm`).
    mutating func forEachTerm(in text: String, _ body: (Int32) -> Void) {
        read(text)
        for term in found { body(term) }
    }

    /// Adds `weight` to the current document's weight of each term of `text`, once per occurrence.
    mutating func add(_ text: String, weight: Int) {
        read(text)
        for term in found {
            if weights[Int(term)] == 0 { weighted.append(term) }
            weights[Int(term)] += weight
        }
    }

    /// The terms added since the last call, with their summed weights (in the
    /// order they first occurred), and a fresh start for the next document.
    mutating func takeDocument() -> [(term: Int32, weight: Int)] {
        let document = weighted.map { (term: $0, weight: weights[Int($0)]) }
        for term in weighted { weights[Int(term)] = 0 }
        weighted.removeAll(keepingCapacity: true)
        return document
    }

    /// Sets `found` to the term numbers of the words of `text`: the words of
    /// `WordScanner`, read in place. A run of lower-case ASCII letters and
    /// digits (most words) is looked up where it lies in the text; only
    /// words with capitals or other scalars are copied to be lower-cased.
    private mutating func read(_ text: String) {
        found.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte &- 97 < 26 || byte &- 48 < 10 {
                    let start = index
                    index += 1
                    while index < count, case let next = bytes[index], next &- 97 < 26 || next &- 48 < 10 { index += 1 }
                    if index == count || (bytes[index] < 0x80 && bytes[index] &- 65 >= 26) {
                        record(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    } else {
                        index = readLowering(bytes, from: start)
                    }
                } else if byte < 0x80 && byte &- 65 >= 26 {
                    index += 1
                } else {
                    index = readLowering(bytes, from: index)
                }
            }
        }
    }

    /// Reads the word at `start` as `WordScanner` does (capitals lowered,
    /// other letters and digits lower-cased, anything else ends it), records
    /// it, and returns where reading goes on.
    private mutating func readLowering(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        lowered.removeAll(keepingCapacity: true)
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                if byte &- 97 < 26 || byte &- 48 < 10 {
                    lowered.append(byte)
                } else if byte &- 65 < 26 {
                    lowered.append(byte + 32)
                } else {
                    break
                }
                continue
            }
            var end = index + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).unicodeScalars.first!
            index = end
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                lowered.append(contentsOf: String(scalar).lowercased().utf8)
            } else {
                break
            }
        }
        if !lowered.isEmpty {
            let word = lowered
            word.withUnsafeBufferPointer { record($0) }
        }
        return index
    }

    private mutating func record(_ word: UnsafeBufferPointer<UInt8>) {
        let term = number(of: word)
        if term >= 0 { found.append(term) }
    }

    /// The term number of a word (its lower-cased bytes), or -1 when it is not indexed.
    private mutating func number(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (number, isNew) = words.insert(word)
        if isNew {
            if let term = SearchTokenizer.term(of: word, buffer: &scratch) {
                termOfWord.append(termNumber(term))
            } else {
                termOfWord.append(-1)
            }
        }
        return termOfWord[Int(number)]
    }

    private mutating func termNumber(_ term: String) -> Int32 {
        if let existing = termNumbers[term] { return existing }
        termNumbers[term] = Int32(terms.count)
        terms.append(term)
        weights.append(0)
        return Int32(terms.count - 1)
    }
}
