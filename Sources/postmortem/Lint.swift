import ArgumentParser
import Foundation
import PostmortemKit

extension Postmortem {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check postmortems: front matter schema, structure, timeline, action items.",
            discussion: "Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage, config or I/O problem.")

        @Argument(help: "Files or folders to lint (default: every postmortem).")
        var paths: [String] = []

        @Option(help: "Output format.")
        var format: ReportFormat = .text

        @Flag(help: "Fail (exit 1) on warnings too.")
        var strict = false

        @Option(name: .customLong("changed-since"), help: ArgumentHelp(
            "Report only postmortems added, modified or renamed since this revision (committed, staged, unstaged or untracked).",
            valueName: "rev"))
        var changedSince: String?

        @OptionGroup var revision: RevisionOption
        @OptionGroup var today: TodayOption
        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            var options = repository.loadOptions(paths: paths)
            options.revision = revision.rev
            options.changedSince = changedSince
            // Only files in scope are reported; the repository rules read the others' front matter.
            options.outsideScope = .allButFrontMatter
            let runner = LintRunner(options: options, today: today.date, fallbackToday: TodayOption.clockDate)
            let loaded = try runner.load()
            keepUntilExit(loaded)
            let report = runner.lint(loaded)
            if format == .text || format == .sarif { printNotices(report.notices) }
            let colour = format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            FileHandle.standardOutput.write(Data(Reporter.render(report, as: format, colour: colour).utf8))
            let code = report.exitCode(strict: strict)
            if code != 0 { throw ExitCode(code) }
        }
    }
}
