/// One word, number, handle, code span or punctuation mark of a prose run.
public struct ProseToken: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case word, number, handle, code, punctuation
    }

    public var kind: Kind
    /// Scalar offsets into the run's text: `start..<end`.
    public var start: Int
    public var end: Int
    /// Lower-cased with apostrophes straightened and contractions spelled
    /// out where that is unambiguous: "n't" → "not", "'ve" → "have",
    /// "'re" → "are", "'ll" → "will", "'m" → "am". "'s" and "'d" stay.
    public var lower: String
    /// The first letter is upper-case.
    public var isCapitalized: Bool
    /// Inside quotation marks ("…", “…”, ‘…’).
    public var isQuoted: Bool = false

    /// The token as written, read from its run's scalars (tokens keep no copy,
    /// so that copying them costs no reference counting).
    public func text(in scalars: [Unicode.Scalar]) -> String {
        guard start >= 0, start <= end, end <= scalars.count else { return lower }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
    /// FNV-1a of `lower`'s UTF-8, for `WordTable` lookups without rehashing.
    var hash: Int = 0
    /// Endings and a prefix of `lower`, read once by the tokenizer.
    var shape: Shape = []

    struct Shape: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let ed = Shape(rawValue: 1 << 0)
        static let eed = Shape(rawValue: 1 << 1)
        static let ceed = Shape(rawValue: 1 << 2)
        static let ly = Shape(rawValue: 1 << 3)
        static let s = Shape(rawValue: 1 << 4)
        static let ing = Shape(rawValue: 1 << 5)
        static let mis = Shape(rawValue: 1 << 6)
        /// Longer than three bytes.
        static let long = Shape(rawValue: 1 << 7)

        /// The shape of a lower-case word (no allocation: reads its UTF-8 in place).
        init(of word: String) {
            var copy = word
            self = copy.withUTF8 { Shape(bytes: $0) }
        }

        /// The shape of lower-case UTF-8 bytes.
        init(bytes: UnsafeBufferPointer<UInt8>) {
            var shape: Shape = []
            let n = bytes.count
            func ends(_ a: UInt8, _ b: UInt8) -> Bool { n >= 2 && bytes[n - 2] == a && bytes[n - 1] == b }
            if ends(101, 100) {
                shape.insert(.ed)
                if n >= 3, bytes[n - 3] == 101 {
                    shape.insert(.eed)
                    if n >= 4, bytes[n - 4] == 99 { shape.insert(.ceed) }
                }
            }
            if ends(108, 121) { shape.insert(.ly) }
            if n >= 1, bytes[n - 1] == 115 { shape.insert(.s) }
            if n >= 3, bytes[n - 3] == 105, ends(110, 103) { shape.insert(.ing) }
            if n >= 3, bytes[0] == 109, bytes[1] == 105, bytes[2] == 115 { shape.insert(.mis) }
            if n > 3 { shape.insert(.long) }
            self = shape
        }

        init(rawValue: UInt8) { self.rawValue = rawValue }
    }
}
