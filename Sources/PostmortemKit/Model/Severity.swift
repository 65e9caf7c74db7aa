/// How serious a finding is. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// What the config may set a rule to: a severity, or `off`.
public enum RuleSetting: String, Sendable, Hashable, CaseIterable, Codable {
    case off, info, warning, error

    public var severity: Severity? { Severity(rawValue: rawValue) }
}
