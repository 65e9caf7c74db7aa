/// Writes a term's postings (document number, weight) as a short string of
/// URL- and JSON-safe characters, which is what keeps the search index small:
/// a posting most often takes one character, where decimal text took four
/// or five. `Resources/theme/site.js` decodes it (`decodePostings`).
///
/// A posting is one number, `delta × 8 + min(weight, 8) − 1`, where `delta`
/// is the document number minus the previous posting's (the first counts
/// from 0); when the weight is 8 or more a second number, `weight − 8`,
/// follows. Each number is written in base 32, most significant digit first:
/// the last digit as `ALPHABET[d]` (`0`–`9`, `a`–`v`), every earlier digit as
/// `ALPHABET[32 + d]` (`w`–`z`, `A`–`Z`, `-`, `_`), so numbers need no separator.
public enum PostingCoder {
    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    /// Weights up to this are written inside the posting's first number.
    static let inlineWeights = 8

    /// The encoded postings of one term; `postings` must be in increasing
    /// document order, weights at least 1.
    public static func encode<Number: BinaryInteger>(_ postings: [(document: Number, weight: Number)]) -> String {
        encode(postings[...])
    }

    /// `encode(_:)` for a slice of postings (`SearchIndexBuilder.PostingLists` holds every term's in one array).
    public static func encode<Number: BinaryInteger>(_ postings: ArraySlice<(document: Number, weight: Number)>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(postings.count * 2)
        var previous = 0
        for posting in postings {
            let (document, weight) = (Int(posting.document), Int(posting.weight))
            precondition(document >= previous && weight >= 1, "postings must be sorted with positive weights")
            let inline = min(weight, inlineWeights)
            appendNumber((document - previous) * inlineWeights + inline - 1, to: &out)
            if inline == inlineWeights { appendNumber(weight - inlineWeights, to: &out) }
            previous = document
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The postings `encode` wrote, or nil when `text` is not such a string.
    /// The browser has its own copy; this one lets tests check round trips.
    public static func decode(_ text: String) -> [(document: Int, weight: Int)]? {
        var numbers: [Int] = []
        var value = 0, open = false
        for byte in text.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { return nil }
            if digit >= 32 {
                value = value * 32 + digit - 32
                open = true
            } else {
                numbers.append(value * 32 + digit)
                value = 0
                open = false
            }
        }
        guard !open else { return nil }
        var postings: [(document: Int, weight: Int)] = []
        var document = 0, index = 0
        while index < numbers.count {
            let number = numbers[index]
            document += number / inlineWeights
            var weight = number % inlineWeights + 1
            if weight == inlineWeights {
                index += 1
                guard index < numbers.count else { return nil }
                weight += numbers[index]
            }
            postings.append((document, weight))
            index += 1
        }
        return postings
    }

    static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            out.append(alphabet[32 + (value >> shift) & 31])
            shift -= 5
        }
        out.append(alphabet[value & 31])
    }
}
