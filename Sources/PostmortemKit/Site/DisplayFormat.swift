/// How the site writes times and durations: always UTC, never locale-dependent,
/// so the same input gives the same bytes on every machine.
enum DisplayFormat {
    /// `2024-06-14 17:05 UTC`.
    static func time(_ timestamp: Timestamp) -> String {
        // `YYYY-MM-DDTHH:MM:SSZ` → `YYYY-MM-DD HH:MM UTC`, on bytes (Characters cost more than the rest of a row).
        let iso = Array(timestamp.iso8601UTC.utf8)
        guard iso.count == 20 else { return String(iso8601: iso) }
        return String(decoding: iso[0..<10] + [32] + iso[11..<16] + Array(" UTC".utf8), as: UTF8.self)
    }

    /// `String(format: "%.2f", value)` (`0.87`), without Foundation's
    /// formatter (thousands of instructions a call, and every similar
    /// incident on every page has a score). A value whose hundredths lie too
    /// near a tie for one multiplication to settle goes to the formatter.
    static func twoDecimals(_ value: Double) -> String {
        guard value.isFinite, value.sign == .plus, value < 1e6 else { return String(format: "%.2f", value) }
        let scaled = value * 100
        let rounded = scaled.rounded()
        guard abs(abs(scaled - rounded) - 0.5) > 1e-6 else { return String(format: "%.2f", value) }
        let hundredths = Int(rounded)
        let cents = hundredths % 100
        return String(hundredths / 100) + (cents < 10 ? ".0" : ".") + String(cents)
    }

    /// `45 s`, `4 min`, `1 h 25 min`, `2 d 3 h`.
    static func duration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds) s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60, restMinutes = minutes % 60
        if hours < 48 { return restMinutes == 0 ? "\(hours) h" : "\(hours) h \(restMinutes) min" }
        let days = hours / 24, restHours = hours % 24
        return restHours == 0 ? "\(days) d" : "\(days) d \(restHours) h"
    }

    /// CSS class for a severity: `sev-1` … `sev-4`, else `sev-other`.
    static func severityClass(_ severity: String) -> String {
        let digits = severity.filter(\.isNumber)
        if let number = Int(digits), (1...4).contains(number), severity.uppercased().hasPrefix("SEV") { return "sev-\(number)" }
        return "sev-other"
    }

    /// `1 postmortem`, `2 postmortems`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

private extension String {
    /// `DisplayFormat.time`'s text for an ISO form of unusual length (a year outside 0…9999).
    init(iso8601 bytes: [UInt8]) {
        let iso = String(decoding: bytes, as: UTF8.self)
        self = String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }
}
