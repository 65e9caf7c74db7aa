import ArgumentParser
import Foundation
import PostmortemKit

extension Postmortem {
    struct Actions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the action items of every postmortem: owner, priority, due date, status, age.",
            discussion: "With --overdue, exit status 1 when any item is overdue (for a scheduled CI job), else 0; 2 for usage, config or I/O problems.")

        @Flag(help: "Only open and in-progress items.")
        var open = false

        @Flag(help: "Only overdue items (open or in progress, past due); exit 1 when there are any.")
        var overdue = false

        @Option(help: ArgumentHelp("Only items owned by this handle (@alice, @payments/platform).", valueName: "handle"))
        var owner: String?

        @Option(help: ArgumentHelp("Only items of postmortems that name this service.", valueName: "service"))
        var service: String?

        @Option(help: "Output format: table, json, or csv (for Jira's CSV import).")
        var format: ActionItemsReport.Format = .table

        @Option(name: .customLong("link-base"), help: ArgumentHelp(
            "Prefix that makes a postmortem's path a link, e.g. https://github.com/org/repo/blob/main/ (default inside GitHub Actions: the run's commit).",
            valueName: "url"))
        var linkBase: String?

        @OptionGroup var today: TodayOption
        @OptionGroup var repository: RepositoryOptions

        func run() throws {
            var options = repository.loadOptions()
            options.wantsHistory = false
            // Action items are read from their tables only.
            options.dropping = [.lines, .body, .timeline]
            let loaded = try RepositoryLoader.load(options)
            // Git notices are not about action items; unreadable files are, since their items may be missing.
            let unreadable = loaded.postmortems.filter { !$0.parseFindings.isEmpty }.map(\.path)
            if !unreadable.isEmpty {
                printNotices(["\(unreadable.count) postmortem\(unreadable.count == 1 ? "" : "s") could not be read fully, so action items may be missing (run `postmortem lint`): \(unreadable.joined(separator: ", "))"])
            }
            let date = today.date ?? loaded.config.today ?? TodayOption.clockDate
            var filter = ActionItemFilter()
            filter.outstandingOnly = open
            filter.overdueOnly = overdue
            filter.owner = owner
            filter.service = service
            let items = TrackedActionItem.collect(from: loaded.postmortems, today: date).filter(filter.matches)
            let report = ActionItemsReport(items: items, today: date, linkBase: linkBase ?? Review.gitHubLinkBase())
            FileHandle.standardOutput.write(Data(report.render(as: format).utf8))
            if overdue && report.overdueCount > 0 { throw ExitCode(1) }
        }
    }
}

extension ActionItemsReport.Format: ExpressibleByArgument {}
