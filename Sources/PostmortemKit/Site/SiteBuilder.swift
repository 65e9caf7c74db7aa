import Foundation

/// `postmortem build` without the command line: a pipeline of named stages
/// (load → parse → lint → analyse → render → index → write, see `BuildStage`), each
/// reporting progress and wrapping its errors with the stage and file.
///
/// Postmortem pages whose inputs did not change since the last build are
/// linked from the previous site or copied from the page cache rather than
/// built and rendered (see `PageCache`, `PageContexts.pageInputs`,
/// `SiteManifest`); the result is the same bytes either way.
///
/// Output is byte-identical across runs and thread counts: every collection
/// is sorted before it is written, work is split with order-keeping parallel
/// maps, and dates come from content, git or `SOURCE_DATE_EPOCH`, never the clock.
public struct SiteBuilder: Sendable {
    public var options: SiteOptions

    public init(options: SiteOptions) {
        self.options = options
    }

    /// What a finished build reports (timings are for people, not the site).
    public struct Result: Sendable {
        public var indexPage: URL
        public var postmortems: Int
        public var files: Int
        public var bytes: Int
        public var search: SearchIndexBuilder.Output
        public var findings: [Finding]
        public var notices: [String]
        public var timings: [(stage: BuildStage, seconds: Double)]
        /// Pages rendered by this build, and pages copied from the page cache.
        public var pagesRendered: Int
        public var pagesReused: Int
        /// Whether the page cache took part (it is on and its folder could be made).
        public var usedPageCache: Bool
        /// Files whose Markdown this build parsed, and files taken from the
        /// summary cache, of which `filesNotRead` were known unchanged by
        /// their status and not read at all.
        public var filesParsed = 0
        public var filesSummarised = 0
        public var filesNotRead = 0
    }

    /// The site in memory (tests look at it whole; `build` streams pages out instead).
    struct Generated: Sendable {
        var prepared: Prepared
        /// Every file: the rendered pages and the other files, by path.
        var files: [SiteFile]
        var entries: [SiteEntry] { prepared.entries }
        var contexts: PageContexts { prepared.contexts }
        var theme: Theme { prepared.theme }
    }

    /// Everything but the pages: their contexts, and the site's other files.
    struct Prepared: Sendable {
        var jobs: [Page]
        var entries: [SiteEntry]
        var contexts: PageContexts
        var theme: Theme
        var search: SearchIndexBuilder.Output
        /// Assets, search index, JSON and feed (those not already written).
        var otherFiles: [SiteFile]
        /// Files already in the staging folder: the large JSON files and the
        /// feed go there as soon as they are made rather than being held
        /// through the render stage.
        var written: [(path: String, bytes: Int)] = []
        var findings: [Finding]
        var notices: [String]
        /// The page cache, when it is on and its folder could be made.
        var cache: PageCache?
        /// Whether pages other than postmortems are cached by their whole
        /// context too (`PageCache.isWorthUsing`).
        var cachesByContext: Bool
        /// Where the page cache is, or would be.
        var cacheFolder: URL
        /// Every postmortem read, drafts and unreadable files included.
        var postmortems: [Postmortem] = []
        /// Which file of the previous site holds which page (empty without the cache).
        var manifest = SiteManifest()
        /// Site files other than pages that are keyed by their inputs
        /// (`index.json`, `actions.json`): path and key, for the manifest.
        var keyedFiles: [(path: String, key: String)] = []

        /// Refuses two files with one path (a theme file or extra page that clashes with a page).
        func checkPathsAreUnique() throws(SiteBuildError) {
            let paths = (jobs.map { $0.path(entries: entries) } + otherFiles.map(\.path) + written.map(\.path)).sorted()
            for (previous, path) in zip(paths, paths.dropFirst()) where previous == path {
                throw SiteBuildError(stage: .index, file: path, message: "two files of the site have the same path (a theme file or extra page clashes)")
            }
        }
    }

