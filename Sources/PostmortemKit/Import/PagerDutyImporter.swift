import Foundation

/// Reads a PagerDuty incident exported from the REST API v2, offline: the
/// response of `GET /incidents/{id}` (`{"incident": …}`, or the bare object)
/// and of `GET /incidents/{id}/log_entries` (`{"log_entries": […]}`, in any
/// order, possibly over several files). Files are recognised by content.
///
/// Mapping (SPEC §9, README "Import"):
/// - started: the earlier of the incident's `created_at` and its first
///   trigger log entry; detected: the first trigger log entry, else `created_at`;
/// - resolved: the last resolve log entry, else `resolved_at`, else
///   `last_status_change_at` when `status` is `resolved`; never guessed;
/// - services: `service.summary` of the incident and of its log entries, kebab-cased;
/// - severity: `priority.summary` through `severity_by_priority`, else
///   `urgency` through `severity_by_urgency`;
/// - responders: users who acknowledged, were assigned by, annotated or resolved;
/// - timeline: trigger, acknowledge, escalate, annotate (notes) and resolve
///   log entries, by `created_at` then `id`.
///
/// Fields are read defensively: anything may be missing or null. What the
/// draft cannot do without (an incident, its `created_at`, readable log
/// entry times) is a `UsageError` naming the file and the field.
public struct PagerDutyImporter: Sendable {
    public var settings: ImportSettings

    public init(settings: ImportSettings) {
        self.settings = settings
    }

    /// One file's contents, named for messages.
    public struct File: Sendable {
        public var name: String
        public var data: Data
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    private struct LogEntry {
        var id: String
        var type: String
        var time: Timestamp
        var json: JSONValue
        var file: String
    }

    /// The log entry types that become timeline entries.
    static let timelineTypes: Set<String> = ["trigger_log_entry", "acknowledge_log_entry", "escalate_log_entry",
                                             "annotate_log_entry", "resolve_log_entry"]
    /// The log entry types whose user agent responded to the incident.
    static let responderTypes: Set<String> = ["acknowledge_log_entry", "assign_log_entry", "annotate_log_entry", "resolve_log_entry"]

    public func read(_ files: [File]) throws(UsageError) -> ImportedIncident {
        var incident: (json: JSONValue, file: String)?
        var entries: [LogEntry] = []
        var seenEntries = Set<String>()
        for file in files {
            let json: JSONValue
            do { json = try JSONValue(jsonData: file.data) } catch {
                throw UsageError("\(file.name): not valid JSON, so not a PagerDuty export")
            }
            let documents = try PagerDutyImporter.recognise(json, file: file.name)
            if let found = documents.incident {
                if let previous = incident {
                    let (a, b) = (previous.json["id"]?.stringValue, found["id"]?.stringValue)
                    if a != b || a == nil {
                        throw UsageError("\(file.name): a second incident (\(b ?? "no id")) besides \(a ?? "the one") in \(previous.file); import one incident at a time")
                    }
                } else {
                    incident = (found, file.name)
                }
            }
            for (index, entry) in documents.logEntries.enumerated() {
                let parsed = try PagerDutyImporter.logEntry(entry, index: index, file: file.name)
                // Overlapping pages of the same log are fine: each entry counts once.
                if seenEntries.insert(parsed.id).inserted { entries.append(parsed) }
            }
        }
        guard let incident else {
            throw UsageError("--from-pagerduty: no incident among \(files.map(\.name).joined(separator: ", ")); add the response of GET /incidents/{id} ({\"incident\": …}), which names the service and the title")
        }
        return try build(incident: incident.json, file: incident.file, entries: entries)
    }

    // MARK: Recognising files

    private struct Documents {
        var incident: JSONValue?
        var logEntries: [JSONValue] = []
    }

    private static func isLogEntry(_ value: JSONValue) -> Bool {
        value["type"]?.stringValue?.hasSuffix("_log_entry") == true
    }

    private static func isIncident(_ value: JSONValue) -> Bool {
        guard value.objectValue != nil else { return false }
        if let type = value["type"]?.stringValue { return type == "incident" }
        return value["incident_number"] != nil || (value["created_at"] != nil && (value["service"] != nil || value["urgency"] != nil))
    }

