import Foundation

/// Which postmortems to read and from where: the working tree or a revision,
/// all files or those changed since a base revision.
public struct LoadOptions: Sendable {
    /// Files or folders to report on (default: every postmortem).
    public var paths: [String] = []
    public var configFile: URL?
    public var workingDirectory: URL
    /// `--rev`: read postmortems, config and schema from this revision's tree.
    public var revision: String?
    /// `--changed-since` / `--base`: report only postmortems added, modified
    /// or renamed since this revision (committed or not, untracked included).
    public var changedSince: String?
    /// Compute per-file git history (for `git/late-draft`, the site).
    public var wantsHistory: Bool = true
    /// Give each postmortem the git blob id of its bytes (`Postmortem.contentID`),
    /// for the page cache of incremental builds.
    public var wantsContentIDs: Bool = false
    /// Where the summaries of unchanged files are kept between builds
    /// (`SummaryCache`), given the config; nil: every file is parsed. Implies
    /// `wantsContentIDs`.
    var summaryCacheFile: (@Sendable (Config) -> URL)?
    /// Parts of each postmortem freed as soon as it is parsed, for a command
    /// that never reads them: `patterns` holds a large repository in a fifth
    /// less memory without its lines, trees and timelines.
    public var dropping: Postmortem.Parts = []
    /// Parts not read, besides `dropping`, of the files outside the scope
    /// (`paths`, `changedSince`). `lint` and `review` report only files in
    /// scope, and the repository rules read only the front matter of the
    /// others, so a pull request's lint parses the Markdown of the files it
    /// changed, not of the whole repository (`.allButFrontMatter`).
    public var outsideScope: Postmortem.Parts = []
    /// Run the file rules on each postmortem in scope as soon as it is
    /// parsed, on the thread that parsed it, and keep of it only what the
    /// repository rules read (`Postmortem.fileRuleFindings`), as of this
    /// day; nil: parse only. For `lint`: 10,000 parsed trees are never held
    /// at once (at 10,000 files: a quarter of the memory, the same time). Only
    /// for the working tree without a base revision, whose rules need no
    /// more than the config, the schema and git history (files parsed
    /// before the history is read are linted afterwards, with the same result).
    var lintsWhileParsing: (@Sendable (Config) -> LocalDate)?
    /// Take what the patterns analysis reads of each postmortem as soon as
    /// it is parsed (`PatternInputs`) and free its sections: `patterns`
    /// then never holds every parsed file at once.
    public var countsPatternTerms = false

    public init(workingDirectory: URL) {
        self.workingDirectory = workingDirectory
    }
}

/// A repository's postmortems, loaded and parsed, with what git knows about them.
public struct LoadedRepository: Sendable {
    public var config: Config
    public var schema: JSONSchemaValidator
    /// Every postmortem of the repository, parsed, in path order.
    public var postmortems: [Postmortem]
    /// Paths to report on; nil: all.
    public var scope: Set<String>?
    public var history: any PostmortemHistory
    /// For postmortems changed since the base revision: their version there,
    /// keyed by their current path.
    public var base: [String: Postmortem]
    /// One-line notices for the user (no repository, shallow clone, …).
    public var notices: [String]
    /// When action items were marked done, from git; nil without history.
    public var actionStatusHistory: (any ActionStatusHistory)?
    /// The summaries read and made (`LoadOptions.summaryCacheFile`).
    var summaryCache: SummaryCache?

    /// The rules' view of this repository: its config, schema, history and base versions.
    public func ruleContext(today: LocalDate) -> RuleContext {
        RuleContext(config: config, schema: schema, today: today, history: history, base: base)
    }

    /// The postmortems in scope.
    public var inScope: [Postmortem] {
        scope.map { scope in postmortems.filter { scope.contains($0.path) } } ?? postmortems
    }
}

