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

        @OptionGroup var today: TodayOption
        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            let runner = LintRunner(paths: paths, configFile: repository.configURL,
                                    workingDirectory: repository.workingDirectory,
                                    today: today.date, fallbackToday: TodayOption.clockDate)
            let report = try runner.run()
            let colour = format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            FileHandle.standardOutput.write(Data(Reporter.render(report, as: format, colour: colour).utf8))
            let code = report.exitCode(strict: strict)
            if code != 0 { throw ExitCode(code) }
        }
    }
}