    private static func recognise(_ json: JSONValue, file: String) throws(UsageError) -> Documents {
        var documents = Documents()
        switch json {
        case .object(let object):
            if let wrapped = object["incident"] {
                guard wrapped.objectValue != nil else { throw UsageError("\(file): \"incident\" is not an object") }
                documents.incident = wrapped
            }
            if let list = object["incidents"] {
                guard let incidents = list.arrayValue, incidents.count == 1, incidents[0].objectValue != nil else {
                    throw UsageError("\(file): a list of \(list.arrayValue?.count ?? 0) incidents; export the one incident with GET /incidents/{id}")
                }
                documents.incident = incidents[0]
            }
            if let list = object["log_entries"] {
                guard let items = list.arrayValue else { throw UsageError("\(file): \"log_entries\" is not a list") }
                documents.logEntries = items
            }
            if let single = object["log_entry"] { documents.logEntries.append(single) }
            if documents.incident == nil && documents.logEntries.isEmpty && object["log_entries"] == nil {
                if isIncident(json) {
                    documents.incident = json
                } else if isLogEntry(json) {
                    documents.logEntries = [json]
                } else {
                    throw UsageError("\(file): not a PagerDuty incident or log-entries export (expected {\"incident\": …} from GET /incidents/{id} or {\"log_entries\": […]} from GET /incidents/{id}/log_entries)")
                }
            }
        case .array(let items):
            guard !items.isEmpty, items.allSatisfy(isLogEntry) else {
                throw UsageError("\(file): a list that is not PagerDuty log entries (each needs a \"type\" such as trigger_log_entry)")
            }
            documents.logEntries = items
        default:
            throw UsageError("\(file): not a PagerDuty incident or log-entries export (the JSON is a \(json.typeName))")
        }
        return documents
    }

    private static func logEntry(_ json: JSONValue, index: Int, file: String) throws(UsageError) -> LogEntry {
        let label = json["id"]?.stringValue.map { "log entry \($0)" } ?? "log entry #\(index + 1)"
        guard json.objectValue != nil else { throw UsageError("\(file): \(label) is not an object") }
        guard let type = json["type"]?.stringValue, !type.isEmpty else { throw UsageError("\(file): \(label) has no \"type\"") }
        guard let text = json["created_at"]?.stringValue else { throw UsageError("\(file): \(label) has no \"created_at\"") }
        guard let time = Timestamp.parseRFC3339(text) else {
            throw UsageError("\(file): \(label) has an unreadable \"created_at\" (\(text)); expected RFC 3339, e.g. 2015-11-07T00:14:20Z")
        }
        // Without an id, the position keeps entries of the same second apart deterministically.
        let id = json["id"]?.stringValue ?? String(format: "~%06d", index)
        return LogEntry(id: id, type: type, time: time, json: json, file: file)
    }

    // MARK: Mapping

