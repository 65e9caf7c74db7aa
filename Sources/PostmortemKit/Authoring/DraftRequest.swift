/// What `postmortem new` was asked for on the command line. Fields an import
/// can supply are optional; the command line wins over imports.
public struct DraftRequest: Sendable {
    public var title: String?
    public var severity: String?
    /// Added to the imported services, first.
    public var services: [String] = []
    public var started: Timestamp?
    public var detected: Timestamp?
    public var mitigated: Timestamp?
    public var resolved: Timestamp?
    /// Handles (`@alice`; a missing `@` is added).
    public var authors: [String] = []
    public var responders: [String] = []
    public var incidentCommander: String?
    /// "Today", for the date of a draft nothing else dates (read once at the CLI edge).
    public var today: LocalDate

    public init(today: LocalDate) {
        self.today = today
    }
}
