import PropertyBased
import Testing
@testable import PostmortemKit

/// The plain matcher against the ICU matcher it stands in for: on every
/// pattern it compiles and every text it answers for, the same answer.
struct PlainPatternTests {
    /// The schema's own patterns, and more of the plain subset.
    static let patterns = [
        "\\S", "^@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$", "^PM-[0-9]{4}-[0-9]{3,}$",
        "^[a-z0-9]+(-[a-z0-9]+)*$", "a*b?c{2,3}", "^(ab)+$", "[^a-c]x", "\\d\\w\\s", "x{0}", "^$",
        "^\\d{4}-\\d{2}$", "[\\w.-]+@", "(a?)*b", "^(a*)*$", "[-a]z", "[a-]z", "\\W\\D\\S", "^[^\\s]+$", "a{2,}$",
        "((a|b)c)", "\\.\\$", "P[MQ]{1,2}", "^x\\/y", "(x)(y)?(z){2}", "[\\d-]q", "^ab$",
    ]
    /// Letters, digits and punctuation the patterns use, white space, and bytes the matcher must leave to ICU.
    static let alphabet: [String] = ["a", "b", "c", "x", "y", "z", "q", "A", "P", "M", "Q", "0", "7", "9", "-", "_", ".",
                                     "@", "/", "$", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "é", "٣", "\u{00A0}"]

    @Test func plainMatcherAgreesWithICU() async throws {
        let compiled = try Self.patterns.map { try SchemaPattern($0, schemaPointer: "#") }
        let plain = Self.patterns.map { PlainPattern(ecma: $0) }
        #expect(plain.filter { $0 != nil }.count >= 20)
        await propertyCheck(count: 3_000, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...14)) { seed, length in
            var state = seed | 1
            func next(_ bound: Int) -> Int {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                return Int(state % UInt64(bound))
            }
            let text = (0..<length).map { _ in Self.alphabet[next(Self.alphabet.count)] }.joined()
            for (index, pattern) in plain.enumerated() {
                guard let pattern, let answer = pattern.matches(text) else { continue }
                #expect(answer == compiled[index].matchesWithICU(text), "\(Self.patterns[index]) on \(text.debugDescription)")
            }
        }
    }

    @Test(arguments: ["PM-2024-001", "PM-2024-01", "@sre/oncall", "@bad/", "checkout-api", "Checkout_API", "", " ", "a--b"])
    func schemaPatternsAgreeOnFrontMatterValues(text: String) throws {
        for source in Self.patterns.prefix(4) {
            let pattern = try SchemaPattern(source, schemaPointer: "#")
            #expect(pattern.matches(text) == pattern.matchesWithICU(text), "\(source) on \(text)")
        }
    }

    @Test(arguments: ["a|b", "(?:a)", "a+?", ".", "[]", "[^]", "[[a]", "[a&&b]", "\\bx", "a{", "\\u{41}", "é"])
    func patternsOutsideThePlainSubsetAreLeftToICU(source: String) {
        #expect(PlainPattern(ecma: source) == nil)
    }

    @Test func textOutsidePrintableASCIIIsLeftToICU() {
        let pattern = PlainPattern(ecma: "\\S")
        #expect(pattern?.matches("é") == nil)
        #expect(pattern?.matches("\u{0B}") == nil)
        #expect(pattern?.matches(" \t") == false)
        #expect(pattern?.matches(" x") == true)
    }
}