    private func build(incident: JSONValue, file: String, entries unsorted: [LogEntry]) throws(UsageError) -> ImportedIncident {
        let incidentID = incident["id"]?.stringValue
        for entry in unsorted {
            if let owner = entry.json["incident"]?["id"]?.stringValue, let incidentID, owner != incidentID {
                throw UsageError("\(entry.file): log entry \(entry.id) belongs to incident \(owner), not to \(incidentID) from \(file)")
            }
        }
        let entries = unsorted.sorted { ($0.time.secondsSince1970, $0.id) < ($1.time.secondsSince1970, $1.id) }
        let created: Timestamp
        if let createdText = incident["created_at"]?.stringValue {
            guard let parsed = Timestamp.parseRFC3339(createdText) else {
                throw UsageError("\(file): the incident's \"created_at\" (\(createdText)) is not an RFC 3339 date-time")
            }
            created = parsed
        } else if let trigger = entries.first(where: { $0.type == "trigger_log_entry" }) {
            created = trigger.time
        } else {
            throw UsageError("\(file): the incident has no \"created_at\" and no trigger log entry was given, so nothing says when it started")
        }
        let number = incident["incident_number"].flatMap(PagerDutyImporter.text)
        let name = number.map { "#\($0)" } ?? incidentID ?? "incident"
        var result = ImportedIncident()
        result.sources = ["PagerDuty incident \(name)" + (number != nil && incidentID != nil ? " (\(incidentID!))" : "")
                          + (entries.isEmpty ? "" : " with \(entries.count) log entr\(entries.count == 1 ? "y" : "ies")")]

        // Title: `title`, else the summary without its "[#1234] " prefix.
        let title = PagerDutyImporter.nonEmpty(incident["title"]?.stringValue)
            ?? PagerDutyImporter.nonEmpty(incident["summary"]?.stringValue).map(PagerDutyImporter.withoutNumberPrefix)
        result.title = title

        // Services.
        var services: [String] = []
        for value in [incident["service"]] + entries.map({ $0.json["service"] }) {
            if let summary = value?["summary"]?.stringValue {
                let slug = Slug.make(summary)
                if !slug.isEmpty { services.append(slug) }
            }
        }
        result.services = ImportedIncident.union(services, [])

        // Severity.
        let priority = PagerDutyImporter.nonEmpty(incident["priority"]?["summary"]?.stringValue)
            ?? PagerDutyImporter.nonEmpty(incident["priority"]?["name"]?.stringValue)
        let urgency = PagerDutyImporter.nonEmpty(incident["urgency"]?.stringValue)
        if let severity = settings.severity(priority: priority, urgency: nil), let priority {
            result.severity = severity
            result.severitySource = "PagerDuty priority \(priority)"
        } else if let severity = settings.severity(priority: nil, urgency: urgency), let urgency {
            result.severity = severity
            result.severitySource = "PagerDuty urgency \(urgency)"
        }

        // Times.
        let triggers = entries.filter { $0.type == "trigger_log_entry" }
        if let first = triggers.first, first.time < created {
            result.started = .init(first.time, source: "PagerDuty: first trigger log entry")
        } else {
            result.started = .init(created, source: "PagerDuty: incident created_at")
        }
        result.detected = triggers.first.map { .init($0.time, source: "PagerDuty: first trigger log entry") }
            ?? .init(created, source: "PagerDuty: incident created_at")
        let status = incident["status"]?.stringValue
        if let resolve = entries.last(where: { $0.type == "resolve_log_entry" }) {
            result.resolved = .init(resolve.time, source: "PagerDuty: resolve log entry")
        } else if let text = incident["resolved_at"]?.stringValue, let time = Timestamp.parseRFC3339(text) {
            result.resolved = .init(time, source: "PagerDuty: incident resolved_at")
        } else if status == "resolved", let text = incident["last_status_change_at"]?.stringValue, let time = Timestamp.parseRFC3339(text) {
            result.resolved = .init(time, source: "PagerDuty: last_status_change_at of the resolved incident")
        } else {
            result.notices.append("PagerDuty incident \(name) is \(status ?? "not marked resolved") in the export, so it gives no resolved time")
        }

        // Detection: a trigger by a person through the website is a report, anything else an alert.
        if let first = triggers.first {
            let agentType = first.json["agent"]?["type"]?.stringValue ?? ""
            let channel = first.json["channel"]?["type"]?.stringValue ?? ""
            result.detection = agentType.hasPrefix("user") || channel == "web_trigger" ? "employee-report" : "alert"
        }

        // Responders.
        var names: [String] = []
        for entry in entries where PagerDutyImporter.responderTypes.contains(entry.type) {
            if let person = PagerDutyImporter.userName(entry.json["agent"]) { names.append(person) }
        }
        for acknowledgement in incident["acknowledgements"]?.arrayValue ?? [] {
            if let person = PagerDutyImporter.userName(acknowledgement["acknowledger"]) { names.append(person) }
        }
        result.responderNames = ImportedIncident.union(names, [])

        // Ticket: where the incident lives.
        if let url = PagerDutyImporter.nonEmpty(incident["html_url"]?.stringValue) {
            result.tickets = [url]
        } else {
            result.tickets = ["PagerDuty \(name)"]
        }

        result.timeline = timeline(incident: incident, created: created, title: title, entries: entries)
        return result
    }

