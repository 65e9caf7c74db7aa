import Foundation
import Testing
@testable import PostmortemKit

struct TimestampTests {
    /// Reference instants computed with Python's datetime, not with this code.
    @Test(arguments: [
        ("2024-03-14T09:12:00Z", 1_710_407_520),
        ("2024-03-14T09:12+01:00", 1_710_403_920),
        ("2024-03-14T09:12:30.250-05:30", 1_710_427_350),
        ("2024-02-29T23:59:59Z", 1_709_251_199),
        ("1999-12-31T23:00:00+00:00", 946_681_200),
    ])
    func parsesRFC3339(_ text: String, _ expected: Int) {
        #expect(Timestamp.parseRFC3339(text)?.secondsSince1970 == expected)
    }

    @Test(arguments: ["2024-03-14T09:12:00", "2024-02-30T09:12:00Z", "2024-03-14T25:00Z", "yesterday", "2024-03-14T09:12:00Zjunk"])
    func rejectsInvalidRFC3339(_ text: String) {
        #expect(Timestamp.parseRFC3339(text) == nil)
    }

    @Test func dateRoundTripsThroughDayNumbers() {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            let date = LocalDate(daysSince1970: day)
            #expect(date.daysSince1970 == day)
            #expect(LocalDate(year: date.year, month: date.month, day: date.day) == date)
        }
        #expect(LocalDate(daysSince1970: 0).description == "1970-01-01")
        #expect(LocalDate(daysSince1970: 19_796).description == "2024-03-14")
    }

    @Test(arguments: [
        ("2024-03-14T09:12:00Z — alert", "2024-03-14", 33_120, 0, false),
        ("2024-03-14T09:12+01:00 deploy", "2024-03-14", 33_120, 3_600, false),
        ("2024-03-14 09:12 UTC: paged", "2024-03-14", 33_120, 0, false),
        ("2024-03-14 09:12:30 +01:00 rollback", "2024-03-14", 33_150, 3_600, false),
        ("09:12 — time only", nil, 33_120, nil, true),
        ("09:12 UTC — time only", nil, 33_120, 0, true),
        ("9:05 single-digit hour", nil, 32_700, nil, true),
    ] as [(String, String?, Int, Int?, Bool)])
    func scansTimelineForms(_ text: String, _ date: String?, _ second: Int, _ offset: Int?, _ timeOnly: Bool) throws {
        let result = try #require(TimestampScanner.scanTimelineStamp(text))
        #expect(result.date?.description == date)
        #expect(result.secondOfDay == second)
        #expect(result.utcOffset == offset)
        #expect((result.date == nil) == timeOnly)
    }

    @Test(arguments: ["Around lunch", "0912 nothing", "v1.2.3 released", "25:00 impossible", "12:345"])
    func refusesNonTimestamps(_ text: String) {
        #expect(TimestampScanner.scanTimelineStamp(text) == nil)
    }
}
