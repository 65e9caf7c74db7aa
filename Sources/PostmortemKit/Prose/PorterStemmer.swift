/// The Porter (1980) stemming algorithm, for English words in lower case
/// ASCII. Words with other characters, and words of one or two letters, are
/// returned unchanged. "rebalancing" → "rebalanc", "connections" → "connect".
public enum PorterStemmer {
    public static func stem(_ word: String) -> String {
        guard word.utf8.count > 2, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var w = Array(word.utf8)
        step1a(&w); step1b(&w); step1c(&w); step2(&w); step3(&w); step4(&w); step5(&w)
        return String(decoding: w, as: UTF8.self)
    }

    private static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        switch w[i] {
        case 97, 101, 105, 111, 117: return false // a e i o u
        case 121: return i == 0 ? true : !isConsonant(w, i - 1) // y
        default: return true
        }
    }

    /// m: the number of VC sequences in w[0..<length].
    private static func measure(_ w: [UInt8], _ length: Int) -> Int {
        var m = 0, i = 0
        while i < length && isConsonant(w, i) { i += 1 }
        while i < length {
            while i < length && !isConsonant(w, i) { i += 1 }
            guard i < length else { break }
            m += 1
            while i < length && isConsonant(w, i) { i += 1 }
        }
        return m
    }

    private static func hasVowel(_ w: [UInt8], _ length: Int) -> Bool {
        (0..<length).contains { !isConsonant(w, $0) }
    }

    private static func endsDoubleConsonant(_ w: [UInt8], _ length: Int) -> Bool {
        length >= 2 && w[length - 1] == w[length - 2] && isConsonant(w, length - 1)
    }

    /// *o: stem ends consonant-vowel-consonant, the last not w, x or y.
    private static func endsCVC(_ w: [UInt8], _ length: Int) -> Bool {
        guard length >= 3, isConsonant(w, length - 1), !isConsonant(w, length - 2), isConsonant(w, length - 3) else { return false }
        let last = w[length - 1]
        return last != 119 && last != 120 && last != 121
    }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        ends(w, Array(suffix.utf8))
    }

    private static func ends(_ w: [UInt8], _ suffix: [UInt8]) -> Bool {
        guard w.count >= suffix.count else { return false }
        var index = w.count - suffix.count
        for byte in suffix {
            if w[index] != byte { return false }
            index += 1
        }
        return true
    }

    /// Replaces `suffix` by `replacement` when the stem before it has measure > `minimum`.
    @discardableResult
    private static func replace(_ w: inout [UInt8], _ suffix: [UInt8], _ replacement: [UInt8], minimum: Int) -> Bool {
        guard ends(w, suffix) else { return false }
        let stemLength = w.count - suffix.count
        if measure(w, stemLength) > minimum {
            w.removeLast(suffix.count)
            w.append(contentsOf: replacement)
        }
        return true
    }

    /// Rule tables as bytes, converted once.
    private static func bytes(_ rules: [(String, String)]) -> [([UInt8], [UInt8])] {
        rules.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    private static func step1a(_ w: inout [UInt8]) {
        if ends(w, "sses") { w.removeLast(2) }
        else if ends(w, "ies") { w.removeLast(2) }
        else if ends(w, "ss") { return }
        else if ends(w, "s") { w.removeLast() }
    }

    private static func step1b(_ w: inout [UInt8]) {
        if ends(w, "eed") {
            if measure(w, w.count - 3) > 0 { w.removeLast() }
            return
        }
        var removed = false
        if ends(w, "ed"), hasVowel(w, w.count - 2) { w.removeLast(2); removed = true }
        else if ends(w, "ing"), hasVowel(w, w.count - 3) { w.removeLast(3); removed = true }
        guard removed else { return }
        if ends(w, "at") || ends(w, "bl") || ends(w, "iz") { w.append(101) }
        else if endsDoubleConsonant(w, w.count), ![108, 115, 122].contains(w[w.count - 1]) { w.removeLast() }
        else if measure(w, w.count) == 1, endsCVC(w, w.count) { w.append(101) }
    }

    private static func step1c(_ w: inout [UInt8]) {
        if ends(w, "y"), hasVowel(w, w.count - 1) { w[w.count - 1] = 105 }
    }

    private static let step2Rules: [([UInt8], [UInt8])] = bytes([
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"),
    ])

    private static func step2(_ w: inout [UInt8]) {
        for (suffix, replacement) in step2Rules where replace(&w, suffix, replacement, minimum: 0) { return }
    }

    private static let step3Rules: [([UInt8], [UInt8])] = bytes([
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ])

    private static func step3(_ w: inout [UInt8]) {
        for (suffix, replacement) in step3Rules where replace(&w, suffix, replacement, minimum: 0) { return }
    }

    /// Longest first, as the algorithm's switch on the penultimate letter
    /// tries "ement" before "ment" before "ent".
    private static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ].sorted { ($0.utf8.count, $1) > ($1.utf8.count, $0) }.map { Array($0.utf8) }

    private static let ionSuffix = Array("ion".utf8)

    private static func step4(_ w: inout [UInt8]) {
        for suffix in step4Suffixes where ends(w, suffix) {
            let stemLength = w.count - suffix.count
            if suffix == ionSuffix {
                guard stemLength > 0, w[stemLength - 1] == 115 || w[stemLength - 1] == 116 else { return }
            }
            if measure(w, stemLength) > 1 { w.removeLast(suffix.count) }
            return
        }
    }

    private static func step5(_ w: inout [UInt8]) {
        if ends(w, "e") {
            let m = measure(w, w.count - 1)
            if m > 1 || (m == 1 && !endsCVC(w, w.count - 1)) { w.removeLast() }
        }
        if ends(w, "l"), endsDoubleConsonant(w, w.count), measure(w, w.count) > 1 { w.removeLast() }
    }
}
