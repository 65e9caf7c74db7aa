import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

/// The byte-level formatters of the site against the String-based code they
/// replaced (kept here as the reference).
struct FastFormattingTests {
    // MARK: References: the code before it worked on bytes.

    static func referenceISO(_ timestamp: Timestamp) -> String {
        let date = LocalDate(daysSince1970: floorDiv(timestamp.secondsSince1970, 86_400))
        let second = timestamp.secondsSince1970 - floorDiv(timestamp.secondsSince1970, 86_400) * 86_400
        return referenceDate(date) + "T" + twoDigits(second / 3600) + ":" + twoDigits(second % 3600 / 60) + ":" + twoDigits(second % 60) + "Z"
    }

    static func referenceDate(_ date: LocalDate) -> String {
        let digits = String(date.year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + twoDigits(date.month) + "-" + twoDigits(date.day)
    }

    static func referenceTime(_ timestamp: Timestamp) -> String {
        let iso = referenceISO(timestamp)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    static func referenceFileName(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let keep = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_" || scalar == "."
            out.unicodeScalars.append(keep ? scalar : "-")
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "item" : out
    }

    static let pieces = ["", " ", "  ", "-", ".", "..", "_", "&", "/", "Root", "cause", "API", "v2", "9", "Z", "é", "İ", "K",
                         "ß", "🚨", "日本", "\u{301}", "\t", "\n", "#", "(x)", "Ünïcode"]

    static func text(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    // MARK: Timestamps

    @Test func timestampsFormatAsBefore() async {
        // Seconds from before year 0 to after 9999, to cover the fallback as well.
        await propertyCheck(count: 3_000, input: Gen.int(in: -80_000_000_000...300_000_000_000)) { seconds in
            let timestamp = Timestamp(secondsSince1970: seconds)
            #expect(timestamp.iso8601UTC == Self.referenceISO(timestamp))
            #expect(timestamp.localDate.description == Self.referenceDate(timestamp.localDate))
            #expect(DisplayFormat.time(timestamp) == Self.referenceTime(timestamp))
        }
    }

    @Test(arguments: [0, -1, 86_399, 86_400, 253_402_300_799, 253_402_300_800, -62_167_219_200, -62_167_219_201])
    func edgesFormatAsBefore(seconds: Int) {
        let timestamp = Timestamp(secondsSince1970: seconds)
        #expect(timestamp.iso8601UTC == Self.referenceISO(timestamp))
        #expect(DisplayFormat.time(timestamp) == Self.referenceTime(timestamp))
    }

    // MARK: Slugs and file names

    @Test func slugsAndFileNamesAsBefore() async {
        await propertyCheck(count: 2_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            let text = Self.text(&generator)
            #expect(HTML.slug(text) == HTML.unicodeSlug(text, fallback: "section"), "\(text.debugDescription)")
            #expect(HTML.fileName(text) == Self.referenceFileName(text), "\(text.debugDescription)")
        }
    }

    // MARK: Scores

    @Test func twoDecimalsMatchesPrintf() async {
        await propertyCheck(count: 3_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            let value: Double
            switch Int.random(in: 0...3, using: &generator) {
            case 0: value = Double.random(in: 0...1, using: &generator)
            case 1: value = Double(Int.random(in: 0...2_000, using: &generator)) / 1000  // ties such as 0.125
            case 2: value = Double(Int.random(in: 0...200, using: &generator)) / 100 + 0.005
            default: value = Double.random(in: -5...2e6, using: &generator)
            }
            #expect(DisplayFormat.twoDecimals(value) == String(format: "%.2f", value), "\(value)")
        }
    }

    @Test(arguments: [0.0, -0.0, 0.005, 0.015, 0.125, 0.135, 0.995, 1, 0.999_999_9, 1e6, .nan, .infinity])
    func twoDecimalsEdges(value: Double) {
        #expect(DisplayFormat.twoDecimals(value) == String(format: "%.2f", value))
    }
}

/// `LocalDate(_:)` on bytes against the Character-based parser it replaced.
struct LocalDateParsingTests {
    static func reference(_ text: String) -> LocalDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    @Test(arguments: ["2024-02-29", "2023-02-29", "2024-13-01", "0000-01-01", "9999-12-31", "2024-1-01", "2024-01-1", "2024-01-01 ",
                      "２０２４-01-01", "2024-01-0١", "2024—01-01", "2024-01-01\n", "+024-01-01", "2024-00-10", "2024-04-31", ""])
    func examplesParseAsBefore(text: String) {
        #expect(LocalDate(text) == Self.reference(text))
    }

    @Test func generatedTextParsesAsBefore() async {
        let pieces = ["0", "1", "2", "9", "-", "--", "20", "2024", "12", "31", "29", "02", " ", "x", "\r\n", "١", "é", "\u{301}", "+"]
        await propertyCheck(count: 3_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            let text: String
            if Bool.random(using: &generator) {
                // Mostly well-formed, with a digit or a separator sometimes swapped.
                var date = String(format: "%04d-%02d-%02d", Int.random(in: 0...9999, using: &generator), Int.random(in: 0...13, using: &generator),
                                  Int.random(in: 0...32, using: &generator))
                if Int.random(in: 0...3, using: &generator) == 0 {
                    let index = date.index(date.startIndex, offsetBy: Int.random(in: 0...9, using: &generator))
                    date.replaceSubrange(index...index, with: pieces.randomElement(using: &generator)!)
                }
                text = date
            } else {
                text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            #expect(LocalDate(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
