import ArgumentParser
import Foundation
import PostmortemKit

extension Postmortem {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each postmortem's git history: drafted at, last change, commits.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Option(help: "Output format.")
        var format: Format = .text

        @OptionGroup var revision: RevisionOption
        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            let loaded = try repository.loadRepository { options in
                options.revision = revision.rev
                // The report reads paths, ids and resolved times: front matter only.
                options.dropping = .allButFrontMatter
            }
            let report = HistoryReport(repository: loaded)
            FileHandle.standardOutput.write(Data((format == .json ? report.json() : report.text()).utf8))
        }
    }
}
