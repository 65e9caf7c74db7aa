/// One timestamped event for a draft's Timeline, read from an export.
public struct TimelineEvent: Sendable, Hashable {
    public var time: Timestamp
    /// Plain text, not Markdown: the draft writer escapes it.
    public var text: String
    /// Breaks ties between events of the same second, e.g. the log entry's id
    /// or the Slack message's `ts`, so the order never depends on input order.
    public var tieBreaker: String

    public init(time: Timestamp, text: String, tieBreaker: String) {
        self.time = time
        self.text = text
        self.tieBreaker = tieBreaker
    }

    /// Chronological, then by tie-breaker, then by text.
    public static func chronological(_ a: TimelineEvent, _ b: TimelineEvent) -> Bool {
        if a.time.secondsSince1970 != b.time.secondsSince1970 { return a.time.secondsSince1970 < b.time.secondsSince1970 }
        if a.tieBreaker != b.tieBreaker { return a.tieBreaker < b.tieBreaker }
        return a.text < b.text
    }
}
