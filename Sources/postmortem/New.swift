import ArgumentParser
import Foundation
import PostmortemKit

extension Postmortem {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a postmortem: next free id, postmortems/YYYY/YYYY-MM-DD-slug.md, the nine sections with guidance.",
            discussion: """
                Prefills times, services, severity, responders and the Timeline from a PagerDuty incident \
                (the JSON of GET /incidents/{id} and GET /incidents/{id}/log_entries) and a Slack channel export. \
                Never overwrites a file; prints the new file's path. \
                Exit status: 0 written, 2 usage, config, import or I/O problem (nothing written).
                """)

        @Option(help: "The incident's title (default: the PagerDuty incident's title).")
        var title: String?

        @Option(help: "Severity, e.g. SEV2 (default: from the PagerDuty priority or urgency, see `import:` in the config).")
        var severity: String?

        @Option(name: .customLong("service"), parsing: .upToNextOption,
                help: ArgumentHelp("Affected service, kebab-case; repeatable (added to the imported ones).", valueName: "service"))
        var services: [String] = []

        @Option(help: ArgumentHelp("When impact began, RFC 3339 (e.g. 2025-03-14T09:12:00Z). Default: from the imports, else today.", valueName: "time"))
        var started: String?

        @Option(help: ArgumentHelp("When the incident was noticed, RFC 3339.", valueName: "time"))
        var detected: String?

        @Option(help: ArgumentHelp("When the impact stopped growing, RFC 3339.", valueName: "time"))
        var mitigated: String?

        @Option(help: ArgumentHelp("When the impact ended, RFC 3339.", valueName: "time"))
        var resolved: String?

        @Option(name: .customLong("author"), help: ArgumentHelp("Author handle, e.g. @alice; repeatable (default: git's user.name, matched to the roster).", valueName: "handle"))
        var authors: [String] = []

        @Option(name: .customLong("responder"), help: ArgumentHelp("Responder handle; repeatable (added to the imported ones).", valueName: "handle"))
        var responders: [String] = []

        @Option(name: .customLong("incident-commander"), help: ArgumentHelp("The incident commander's handle.", valueName: "handle"))
        var incidentCommander: String?

        @Option(name: .customLong("from-pagerduty"), help: ArgumentHelp(
            "A PagerDuty export: the JSON of GET /incidents/{id} or of GET /incidents/{id}/log_entries; repeatable.", valueName: "file"))
        var pagerDutyFiles: [String] = []

        @Option(name: .customLong("from-slack"), help: ArgumentHelp(
            "One channel's folder from a Slack export (its YYYY-MM-DD.json files); marked or pinned messages join the Timeline.", valueName: "dir"))
        var slackFolders: [String] = []

        @Option(name: .customLong("slack-reaction"), help: ArgumentHelp(
            "The reaction that marks a Slack message for the Timeline (default: `import.slack_reaction` in the config, else pushpin).", valueName: "name"))
        var slackReaction: String?

        @OptionGroup var today: TodayOption
        @OptionGroup var repository: RepositoryOptions

        func validate() throws {
            for (option, value) in [("--started", started), ("--detected", detected), ("--mitigated", mitigated), ("--resolved", resolved)] {
                if let value, Timestamp.parseRFC3339(value) == nil {
                    throw ValidationError("\(option) must be an RFC 3339 date-time with an offset, e.g. 2025-03-14T09:12:00Z; got \"\(value)\"")
                }
            }
        }

        func run() throws {
            let (config, schema) = try Workspace.loadSettings(configFile: repository.configURL, workingDirectory: repository.workingDirectory)
            let imported = try IncidentImporter.load(pagerDuty: pagerDutyFiles, slack: slackFolders, reaction: slackReaction,
                                                     settings: config.importSettings, workingDirectory: repository.workingDirectory)
            var request = DraftRequest(today: today.date ?? config.today ?? TodayOption.clockDate)
            request.title = title
            request.severity = severity
            // "--service a,b" reads as two services, like "--service a b".
            request.services = services.flatMap { $0.split(separator: ",").map(String.init) }
            request.started = started.flatMap(Timestamp.parseRFC3339)
            request.detected = detected.flatMap(Timestamp.parseRFC3339)
            request.mitigated = mitigated.flatMap(Timestamp.parseRFC3339)
            request.resolved = resolved.flatMap(Timestamp.parseRFC3339)
            request.authors = authors
            request.responders = responders
            request.incidentCommander = incidentCommander
            let defaultAuthor = authors.isEmpty ? GitRepository.configuredUserName(for: repository.workingDirectory) : nil

            let created = try PostmortemScaffolder(config: config, schema: schema).create(request, imported: imported, defaultAuthor: defaultAuthor)
            printNotices(created.notices)
            printNotices(created.findings.map { "\($0.file):\($0.line):\($0.column): \($0.severity.rawValue): \($0.message) [\($0.rule)]" })
            print(displayPath(created.url))
        }

        /// Relative to the working directory when inside it, so it can be opened as printed.
        private func displayPath(_ url: URL) -> String {
            let full = url.standardizedFileURL.path
            let base = repository.workingDirectory.standardizedFileURL.path
            let prefix = base.hasSuffix("/") ? base : base + "/"
            return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
        }
    }
}
