/// What the search index knows about one postmortem. Documents are numbered
/// by their position in the list given to `SearchIndexBuilder`, which is the
/// site's order (newest first), so a lower number also means newer.
public struct SearchDocument: Sendable, Hashable {
    public var id: String
    public var title: String
    public var severity: String
    /// `YYYY-MM-DD` of `started` in UTC, or "" when unknown.
    public var date: String
    /// The year of `date`, or "unknown".
    public var year: String
    public var status: String
    public var services: [String]
    public var factors: [String]
    public var tags: [String]
    /// The page's URL relative to the site root.
    public var url: String
    /// Executive Summary text (weighted ×2).
    public var summary: String
    /// The rest of the body as plain text (weighted ×1).
    public var body: String
    /// The blob id of the postmortem's file, when known: its terms are then
    /// kept between builds (`SearchIndexBuilder.termCache`).
    public var contentID: String?
    /// The snippet, when it was read from the summary cache instead of cut
    /// from `summary` and `body` (`body` is then empty).
    var snippet: String?

    public init(id: String, title: String, severity: String, date: String, year: String, status: String,
                services: [String], factors: [String], tags: [String], url: String, summary: String, body: String) {
        self.id = id
        self.title = title
        self.severity = severity
        self.date = date
        self.year = year
        self.status = status
        self.services = services
        self.factors = factors
        self.tags = tags
        self.url = url
        self.summary = summary
        self.body = body
    }
}
