/// The `format` values this validator asserts (RFC 3339 `full-date` and
/// `date-time`).
///
/// JSON Schema 2020-12 treats `format` as an annotation by default; postmortem
/// front matter relies on dates being real dates, so these two are checked.
/// Any other format name is ignored, as the specification allows.
public enum JSONSchemaFormat: String, Sendable, CaseIterable {
    /// RFC 3339 `full-date`: `YYYY-MM-DD`, with month and day in range
    /// (leap years follow the Gregorian rules).
    case date
    /// RFC 3339 `date-time`: `full-date "T" full-time`, where `full-time` is
    /// `HH:MM:SS[.fraction]` followed by `Z` or `±HH:MM`. `T` and `Z` may be
    /// lowercase. A leap second (`:60`) is accepted only when the time is
    /// 23:59 once converted to UTC.
    case dateTime = "date-time"

    /// Whether `string` is valid for this format. Only ASCII digits count as
    /// digits; nothing may precede or follow the value (no whitespace).
    public func isValid(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        switch self {
        case .date:
            return bytes.count == 10 && JSONSchemaFormat.parseFullDate(bytes[...]) != nil
        case .dateTime:
            return JSONSchemaFormat.isValidDateTime(bytes)
        }
    }

    /// How a value of this format looks, for violation messages.
    var example: String {
        switch self {
        case .date: return "a date like 2024-05-31"
        case .dateTime: return "an RFC 3339 date-time like 2024-05-31T13:45:00Z"
        }
    }

    private static func isValidDateTime(_ bytes: [UInt8]) -> Bool {
        // Shortest form: "YYYY-MM-DDTHH:MM:SSZ" (20 bytes).
        guard bytes.count >= 20, parseFullDate(bytes[0..<10]) != nil else { return false }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        guard let hour = twoDigits(bytes, 11), bytes[13] == UInt8(ascii: ":"),
              let minute = twoDigits(bytes, 14), bytes[16] == UInt8(ascii: ":"),
              let second = twoDigits(bytes, 17),
              hour <= 23, minute <= 59, second <= 60 else { return false }

        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < bytes.count else { return false }

        // Offset from UTC in minutes, positive east of Greenwich.
        let offsetMinutes: Int
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return false }
            offsetMinutes = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count,
                  let offsetHour = twoDigits(bytes, index + 1), bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetMinute = twoDigits(bytes, index + 4),
                  offsetHour <= 23, offsetMinute <= 59 else { return false }
            let magnitude = offsetHour * 60 + offsetMinute
            offsetMinutes = bytes[index] == UInt8(ascii: "+") ? magnitude : -magnitude
        default:
            return false
        }

        if second == 60 {
            // Leap seconds are inserted at the end of a UTC day, so 23:59:60 UTC
            // is the only possible one; local times are shifted back to UTC first.
            let minutesPerDay = 24 * 60
            let utcMinuteOfDay = ((hour * 60 + minute - offsetMinutes) % minutesPerDay + minutesPerDay) % minutesPerDay
            return utcMinuteOfDay == 23 * 60 + 59
        }
        return true
    }

    /// Parses exactly `YYYY-MM-DD` from a 10-byte slice; `nil` when malformed
    /// or out of range.
    private static func parseFullDate(_ bytes: ArraySlice<UInt8>) -> (year: Int, month: Int, day: Int)? {
        let base = bytes.startIndex
        guard bytes.count == 10,
              let yearHigh = twoDigits(bytes, base), let yearLow = twoDigits(bytes, base + 2),
              bytes[base + 4] == UInt8(ascii: "-"),
              let month = twoDigits(bytes, base + 5),
              bytes[base + 7] == UInt8(ascii: "-"),
              let day = twoDigits(bytes, base + 8) else { return nil }
        let year = yearHigh * 100 + yearLow
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(month, year: year) else { return nil }
        return (year, month, day)
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeapYear = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return isLeapYear ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    private static func twoDigits<C: RandomAccessCollection>(_ bytes: C, _ offset: C.Index) -> Int?
    where C.Element == UInt8, C.Index == Int {
        guard offset >= bytes.startIndex, offset + 1 < bytes.endIndex,
              isDigit(bytes[offset]), isDigit(bytes[offset + 1]) else { return nil }
        return Int(bytes[offset] - UInt8(ascii: "0")) * 10 + Int(bytes[offset + 1] - UInt8(ascii: "0"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
