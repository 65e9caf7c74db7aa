/// Everything `postmortem patterns` finds, as plain values (SPEC §8).
/// Every collection is sorted, so output is byte-identical across runs.
public struct PatternsReport: Sendable {
    public struct Member: Sendable, Hashable {
        public var id: String
        public var title: String
        public var path: String
        public var started: String
        public var severity: String
    }

    /// Why two incidents look alike.
    public struct Explanation: Sendable, Hashable {
        public var score: Double
        public var textSimilarity: Double
        public var sharedTerms: [String]
        public var sharedServices: [String]
        public var sharedFactors: [String]
        public var sharedTags: [String]
        /// One names the other in `related:`.
        public var explicitlyRelated: Bool
        /// One names the other's id in its text or links to its file, and not in `related:`.
        public var mentioned: Bool
    }

    public struct Cluster: Sendable, Hashable {
        /// Stable: derived from the earliest member's id.
        public var id: String
        public var label: String
        public var members: [Member]
        public var services: [String]
        public var factors: [String]
        public var topTerms: [String]
        public var firstDate: String
        public var lastDate: String
        /// Sum of started → resolved over members, in seconds.
        public var totalImpactSeconds: Int
        /// Days between consecutive members.
        public var intervalsDays: [Int]
        /// Pairwise explanations between consecutive members.
        public var links: [(from: String, to: String, explanation: Explanation)]

        public static func == (a: Cluster, b: Cluster) -> Bool { a.id == b.id && a.members == b.members }
        public func hash(into hasher: inout Hasher) { hasher.combine(id); hasher.combine(members) }
    }

    public struct Similar: Sendable, Hashable {
        public var id: String
        public var title: String
        public var explanation: Explanation
    }

    public struct FactorRecurrence: Sendable, Hashable {
        public var service: String
        public var factor: String
        public var incidents: [String]
    }

    /// An earlier cluster member's action item, seen from a later recurrence.
    public struct Recurrence: Sendable, Hashable {
        public enum State: String, Sendable {
            /// Open or in progress when the later incident started.
            case open
            /// Marked done before the later incident, which happened anyway.
            case doneBefore = "done-before"
            /// Marked done, date unknown (no git history): status as of today.
            case done
            case wontDo = "wont-do"
        }
        public var cluster: String
        public var later: String
        public var laterStarted: String
        public var earlier: String
        public var action: String
        public var owner: String?
        public var due: String?
        public var status: String
        public var state: State
        /// When the item was marked done, from git history.
        public var doneAt: String?
        /// "git history" or "status as of today".
        public var basis: String

        /// What the item's state meant for the recurrence, in words.
        public var stateDescription: String {
            switch state {
            case .open: "open when it recurred"
            case .doneBefore: "done \(doneAt ?? "") — it recurred anyway"
            case .done: "done (\(basis))"
            case .wontDo: "won't do"
            }
        }
    }

    public struct DurationStats: Sendable, Hashable {
        public var group: String
        public var count: Int
        public var medianTimeToDetect: Int?
        public var p90TimeToDetect: Int?
        public var medianTimeToResolve: Int?
        public var p90TimeToResolve: Int?
    }

    public struct ActionStats: Sendable, Hashable {
        public var total: Int
        public var done: Int
        public var wontDo: Int
        public var outstanding: Int
        public var overdue: Int
        /// done ÷ (total − wont-do), nil when there is nothing to complete.
        public var completionRate: Double?
        public var medianOpenAgeDays: Int?
    }

    public struct Trends: Sendable, Hashable {
        /// Month (YYYY-MM) → severity → count.
        public var incidentsPerMonth: [(month: String, counts: [String: Int])]
        public var bySeverity: [DurationStats]
        public var byQuarter: [DurationStats]
        public var actions: ActionStats

        public static func == (a: Trends, b: Trends) -> Bool {
            a.bySeverity == b.bySeverity && a.byQuarter == b.byQuarter && a.actions == b.actions
                && a.incidentsPerMonth.map(\.month) == b.incidentsPerMonth.map(\.month)
                && a.incidentsPerMonth.map(\.counts) == b.incidentsPerMonth.map(\.counts)
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(actions) }
    }

    public var incidents: Int
    public var today: String
    public var clusters: [Cluster]
    /// Postmortem id → up to three most similar others, best first.
    public var similar: [(id: String, similar: [Similar])]
    public var factorRecurrence: [FactorRecurrence]
    public var recurrences: [Recurrence]
    public var trends: Trends
}
