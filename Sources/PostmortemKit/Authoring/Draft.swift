/// A new postmortem's content, decided but not yet written: front-matter
/// values (each timestamp with a note on where it came from) and the
/// imported timeline. `DraftRenderer` turns it into Markdown.
public struct Draft: Sendable {
    /// A front-matter timestamp, where it came from, and the YAML comment written beside it.
    public struct Time: Sendable, Hashable {
        public enum Origin: Sendable, Hashable {
            /// From the command line.
            case given
            /// From an export.
            case imported
            /// Nothing gave it: it stands in until someone sets it.
            case placeholder
        }

        public var value: Timestamp
        public var origin: Origin
        /// Where the value came from, or what to replace a placeholder with.
        public var note: String?

        public init(_ value: Timestamp, _ origin: Origin, note: String? = nil) {
            self.value = value
            self.origin = origin
            self.note = note
        }
    }

    public var id: String
    public var title: String
    public var severity: String
    /// The note beside `severity`, e.g. "PagerDuty priority P2".
    public var severityNote: String?
    public var services: [String]
    public var started: Time
    public var detected: Time
    public var mitigated: Time?
    public var resolved: Time
    public var authors: [String]
    /// The note beside `authors` (their source, or that they are a placeholder).
    public var authorsNote: String?
    public var incidentCommander: String?
    public var responders: [String]
    public var detection: String?
    public var tickets: [String]
    /// Chronological.
    public var timeline: [TimelineEvent]
    /// What was imported, for the Timeline's guidance comment.
    public var sources: [String]

    /// The front-matter times that are set, in field order.
    public var times: [Time] { [started, detected, mitigated, resolved].compactMap { $0 } }

    /// The calendar date (UTC) the file is named and numbered by.
    public var date: LocalDate { started.value.utcDate }
}

extension Timestamp {
    /// The calendar date in UTC, as written in `iso8601UTC`.
    var utcDate: LocalDate { LocalDate(daysSince1970: floorDiv(secondsSince1970, 86_400)) }
}
