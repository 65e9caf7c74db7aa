import Foundation
import Testing
@testable import PostmortemKit

/// JSON written element by element against the tree it stands for.
struct JSONStreamTests {
    static func record(_ index: Int) -> JSONValue {
        .object(["id": .string("PM-\(index)"), "text": .string("line \"\(index)\" <b>\n"), "n": .integer(index),
                 "nested": .array([.bool(index % 2 == 0), .null, .number(Double(index) / 4)]), "empty": .object([:])])
    }

    static var stream: JSONStream { .object([
        "a": .value(.string("first")),
        "records": .array(count: 20_000, element: record),
        "by_id": .members(keys: (0..<3_000).map { "k\($0)" }.sorted()) { .array([record($0)]) },
        "none": .array(count: 0, element: record),
        "no_members": .members(keys: []) { record($0) },
        "ordered": .records(count: 5_000, keys: ["a", "b", "c", "d"]) { index in
            [index % 3 == 0 ? nil : .string("r\(index) <\u{2028}>"), .integer(index), index % 2 == 0 ? nil : record(index), nil]
        },
        "no_ordered": .records(count: 0, keys: ["a"]) { _ in [nil] },
    ]) }

    @Test(arguments: [true, false])
    func streamedBytesEqualTheMaterializedTree(pretty: Bool) {
        // The stream hands on several megabytes in pieces; joined, they are the tree's bytes.
        var pieces = 0
        var joined: [UInt8] = []
        var out: [UInt8] = []
        Self.stream.write(to: &out, pretty: pretty) { bytes in
            pieces += 1
            joined += bytes
            bytes.removeAll()
        }
        joined += out
        #expect(pieces >= 2)
        #expect(String(decoding: joined, as: UTF8.self) == Self.stream.materialized.jsonString(pretty: pretty))
        #expect(Self.stream.bytes(pretty: pretty) == Array((Self.stream.materialized.jsonString(pretty: pretty) + (pretty ? "\n" : "")).utf8))
    }

    @Test(arguments: [2, 3, 8])
    func workersWriteTheSameBytes(workers: Int) {
        var out: [UInt8] = []
        var joined: [UInt8] = []
        Self.stream.write(to: &out, pretty: true, workers: workers) { bytes in
            joined += bytes
            bytes.removeAll()
        }
        joined += out
        #expect(joined == Self.stream.bytes(pretty: true).dropLast())
    }

    @Test func patternsJSONIsTheSameStreamedOrWhole() throws {
        let report = PatternAnalyzer().analyze(try PatternAnalyzerTests.fixturePostmortems(), today: LocalDate(year: 2026, month: 11, day: 28)!)
        #expect(!report.recurrences.isEmpty && !report.similar.isEmpty)
        let whole = PatternsFormatter.json(report).jsonString(pretty: true) + "\n"
        #expect(PatternsFormatter.render(report, as: .json) == whole)
    }
}
