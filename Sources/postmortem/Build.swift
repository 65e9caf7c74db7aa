import ArgumentParser
import Foundation
import PostmortemKit

extension Postmortem {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the static site: pages, search, feed and JSON, usable from disk with no server.",
            discussion: """
            Prints the path of index.html. Exit status: 0 built; 1 lint errors with --strict; \
            2 usage, config, theme or I/O problem. A failed build leaves the previous site untouched.
            """)

        @Option(help: ArgumentHelp("Output folder (replaced only once the build succeeds).", valueName: "dir"))
        var out: String = "_site"

        @Flag(help: "Include postmortems with status: draft.")
        var drafts = false

        @Option(name: .customLong("base-url"), help: ArgumentHelp("Public URL of the site, for absolute links in the Atom feed.", valueName: "url"))
        var baseURL: String?

        @Flag(help: "Fail (exit 1) when lint finds errors.")
        var strict = false

        @Flag(name: .customLong("no-cache"), help: "Render every page, ignoring and not updating .postmortem-cache/.")
        var noCache = false

        @Option(help: ArgumentHelp("Threads to use (default: all cores); the output is the same for any number.", valueName: "n"))
        var jobs: Int?

        @OptionGroup var revision: RevisionOption
        @OptionGroup var today: TodayOption
        @OptionGroup var repository: RepositoryOptions

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            var load = repository.loadOptions()
            load.revision = revision.rev
            let output = URL(fileURLWithPath: out, relativeTo: repository.workingDirectory).standardizedFileURL
            // The clock and the environment are read here, at the edge, once.
            let sourceDate = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init).map { Timestamp(secondsSince1970: $0) }
            let configuredToday = try? ConfigLoader.load(file: repository.configURL, workingDirectory: repository.workingDirectory).today
            let resolvedToday = today.date ?? configuredToday ?? sourceDate?.localDate ?? TodayOption.clockDate
            var options = SiteOptions(load: load, output: output, today: resolvedToday)
            options.includeDrafts = drafts
            options.baseURL = baseURL
            options.strict = strict
            options.sourceDate = sourceDate
            options.useCache = !noCache
            options.keepWorkingState = { keepUntilExit($0) }
            if let jobs { options.workers = jobs }
            if isatty(STDERR_FILENO) == 1 { options.progress = ProgressLine.report }

            let result: SiteBuilder.Result
            // Wall time for the summary (lint and analyse overlap, so their stage times add up to more).
            let started = DispatchTime.now().uptimeNanoseconds
            do {
                result = try SiteBuilder(options: options).build()
            } catch {
                ProgressLine.clear()
                if error.stage == .lint {
                    FileHandle.standardError.write(Data(error.findingsReport.utf8))
                    FileHandle.standardError.write(Data("postmortem: error: \(error.description)\n".utf8))
                    throw ExitCode(1)
                }
                throw UsageError(error.description)
            }
            ProgressLine.clear()
            printNotices(result.notices)
            let errors = result.findings.filter { $0.severity == .error }.count
            let warnings = result.findings.filter { $0.severity == .warning }.count
            var summary = "postmortem: built \(result.postmortems) postmortem\(result.postmortems == 1 ? "" : "s") into \(out)/ (\(result.files) files)"
            if errors + warnings > 0 { summary += "; lint: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") (postmortem lint)" }
            if result.usedPageCache { summary += "; pages: \(result.pagesRendered) rendered, \(result.pagesReused) from cache" }
            if result.filesSummarised > 0 {
                summary += "; files: \(result.filesParsed) parsed, \(result.filesSummarised) from summaries (\(result.filesNotRead) not read)"
            }
            let total = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            summary += String(format: " in %.1f s (", total)
                + result.timings.map { String(format: "%@ %.2f", $0.stage.rawValue, $0.seconds) }.joined(separator: ", ") + ")"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            print(result.indexPage.path)
        }
    }
}

/// One self-overwriting progress line on a terminal's standard error.
enum ProgressLine {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var shown = false

    @Sendable static func report(_ progress: BuildProgress) {
        lock.lock()
        defer { lock.unlock() }
        let count = progress.total > 0 ? " \(progress.done)/\(progress.total)" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.stage.rawValue)\(count)".utf8))
        shown = true
    }

    static func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
