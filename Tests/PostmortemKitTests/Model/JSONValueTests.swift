import Foundation
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
}
