import Foundation

/// A person on the roster (SPEC §4 `people`).
public struct Person: Sendable, Hashable {
    /// The handle with its `@`.
    public var handle: String
    public var name: String
    public var aliases: [String]

    public init(handle: String, name: String, aliases: [String] = []) {
        self.handle = handle.hasPrefix("@") ? handle : "@" + handle
        self.name = name
        self.aliases = aliases
    }
}

/// The settings of `.postmortem.yml` (SPEC §4), with defaults for what it leaves out.
public struct Config: Sendable {
    /// The folder that holds `.postmortem.yml` (or the working directory when
    /// there is none): the repository root that paths are relative to.
    public var root: URL
    /// The config file, if one was found.
    public var file: URL?
    /// The postmortems folder, relative to `root`.
    public var postmortems: String = "postmortems"
    /// The front-matter schema, relative to `root`; nil: the default lookup.
    public var schema: String?
    public var sectionAliases: [SectionKind: [String]] = [:]
    /// Rule id or group pattern → setting.
    public var rules: [String: RuleSetting] = [:]
    public var people: [Person] = []
    /// Team handles with their `@`.
    public var teams: [String] = []
    public var blamelessTerms: [String] = []
    public var blamelessAllowed: [String] = []
    public var lateDraftHours: Double = 48
    public var incidentWindowHours: Double = 24
    public var siteTitle: String = "Postmortems"
    public var siteBaseURL: String = ""
    public var today: LocalDate?
    /// `import:`: severity mappings and the Slack reaction for `postmortem new`.
    public var importSettings = ImportSettings()
    /// The config file's text as read ("" without one): caches of derived
    /// results key by it, since every setting comes from it.
    public var sourceText: String = ""

    public init(root: URL) {
        self.root = root
    }

    /// True when the config declares people or teams, so owners are checked against them.
    public var hasRoster: Bool { !people.isEmpty || !teams.isEmpty }

    /// The setting for a rule: the exact id wins over a group (`blameless/*`).
    public func setting(for rule: String) -> RuleSetting? {
        if let exact = rules[rule] { return exact }
        let group = rule.split(separator: "/").first.map(String.init) ?? rule
        return rules[group + "/*"] ?? rules[group]
    }

    public var sectionNames: SectionNames { SectionNames(extraAliases: sectionAliases) }
}
