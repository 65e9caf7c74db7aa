/// What the exports of an incident (PagerDuty, Slack) say about it, before it
/// becomes a draft. Every field is optional: each source knows only part.
public struct ImportedIncident: Sendable {
    /// A timestamp with where it came from, written beside it as a YAML comment.
    public struct Sourced: Sendable, Hashable {
        public var time: Timestamp
        /// e.g. "PagerDuty: first trigger log entry".
        public var source: String

        public init(_ time: Timestamp, source: String) {
            self.time = time
            self.source = source
        }
    }

    public var title: String?
    public var severity: String?
    /// How the severity was derived, e.g. "PagerDuty priority P2".
    public var severitySource: String?
    /// Kebab-case service names, in the order found.
    public var services: [String] = []
    public var started: Sourced?
    public var detected: Sourced?
    public var resolved: Sourced?
    /// People's display names (mapped to handles when the draft is written).
    public var responderNames: [String] = []
    public var tickets: [String] = []
    /// A value of the schema's `detection` enum, when the source tells.
    public var detection: String?
    public var timeline: [TimelineEvent] = []
    /// What was read, e.g. "PagerDuty incident #1234 (PT4KHLK)", "Slack #inc-2041 (7 messages)".
    public var sources: [String] = []
    /// One-line remarks for the user (e.g. the incident is not resolved yet).
    public var notices: [String] = []

    public init() {}

    /// Combines two imports: `started` and `detected` take the earlier time,
    /// other single values come from `self` when it has them, lists are
    /// joined without duplicates, the timeline is merged in chronological order.
    public func merged(with other: ImportedIncident) -> ImportedIncident {
        var result = self
        result.title = title ?? other.title
        if severity == nil {
            result.severity = other.severity
            result.severitySource = other.severitySource
        }
        result.services = ImportedIncident.union(services, other.services)
        result.started = ImportedIncident.earlier(started, other.started)
        result.detected = ImportedIncident.earlier(detected, other.detected)
        result.resolved = resolved ?? other.resolved
        result.responderNames = ImportedIncident.union(responderNames, other.responderNames)
        result.tickets = ImportedIncident.union(tickets, other.tickets)
        result.detection = detection ?? other.detection
        result.timeline = (timeline + other.timeline).sorted(by: TimelineEvent.chronological)
        result.sources = sources + other.sources
        result.notices = notices + other.notices
        return result
    }

    static func union(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set<String>()
        return (a + b).filter { seen.insert($0).inserted }
    }

    private static func earlier(_ a: Sourced?, _ b: Sourced?) -> Sourced? {
        guard let a else { return b }
        guard let b else { return a }
        return b.time < a.time ? b : a
    }
}
