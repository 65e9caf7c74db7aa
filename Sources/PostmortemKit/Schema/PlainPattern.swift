/// A `pattern` of the plain kind schemas are written with — literals,
/// character classes, `\d \w \s` and their negations, groups, the
/// quantifiers `? * + {n} {n,} {n,m}`, and `^` / `$` at the ends — matched
/// over ASCII text without ICU.
///
/// Every front matter runs a few dozen patterns (ids, slugs, handles), and
/// `NSRegularExpression` bridged each string to UTF-16 and went through
/// ICU's matcher for each one. This answers those; `SchemaPattern` keeps
/// ICU for everything else: a pattern with any other construct is not
/// compiled here (`init` fails), and `matches` answers nil for text with a
/// byte outside printable ASCII, tab, line feed and carriage return (where
/// Unicode and ICU's idea of white space come in), or when backtracking runs
/// long.
struct PlainPattern: Sendable {
    /// A set of ASCII bytes.
    struct ByteSet: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        static func of(_ bytes: some Sequence<UInt8>) -> ByteSet {
            var set = ByteSet()
            for byte in bytes { set.insert(byte) }
            return set
        }

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
        }

        mutating func formUnion(_ other: ByteSet) {
            low |= other.low
            high |= other.high
        }

        /// The complement within ASCII.
        var inverted: ByteSet { ByteSet(low: ~low, high: ~high) }

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte &- 64)) != 0
        }

        static let digits = ByteSet.of(48...57)
        static let word = ByteSet.of(Array(48...57) + Array(65...90) + Array(97...122) + [95])
        /// ICU's white space within the text `matches` reads (no vertical tab or form feed).
        static let space = ByteSet.of([9, 10, 13, 32])
    }

    indirect enum Node: Sendable {
        case bytes(ByteSet, min: Int, max: Int)
        case group([Node], min: Int, max: Int)
    }

    private let nodes: [Node]
    private let anchoredStart: Bool
    private let anchoredEnd: Bool

    /// Compiles an ECMA-262 pattern; nil when it uses anything outside the plain subset.
    init?(ecma source: String) {
        let bytes = Array(source.utf8)
        guard bytes.allSatisfy({ $0 >= 32 && $0 < 127 }) else { return nil }
        var parser = Parser(bytes: bytes)
        if parser.peek == UInt8(ascii: "^") {
            parser.index += 1
            anchoredStart = true
        } else {
            anchoredStart = false
        }
        guard let parsed = parser.sequence(inGroup: false) else { return nil }
        nodes = parsed
        anchoredEnd = parser.endAnchor
    }

    /// Whether the pattern matches anywhere in `string` (`RegExp.prototype.test`);
    /// nil when this matcher cannot tell and ICU must.
    func matches(_ string: String) -> Bool? {
        var string = string
        return string.withUTF8 { text -> Bool? in
            for byte in text where byte >= 127 || (byte < 32 && byte != 9 && byte != 10 && byte != 13) { return nil }
            let matcher = Matcher(text: text)
            let last = anchoredStart ? 0 : text.count
            for start in 0...last {
                if matcher.sequence(nodes[...], start, { !anchoredEnd || $0 == text.count }) { return true }
                if matcher.exhausted { return nil }
            }
            return false
        }
    }

    /// A backtracking matcher with a budget of steps. A class, as its steps
    /// call each other through closures that count against the same budget.
    private final class Matcher {
        let text: UnsafeBufferPointer<UInt8>
        var budget = 20_000
        var exhausted = false

        init(text: UnsafeBufferPointer<UInt8>) { self.text = text }

        /// Whether `nodes` match at `position` and `next` accepts where they end.
        func sequence(_ nodes: ArraySlice<Node>, _ position: Int, _ next: (Int) -> Bool) -> Bool {
            budget -= 1
            if budget < 0 { exhausted = true }
            if exhausted { return false }
            guard let first = nodes.first else { return next(position) }
            let rest = nodes.dropFirst()
            switch first {
            case .bytes(let set, let min, let max):
                var count = 0
                while count < max, position + count < text.count, set.contains(text[position + count]) { count += 1 }
                guard count >= min else { return false }
                // Greedy, then give back one byte at a time.
                for taken in stride(from: count, through: min, by: -1) {
                    if sequence(rest, position + taken, next) { return true }
                    if exhausted { return false }
                }
                return false
            case .group(let children, let min, let max):
                return repeatGroup(children, min: min, max: max, done: 0, position) { end in self.sequence(rest, end, next) }
            }
        }

        /// `children` once more (greedy) while under `max`, then what follows.
        func repeatGroup(_ children: [Node], min: Int, max: Int, done: Int, _ position: Int,
                                  _ next: (Int) -> Bool) -> Bool {
            if done < max {
                // An empty pass counts only towards the minimum, so repetition always ends.
                let more = sequence(children[...], position) { end in
                    (end != position || done < min) && self.repeatGroup(children, min: min, max: max, done: done + 1, end, next)
                }
                if more { return true }
                if exhausted { return false }
            }
            return done >= min && next(position)
        }
    }

    /// Reads the plain subset; any other construct fails the parse.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var endAnchor = false

        init(bytes: [UInt8]) { self.bytes = bytes }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func sequence(inGroup: Bool) -> [Node]? {
            var nodes: [Node] = []
            while let byte = peek {
                index += 1
                var atom: Node
                switch byte {
                case UInt8(ascii: ")"):
                    return inGroup ? nodes : nil
                case UInt8(ascii: "("):
                    guard peek != UInt8(ascii: "?"), let children = sequence(inGroup: true) else { return nil }
                    atom = .group(children, min: 1, max: 1)
                case UInt8(ascii: "["):
                    guard let set = characterClass() else { return nil }
                    atom = .bytes(set, min: 1, max: 1)
                case UInt8(ascii: "\\"):
                    guard let set = escape(inClass: false) else { return nil }
                    atom = .bytes(set, min: 1, max: 1)
                case UInt8(ascii: "$"):
                    // Only as the pattern's last character.
                    guard !inGroup, index == bytes.count else { return nil }
                    endAnchor = true
                    return nodes
                case UInt8(ascii: "^"), UInt8(ascii: "."), UInt8(ascii: "|"), UInt8(ascii: "?"), UInt8(ascii: "*"),
                     UInt8(ascii: "+"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"):
                    return nil
                default:
                    atom = .bytes(.of([byte]), min: 1, max: 1)
                }
                guard let (min, max) = quantifier() else { return nil }
                switch atom {
                case .bytes(let set, _, _): atom = .bytes(set, min: min, max: max)
                case .group(let children, _, _): atom = .group(children, min: min, max: max)
                }
                nodes.append(atom)
            }
            return inGroup ? nil : nodes
        }

        /// The quantifier after an atom, (1, 1) when none; nil for a lazy or malformed one.
        mutating func quantifier() -> (Int, Int)? {
            var bounds = (1, 1)
            switch peek {
            case UInt8(ascii: "?"): index += 1; bounds = (0, 1)
            case UInt8(ascii: "*"): index += 1; bounds = (0, Int.max)
            case UInt8(ascii: "+"): index += 1; bounds = (1, Int.max)
            case UInt8(ascii: "{"):
                index += 1
                guard let low = number() else { return nil }
                var high = low
                if peek == UInt8(ascii: ",") {
                    index += 1
                    high = peek == UInt8(ascii: "}") ? Int.max : (number() ?? -1)
                }
                guard peek == UInt8(ascii: "}"), high >= low else { return nil }
                index += 1
                bounds = (low, high)
            default:
                return bounds
            }
            // Lazy quantifiers and quantified quantifiers: not plain.
            if let next = peek, next == UInt8(ascii: "?") || next == UInt8(ascii: "*") || next == UInt8(ascii: "+") || next == UInt8(ascii: "{") {
                return nil
            }
            return bounds
        }

        mutating func number() -> Int? {
            var value = 0
            var digits = 0
            while let byte = peek, byte >= 48, byte <= 57, digits < 6 {
                value = value * 10 + Int(byte - 48)
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : value
        }

        /// After a backslash: `\d \D \w \W \s \S`, or escaped punctuation.
        mutating func escape(inClass: Bool) -> ByteSet? {
            guard let byte = peek else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "d"): return .digits
            case UInt8(ascii: "D"): return ByteSet.digits.inverted
            case UInt8(ascii: "w"): return .word
            case UInt8(ascii: "W"): return ByteSet.word.inverted
            case UInt8(ascii: "s"): return .space
            case UInt8(ascii: "S"): return ByteSet.space.inverted
            default:
                let isPunctuation = (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
                return isPunctuation ? .of([byte]) : nil
            }
        }

        /// After `[`: literals, ranges and class escapes up to `]`. Not the
        /// constructs where ECMA-262 and ICU differ (`[]`, `[^]`, `[` or `&` inside).
        mutating func characterClass() -> ByteSet? {
            var negated = false
            if peek == UInt8(ascii: "^") {
                negated = true
                index += 1
            }
            guard peek != UInt8(ascii: "]") else { return nil }
            var set = ByteSet()
            while let byte = peek {
                index += 1
                switch byte {
                case UInt8(ascii: "]"):
                    return negated ? set.inverted : set
                case UInt8(ascii: "["), UInt8(ascii: "&"):
                    return nil
                case UInt8(ascii: "\\"):
                    guard let escaped = escape(inClass: true) else { return nil }
                    // A class escape cannot start a range.
                    if peek == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "]") { return nil }
                    set.formUnion(escaped)
                default:
                    if peek == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "]") {
                        let upper = bytes[index + 1]
                        guard upper != UInt8(ascii: "\\"), upper != UInt8(ascii: "["), upper != UInt8(ascii: "&"), byte <= upper else { return nil }
                        index += 2
                        set.formUnion(.of(byte...upper))
                    } else {
                        set.insert(byte)
                    }
                }
            }
            return nil
        }
    }
}
