/// How `postmortem new` reads incident exports (`import:` in `.postmortem.yml`).
public struct ImportSettings: Sendable, Hashable {
    /// PagerDuty priority name (upper-cased) → severity. Used when the incident has a priority.
    public var severityByPriority: [String: String]
    /// PagerDuty urgency (lower-cased) → severity. Used when the incident has no priority.
    public var severityByUrgency: [String: String]
    /// The Slack reaction (emoji name, without colons) that marks a message
    /// for the timeline; pinned messages are always taken.
    public var slackReaction: String

    public static let defaultSeverityByPriority = ["P1": "SEV1", "P2": "SEV2", "P3": "SEV3", "P4": "SEV4", "P5": "SEV4"]
    public static let defaultSeverityByUrgency = ["high": "SEV2", "low": "SEV4"]
    public static let defaultSlackReaction = "pushpin"

    public init(severityByPriority: [String: String] = ImportSettings.defaultSeverityByPriority,
                severityByUrgency: [String: String] = ImportSettings.defaultSeverityByUrgency,
                slackReaction: String = ImportSettings.defaultSlackReaction) {
        self.severityByPriority = [:]
        self.severityByUrgency = [:]
        self.slackReaction = slackReaction
        override(severityByPriority: severityByPriority, severityByUrgency: severityByUrgency)
    }

    /// Applies a config's entries over the current ones, key by key, after
    /// normalising their case, so `p1: SEV2` replaces the default `P1`.
    /// Entries are applied in key order, so the result never depends on
    /// dictionary order.
    public mutating func override(severityByPriority priorities: [String: String], severityByUrgency urgencies: [String: String]) {
        for (key, value) in priorities.sorted(by: { $0.key < $1.key }) { severityByPriority[key.uppercased()] = value }
        for (key, value) in urgencies.sorted(by: { $0.key < $1.key }) { severityByUrgency[key.lowercased()] = value }
    }

    /// The severity for an incident: its priority when mapped, else its urgency, else nil.
    public func severity(priority: String?, urgency: String?) -> String? {
        if let priority, let mapped = severityByPriority[priority.trimmingCharacters(in: .whitespaces).uppercased()] { return mapped }
        if let urgency, let mapped = severityByUrgency[urgency.trimmingCharacters(in: .whitespaces).lowercased()] { return mapped }
        return nil
    }
}
