import ArgumentParser
import Foundation
import PostmortemKit

extension Postmortem {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarise the postmortems changed since a base revision, for a pull-request comment.",
            discussion: "Exit status is 0 whatever the findings (run `lint` to gate); 2 for usage, config or git problems. In GitHub Actions, findings link to lines of the head commit.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

        @Option(help: ArgumentHelp("The revision the pull request is compared with, e.g. origin/main.", valueName: "rev"))
        var base: String

        @Option(help: "Output format.")
        var format: Format = .markdown

        @OptionGroup var today: TodayOption
        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            let loaded = try repository.loadRepository { options in
                options.changedSince = base
                // Only changed files are reviewed; the repository rules read the others' front matter.
                options.outsideScope = .allButFrontMatter
            }
            let context = loaded.ruleContext(today: today.date ?? loaded.config.today ?? TodayOption.clockDate)
            let findings = Linter(context: context).lint(loaded.postmortems, scope: loaded.scope)
            let report = ReviewReport(base: base, repository: loaded, findings: findings, linkBase: Review.gitHubLinkBase())
            FileHandle.standardOutput.write(Data((format == .json ? report.json() : report.markdown()).utf8))
        }

        /// `https://github.com/org/repo/blob/<sha>/` inside GitHub Actions (read here, at the edge).
        static func gitHubLinkBase() -> String? {
            let environment = ProcessInfo.processInfo.environment
            guard let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"],
                  let sha = environment["GITHUB_SHA"] else { return nil }
            return "\(server)/\(repository)/blob/\(sha)/"
        }
    }
}
