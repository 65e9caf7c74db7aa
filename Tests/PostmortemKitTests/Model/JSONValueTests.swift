import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

/// The JSON writer checked against an outside reader (Foundation's
/// JSONSerialization): whatever it writes must read back as the same value.
struct JSONValueTests {
    static let awkward = ["", "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}",
                          "</script><!--", "a & b > c", "line\u{2028}separator\u{2029}", "é — 🚨 𝄞", "\u{E2}\u{80}"]

    @Test(arguments: [false, true])
    func stringsRoundTripThroughFoundation(pretty: Bool) throws {
        var object: [String: JSONValue] = [:]
        for (index, text) in JSONValueTests.awkward.enumerated() { object["k\(index) \(text)"] = .string(text) }
        let value = JSONValue.object(["strings": .object(object), "list": .array(JSONValueTests.awkward.map(JSONValue.string)),
                                      "numbers": .array([.integer(-3), .number(2.5), .number(1e20), .bool(true), .null])])
        let text = value.jsonString(pretty: pretty)
        #expect(!text.contains("</script"), "safe inside a script element")
        #expect(!text.contains("\u{2028}"))
        let read = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as! [String: Any]
        let strings = read["strings"] as! [String: String]
        for (index, expected) in JSONValueTests.awkward.enumerated() {
            #expect(strings["k\(index) \(expected)"] == expected)
        }
        #expect((read["list"] as! [String]) == JSONValueTests.awkward)
    }

    @Test func prettyOutputIndentsByTwoSpaces() {
        let value = JSONValue.object(["a": .array([.integer(1), .integer(2)]), "b": .object([:]), "c": .array([])])
        #expect(value.jsonString(pretty: true) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}")
        #expect(value.jsonString() == "{\"a\":[1,2],\"b\":{},\"c\":[]}")
    }

    /// What `writeEscaped` must write, scalar by scalar (the reference for its byte-level scan).
    static func referenceEscaped(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func escapingMatchesTheReference() async {
        let pieces = ["a", "plain text ", "\"", "\\", "\n", "\r\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "<", ">", "&", "'", "/", "?", "@",
                      "é", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "—", "🚨", "\u{E2}", "€"]
        await propertyCheck(count: 2_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var bytes: [UInt8] = []
            JSONValue.writeEscaped(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.referenceEscaped(text), "\(text.debugDescription)")
        }
    }
}
