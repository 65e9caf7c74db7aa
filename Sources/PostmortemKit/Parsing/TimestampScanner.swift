/// Reads a timestamp at the start of a piece of text in any of the forms a
/// postmortem timeline uses (SPEC §3.3):
///
/// - `2024-03-14T09:12:00Z`, `2024-03-14T09:12+01:00` (RFC 3339, seconds optional)
/// - `2024-03-14 09:12 UTC`, `2024-03-14 09:12:30 +01:00`
/// - `09:12`, `09:12 UTC`, `09:12:30`: time only, the date comes from context
///
/// The scanner does no I/O and knows no "now": missing parts stay `nil` for
/// the caller to fill in from the previous entry or from `started`.
struct TimestampScanner {
    struct Result: Equatable {
        var date: LocalDate?
        var secondOfDay: Int
        /// Offset from UTC in seconds, or nil when the text gave none.
        var utcOffset: Int?
        /// How many bytes of the text the timestamp took.
        var length: Int

        /// The instant, when date and offset are both known.
        var timestamp: Timestamp? {
            guard let date, let utcOffset else { return nil }
            return Timestamp(secondsSince1970: date.daysSince1970 * 86_400 + secondOfDay - utcOffset, utcOffset: utcOffset)
        }
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ text: some StringProtocol) {
        // One copy of contiguous bytes where the text has them (native
        // strings and their slices); reading the view byte by byte cost
        // thousands of instructions for each timeline entry.
        bytes = text.utf8.withContiguousStorageIfAvailable { Array($0.prefix(64)) } ?? Array(text.utf8.prefix(64))
    }

    /// A full date and time; with `requireOffset` an offset (`Z`, `±hh:mm`) must follow.
    mutating func scanDateTime(requireOffset: Bool, allowUTCWord: Bool) -> Result? {
        guard let date = scanDate() else { return nil }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") || bytes[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        guard var result = scanTimeAndOffset(allowUTCWord: allowUTCWord) else { return nil }
        if requireOffset && result.utcOffset == nil { return nil }
        if requireOffset && index != bytes.count { return nil }
        result.date = date
        result.length = index
        return result
    }

    /// Any timeline form: a full date-time, or a time of day alone.
    static func scanTimelineStamp(_ text: some StringProtocol) -> Result? {
        var scanner = TimestampScanner(text)
        if let full = scanner.scanDateTime(requireOffset: false, allowUTCWord: true) { return full }
        scanner.index = 0
        guard var timeOnly = scanner.scanTimeAndOffset(allowUTCWord: true) else { return nil }
        timeOnly.length = scanner.index
        return timeOnly
    }

    private mutating func scanDigits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    private mutating func expect(_ char: Character) -> Bool {
        guard index < bytes.count, bytes[index] == char.asciiValue! else { return false }
        index += 1
        return true
    }

    private mutating func scanDate() -> LocalDate? {
        guard let year = scanDigits(4), expect("-"), let month = scanDigits(2), expect("-"), let day = scanDigits(2) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    private mutating func scanTimeAndOffset(allowUTCWord: Bool) -> Result? {
        let start = index
        // Hours may be one digit in hand-written timelines ("9:05").
        var hour = scanDigits(2)
        if hour == nil { index = start; hour = scanDigits(1) }
        guard let hour, hour <= 23, expect(":"), let minute = scanDigits(2), minute <= 59 else { return nil }
        var second = 0
        let beforeSeconds = index
        if expect(":") {
            if let s = scanDigits(2), s <= 60 { second = s } else { index = beforeSeconds }
            if index > beforeSeconds, index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            }
        }
        // A digit straight after the time means this was not a time ("09:123").
        if index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { return nil }
        var result = Result(date: nil, secondOfDay: hour * 3600 + minute * 60 + min(second, 59), utcOffset: nil, length: index)
        let afterTime = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            index += 1
            result.utcOffset = 0
        } else if let offset = scanOffset() {
            result.utcOffset = offset
        } else {
            index = afterTime
            if index < bytes.count, bytes[index] == UInt8(ascii: " ") {
                index += 1
                if allowUTCWord, scanWord("UTC") || scanWord("GMT") {
                    result.utcOffset = 0
                } else if let offset = scanOffset() {
                    result.utcOffset = offset
                } else {
                    index = afterTime
                }
            }
        }
        // "UTC" glued to an offset ("UTC+01:00") is not a form we promise; stop here.
        result.length = index
        return result
    }

    private mutating func scanOffset() -> Int? {
        let start = index
        guard index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return nil }
        let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
        index += 1
        guard let hours = scanDigits(2), hours <= 23 else { index = start; return nil }
        _ = expect(":")
        guard let minutes = scanDigits(2), minutes <= 59 else { index = start; return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private mutating func scanWord(_ word: String) -> Bool {
        let wordBytes = Array(word.utf8)
        guard index + wordBytes.count <= bytes.count, Array(bytes[index..<index + wordBytes.count]) == wordBytes else { return false }
        // The word must end there ("UTCX" is not UTC).
        let end = index + wordBytes.count
        if end < bytes.count, (bytes[end] >= 65 && bytes[end] <= 90) || (bytes[end] >= 97 && bytes[end] <= 122) { return false }
        index = end
        return true
    }
}
