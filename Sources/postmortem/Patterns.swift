import ArgumentParser
import Foundation
import PostmortemKit

extension Postmortem {
    struct Patterns: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find recurring incidents, repeated service × factor pairs, and action items that did not prevent a recurrence.")

        @Option(help: "Output format.")
        var format: PatternsFormatter.Format = .text

        @OptionGroup var revision: RevisionOption
        @OptionGroup var today: TodayOption
        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            let loaded = try repository.loadRepository { $0.revision = revision.rev }
            let report = PatternAnalyzer().analyze(loaded.postmortems, today: today.date ?? loaded.config.today ?? TodayOption.clockDate,
                                                   statusHistory: loaded.actionStatusHistory)
            FileHandle.standardOutput.write(Data(PatternsFormatter.render(report, as: format).utf8))
            keepUntilExit((loaded, report))
        }
    }
}

extension PatternsFormatter.Format: ExpressibleByArgument {}