    private func timeline(incident: JSONValue, created: Timestamp, title: String?, entries: [LogEntry]) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        var describedTrigger = false
        for entry in entries where PagerDutyImporter.timelineTypes.contains(entry.type) {
            let agent = PagerDutyImporter.nonEmpty(entry.json["agent"]?["summary"]?.stringValue)
            let summary = PagerDutyImporter.nonEmpty(entry.json["summary"]?.stringValue)
            var text: String
            switch entry.type {
            case "trigger_log_entry":
                text = summary ?? "Triggered"
                // The first trigger carries the incident's title, once.
                if !describedTrigger, let title, !text.contains(title) { text += " — " + title }
                describedTrigger = true
            case "acknowledge_log_entry":
                text = summary ?? "Acknowledged" + (agent.map { " by \($0)" } ?? "")
            case "escalate_log_entry":
                text = summary ?? "Escalated"
            case "annotate_log_entry":
                // A note's text is the channel's summary; the entry's own summary says only "Note added".
                let note = PagerDutyImporter.nonEmpty(entry.json["channel"]?["summary"]?.stringValue)
                    ?? PagerDutyImporter.nonEmpty(entry.json["channel"]?["content"]?.stringValue)
                if let note {
                    text = "Note" + (agent.map { " by \($0)" } ?? "") + ": " + note
                } else {
                    text = summary ?? "Note added" + (agent.map { " by \($0)" } ?? "")
                }
            default: // resolve_log_entry
                text = summary ?? "Resolved" + (agent.map { " by \($0)" } ?? "")
            }
            events.append(TimelineEvent(time: entry.time, text: "PagerDuty: " + text, tieBreaker: entry.id))
        }
        // Without log entries, the incident object still tells when it was
        // triggered, acknowledged and resolved.
        if !entries.contains(where: { $0.type == "trigger_log_entry" }) {
            events.append(TimelineEvent(time: created, text: "PagerDuty: Triggered" + (title.map { " — " + $0 } ?? ""), tieBreaker: "created_at"))
        }
        if !entries.contains(where: { $0.type == "acknowledge_log_entry" }) {
            for (index, acknowledgement) in (incident["acknowledgements"]?.arrayValue ?? []).enumerated() {
                guard let text = acknowledgement["at"]?.stringValue, let time = Timestamp.parseRFC3339(text) else { continue }
                let who = PagerDutyImporter.nonEmpty(acknowledgement["acknowledger"]?["summary"]?.stringValue)
                events.append(TimelineEvent(time: time, text: "PagerDuty: Acknowledged" + (who.map { " by \($0)" } ?? ""),
                                            tieBreaker: String(format: "acknowledgement-%03d", index)))
            }
        }
        if !entries.contains(where: { $0.type == "resolve_log_entry" }), incident["status"]?.stringValue == "resolved",
           let text = incident["resolved_at"]?.stringValue ?? incident["last_status_change_at"]?.stringValue,
           let time = Timestamp.parseRFC3339(text) {
            let who = PagerDutyImporter.userName(incident["last_status_change_by"])
            events.append(TimelineEvent(time: time, text: "PagerDuty: Resolved" + (who.map { " by \($0)" } ?? ""), tieBreaker: "resolved"))
        }
        return events.sorted(by: TimelineEvent.chronological)
    }

    // MARK: Helpers

    /// A person's name from an agent reference; services and integrations are not people.
    private static func userName(_ reference: JSONValue?) -> String? {
        guard let reference, let name = nonEmpty(reference["summary"]?.stringValue) else { return nil }
        guard let type = reference["type"]?.stringValue else { return nil }
        return type == "user" || type == "user_reference" ? name : nil
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A number or string as text (`incident_number` is a number in the API).
    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .integer(let number): return String(number)
        case .number(let number) where number.rounded() == number && abs(number) < 1e15: return String(Int(number))
        case .string(let string): return nonEmpty(string)
        default: return nil
        }
    }

    /// "[#1234] The server is on fire." → "The server is on fire."
    private static func withoutNumberPrefix(_ summary: String) -> String {
        guard summary.hasPrefix("[#"), let close = summary.firstIndex(of: "]") else { return summary }
        let rest = summary[summary.index(after: close)...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? summary : rest
    }
}