/// Loads a repository's postmortems from the working tree or from git.
public enum RepositoryLoader {
    public static func load(_ options: LoadOptions) throws(UsageError) -> LoadedRepository {
        var notices: [String] = []
        // Reading the working tree needs git only for history, which is read
        // on a thread of its own while the files are found and parsed: the
        // history walk and libgit2's start-up (it loads the system's TLS
        // certificates) would otherwise run alone before linting starts.
        let overlapsGit = options.revision == nil && options.changedSince == nil
        var repository: GitRepository?
        if !overlapsGit {
            (repository, notices) = openRepository(options)
            if repository == nil {
                throw UsageError("--rev and --changed-since need a git repository, and \(options.workingDirectory.path) is not in one")
            }
        }

        // Config and schema, from the working tree or from the revision.
        var config: Config
        var schema: JSONSchemaValidator
        if let revision = options.revision, let repository {
            let located = options.configFile ?? ConfigLoader.find(from: options.workingDirectory)
            let root = located?.deletingLastPathComponent().standardizedFileURL ?? options.workingDirectory.standardizedFileURL
            config = Config(root: root)
            if let located, let text = try read(repository, gitPath(of: located, in: repository), at: revision) {
                config = try ConfigLoader.parse(text: String(decoding: text, as: UTF8.self), file: located)
            }
            let schemaPath = config.schema ?? "schema/postmortem.schema.json"
            if let data = try read(repository, prefix(of: config.root, in: repository) + schemaPath, at: revision) {
                schema = try Workspace.schema(from: data, named: schemaPath)
            } else if config.schema != nil {
                throw UsageError("\(schemaPath): schema file not found at \(revision)")
            } else {
                schema = BuiltInSchemas.postmortem
            }
        } else {
            (config, schema) = try Workspace.loadSettings(configFile: options.configFile, workingDirectory: options.workingDirectory)
        }
        let folder = config.postmortems
        let git: BackgroundTask<GitState>? = overlapsGit ? BackgroundTask { [config] in
            let opened = openRepository(options)
            var notices = opened.1
            var state = GitState()
            if let repository = opened.0 {
                state.history = readHistory(repository, folder: prefix(of: config.root, in: repository) + folder,
                                            config: config, options: options, notices: &notices)
            }
            state.notices = notices
            return state
        } : nil
        let gitPrefix = repository.map { prefix(of: config.root, in: $0) } ?? ""
        let summaries = options.summaryCacheFile.map { [config] file in SummaryCache(file: file(config), config: config) }
        // Summaries are found by blob id.
        let wantsContentIDs = options.wantsContentIDs || summaries != nil

        // What changed since the base revision, first: files outside the
        // scope are then read for their front matter only (`outsideScope`).
        var changes: ChangeSet?
        var changed: Set<String>?
        if let since = options.changedSince, let repository {
            let found: ChangeSet
            do { found = try repository.changes(since: since, under: gitPrefix + folder) } catch {
                throw UsageError("--changed-since \(since): \(error.message)")
            }
            changes = found
            changed = Set(found.changed.filter { $0.hasPrefix(gitPrefix) }.map { String($0.dropFirst(gitPrefix.count)) })
        }
        /// The parser of each file at `paths`, by whether it is in the scope
        /// of `requested` and `changed`.
        func parsers(for paths: [String], inScope requested: Set<String>?) -> [PostmortemParser] {
            let full = PostmortemParser(sectionNames: config.sectionNames, dropping: options.dropping)
            guard !options.outsideScope.isEmpty, requested != nil || changed != nil else { return paths.map { _ in full } }
            var light = full
            light.dropping.formUnion(options.outsideScope)
            return paths.map { path in (requested?.contains(path) ?? true) && (changed?.contains(path) ?? true) ? full : light }
        }
        /// What runs on each postmortem on the thread that parsed it: the
        /// early lint of the files in `requested` (working tree only, see
        /// `lintsWhileParsing`), or taking what the patterns analysis reads.
        func afterParsing(inScope requested: Set<String>?) -> (@Sendable (Postmortem) -> Postmortem)? {
            if options.revision == nil, let today = options.lintsWhileParsing, let git {
                let early = EarlyLint(config: config, schema: schema, today: today(config), git: git, scope: requested)
                return { early.lint($0) }
            }
            if options.countsPatternTerms {
                let taker = PatternInputsTaker()
                return { taker.take($0) }
            }
            return nil
        }

        // The postmortems themselves.
        var postmortems: [Postmortem]
        var requested: Set<String>?
        if let revision = options.revision, let repository {
            let files: [(path: String, blobID: String, data: Data)]
            do { files = try repository.files(under: gitPrefix + folder, at: revision) } catch {
                throw UsageError("--rev \(revision): \(error.message)")
            }
            let selected = files.filter { FileDiscovery.isPostmortemName(($0.path as NSString).lastPathComponent) }
            let paths = selected.map { String($0.path.dropFirst(gitPrefix.count)) }
            if !options.paths.isEmpty {
                let wanted = options.paths.map { relative($0, workingDirectory: options.workingDirectory, root: config.root) }
                requested = Set(paths.filter { path in
                    wanted.contains { $0.isEmpty || path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
                })
            }
            let chosen = parsers(for: paths, inScope: requested)
            let eachParsed = afterParsing(inScope: requested)
            postmortems = ParallelMap.map(Array(selected.indices)) { index in
                let postmortem = chosen[index].parse(path: paths[index], bytes: selected[index].data,
                                                     contentID: wantsContentIDs ? selected[index].blobID : nil,
                                                     summaries: summaries)
                return eachParsed?(postmortem) ?? postmortem
            }
        } else {
            let directory = config.root.appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            let hasDirectory = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue
            if options.paths.isEmpty && !hasDirectory {
                throw UsageError("\(folder)/: no postmortems folder here (set `postmortems:` in .postmortem.yml or pass paths)")
            }
            // Repository rules need every postmortem, even when only some are reported.
            let everything = hasDirectory
                ? try FileDiscovery.discover(paths: [directory.path], workingDirectory: options.workingDirectory, root: config.root) : []
            var all = everything
            if !options.paths.isEmpty {
                let explicit = try FileDiscovery.discover(paths: options.paths, workingDirectory: options.workingDirectory, root: config.root)
                let known = Set(everything.map(\.path))
                all += explicit.filter { !known.contains($0.path) }
                requested = Set(explicit.map(\.path))
            }
            all.sort { $0.path < $1.path }
            postmortems = Workspace.parse(all, parsers: parsers(for: all.map(\.path), inScope: requested), contentIDs: wantsContentIDs,
                                          summaries: summaries, then: afterParsing(inScope: requested))
        }

        // Scope and base versions for --changed-since.
        var scope = requested
        var base: [String: Postmortem] = [:]
        if let since = options.changedSince, let repository, let changes, let changed {
            scope = scope.map { $0.intersection(changed) } ?? changed
            let parser = PostmortemParser(sectionNames: config.sectionNames)
            for path in changed.sorted() {
                let old = changes.renamedFrom[gitPrefix + path] ?? gitPrefix + path
                if let data = try? repository.file(old, at: since) {
                    base[path] = parser.parse(path: String(old.dropFirst(gitPrefix.count)), bytes: data)
                }
            }
        }

        // History.
        var history: HistoryState?
        if let git {
            let state = git.value
            notices += state.notices
            history = state.history
        } else if let repository {
            history = readHistory(repository, folder: gitPrefix + folder, config: config, options: options, notices: &notices)
        }
        // Only postmortems are in scope (a changed README below the folder is not one).
        scope = scope.map { $0.intersection(postmortems.map(\.path)) }
        return LoadedRepository(config: config, schema: schema, postmortems: postmortems, scope: scope,
                                history: history?.files ?? NoHistory(), base: base, notices: notices,
                                actionStatusHistory: history?.actionStatus, summaryCache: summaries)
    }

    /// `LoadOptions.lintsWhileParsing`: lints each postmortem in scope once
    /// git history is read (the rules read commit authors and first commits).
    private final class EarlyLint: @unchecked Sendable {
        private let config: Config
        private let schema: JSONSchemaValidator
        private let today: LocalDate
        private let git: BackgroundTask<GitState>
        private let scope: Set<String>?
        private let lock = NSLock()
        private var linter: Linter?

        init(config: Config, schema: JSONSchemaValidator, today: LocalDate, git: BackgroundTask<GitState>, scope: Set<String>?) {
            (self.config, self.schema, self.today, self.git, self.scope) = (config, schema, today, git, scope)
        }

        /// The postmortem with its file rules' findings and without its
        /// Markdown; as it is until the history is read.
        func lint(_ postmortem: Postmortem) -> Postmortem {
            guard scope?.contains(postmortem.path) ?? true, let linter = readyLinter() else { return postmortem }
            var linted = postmortem
            linted.fileRuleFindings = linter.fileRuleFindings(postmortem)
            linted.drop([.lines, .body, .timeline, .sections])
            return linted
        }

        /// The linter, made once the history is read; nil before.
        private func readyLinter() -> Linter? {
            lock.withLock {
                if linter == nil, let state = git.finishedValue {
                    // The context `LoadedRepository.ruleContext` makes for this repository.
                    linter = Linter(context: RuleContext(config: config, schema: schema, today: today,
                                                         history: state.history?.files ?? NoHistory()))
                }
                return linter
            }
        }
    }

    /// `LoadOptions.countsPatternTerms`: takes each postmortem's
    /// `PatternInputs` with a counter of its own thread's (a counter knows
    /// the words it has met, so each thread keeps one).
    private final class PatternInputsTaker: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [TermCounter] = []

        func take(_ postmortem: Postmortem) -> Postmortem {
            var counter = lock.withLock { idle.popLast() } ?? TermCounter()
            var taken = postmortem
            taken.patternInputs = PatternInputs(of: postmortem, counter: &counter)
            taken.drop(.sections)
            lock.withLock { idle.append(counter) }
            return taken
        }
    }

