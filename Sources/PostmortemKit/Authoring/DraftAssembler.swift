/// Decides a draft's front matter and timeline from the command line and the
/// imports. The command line wins; imports fill the rest; what neither gives
/// gets a placeholder that is marked as one in the file:
///
/// - started: `--started`, else the imports, else the first imported event,
///   else today at 00:00 UTC;
/// - detected: `--detected`, else the imports, else `started`;
/// - mitigated: only `--mitigated` (no export says when impact stopped growing);
/// - resolved: `--resolved`, else the imports, else the latest of detected,
///   mitigated and the last imported event;
/// - authors: `--author`, else git's `user.name` matched to the roster, else
///   `@author`, marked as a placeholder.
enum DraftAssembler {
    static let placeholderAuthor = "@author"

    static func assemble(_ request: DraftRequest, imported: ImportedIncident?, resolver: HandleResolver,
                         defaultAuthor: String?) throws(UsageError) -> (draft: Draft, notices: [String]) {
        let imported = imported ?? ImportedIncident()
        var notices = imported.notices
        let hasImports = !imported.sources.isEmpty

        guard let title = nonEmpty(request.title) ?? nonEmpty(imported.title) else {
            throw UsageError(hasImports ? "--title is required: the imports give no title" : "--title is required")
        }
        let severity: String
        var severityNote: String?
        if let given = nonEmpty(request.severity) {
            severity = given
        } else if let fromImport = imported.severity {
            severity = fromImport
            severityNote = imported.severitySource
        } else {
            throw UsageError(hasImports ? "--severity is required: the imports give no priority or urgency to map"
                                        : "--severity is required (e.g. SEV2)")
        }
        let services = ImportedIncident.union(request.services.compactMap(nonEmpty), imported.services)
        guard !services.isEmpty else {
            throw UsageError(hasImports ? "--service is required: the imports name no service" : "--service is required: name at least one affected service")
        }
        var authors = request.authors.compactMap(nonEmpty).map(handle)
        var authorsNote: String?
        if authors.isEmpty, let name = defaultAuthor, let fromGit = resolver.handle(for: name) {
            authors = [fromGit]
            authorsNote = "git user.name"
        }
        if authors.isEmpty {
            // A draft is better than none: the stand-in is marked and reported.
            authors = [DraftAssembler.placeholderAuthor]
            authorsNote = "placeholder: set the authors' handles"
            notices.append("authors is a placeholder (\(DraftAssembler.placeholderAuthor)): pass --author @handle, or set git's user.name")
        }

        let events = imported.timeline
        let started = time(request.started, imported.started) {
            if let first = events.first {
                return .init(first.time, .placeholder, note: "placeholder: the first imported event; set it to when impact began")
            }
            let midnight = Timestamp(secondsSince1970: request.today.daysSince1970 * 86_400)
            return .init(midnight, .placeholder, note: "placeholder: set it to when impact began")
        }
        let detected = time(request.detected, imported.detected) {
            .init(started.value, .placeholder, note: "placeholder: set it to when the incident was noticed")
        }
        let mitigated = request.mitigated.map { Draft.Time($0, .given) }
        let latest = ([started.value, detected.value] + [mitigated?.value].compactMap { $0 } + events.map(\.time)).max() ?? started.value
        let resolved = time(request.resolved, imported.resolved) {
            .init(latest, .placeholder, note: hasImports ? "placeholder: the last imported event; set it to when impact ended"
                                                         : "placeholder: set it to when impact ended")
        }
        if resolved.origin == .placeholder && hasImports {
            notices.append("resolved is a placeholder (\(latest.iso8601UTC), the last imported event); set it to when impact ended")
        }

        let responders = ImportedIncident.union(request.responders.compactMap(nonEmpty).map(handle),
                                                resolver.handles(for: imported.responderNames))
        let draft = Draft(id: "", title: title, severity: severity, severityNote: severityNote, services: services,
                          started: started, detected: detected, mitigated: mitigated, resolved: resolved,
                          authors: ImportedIncident.union(authors, []), authorsNote: authorsNote, incidentCommander: nonEmpty(request.incidentCommander).map(handle),
                          responders: responders, detection: imported.detection, tickets: imported.tickets,
                          timeline: events, sources: imported.sources)
        return (draft, notices)
    }

    /// The command line's time, else the import's, else the placeholder.
    private static func time(_ given: Timestamp?, _ imported: ImportedIncident.Sourced?, otherwise placeholder: () -> Draft.Time) -> Draft.Time {
        if let given { return .init(given, .given) }
        if let imported { return .init(imported.time, .imported, note: imported.source) }
        return placeholder()
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// `alice` → `@alice`; the schema checks the rest.
    private static func handle(_ text: String) -> String {
        text.hasPrefix("@") ? text : "@" + text
    }
}
