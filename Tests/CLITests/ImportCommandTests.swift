import Foundation
import Testing

/// `postmortem new --from-pagerduty … --from-slack …` against the sample
/// exports in Tests/Fixtures/import (written for this project, modelled on
/// PagerDuty's REST API v2 responses and Slack's export format).
struct ImportCommandTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/import")
    static let roster = """
        people:
          "@alice": { name: Alice Chen }
          "@bob": { name: Bob Okafor }

        """

    func fixture(_ path: String) -> String { ImportCommandTests.fixtures.appendingPathComponent(path).path }

    var pagerDuty: [String] {
        ["pagerduty/log_entries_page2.json", "pagerduty/incident.json", "pagerduty/log_entries.json"].flatMap { ["--from-pagerduty", fixture($0)] }
    }

    func created(_ result: CLI.Result, in repo: TemporaryRepository) throws -> String {
        #expect(result.status == 0, "\(result.stderr)")
        return try String(contentsOf: repo.url.appendingPathComponent(result.stdout.trimmingCharacters(in: .newlines)), encoding: .utf8)
    }

    @Test func pagerDutyIncidentAndLogEntriesFillTheDraft() throws {
        let repo = try TemporaryRepository()
        try repo.write(".postmortem.yml", ImportCommandTests.roster)
        let result = try CLI.run(["new", "--author", "@alice"] + pagerDuty, in: repo.url)
        #expect(result.stdout == "postmortems/2025/2025-03-14-checkout-api-5xx-rate-above-5.md\n")
        let text = try created(result, in: repo)
        #expect(text.hasPrefix("""
            ---
            id: PM-2025-001
            title: "Checkout API 5xx rate above 5%"
            status: draft
            severity: SEV1                       # PagerDuty priority P1
            services: [checkout-api]
            started: 2025-03-14T09:02:11Z        # PagerDuty: incident created_at
            detected: 2025-03-14T09:02:11Z       # PagerDuty: first trigger log entry
            # mitigated:                         # optional: when the impact stopped growing
            resolved: 2025-03-14T10:05:12Z       # PagerDuty: resolve log entry
            authors: ["@alice"]
            responders: ["@bob", "@priya-raman"]
            detection: alert
            tickets: ["https://basketful.pagerduty.com/incidents/P7BKT2Q"]
            ---
            """))
        // Sorted by time then id; notify and assign entries are left out; the
        // note's Markdown and HTML are escaped, so they render as text.
        #expect(text.contains("""
            - 2025-03-14T09:02:11Z — PagerDuty: Triggered through the API — Checkout API 5xx rate above 5%
            - 2025-03-14T09:07:45Z — PagerDuty: Acknowledged by Bob Okafor
            - 2025-03-14T09:12:02Z — PagerDuty: Escalated to Priya Raman
            - 2025-03-14T09:14:05Z — PagerDuty: Acknowledged by Priya Raman
            - 2025-03-14T09:31:40Z — PagerDuty: Note by Priya Raman: Rolled back checkout-api to v2025.03.13-2; pool\\_size back to 50 \\& 5xx rate \\<1% \\<!-- check --\\>
            - 2025-03-14T10:05:12Z — PagerDuty: Resolved by Bob Okafor

            ## Impact Assessment
            """))
        let (_, diagnostics) = try lintDiagnostics(in: repo.url)
        #expect(diagnostics.count == 8, "\(diagnostics)")
        #expect(diagnostics.allSatisfy { $0["rule"] as? String == "structure/empty-section" }, "\(diagnostics)")
    }

    @Test func theOrderOfFilesAndEntriesDoesNotMatter() throws {
        let one = try TemporaryRepository(), two = try TemporaryRepository()
        let forward = try created(try CLI.run(["new", "--author", "@alice"] + pagerDuty, in: one.url), in: one)
        let files = ["pagerduty/incident.json", "pagerduty/log_entries.json", "pagerduty/log_entries_page2.json"]
        let backward = try created(try CLI.run(["new", "--author", "@alice"] + files.reversed().flatMap { ["--from-pagerduty", fixture($0)] }, in: two.url), in: two)
        #expect(forward == backward)
    }

    @Test func slackMessagesWithTheReactionOrPinnedJoinTheTimeline() throws {
        let repo = try TemporaryRepository()
        try repo.write(".postmortem.yml", ImportCommandTests.roster)
        let text = try created(try CLI.run(["new", "--author", "@alice"] + pagerDuty + ["--from-slack", fixture("slack/inc-2041-checkout")], in: repo.url), in: repo)
        #expect(text.contains("""
            - 2025-03-14T09:05:30Z — Slack #inc-2041-checkout, Bob Okafor: Looking at the checkout 5xx alert. Error rate 6% and climbing; pool wait time is 30s on the checkout dashboard (https://grafana.basketful.example/d/checkout)
            - 2025-03-14T09:07:45Z — PagerDuty: Acknowledged by Bob Okafor
            - 2025-03-14T09:10:12Z — Slack #inc-2041-checkout, Priya Raman: Deploy 2025.03.14-1 went out at 08:58 and includes the ORM upgrade. Proposing a rollback.
            """))
        // A mention resolved through users.json, a channel link, Slack's escapes, a bot's update.
        #expect(text.contains("- 2025-03-14T09:20:44Z — Slack #inc-2041-checkout, Bob Okafor: @Priya Raman go ahead: rollback of \\*checkout-api\\* to v2025.03.13-2 approved in #inc-2041-checkout\n"))
        #expect(text.contains("- 2025-03-14T09:31:02Z — Slack #inc-2041-checkout, Priya Raman: Rollback complete; 5xx rate back under 1% \\& pool wait \\< 10ms :tada:\n"))
        #expect(text.contains("- 2025-03-14T09:45:00Z — Slack #inc-2041-checkout, Statuspage: Incident update posted"))
        // Unmarked messages and channel joins stay out; the bot is not a responder.
        #expect(!text.contains("Support is seeing the same"))
        #expect(!text.contains("has joined"))
        #expect(!text.contains("draft the postmortem"))
        #expect(text.contains("responders: [\"@bob\", \"@priya-raman\"]\n"))
        let (_, diagnostics) = try lintDiagnostics(in: repo.url)
        #expect(diagnostics.allSatisfy { $0["rule"] as? String == "structure/empty-section" }, "\(diagnostics)")
        #expect(diagnostics.count == 8)
    }

    @Test func slackAloneDatesTheDraftByItsFirstMarkedMessage() throws {
        let repo = try TemporaryRepository()
        let result = try CLI.run(["new", "--title", "Checkout 5xx", "--severity", "SEV2", "--service", "checkout-api", "--author", "@alice",
                                  "--from-slack", fixture("slack/inc-2041-checkout")], in: repo.url)
        let text = try created(result, in: repo)
        #expect(result.stdout == "postmortems/2025/2025-03-14-checkout-5xx.md\n")
        #expect(text.contains("started: 2025-03-14T09:05:30Z        # placeholder: the first imported event; set it to when impact began\n"))
        #expect(text.contains("resolved: 2025-03-14T10:06:30Z       # placeholder: the last imported event; set it to when impact ended\n"))
        #expect(result.stderr.contains("resolved is a placeholder"))
    }

    @Test func anOpenIncidentGivenBareGetsAPlaceholderResolvedTime() throws {
        let repo = try TemporaryRepository()
        let result = try CLI.run(["new", "--author", "@grace", "--from-pagerduty", fixture("pagerduty-open/incident.json"),
                                  "--from-pagerduty", fixture("pagerduty-open/log_entries.json")], in: repo.url)
        let text = try created(result, in: repo)
        #expect(text.contains("severity: SEV4                       # PagerDuty urgency low\n"))
        #expect(text.contains("services: [catalog-search]\n"))
        #expect(text.contains("resolved: 2026-09-09T13:52:30Z       # placeholder: the last imported event; set it to when impact ended\n"))
        // The acknowledgement comes from the incident object when no log entry records it.
        #expect(text.contains("- 2026-09-09T13:52:30Z — PagerDuty: Acknowledged by Grace Kim\n"))
        #expect(result.stderr.contains("PagerDuty incident #3177 is acknowledged in the export, so it gives no resolved time"))
    }

    @Test func inconsistentExportedTimesAreKeptAndReported() throws {
        // As in some published examples: the trigger was logged after the incident was resolved.
        let repo = try TemporaryRepository()
        try repo.write("exports/incident.json", #"{"incident": {"id": "PX1", "title": "Mail delayed", "created_at": "2024-05-01T10:00:00Z", "status": "resolved", "resolved_at": "2024-05-01T10:20:00Z", "service": {"summary": "Mail Relay"}, "urgency": "high"}}"#)
        try repo.write("exports/log.json", #"{"log_entries": [{"id": "T1", "type": "trigger_log_entry", "summary": "Triggered through the API", "created_at": "2024-05-02T08:00:00Z", "incident": {"id": "PX1"}}]}"#)
        let result = try CLI.run(["new", "--author", "@alice", "--from-pagerduty", "exports/incident.json", "--from-pagerduty", "exports/log.json"], in: repo.url)
        let text = try created(result, in: repo)
        #expect(text.contains("started: 2024-05-01T10:00:00Z        # PagerDuty: incident created_at\ndetected: 2024-05-02T08:00:00Z       # PagerDuty: first trigger log entry\n"))
        #expect(text.contains("resolved: 2024-05-01T10:20:00Z       # PagerDuty: incident resolved_at\n"))
        #expect(text.contains("- 2024-05-01T10:20:00Z — PagerDuty: Resolved\n- 2024-05-02T08:00:00Z — PagerDuty: Triggered through the API — Mail delayed\n"))
        #expect(result.stderr.contains("the imported times are out of order"))
        let rules = Set(try lintDiagnostics(in: repo.url).diagnostics.compactMap { $0["rule"] as? String })
        #expect(rules == ["structure/empty-section", "time/order", "timeline/too-short"])
    }

    @Test func commandLineWinsAndTheConfigMapsSeverity() throws {
        let repo = try TemporaryRepository()
        try repo.write(".postmortem.yml", "import:\n  severity_by_priority: { p1: SEV2 }\n  slack_reaction: eyes\n")
        let mapped = try created(try CLI.run(["new", "--author", "@alice"] + pagerDuty + ["--from-slack", fixture("slack/inc-2041-checkout")],
                                             in: repo.url), in: repo)
        #expect(mapped.contains("severity: SEV2                       # PagerDuty priority P1\n"))
        // The config's reaction (eyes) picks Carmen's message; pinned messages always count.
        #expect(mapped.contains("Carmen Diaz: Support is seeing the same"))
        #expect(mapped.contains("Priya Raman: Deploy 2025.03.14-1"))
        #expect(!mapped.contains("Bob Okafor: Looking at the checkout"))

        let overridden = try created(try CLI.run(["new", "--author", "@alice", "--title", "Checkout outage", "--severity", "SEV3",
                                                  "--service", "orders-db", "--started", "2025-03-14T08:58:00Z"] + pagerDuty, in: repo.url), in: repo)
        #expect(overridden.contains("title: \"Checkout outage\"\nstatus: draft\nseverity: SEV3\nservices: [orders-db, checkout-api]\nstarted: 2025-03-14T08:58:00Z\n"))

        try repo.write(".postmortem.yml", "import:\n  severity_by_prio: { P1: SEV2 }\n")
        let typo = try CLI.run(["new", "--author", "@alice"] + pagerDuty, in: repo.url)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown key \"import.severity_by_prio\""), "\(typo.stderr)")
    }

    @Test func malformedExportsExitTwoNameWhatIsMissingAndWriteNothing() throws {
        let repo = try TemporaryRepository()
        try repo.write("exports/not-json.json", "{\"incident\": ")
        try repo.write("exports/other.json", "{\"users\": []}")
        try repo.write("exports/no-created.json", "{\"incident\": {\"id\": \"P1\", \"title\": \"t\", \"service\": {\"summary\": \"S\"}}}")
        try repo.write("exports/bad-entry.json", "{\"log_entries\": [{\"id\": \"L1\", \"type\": \"trigger_log_entry\"}]}")
        try repo.write("exports/foreign-entries.json", "{\"log_entries\": [{\"id\": \"L2\", \"type\": \"acknowledge_log_entry\", \"created_at\": \"2025-03-14T09:07:45Z\", \"incident\": {\"id\": \"PZZZZZZ\"}}]}")
        try repo.write("exports/slack-empty/README.txt", "nothing here\n")
        try repo.write("exports/slack-unmarked/2025-03-14.json", "[{\"type\": \"message\", \"user\": \"U1\", \"text\": \"hello\", \"ts\": \"1741943130.000100\"}]")
        try repo.write("exports/slack-not-list/2025-03-14.json", "{\"messages\": []}")
        let incident = fixture("pagerduty/incident.json")
        let cases: [([String], String)] = [
            (["--from-pagerduty", fixture("pagerduty/log_entries.json")], "no incident among"),
            (["--from-pagerduty", "exports/not-json.json"], "exports/not-json.json: not valid JSON"),
            (["--from-pagerduty", "exports/other.json"], "exports/other.json: not a PagerDuty incident or log-entries export"),
            (["--from-pagerduty", "exports/missing.json"], "--from-pagerduty exports/missing.json: no such file"),
            (["--from-pagerduty", "exports/no-created.json"], "the incident has no \"created_at\""),
            (["--from-pagerduty", incident, "--from-pagerduty", "exports/bad-entry.json"], "log entry L1 has no \"created_at\""),
            (["--from-pagerduty", incident, "--from-pagerduty", "exports/foreign-entries.json"], "belongs to incident PZZZZZZ, not to P7BKT2Q"),
            (["--from-pagerduty", incident, "--from-slack", "exports/slack-empty"], "no daily message files (YYYY-MM-DD.json)"),
            (["--from-pagerduty", incident, "--from-slack", "exports/slack-unmarked"], "none of its 1 messages has the :pushpin: reaction or is pinned"),
            (["--from-pagerduty", incident, "--from-slack", "exports/slack-not-list"], "2025-03-14.json: not a list of messages"),
            (["--from-pagerduty", incident, "--from-slack", fixture("slack")], "a whole workspace export; pass one channel's folder"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(["new", "--author", "@alice"] + arguments, in: repo.url)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("postmortem: error: ") && result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(postmortemFiles(in: repo).isEmpty)
    }
}
