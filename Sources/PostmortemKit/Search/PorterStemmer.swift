/// Martin Porter's stemming algorithm (1980), following his reference C
/// implementation, including its two departures (`-bli` → `-ble`, `-logi` →
/// `-log`) and leaving words of one or two letters alone.
///
/// Only lower-case ASCII words are stemmed; anything else is returned as
/// given. `Resources/theme/site.js` carries a line-for-line JavaScript copy,
/// so that a query is stemmed exactly as the index was; a browser test keeps
/// the two in step.
public enum PorterStemmer {
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        let length = stem(&bytes)
        return String(decoding: bytes[0..<length], as: UTF8.self)
    }

    /// Stems the lower-case ASCII word in `bytes` in place and returns the
    /// stem's length (the bytes after it are scratch). Words that are not
    /// lower-case ASCII, or shorter than three letters, are left as they are.
    /// Indexing calls this with one reused buffer, so it allocates nothing.
    static func stem(_ bytes: inout [UInt8]) -> Int {
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return bytes.count }
        var state = State()
        swap(&state.b, &bytes)
        state.k = state.b.count - 1
        state.run()
        swap(&state.b, &bytes)
        return state.k + 1
    }

    private struct State {
        var b: [UInt8] = []
        /// Index of the last letter of the word being stemmed.
        var k = 0
        /// Index of the last letter before the suffix found by `ends`.
        var j = 0

        mutating func run() {
            step1ab()
            if k > 0 {
                step1c()
                step2()
                step3()
                step4()
                step5()
            }
        }

        func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case 97, 101, 105, 111, 117: return false // a e i o u
            case 121: return i == 0 ? true : !isConsonant(i - 1) // y
            default: return true
            }
        }

        /// The number of vowel-consonant sequences in b[0...j].
        func measure() -> Int {
            var n = 0
            var i = 0
            while true {
                if i > j { return n }
                if !isConsonant(i) { break }
                i += 1
            }
            i += 1
            while true {
                while true {
                    if i > j { return n }
                    if isConsonant(i) { break }
                    i += 1
                }
                i += 1
                n += 1
                while true {
                    if i > j { return n }
                    if !isConsonant(i) { break }
                    i += 1
                }
                i += 1
            }
        }

        func vowelInStem() -> Bool {
            var i = 0
            while i <= j {
                if !isConsonant(i) { return true }
                i += 1
            }
            return false
        }

        func doubleConsonant(_ i: Int) -> Bool {
            i >= 1 && b[i] == b[i - 1] && isConsonant(i)
        }

        /// Consonant-vowel-consonant ending at i, the last not w, x or y.
        func cvc(_ i: Int) -> Bool {
            guard i >= 2, isConsonant(i), !isConsonant(i - 1), isConsonant(i - 2) else { return false }
            return b[i] != 119 && b[i] != 120 && b[i] != 121
        }

        mutating func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard length <= k + 1 else { return false }
            let start = k - length + 1
            let matches = suffix.withUTF8Buffer { buffer in
                for index in 0..<length where b[start + index] != buffer[index] { return false }
                return true
            }
            guard matches else { return false }
            j = k - length
            return true
        }

        /// Replaces b[j+1...k] with `replacement`; what lies beyond k is scratch.
        mutating func setTo(_ replacement: StaticString) {
            let length = replacement.utf8CodeUnitCount
            replacement.withUTF8Buffer { bytes in
                for offset in 0..<length {
                    let index = j + 1 + offset
                    if index < b.count { b[index] = bytes[offset] } else { b.append(bytes[offset]) }
                }
            }
            k = j + length
        }

        mutating func replaceIfMeasured(_ replacement: StaticString) {
            if measure() > 0 { setTo(replacement) }
        }

        /// Plurals and -ed or -ing.
        mutating func step1ab() {
            if b[k] == 115 { // s
                if ends("sses") { k -= 2 }
                else if ends("ies") { setTo("i") }
                else if b[k - 1] != 115 { k -= 1 }
            }
            if ends("eed") {
                if measure() > 0 { k -= 1 }
            } else if (ends("ed") || ends("ing")) && vowelInStem() {
                k = j
                if ends("at") { setTo("ate") }
                else if ends("bl") { setTo("ble") }
                else if ends("iz") { setTo("ize") }
                else if doubleConsonant(k) {
                    k -= 1
                    let last = b[k]
                    if last == 108 || last == 115 || last == 122 { k += 1 } // l s z
                } else if measure() == 1 && cvc(k) {
                    setTo("e")
                }
            }
        }

        /// Terminal y to i when there is another vowel in the stem.
        mutating func step1c() {
            if ends("y") && vowelInStem() { b[k] = 105 }
        }

        /// Double suffixes to single ones (-ization → -ize).
        mutating func step2() {
            switch b[k - 1] {
            case 97: // a
                if ends("ational") { replaceIfMeasured("ate"); return }
                if ends("tional") { replaceIfMeasured("tion"); return }
            case 99: // c
                if ends("enci") { replaceIfMeasured("ence"); return }
                if ends("anci") { replaceIfMeasured("ance"); return }
            case 101: // e
                if ends("izer") { replaceIfMeasured("ize"); return }
            case 108: // l
                if ends("bli") { replaceIfMeasured("ble"); return }
                if ends("alli") { replaceIfMeasured("al"); return }
                if ends("entli") { replaceIfMeasured("ent"); return }
                if ends("eli") { replaceIfMeasured("e"); return }
                if ends("ousli") { replaceIfMeasured("ous"); return }
            case 111: // o
                if ends("ization") { replaceIfMeasured("ize"); return }
                if ends("ation") { replaceIfMeasured("ate"); return }
                if ends("ator") { replaceIfMeasured("ate"); return }
            case 115: // s
                if ends("alism") { replaceIfMeasured("al"); return }
                if ends("iveness") { replaceIfMeasured("ive"); return }
                if ends("fulness") { replaceIfMeasured("ful"); return }
                if ends("ousness") { replaceIfMeasured("ous"); return }
            case 116: // t
                if ends("aliti") { replaceIfMeasured("al"); return }
                if ends("iviti") { replaceIfMeasured("ive"); return }
                if ends("biliti") { replaceIfMeasured("ble"); return }
            case 103: // g
                if ends("logi") { replaceIfMeasured("log"); return }
            default:
                return
            }
        }

        /// -ic-, -full, -ness and the like.
        mutating func step3() {
            switch b[k] {
            case 101: // e
                if ends("icate") { replaceIfMeasured("ic"); return }
                if ends("ative") { replaceIfMeasured(""); return }
                if ends("alize") { replaceIfMeasured("al"); return }
            case 105: // i
                if ends("iciti") { replaceIfMeasured("ic"); return }
            case 108: // l
                if ends("ical") { replaceIfMeasured("ic"); return }
                if ends("ful") { replaceIfMeasured(""); return }
            case 115: // s
                if ends("ness") { replaceIfMeasured(""); return }
            default:
                return
            }
        }

        /// -ant, -ence and the like, when the stem is long enough.
        mutating func step4() {
            switch b[k - 1] {
            case 97: if !ends("al") { return }
            case 99: if !ends("ance") && !ends("ence") { return }
            case 101: if !ends("er") { return }
            case 105: if !ends("ic") { return }
            case 108: if !ends("able") && !ends("ible") { return }
            case 110: if !ends("ant") && !ends("ement") && !ends("ment") && !ends("ent") { return }
            case 111:
                if ends("ion") && j >= 0 && (b[j] == 115 || b[j] == 116) { break }
                if !ends("ou") { return }
            case 115: if !ends("ism") { return }
            case 116: if !ends("ate") && !ends("iti") { return }
            case 117: if !ends("ous") { return }
            case 118: if !ends("ive") { return }
            case 122: if !ends("ize") { return }
            default: return
            }
            if measure() > 1 { k = j }
        }

        /// A final -e, and -ll to -l, on long stems.
        mutating func step5() {
            j = k
            if b[k] == 101 {
                let m = measure()
                if m > 1 || (m == 1 && !cvc(k - 1)) { k -= 1 }
            }
            if b[k] == 108 && doubleConsonant(k) && measure() > 1 { k -= 1 }
        }
    }
}
