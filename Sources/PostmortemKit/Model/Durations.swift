/// Derived durations of an incident (SPEC §3.1), in seconds; nil when a
/// time is missing or out of order.
public struct IncidentDurations: Sendable, Hashable {
    public var timeToDetect: Int?
    public var timeToMitigate: Int?
    public var timeToResolve: Int?

    public init(_ postmortem: Postmortem) {
        func span(_ from: Timestamp?, _ to: Timestamp?) -> Int? {
            guard let from, let to, to >= from else { return nil }
            return to.secondsSince1970 - from.secondsSince1970
        }
        timeToDetect = span(postmortem.started, postmortem.detected)
        timeToMitigate = span(postmortem.started, postmortem.mitigated)
        timeToResolve = span(postmortem.started, postmortem.resolved)
    }

    /// "45 min", "2 h 5 min", "3 d 4 h".
    /// Whole minutes at the least: incident spans are never shown in seconds.
    public static func format(_ seconds: Int?) -> String {
        guard let seconds else { return "—" }
        return seconds < 60 ? "\(seconds / 60) min" : DisplayFormat.duration(seconds)
    }
}
