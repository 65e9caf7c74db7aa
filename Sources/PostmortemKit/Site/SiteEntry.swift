import Foundation

/// A postmortem as the site shows it: front-matter fields read once, with
/// its page, git history and lint findings. Built in the `parse` stage.
struct SiteEntry: Sendable {
    /// What an entry holds. The memberwise initialiser builds one.
    struct Fields: Sendable {
        var postmortem: Postmortem
        var id: String
        var title: String
        var status: String
        var severity: String
        var services: [String]
        var factors: [String]
        var tags: [String]
        var slug: String
        var history: FileHistory?
        var findings: [Finding]
        var started: Timestamp?
        var detected: Timestamp?
        var mitigated: Timestamp?
        var resolved: Timestamp?
        var date: String
        var year: String
    }

    /// The fields, shared by copies until one of them changes a field. An
    /// entry is copied into every list, facet and context it appears in; as
    /// two dozen stored references, each copy and its release cost two dozen
    /// atomic operations (about 5 % of a rebuild's CPU at 10,000 postmortems).
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// Changed only through `unique()`, so no two entries ever see each other's changes.
    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    init(_ fields: Fields) {
        storage = Storage(fields)
    }

    var postmortem: Postmortem {
        get { storage.fields.postmortem }
        set { unique().fields.postmortem = newValue }
    }
    var id: String {
        get { storage.fields.id }
        set { unique().fields.id = newValue }
    }
    var title: String {
        get { storage.fields.title }
        set { unique().fields.title = newValue }
    }
    var status: String {
        get { storage.fields.status }
        set { unique().fields.status = newValue }
    }
    var severity: String {
        get { storage.fields.severity }
        set { unique().fields.severity = newValue }
    }
    var services: [String] {
        get { storage.fields.services }
        set { unique().fields.services = newValue }
    }
    var factors: [String] {
        get { storage.fields.factors }
        set { unique().fields.factors = newValue }
    }
    var tags: [String] {
        get { storage.fields.tags }
        set { unique().fields.tags = newValue }
    }
    /// Unique among pages: the id made file-name safe, `-2`… on clashes.
    var slug: String {
        get { storage.fields.slug }
        set { unique().fields.slug = newValue }
    }
    var history: FileHistory? {
        get { storage.fields.history }
        set { unique().fields.history = newValue }
    }
    /// Lint findings for this file, sorted.
    var findings: [Finding] {
        get { storage.fields.findings }
        set { unique().fields.findings = newValue }
    }
    /// Stored: the front matter's timestamps are parsed on every read, and
    /// sorting and page contexts read them many times per entry.
    var started: Timestamp? {
        get { storage.fields.started }
        set { unique().fields.started = newValue }
    }
    var detected: Timestamp? {
        get { storage.fields.detected }
        set { unique().fields.detected = newValue }
    }
    var mitigated: Timestamp? {
        get { storage.fields.mitigated }
        set { unique().fields.mitigated = newValue }
    }
    var resolved: Timestamp? {
        get { storage.fields.resolved }
        set { unique().fields.resolved = newValue }
    }
    /// `YYYY-MM-DD` of `started` in UTC, or "" (stored: pages and facets ask often).
    var date: String {
        get { storage.fields.date }
        set { unique().fields.date = newValue }
    }
    /// The year of `date`, or "unknown".
    var year: String {
        get { storage.fields.year }
        set { unique().fields.year = newValue }
    }

    var url: String { "postmortems/\(slug).html" }
    var timeToDetect: Int? { SiteEntry.seconds(from: started, to: detected) }
    var timeToMitigate: Int? { SiteEntry.seconds(from: started, to: mitigated) }
    var timeToResolve: Int? { SiteEntry.seconds(from: started, to: resolved) }

    static func seconds(from start: Timestamp?, to end: Timestamp?) -> Int? {
        guard let start, let end, end >= start else { return nil }
        return end.secondsSince1970 - start.secondsSince1970
    }

    /// Whole hours from `resolved` to the first commit, when both are known.
    var draftedHoursAfterResolution: Int? {
        guard let first = history?.firstCommit, let resolved else { return nil }
        return (first.date.secondsSince1970 - resolved.secondsSince1970) / 3600
    }

    /// The newest date the content or git gives: last commit, else resolved, else started.
    var updated: Timestamp? { history?.lastCommit?.date ?? resolved ?? started }

    /// Newest first; ties by id, then path, so the order is total.
    static func newestFirst(_ a: SiteEntry, _ b: SiteEntry) -> Bool {
        let left = a.started?.secondsSince1970 ?? Int.min, right = b.started?.secondsSince1970 ?? Int.min
        if left != right { return left > right }
        if a.id != b.id { return a.id < b.id }
        return a.postmortem.path < b.postmortem.path
    }

    /// Sorts `entries` by `newestFirst`, moving each entry once. Sorting the
    /// entries themselves copied each one (two dozen references) at every
    /// step of the merge: at 10,000 postmortems hundreds of millions of
    /// instructions on one core. `newestFirst` is a total order (paths are
    /// unique), so the result is the same.
    static func sortNewestFirst(_ entries: inout [SiteEntry]) {
        let started = entries.map { $0.started?.secondsSince1970 ?? Int.min }
        let order = entries.indices.sorted { a, b in
            if started[a] != started[b] { return started[a] > started[b] }
            if entries[a].id != entries[b].id { return entries[a].id < entries[b].id }
            return entries[a].postmortem.path < entries[b].postmortem.path
        }
        entries = order.map { entries[$0] }
    }

    /// Builds an entry, or explains why the postmortem cannot have a page.
    static func make(_ postmortem: Postmortem) -> Result<SiteEntry, SkipReason> {
        guard let frontMatter = postmortem.frontMatter else { return .failure(.init("front matter could not be read")) }
        guard let id = frontMatter.string("id")?.trimmingSpaces(), !id.isEmpty else {
            return .failure(.init("no id"))
        }
        let title = frontMatter.string("title")?.trimmingSpaces() ?? ""
        let started = postmortem.started
        return .success(SiteEntry(Fields(
            postmortem: postmortem, id: id, title: title.isEmpty ? id : title,
            status: frontMatter.string("status") ?? "unknown",
            severity: frontMatter.string("severity") ?? "unknown",
            services: unique(frontMatter.strings("services")),
            factors: unique(frontMatter.strings("contributing_factors")),
            tags: unique(frontMatter.strings("tags")),
            slug: HTML.fileName(id), history: nil, findings: [],
            started: started, detected: postmortem.detected, mitigated: postmortem.mitigated, resolved: postmortem.resolved,
            date: started.map { String($0.iso8601UTC.prefix(10)) } ?? "",
            year: started.map { String($0.iso8601UTC.prefix(4)) } ?? "unknown")))
    }

    struct SkipReason: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.map { $0.trimmingSpaces() }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
