import Foundation

/// Everything `postmortem build` decides, without the command line.
public struct SiteOptions: Sendable {
    /// Where the repository is read from (`--rev`, `--config`, working directory).
    public var load: LoadOptions
    /// The output folder; built beside it and swapped in.
    public var output: URL
    /// `--drafts`: include postmortems with `status: draft`.
    public var includeDrafts = false
    /// `--base-url` (else the config's `site.base_url`): makes the feed's links
    /// absolute; pages always link relatively.
    public var baseURL: String?
    /// `--strict`: lint errors fail the build.
    public var strict = false
    /// The date that makes an action item overdue (`--today`, config `today`,
    /// `SOURCE_DATE_EPOCH` or the clock, resolved at the CLI edge).
    public var today: LocalDate
    /// From `SOURCE_DATE_EPOCH`: the site's date when the content gives none.
    public var sourceDate: Timestamp?
    /// Threads for parsing, rendering and indexing; output does not depend on it.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Called as stages start and progress (from any thread, serialised).
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Seam for §8: similar incidents shown on each postmortem page.
    public var similarIncidents: (any SimilarIncidentsProvider)?
    /// Extra links for the navigation (e.g. `patterns.html`), with the pages
    /// that provide them.
    public var extraPages: [ExtraPage] = []
    /// Reuse pages rendered by earlier builds (`--no-cache` turns it off).
    public var useCache = true
    /// Where the page cache lives; nil means `.postmortem-cache/pages/`
    /// beside `.postmortem.yml`.
    public var cacheFolder: URL?

    /// Given the build's working state (every parsed postmortem, page
    /// context and index) when the build is done, instead of it being freed
    /// then. A command that exits right after can keep it: freeing it object
    /// by object took half a second at 10,000 postmortems, while the process
    /// hands its whole heap back at exit at once.
    public var keepWorkingState: (@Sendable (any Sendable) -> Void)?

    public init(load: LoadOptions, output: URL, today: LocalDate) {
        self.load = load
        self.output = output
        self.today = today
    }
}

/// A stage's progress: `done` of `total` items (total 0 when not counted).
public struct BuildProgress: Sendable {
    public var stage: BuildStage
    public var done: Int
    public var total: Int
}

/// Similar incidents for a postmortem (SPEC §8), provided by the patterns
/// engine when it runs; the page shows a "Similar incidents" block when any.
public protocol SimilarIncidentsProvider: Sendable {
    /// Up to a few postmortem ids most similar to `id`, best first, with a
    /// score in 0…1.
    func similar(to id: String) -> [(id: String, score: Double)]
}

/// A page built by someone else (e.g. `patterns.html`), linked from the navigation.
public struct ExtraPage: Sendable {
    public var title: String
    /// Path relative to the site root.
    public var path: String
    public var file: SiteFile?

    public init(title: String, path: String, file: SiteFile? = nil) {
        self.title = title
        self.path = path
        self.file = file
    }
}
