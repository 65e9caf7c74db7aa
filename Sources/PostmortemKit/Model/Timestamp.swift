import Foundation

/// An instant read from postmortem text, with the offset it was written in.
/// Kept as whole seconds since 1970 so that comparisons and durations never
/// depend on the machine's time zone or clock.
public struct Timestamp: Sendable, Hashable, Comparable {
    public var secondsSince1970: Int
    /// The offset from UTC the text was written in, in seconds.
    public var utcOffset: Int

    public init(secondsSince1970: Int, utcOffset: Int = 0) {
        self.secondsSince1970 = secondsSince1970
        self.utcOffset = utcOffset
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSince1970 < b.secondsSince1970 }

    /// The calendar date in the timestamp's own offset.
    public var localDate: LocalDate {
        LocalDate(daysSince1970: floorDiv(secondsSince1970 + utcOffset, 86_400))
    }

    /// Seconds since local midnight, in the timestamp's own offset.
    public var localSecondOfDay: Int {
        let local = secondsSince1970 + utcOffset
        return local - floorDiv(local, 86_400) * 86_400
    }

    /// RFC 3339 in UTC, e.g. `2024-03-14T09:12:00Z`.
    public var iso8601UTC: String {
        let days = floorDiv(secondsSince1970, 86_400)
        let date = LocalDate(daysSince1970: days)
        let second = secondsSince1970 - days * 86_400
        // Years 0…9999, all a site ever shows, as 20 bytes at once: pages
        // and patterns format tens of thousands of times, and joining
        // Strings cost thousands of instructions each.
        guard (0...9999).contains(date.year) else {
            return date.description + "T" + twoDigits(second / 3600) + ":" + twoDigits(second % 3600 / 60) + ":" + twoDigits(second % 60) + "Z"
        }
        return String(unsafeUninitializedCapacity: 20) { buffer in
            date.writeDigits(to: buffer)
            buffer[10] = UInt8(ascii: "T")
            writeTwoDigits(second / 3600, to: buffer, at: 11)
            buffer[13] = UInt8(ascii: ":")
            writeTwoDigits(second % 3600 / 60, to: buffer, at: 14)
            buffer[16] = UInt8(ascii: ":")
            writeTwoDigits(second % 60, to: buffer, at: 17)
            buffer[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    /// Parses RFC 3339 date-time (`2024-03-14T09:12:00Z`, `…T09:12+01:00`,
    /// seconds and fraction optional, `T` or a space). Requires an offset.
    public static func parseRFC3339(_ text: String) -> Timestamp? {
        var scanner = TimestampScanner(text)
        return scanner.scanDateTime(requireOffset: true, allowUTCWord: false)?.timestamp
    }
}

/// A calendar date without a time zone, e.g. an action item's due date or "today".
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly: ten ASCII bytes, digits but for the two
    /// hyphens. Read as bytes: action items' due dates are parsed on every
    /// page that lists them, and splitting into Characters cost 18,000
    /// instructions a date.
    public init?(_ text: String) {
        var text = text
        guard let (y, m, d) = text.withUTF8({ bytes -> (Int, Int, Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            var digits = [Int](repeating: 0, count: 10)
            for index in 0..<10 where index != 4 && index != 7 {
                guard bytes[index] &- 48 < 10 else { return nil }
                digits[index] = Int(bytes[index] &- 48)
            }
            return (digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], digits[5] * 10 + digits[6], digits[8] * 10 + digits[9])
        }) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days-from-civil, after Howard Hinnant's public-domain algorithm.
    public init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    public var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var description: String {
        if (0...9999).contains(year) {
            return String(unsafeUninitializedCapacity: 10) { buffer in
                writeDigits(to: buffer)
                return 10
            }
        }
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + twoDigits(month) + "-" + twoDigits(day)
    }

    /// Writes `YYYY-MM-DD` into the first ten bytes of `buffer`; the year must be 0…9999.
    func writeDigits(to buffer: UnsafeMutableBufferPointer<UInt8>) {
        writeTwoDigits(year / 100, to: buffer, at: 0)
        writeTwoDigits(year % 100, to: buffer, at: 2)
        buffer[4] = UInt8(ascii: "-")
        writeTwoDigits(month, to: buffer, at: 5)
        buffer[7] = UInt8(ascii: "-")
        writeTwoDigits(day, to: buffer, at: 8)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Writes 0…99 as two ASCII digits at `index`.
@inline(__always) func writeTwoDigits(_ value: Int, to buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int) {
    buffer[index] = UInt8(truncatingIfNeeded: 48 + value / 10)
    buffer[index + 1] = UInt8(truncatingIfNeeded: 48 + value % 10)
}

/// Zero-padded two-digit number, without String(format:)'s cost.
func twoDigits(_ value: Int) -> String {
    value < 10 && value >= 0 ? "0" + String(value) : String(value)
}

@inline(__always) func floorDiv(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
}