    /// What git adds to a loaded repository, read apart from the files.
    private struct GitState: Sendable {
        var history: HistoryState?
        var notices: [String] = []
    }

    private struct HistoryState: Sendable {
        var files: any PostmortemHistory
        var actionStatus: (any ActionStatusHistory)?
    }

    /// The repository around the working directory, and the notice to give when there is none.
    private static func openRepository(_ options: LoadOptions) -> (GitRepository?, [String]) {
        do {
            if let repository = try GitRepository.discover(from: options.workingDirectory) { return (repository, []) }
            return (nil, ["not a git repository: history checks (git/*) are skipped"])
        } catch {
            return (nil, ["cannot open the git repository (\(error.message)); git checks skipped"])
        }
    }

    /// The history of the postmortems below `folder` (a path in the
    /// repository), keyed by paths relative to the config's root; nil when
    /// not wanted or not readable, with a notice saying why.
    private static func readHistory(_ repository: GitRepository, folder: String, config: Config, options: LoadOptions,
                                    notices: inout [String]) -> HistoryState? {
        guard options.wantsHistory else { return nil }
        if repository.isShallow {
            notices.append("shallow clone: history checks (git/late-draft) are skipped; fetch the full history (e.g. actions/checkout with fetch-depth: 0, or git fetch --unshallow)")
            return nil
        }
        let gitPrefix = prefix(of: config.root, in: repository)
        do {
            let recorded = try repository.history(under: folder, at: options.revision ?? "HEAD")
            var files: [String: FileHistory] = [:]
            for (path, fileHistory) in recorded.files where path.hasPrefix(gitPrefix) {
                files[String(path.dropFirst(gitPrefix.count))] = fileHistory
            }
            let history = RecordedHistory(files: files, authorNames: recorded.authorNames)
            return HistoryState(files: history, actionStatus: GitActionStatusHistory(
                repository: repository, history: history, parser: PostmortemParser(sectionNames: config.sectionNames)))
        } catch {
            notices.append("git history could not be read (\(error.message)); history checks are skipped")
            return nil
        }
    }

