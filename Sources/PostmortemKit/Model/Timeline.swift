/// One entry of the Timeline section: a list item or a table row.
public struct TimelineEntry: Sendable, Hashable {
    public var location: SourceLocation
    /// The entry's visible text, timestamp included.
    public var text: String
    /// The instant, or nil when no readable timestamp starts the entry.
    public var timestamp: Timestamp?
    /// The timestamp as written (`09:12 UTC`), empty when unparsed.
    public var stampText: String
    /// True when the entry gave a time of day only and the date was carried over.
    public var isTimeOnly: Bool
    /// The text after the timestamp and its separator.
    public var description: String
}
