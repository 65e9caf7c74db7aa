import Foundation
import Testing

/// `postmortem actions` against Tests/Fixtures/actions-repo with a fixed
/// today (2026-01-31), when three of its eight items are overdue.
struct ActionsCommandTests {
    /// A copy outside the project's git repository, as a team's own would be.
    func repository() throws -> TemporaryRepository {
        let repo = try TemporaryRepository()
        try FileManager.default.removeItem(at: repo.url)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Tests/Fixtures/actions-repo"), to: repo.url)
        return repo
    }

    func actions(_ arguments: [String], in repo: TemporaryRepository) throws -> CLI.Result {
        try CLI.run(["actions", "--today", "2026-01-31"] + arguments, in: repo.url)
    }

    @Test func tableListsEveryItemByDueDateAligned() throws {
        let repo = try repository()
        let result = try actions([], in: repo)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            POSTMORTEM   OWNER               PRIORITY  DUE         STATUS                      AGE    ACTION
            PM-2025-001  @bob                P1        2025-04-15  done                        323 d  Alert when pool wait exceeds 1 s
            PM-2025-001  @alice              P1        2025-05-30  in-progress, 246 d overdue  323 d  Compare query plans in CI, before "merge"
            PM-2025-001  @payments/platform  P2        2025-06-30  open, 215 d overdue         323 d  Load-test checkout at 3× peak
            PM-2025-002  @carmen             P0        2025-08-20  open, 164 d overdue         179 d  Rotate session keys automatically
            PM-2025-002  @bob                P3        2025-12-01  wont-do                     179 d  Runbook for restoring DNS records
            PM-2026-001  @bob                P1        2026-02-15  open                        18 d   Cap the template cache size
            PM-2025-002  @alice              P2        2026-03-01  open                        179 d  Page on NXDOMAIN spikes
            PM-2026-001  @dev                —         —           open                        18 d   Dashboard for cache memory

            8 action items: 6 open or in progress, 3 overdue (today 2026-01-31).

            """)
    }

    @Test func overdueExitsOneWhenAnyAreOverdue() throws {
        let repo = try repository()
        let overdue = try actions(["--overdue"], in: repo)
        #expect(overdue.status == 1)
        let rows = overdue.stdout.split(separator: "\n").filter { $0.hasPrefix("PM-") }
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.contains("overdue") })
        let earlier = try CLI.run(["actions", "--overdue", "--today", "2025-05-01"], in: repo.url)
        #expect(earlier.status == 0)
        #expect(earlier.stdout == "No action items.\n")
        // Other filters narrow the overdue set; none left means success.
        #expect(try actions(["--overdue", "--owner", "@bob"], in: repo).status == 0)
        #expect(try actions(["--overdue", "--owner", "CARMEN"], in: repo).status == 1)
    }

    @Test(arguments: [
        (["--open"], 6),
        (["--owner", "alice"], 2),
        (["--owner", "@Alice"], 2),
        (["--owner", "@payments/platform"], 1),
        (["--service", "auth-api"], 3),
        (["--service", "orders-db", "--open"], 2),
        (["--owner", "@nobody"], 0),
    ])
    func filtersNarrowTheList(arguments: [String], count: Int) throws {
        let repo = try repository()
        let result = try actions(arguments + ["--format", "json"], in: repo)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["action_items"] as? [Any])?.count == count)
    }

    @Test func jsonListsEachItemWithItsPostmortem() throws {
        let repo = try repository()
        let result = try actions(["--overdue", "--format", "json", "--link-base", "https://github.com/acme/pm/blob/main/"], in: repo)
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["version"] as? Int == 1)
        #expect(report["today"] as? String == "2026-01-31")
        let items = try #require(report["action_items"] as? [[String: Any]])
        #expect(items.map { $0["owner"] as? String } == ["@alice", "@payments/platform", "@carmen"])
        let first = items[0]
        #expect(first["action"] as? String == "Compare query plans in CI, before \"merge\"")
        #expect(first["due"] as? String == "2025-05-30")
        #expect(first["days_overdue"] as? Int == 246)
        #expect(first["priority"] as? String == "P1")
        #expect(first["status"] as? String == "in-progress")
        #expect(first["line"] as? Int == 51)
        #expect(first["link"] as? String == "https://github.com/acme/pm/blob/main/postmortems/2025/2025-03-14-checkout-pool-exhaustion.md#L51")
        let postmortem = try #require(first["postmortem"] as? [String: Any])
        #expect(postmortem["id"] as? String == "PM-2025-001")
        #expect(postmortem["file"] as? String == "postmortems/2025/2025-03-14-checkout-pool-exhaustion.md")
        #expect(postmortem["title"] as? String == "Checkout errors after connection pool exhaustion")
        #expect((report["summary"] as? [String: Int]) == ["total": 3, "outstanding": 3, "overdue": 3, "done": 0])
    }

    @Test func scheduledWorkflowReadsFieldsTheCommandWrites() throws {
        let workflow = try String(contentsOf: CLI.packageRoot.appendingPathComponent(".github/workflows/overdue-actions.yml"), encoding: .utf8)
        #expect(workflow.contains("postmortem actions --overdue --format json"))
        #expect(workflow.contains("schedule:"))
        let repo = try repository()
        let output = try actions(["--overdue", "--format", "json"], in: repo).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let item = try #require((report["action_items"] as? [[String: Any]])?.first)
        let postmortem = try #require(item["postmortem"] as? [String: Any])
        // Every `report.x`, `item.x` and `pm.x` the script reads is in the JSON.
        for (prefix, object) in [("report.", report), ("item.", item), ("pm.", postmortem)] {
            var rest = Substring(workflow)
            while let range = rest.range(of: prefix) {
                let key = rest[range.upperBound...].prefix { $0.isLetter || $0 == "_" }
                if !key.isEmpty { #expect(object[String(key)] != nil, "\(prefix)\(key)") }
                rest = rest[range.upperBound...]
            }
        }
    }

    @Test func csvIsWhatJirasImporterMaps() throws {
        let repo = try repository()
        let result = try actions(["--format", "csv", "--open", "--link-base", "https://github.com/acme/pm/blob/main/"], in: repo)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\r\n"))
        let file = repo.url.appendingPathComponent("actions.csv")
        try Data(result.stdout.utf8).write(to: file)
        // Read back with python's csv module, an RFC 4180 reader independent of ours.
        let script = "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        let parsed = try CLI.runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path], in: repo.url)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String]], "\(parsed.stderr)")
        #expect(rows.first == ["Summary", "Assignee", "Priority", "Due Date", "Labels", "Labels", "Labels", "Labels", "Labels", "Description"])
        #expect(rows.count == 7)
        #expect(rows.allSatisfy { $0.count == 10 })
        #expect(rows[1] == ["Compare query plans in CI, before \"merge\"", "alice", "High", "2025-05-30",
                            "postmortem", "PM-2025-001", "checkout-api", "orders-db", "prevent",
                            "Action item from postmortem PM-2025-001 \"Checkout errors after connection pool exhaustion\": https://github.com/acme/pm/blob/main/postmortems/2025/2025-03-14-checkout-pool-exhaustion.md#L51\nStatus: in-progress. Owner: @alice. Type: prevent."])
        #expect(rows[2][1] == "payments/platform")
        #expect(rows[3][2] == "Highest")
        // An item without priority or due date leaves the cells empty.
        #expect(rows[6][0] == "Dashboard for cache memory" && rows[6][2] == "" && rows[6][3] == "")
    }

    @Test func unreadableFilesAreNamedBecauseTheirItemsMayBeMissing() throws {
        let repo = try repository()
        try repo.write("postmortems/2026/broken.md", "---\nid: [unclosed\n---\n")
        let result = try actions(["--format", "json"], in: repo)
        #expect(result.status == 0)
        #expect(result.stderr == "postmortem: note: 1 postmortem could not be read fully, so action items may be missing (run `postmortem lint`): postmortems/2026/broken.md\n")
        #expect(try actions([], in: repo).stdout.contains("8 action items"))
    }

    @Test func badOptionsExitTwo() throws {
        let repo = try repository()
        let result = try actions(["--format", "xml"], in: repo)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("postmortem: error: "))
        let noFolder = try TemporaryRepository()
        try FileManager.default.removeItem(at: noFolder.url.appendingPathComponent("postmortems"))
        #expect(try CLI.run(["actions"], in: noFolder.url).status == 2)
    }
}
