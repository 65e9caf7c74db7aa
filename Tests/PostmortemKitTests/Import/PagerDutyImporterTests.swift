import Foundation
import Testing
@testable import PostmortemKit

/// The importer reads whatever shape the API returned, defensively.
struct PagerDutyImporterTests {
    let importer = PagerDutyImporter(settings: ImportSettings())

    func read(_ documents: String...) throws(UsageError) -> ImportedIncident {
        try importer.read(documents.enumerated().map { PagerDutyImporter.File(name: "file\($0.offset).json", data: Data($0.element.utf8)) })
    }

    @Test func minimalIncidentIsEnough() throws {
        let incident = try read(#"{"incident": {"id": "P1", "created_at": "2025-01-02T03:04:05Z", "status": "resolved", "last_status_change_at": "2025-01-02T04:00:00Z", "service": {"summary": "Payments Gateway"}, "priority": null, "urgency": "high"}}"#)
        #expect(incident.title == nil)
        #expect(incident.services == ["payments-gateway"])
        #expect(incident.severity == "SEV2")
        #expect(incident.started?.time.iso8601UTC == "2025-01-02T03:04:05Z")
        #expect(incident.detected?.time.iso8601UTC == "2025-01-02T03:04:05Z")
        #expect(incident.resolved?.time.iso8601UTC == "2025-01-02T04:00:00Z")
        #expect(incident.timeline.map(\.text) == ["PagerDuty: Triggered", "PagerDuty: Resolved"])
        #expect(incident.tickets == ["PagerDuty P1"])
    }

    @Test func singleLogEntryWrapperAndBareListAreRead() throws {
        let incident = #"{"type": "incident", "id": "P1", "incident_number": 7, "summary": "[#7] Disk full", "created_at": "2025-01-02T03:04:05Z", "service": {"summary": "Logs"}}"#
        let single = #"{"log_entry": {"id": "A", "type": "annotate_log_entry", "created_at": "2025-01-02T03:30:00Z", "agent": {"type": "user_reference", "summary": "Dev Patel"}, "channel": {"type": "note", "summary": "Freed 40 GB"}}}"#
        let list = #"[{"id": "B", "type": "trigger_log_entry", "created_at": "2025-01-02T03:04:00.250Z", "agent": {"type": "user_reference", "summary": "Dev Patel"}, "channel": {"type": "web_trigger"}}]"#
        let result = try read(single, incident, list)
        #expect(result.title == "Disk full")
        // The trigger logged before created_at starts the incident; a person triggered it.
        #expect(result.started?.time.iso8601UTC == "2025-01-02T03:04:00Z")
        #expect(result.detection == "employee-report")
        #expect(result.responderNames == ["Dev Patel"])
        #expect(result.timeline.map(\.text) == ["PagerDuty: Triggered — Disk full", "PagerDuty: Note by Dev Patel: Freed 40 GB"])
        #expect(result.tickets == ["PagerDuty #7"])
    }

    @Test func twoDifferentIncidentsAreRefused() {
        #expect(throws: UsageError.self) {
            try read(#"{"incident": {"id": "P1", "created_at": "2025-01-02T03:04:05Z"}}"#,
                     #"{"incident": {"id": "P2", "created_at": "2025-01-02T03:04:05Z"}}"#)
        }
    }

    @Test func severityPrefersPriorityThenUrgency() {
        let settings = ImportSettings(severityByPriority: ["p1": "SEV1"], severityByUrgency: ["HIGH": "SEV2"])
        #expect(settings.severity(priority: "P1", urgency: "low") == "SEV1")
        #expect(settings.severity(priority: "P9", urgency: "high") == "SEV2")
        #expect(settings.severity(priority: nil, urgency: "medium") == nil)
    }
}
