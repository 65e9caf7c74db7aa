/// How the site writes times and durations: always UTC, never locale-dependent,
/// so the same input gives the same bytes on every machine.
enum DisplayFormat {
    /// `2024-06-14 17:05 UTC`.
    static func time(_ timestamp: Timestamp) -> String {
        let iso = timestamp.iso8601UTC
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
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
