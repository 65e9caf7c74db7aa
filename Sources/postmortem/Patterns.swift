import ArgumentParser
import Foundation
import PostmortemKit

extension Postmortem {
    struct Patterns: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find recurring incidents, repeated service × factor pairs, and action items that did not prevent a recurrence.")

        @Option(help: "Output format.")
        var format: PatternsFormatter.Format = .text

        /// For `Scripts/fit-pair-weights`: the unweighted parts of every
        /// candidate pair's score, as tab-separated lines.
        @Flag(help: .hidden)
        var pairFeatures = false

        @OptionGroup var revision: RevisionOption
        @OptionGroup var today: TodayOption
        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            let loaded = try repository.loadRepository { options in
                options.revision = revision.rev
                // The analysis reads sections, front matter and action items
                // only, and counts the sections' words as each file is parsed.
                options.dropping = [.lines, .body, .timeline]
                options.countsPatternTerms = true
            }
            if pairFeatures {
                let lines = [PairFeatures.columns.joined(separator: "\t")] + PatternAnalyzer().pairFeatures(loaded.postmortems).map(\.line)
                FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                return
            }
            let report = PatternAnalyzer().analyze(loaded.postmortems, today: today.date ?? loaded.config.today ?? TodayOption.clockDate,
                                                   statusHistory: loaded.actionStatusHistory)
            PatternsFormatter.write(report, as: format) { part in
                FileHandle.standardOutput.write(Data(part))
                part.removeAll(keepingCapacity: true)
            }
            keepUntilExit((loaded, report))
        }
    }
}

extension PatternsFormatter.Format: ExpressibleByArgument {}