    private static func read(_ repository: GitRepository, _ path: String, at revision: String) throws(UsageError) -> Data? {
        do { return try repository.file(path, at: revision) } catch {
            throw UsageError("--rev \(revision): \(error.message)")
        }
    }

    /// `directory` relative to the repository's working tree, with a trailing slash ("" at the root).
    static func prefix(of directory: URL, in repository: GitRepository) -> String {
        guard let top = repository.workingDirectory?.resolvingSymlinksInPath().path else { return "" }
        let path = directory.resolvingSymlinksInPath().path
        let base = top.hasSuffix("/") ? top : top + "/"
        guard path.hasPrefix(base) else { return "" }
        let relative = String(path.dropFirst(base.count))
        return relative.isEmpty ? "" : relative + "/"
    }

    private static func gitPath(of file: URL, in repository: GitRepository) -> String {
        prefix(of: file.deletingLastPathComponent(), in: repository) + file.lastPathComponent
    }

    private static func relative(_ path: String, workingDirectory: URL, root: URL) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
        return FileDiscovery.displayPath(url, root: root, workingDirectory: workingDirectory)
    }
}

/// Maps an array in parallel on all cores, keeping the order.
enum ParallelMap {
    static func map<Element: Sendable, Result: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        // Each result is built in its final slot: an array of optionals
        // unwrapped afterwards copied every parsed postmortem again, on one
        // core, between the parallel stages.
        Array(unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = UnsafeMutableBufferPointerBox(buffer)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                (slots.buffer.baseAddress! + index).initialize(to: transform(items[index]))
            }
            initialized = items.count
        }
    }
}