    public func build() throws(SiteBuildError) -> Result {
        var timings: [(BuildStage, Double)] = []
        let staging = try SiteWriter(output: options.output, workers: options.workers).begin()
        let prepared: Prepared
        do {
            prepared = try prepare(timings: &timings, staging: staging)
            try prepared.checkPathsAreUnique()
        } catch {
            staging.abandon()
            throw error
        }

        // render: pages stream into the staging folder as they are made,
        // unchanged ones copied from the page cache instead of rendered.
        var started = DispatchTime.now().uptimeNanoseconds
        let cache = prepared.cache
        let contextCache = prepared.cachesByContext ? cache : nil
        let output = options.output.standardizedFileURL
        let manifestFile = SiteManifest.file(cacheFolder: prepared.cacheFolder)
        if cache == nil {
            // This build replaces the site's files without recording them:
            // forget the records, so no later build links a file they describe.
            try? FileManager.default.removeItem(at: manifestFile)
        }
        let manifest = prepared.manifest
        let progress = ProgressCounter(total: prepared.jobs.count) { done, total in report(.render, done, total) }
        report(.render, 0, prepared.jobs.count)
        let written: [(bytes: Int, reused: Bool, failure: String?, key: String?)] = ParallelMap.map(prepared.jobs, workers: options.workers) { job in
            defer { progress.step() }
            let path = job.path(entries: prepared.entries)
            // A postmortem or list page is looked up by its inputs, before
            // anything of it is built: kept or linked from the previous site
            // when that still holds it untouched, else copied from the cache.
            var inputKey: String?
            if let cache, let (template, inputs) = prepared.contexts.pageInputs(job, entries: prepared.entries) {
                let key = cache.key(template: template, inputs: inputs)
                let cached = cache.file(for: key)
                if let previous = manifest.unchangedFile(path, key: key, in: output), staging.reuse(previous, at: path) {
                    return (Int(manifest.records[path]!.status.size), true, nil, key)
                }
                switch staging.copy(from: cached, to: path) {
                case .success(let bytes?): return (bytes, true, nil, key)
                case .success(nil): inputKey = key
                case .failure(let failure): return (0, false, failure.message, nil)
                }
            }
            let (template, context) = prepared.contexts.page(job, entries: prepared.entries)
            let contents: Data, reused: Bool
            if let inputKey, let cache {
                (contents, reused) = (prepared.theme.renderData(template, context), false)
                cache.store(contents, for: inputKey)
            } else {
                (contents, reused) = contextCache?.render(template, context, with: prepared.theme)
                    ?? (prepared.theme.renderData(template, context), false)
            }
            return (contents.count, reused, staging.write(SiteFile(path: path, contents: contents)), inputKey)
        }
        try staging.check(written.map(\.failure))
        timings.append((.render, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))

        started = DispatchTime.now().uptimeNanoseconds
        report(.write, 0, prepared.otherFiles.count)
        try staging.write(prepared.otherFiles)
        // Were this process killed while the files move in, the site would
        // hold old and new files; without records the next build replaces it whole.
        if staging.updatesInPlace { try? FileManager.default.removeItem(at: manifestFile) }
        try staging.commit()
        cache?.prune()
        if cache != nil {
            let pages = zip(prepared.jobs, written).compactMap { job, result in result.key.map { (job.path(entries: prepared.entries), $0) } }
                + prepared.keyedFiles
            // A page kept in place is the file its record describes; a linked one has a new change time.
            let kept = staging.committedInPlace ? staging.keptFiles : []
            SiteManifest.write(manifestFile, output: output, pages: pages, workers: options.workers,
                               unchanged: manifest.records.filter { kept.contains($0.key) })
        }
        timings.append((.write, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
        let notices = prepared.notices
        let reused = written.filter(\.reused).count
        let summarised = prepared.postmortems.filter { $0.isSummarised && !$0.wasCompleted }.count
        options.keepWorkingState?(prepared)
        var result = Result(indexPage: options.output.standardizedFileURL.appendingPathComponent("index.html"),
                            postmortems: prepared.entries.count, files: prepared.jobs.count + prepared.otherFiles.count + prepared.written.count,
                            bytes: written.reduce(0) { $0 + $1.bytes } + prepared.otherFiles.reduce(0) { $0 + $1.contents.count }
                                + prepared.written.reduce(0) { $0 + $1.bytes },
                            search: prepared.search, findings: prepared.findings, notices: notices, timings: timings,
                            pagesRendered: prepared.jobs.count - reused, pagesReused: reused, usedPageCache: cache != nil)
        (result.filesParsed, result.filesSummarised) = (prepared.postmortems.count - summarised, summarised)
        result.filesNotRead = prepared.postmortems.filter { $0.deferred?.readsFile == true && !$0.wasCompleted }.count
        return result
    }

    /// The whole site in memory, pages rendered without the cache.
    func generate(timings: inout [(BuildStage, Double)]) throws(SiteBuildError) -> Generated {
        var uncached = self
        uncached.options.useCache = false
        let prepared = try uncached.prepare(timings: &timings)
        var files: [SiteFile] = ParallelMap.map(prepared.jobs, workers: options.workers) { job in
            let (template, context) = prepared.contexts.page(job, entries: prepared.entries)
            return SiteFile(path: job.path(entries: prepared.entries), contents: prepared.theme.renderData(template, context))
        }
        files += prepared.otherFiles
        files.sort { $0.path < $1.path }
        try prepared.checkPathsAreUnique()
        return Generated(prepared: prepared, files: files)
    }

    /// With `staging`, the large JSON files and the feed are written into it
    /// as soon as they are made (`Prepared.written`); without, they are in
    /// `otherFiles` like the rest.
    func prepare(timings: inout [(BuildStage, Double)], staging: SiteStaging? = nil) throws(SiteBuildError) -> Prepared {
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap(_ stage: BuildStage) {
            let now = DispatchTime.now().uptimeNanoseconds
            timings.append((stage, Double(now - clock) / 1e9))
            clock = now
        }

        // load: config, schema, files (read and parsed in parallel), history, theme.
        report(.load, 0, 0)
        let repository: LoadedRepository
        var load = options.load
        // Blob ids key postmortem pages in the page cache.
        load.wantsContentIDs = load.wantsContentIDs || options.useCache
        // Unchanged files are read for their front matter, the rest from their summaries.
        if options.useCache {
            let folder = options.cacheFolder
            load.summaryCacheFile = { config in SummaryCache.file(cacheFolder: folder ?? PageCache.defaultFolder(root: config.root)) }
        }
        do { repository = try RepositoryLoader.load(load) } catch {
            throw SiteBuildError(stage: .load, message: error.message)
        }
        let theme = try Theme.load(overridesIn: repository.config.root.appendingPathComponent("theme"))
        var notices = repository.notices
        let cacheFolder = options.cacheFolder ?? PageCache.defaultFolder(root: repository.config.root)
        var cache = options.useCache ? PageCache(folder: cacheFolder, theme: theme) : nil
        if let made = cache, !made.prepare() {
            cache = nil
            notices.append("cannot create the page cache \(cacheFolder.path); every page was rendered")
        }
        let cachesByContext = PageCache.isWorthUsing(for: theme)
        // With records of the previous site, its unchanged files are kept
        // where they are and only what changed is moved in (`SiteStaging`).
        let manifest = cache == nil || staging == nil
            ? SiteManifest() : SiteManifest.read(SiteManifest.file(cacheFolder: cacheFolder), output: options.output.standardizedFileURL)
        if !manifest.records.isEmpty { staging?.updateInPlace() }
        lap(.load)

        // parse: site entries, drafts left out, unique page names, newest first.
        report(.parse, 0, repository.postmortems.count)
        var entries: [SiteEntry] = []
        var usedSlugs = Set<String>()
        let made = ParallelMap.map(repository.postmortems, workers: options.workers, SiteEntry.make)
        for (postmortem, made) in zip(repository.postmortems, made) {
            switch made {
            case .failure(let reason):
                notices.append("\(postmortem.path) is left out of the site: \(reason.message)")
            case .success(var entry):
                if entry.status == "draft" && !options.includeDrafts { continue }
                var slug = entry.slug, counter = 2
                while usedSlugs.contains(slug.lowercased()) {
                    slug = "\(entry.slug)-\(counter)"
                    counter += 1
                }
                usedSlugs.insert(slug.lowercased())
                entry.slug = slug
                entry.history = repository.history.history(of: postmortem.path)
                entries.append(entry)
            }
        }
        SiteEntry.sortNewestFirst(&entries)
        lap(.parse)

        // lint and analyse, side by side: every postmortem is linted (so
        // repository rules see them all) while the patterns of the ones the
        // site shows are found. They share nothing, and each has stretches
        // on one core (clustering, sorting findings) that the other fills.
        // Each stage's time is its own, so together they exceed the wall time.
        report(.lint, 0, repository.postmortems.count)
        let context = repository.ruleContext(today: options.today)
        // Findings of unchanged files come from the lint cache beside the page cache.
        let lintCache = cache.map { LintCache(file: LintCache.file(cacheFolder: $0.folder), context: context) }
        // And the words and concepts the patterns analysis counts, per file.
        var analyzer = PatternAnalyzer()
        analyzer.termCache = cache.map { TermCache(file: TermCache.file("pattern-terms.bin", cacheFolder: $0.folder), config: repository.config) }
        // And its candidate pairs, scores and clusters, for a build whose documents compare the same (a new day, an item's status).
        analyzer.clusterCache = cache.map { ClusterCache(file: TermCache.file("clusters.bin", cacheFolder: $0.folder)) }
        // And the report, for a build whose documents read the same but for their action items.
        analyzer.reportCache = cache.map { ReportCache(file: TermCache.file("report.bin", cacheFolder: $0.folder)) }
        let (all, shown, analysisDay, statusHistory, patternAnalyzer) = (repository.postmortems, entries.map(\.postmortem), options.today,
                                                                         repository.actionStatusHistory, analyzer)
        let sideBySide = ParallelMap.map([BuildStage.lint, .analyse], workers: min(2, options.workers)) { stage -> (findings: [Finding], patterns: (report: PatternsReport, key: String?)?, seconds: Double) in
            let started = DispatchTime.now().uptimeNanoseconds
            let findings = stage == .lint ? Linter(context: context).lint(all, cache: lintCache) : []
            if stage == .lint { lintCache?.save() }
            let patterns = stage == .analyse ? patternAnalyzer.analyzeKeyed(shown, today: analysisDay, statusHistory: statusHistory) : nil
            return (findings, patterns, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        // The counted words and the report are written while the index is built (and
        // waited for however this function ends, so no write is cut short).
        let (termCache, reportCache) = (analyzer.termCache, analyzer.reportCache)
        let savingTerms = cache.map { _ in BackgroundTask { termCache?.save(); reportCache?.save() } }
        defer { savingTerms?.value }
        analyzer.clusterCache?.save()
        clock = DispatchTime.now().uptimeNanoseconds
        timings.append((.lint, sideBySide[0].seconds))
        timings.append((.analyse, sideBySide[1].seconds))
        let findings = sideBySide[0].findings
        let (patterns, patternsKey) = sideBySide[1].patterns!
        let errors = findings.filter { $0.severity == .error }
        if options.strict && !errors.isEmpty {
            let files = Set(errors.map(\.file)).count
            throw SiteBuildError(stage: .lint, message: "\(DisplayFormat.count(errors.count, "lint error")) in \(DisplayFormat.count(files, "file")) (--strict); run `postmortem lint` for details",
                                 findings: findings)
        }
        let byFile = Dictionary(grouping: findings, by: \.file)
        for index in entries.indices { entries[index].findings = byFile[entries[index].postmortem.path] ?? [] }

        // Page contexts; the rows that list pages repeat are rendered once here.
        var contexts = PageContexts(siteTitle: repository.config.siteTitle, entries: entries, people: repository.config.people,
                                    today: options.today, extraPages: options.extraPages,
                                    similar: options.similarIncidents ?? PatternsSimilarIncidents(report: patterns))
        contexts.patterns = patterns
        contexts.sharedInputs = PageContexts.sharedInputs(siteTitle: repository.config.siteTitle, extraPages: options.extraPages,
                                                          people: repository.config.people,
                                                          sectionAliases: repository.config.sectionAliases)
        if cache != nil { contexts.listInputs = PageContexts.listInputs(entries, workers: options.workers) }
        let finalEntries = entries
        let rowContexts = contexts
        // Rows come from the page cache too when pages are cached by context:
        // a list page is only as cheap as its rows.
        let rowCache = cachesByContext ? cache : nil
        let rowWorkers = options.workers
        contexts.renderedRows = RenderedRows {
            let rows = ParallelMap.map(finalEntries, workers: rowWorkers) { entry in
                let (top, nested) = (rowContexts.row(entry, root: ""), rowContexts.row(entry, root: "../"))
                guard let rowCache else { return (theme.render("postmortem-row", top), theme.render("postmortem-row", nested)) }
                return (String(decoding: rowCache.render("postmortem-row", top, with: theme).contents, as: UTF8.self),
                        String(decoding: rowCache.render("postmortem-row", nested, with: theme).contents, as: UTF8.self))
            }
            return Dictionary(zip(finalEntries.map(\.postmortem.path), rows), uniquingKeysWith: { first, _ in first })
        }
        let pageContexts = contexts
        let jobs = SiteBuilder.pages(for: finalEntries)
        var files = theme.assets + options.extraPages.compactMap(\.file)

        // index: search files, JSON, feed.
        report(.index, 0, entries.count)
        var searchIndex = SearchIndexBuilder(workers: options.workers)
        searchIndex.termCache = cache.map { TermCache(file: TermCache.file("search-terms.bin", cacheFolder: $0.folder), config: repository.config) }
        let (searchTerms, snippetCharacters) = (searchIndex.termCache, searchIndex.snippetCharacters)
        let documents = ParallelMap.map(entries, workers: options.workers) { entry in
            SiteBuilder.searchDocument(entry, termCache: searchTerms, snippetCharacters: snippetCharacters)
        }
        // Summaries of the files parsed in full, for the next build; written
        // while the index is built (and waited for however this function ends).
        // Files the site leaves out (drafts) get no snippet: were they
        // shown later, their search document would be made in full.
        let savingSummaries = repository.summaryCache.map { [searchIndex, finalEntries, all] summaries in
            BackgroundTask {
                var listed = Set<String>()
                for (entry, document) in zip(finalEntries, documents) {
                    listed.insert(entry.postmortem.path)
                    guard !entry.postmortem.isSummarised, let key = summaries.key(contentID: entry.postmortem.contentID) else { continue }
                    summaries.store(PostmortemSummary(of: entry.postmortem, snippetCharacters: searchIndex.snippetCharacters,
                                                      snippet: searchIndex.snippetText(document)), for: key)
                }
                for postmortem in all where !postmortem.isSummarised && !listed.contains(postmortem.path) {
                    guard let key = summaries.key(contentID: postmortem.contentID) else { continue }
                    summaries.store(PostmortemSummary(of: postmortem, snippetCharacters: 0, snippet: ""), for: key)
                }
                summaries.save()
            }
        }
        defer { savingSummaries?.value }
        let configuredURL = repository.config.siteBaseURL
        let baseURL = options.baseURL ?? (configuredURL.isEmpty ? nil : configuredURL)
        // The search index, the JSON files and the feed do not depend on each
        // other, and the JSON files are written by one thread each, so all run side by side.
        let (today, siteTitle, sourceDate, workers, patternsReport) = (options.today, repository.config.siteTitle, options.sourceDate,
                                                               options.workers, patterns)
        let (finished, searchIndexBuilder) = (entries, searchIndex)
        // Each part puts its files straight into the staging folder when there is one.
        typealias Part = (search: SearchIndexBuilder.Output?, files: [SiteFile], written: [(path: String, bytes: Int)], failures: [String?])
        @Sendable func emit(_ file: SiteFile) -> Part {
            guard let staging else { return (nil, [file], [], []) }
            return (nil, [], [(file.path, file.contents.count)], [staging.write(file)])
        }
        // patterns.json is written as it is made: a large repository's has
        // hundreds of thousands of records.
        @Sendable func emitJSON(_ path: String, _ json: JSONStream) -> Part {
            guard let staging else { return emit(SiteFile(path: path, contents: Data(json.bytes(pretty: true)))) }
            let result = staging.write(path: path) { emit in
                var out: [UInt8] = []
                json.write(to: &out, pretty: true, workers: workers, flush: emit)
                out.append(10)
                emit(&out)
            }
            switch result {
            case .success(let bytes): return (nil, [], [(path, bytes)], [])
            case .failure(let failure): return (nil, [], [], [failure.message])
            }
        }
        // index.json and actions.json are made from what the list pages
        // are made from (each entry's path, page name, front matter and
        // action items), plus the hours from resolution to the first commit
        // and today: when those are the same as for the previous site's
        // file, it is kept (`keyedFiles`).
        // patterns.json is made from the report alone, so it is kept when the
        // key of everything the report was made from is (`PatternAnalyzer.outputKey`).
        let listFiles: [(path: String, key: String)] = pageContexts.listInputs.flatMap { listInputs in
            cache.map { cache in
                var index = listInputs
                for entry in finished { CanonicalBytes.append(entry.draftedHoursAfterResolution.map { "\($0)" } ?? "-", to: &index) }
                var actions = listInputs
                CanonicalBytes.append(today.description, to: &actions)
                return [("index.json", cache.key(template: "index.json", inputs: index)),
                        ("actions.json", cache.key(template: "actions.json", inputs: actions))]
            }
        } ?? []
        var reportFiles: [(path: String, key: String)] = []
        if let cache, let patternsKey {
            reportFiles.append(("patterns.json", cache.key(template: "patterns.json", inputs: Array(patternsKey.utf8))))
        }
        let keyedFiles = listFiles + reportFiles
        let siteFolder = options.output.standardizedFileURL
        @Sendable func keptOrEmitted(_ path: String, _ json: @Sendable () -> JSONStream) -> Part {
            if let staging, let key = keyedFiles.first(where: { $0.path == path })?.key,
               let previous = manifest.unchangedFile(path, key: key, in: siteFolder), staging.reuse(previous, at: path) {
                return (nil, [], [(path, Int(manifest.records[path]!.status.size))], [])
            }
            return emitJSON(path, json())
        }
        let parts: [@Sendable () -> Part] = [
            // (The search term cache is saved by the build, as soon as it has counted.)
            { (searchIndexBuilder.build(documents), [], [], []) },
            { keptOrEmitted("patterns.json") { PatternsFormatter.jsonStream(patternsReport) } },
            { keptOrEmitted("index.json") { SiteJSON.index(finished) } },
            { keptOrEmitted("actions.json") { SiteJSON.actions(finished, today: today) } },
            { emit(SiteFile(path: "feed.xml", text: AtomFeed.render(entries: finished, title: siteTitle, baseURL: baseURL,
                                                                     sourceDate: sourceDate))) },
        ]
        let built = ParallelMap.map(parts, workers: workers) { $0() }
        try staging?.check(built.flatMap(\.failures))
        let search = built[0].search!
        files += search.files
        files += built.flatMap(\.files)
        files.sort { $0.path < $1.path }
        lap(.index)
        return Prepared(jobs: jobs, entries: finalEntries, contexts: pageContexts, theme: theme, search: search,
                        otherFiles: files, written: built.flatMap(\.written), findings: findings, notices: notices,
                        cache: cache, cachesByContext: cachesByContext, cacheFolder: cacheFolder, postmortems: repository.postmortems,
                        manifest: manifest, keyedFiles: staging == nil ? [] : keyedFiles)
    }

    private func report(_ stage: BuildStage, _ done: Int, _ total: Int) {
        options.progress?(BuildProgress(stage: stage, done: done, total: total))
    }

    // MARK: Pages

    /// One page of the site to render.
    enum Page: Sendable, Hashable {
        case index, actions, search, patterns
        case postmortem(Int)
        case service(String)
        case facet(String, String)

        /// The template the page is rendered with.
        var template: String {
            switch self {
            case .index: "index"
            case .actions: "actions"
            case .search: "search"
            case .patterns: "patterns"
            case .postmortem: "postmortem"
            case .service, .facet: "list"
            }
        }

        /// Which page of its template it is, for its cache key.
        var identity: String {
            switch self {
            case .index, .actions, .search, .patterns: template
            case .postmortem(let index): "postmortem \(index)"
            case .service(let name): "service\u{0}" + name
            case .facet(let facet, let value): "facet\u{0}" + facet + "\u{0}" + value
            }
        }

        func path(entries: [SiteEntry]) -> String {
            switch self {
            case .index: return "index.html"
            case .actions: return "actions.html"
            case .search: return "search.html"
            case .patterns: return "patterns.html"
            case .postmortem(let index): return entries[index].url
            case .service(let name): return PageContexts.serviceURL(name)
            case .facet(let facet, let value): return PageContexts.facetURL(facet, value)
            }
        }
    }

    /// Every page, in a fixed order.
    static func pages(for entries: [SiteEntry]) -> [Page] {
        var pages: [Page] = [.index, .actions, .search, .patterns]
        pages += entries.indices.map { .postmortem($0) }
        pages += PageContexts.facetValues(entries, "service").map { .service($0.value) }
        for facet in ["severity", "year", "status"] {
            pages += PageContexts.facetValues(entries, facet).map { .facet(facet, $0.value) }
        }
        return pages
    }

    /// The search document of an entry. One read from the summary cache
    /// whose terms `termCache` holds is made from the summary alone: its
    /// body is only ever counted for terms or cut for the snippet.
    static func searchDocument(_ entry: SiteEntry, termCache: TermCache?, snippetCharacters: Int) -> SearchDocument {
        var document = SearchDocument(id: entry.id, title: entry.title, severity: entry.severity, date: entry.date, year: entry.year,
                                      status: entry.status, services: entry.services, factors: entry.factors, tags: entry.tags,
                                      url: entry.url, summary: entry.postmortem.summaryText, body: "")
        document.contentID = entry.postmortem.contentID
        if let snippet = entry.postmortem.summarisedSnippet(characters: snippetCharacters),
           let key = termCache?.key(contentID: entry.postmortem.contentID), termCache!.contains(key) {
            document.snippet = snippet
            return document
        }
        let postmortem = entry.postmortem.complete
        var body = postmortem.preamble.filter { if case .heading(level: 1) = $0.kind { return false } else { return true } }
            .map(\.plainText)
        for section in postmortem.sections where section.kind != .executiveSummary {
            body.append(section.title)
            body += section.blocks.map(\.plainText)
        }
        document.body = body.joined(separator: " \n")
        return document
    }
}

extension PageContexts {
    /// The template and context of a page.
    func page(_ page: SiteBuilder.Page, entries: [SiteEntry]) -> (String, JSONValue) {
        switch page {
        case .index: return ("index", index())
        case .actions: return ("actions", actionsPage())
        case .search: return ("search", search())
        case .patterns: return ("patterns", patternsPage())
        case .postmortem(let index): return ("postmortem", postmortem(entries[index]))
        case .service(let name):
            return ("list", list(kind: "Service", heading: name, members: entries.filter { $0.services.contains(name) }, withActions: true))
        case .facet(let facet, let value):
            let members = entries.filter { entry in
                switch facet {
                case "severity": return entry.severity == value
                case "year": return entry.year == value
                default: return entry.status == value
                }
            }
            return ("list", list(kind: facet.prefix(1).uppercased() + facet.dropFirst(), heading: value, members: members, withActions: false))
        }
    }
}

/// Counts finished items from many threads and reports every few percent.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let interval: Int
    private let report: @Sendable (Int, Int) -> Void

    init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        interval = max(1, total / 50)
        self.report = report
    }

    func step() {
        lock.lock()
        done += 1
        let current = done
        if current % interval == 0 || current == total { report(current, total) }
        lock.unlock()
    }
}
