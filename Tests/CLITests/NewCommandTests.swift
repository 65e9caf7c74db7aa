import Foundation
import Testing

/// `postmortem new` without imports: the file it writes, the id it picks,
/// that it never overwrites, and that the draft lints with only the findings
/// a fresh draft should have (its sections are empty).
struct NewCommandTests {
    @Test func freshDraftHasEverySectionAndLintsWithOnlyEmptySections() throws {
        let repo = try TemporaryRepository()
        let result = try CLI.run(["new", "--title", "Checkout errors: pool \"exhaustion\" & retries", "--severity", "SEV2",
                                  "--service", "checkout-api", "--service", "orders-db", "--author", "alice", "--today", "2025-03-14"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "postmortems/2025/2025-03-14-checkout-errors-pool-exhaustion-retries.md\n")
        let text = try String(contentsOf: repo.url.appendingPathComponent("postmortems/2025/2025-03-14-checkout-errors-pool-exhaustion-retries.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\nid: PM-2025-001\ntitle: \"Checkout errors: pool \\\"exhaustion\\\" & retries\"\nstatus: draft\nseverity: SEV2\nservices: [checkout-api, orders-db]\n"))
        #expect(text.contains("started: 2025-03-14T00:00:00Z        # placeholder: set it to when impact began\n"))
        #expect(text.contains("authors: [\"@alice\"]\n"))
        for section in ["Executive Summary", "Incident Overview", "Root Cause Analysis", "Timeline", "Impact Assessment",
                        "Resolution & Recovery", "Preventive Measures", "Action Items", "Lessons Learned"] {
            #expect(text.contains("\n## \(section)\n\n<!-- "), "\(section)")
        }
        #expect(text.components(separatedBy: "<!-- ").count - 1 == 9)
        #expect(text.contains("| Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|\n"))

        let (status, diagnostics) = try lintDiagnostics(in: repo.url)
        #expect(status == 1)
        #expect(diagnostics.count == 9)
        #expect(diagnostics.allSatisfy { $0["rule"] as? String == "structure/empty-section" }, "\(diagnostics)")
    }

    @Test func idIsOneMoreThanTheYearsHighestIncludingUnparseableFiles() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/2025/a.md", cleanPostmortem(id: "PM-2025-004"))
        // Front matter that does not parse still holds an id that is taken.
        try repo.write("postmortems/2025/broken.md", "---\nid: PM-2025-007\ntitle: [unclosed\n---\n\n## Timeline\n")
        try repo.write("postmortems/2024/old.md", cleanPostmortem(id: "PM-2024-012"))
        try repo.write("postmortems/README.md", "Mentions PM-2025-050, but a README is not a postmortem.\n")
        let common = ["--severity", "SEV3", "--service", "search", "--author", "@dev"]
        let first = try CLI.run(["new", "--title", "Search outage", "--started", "2025-06-01T10:00:00Z"] + common, in: repo.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try String(contentsOf: repo.url.appendingPathComponent(first.stdout.trimmingCharacters(in: .newlines)), encoding: .utf8)
            .contains("id: PM-2025-008\n"))
        let earlier = try CLI.run(["new", "--title", "Search outage", "--started", "2024-12-31T23:30:00-02:00"] + common, in: repo.url)
        // 23:30 at -02:00 is 01:30 UTC on 1 January: the file and the id follow the UTC date.
        #expect(earlier.stdout == "postmortems/2025/2025-01-01-search-outage.md\n", "\(earlier.stderr)")
        #expect(try String(contentsOf: repo.url.appendingPathComponent("postmortems/2025/2025-01-01-search-outage.md"), encoding: .utf8)
            .contains("id: PM-2025-009\n"))
        let other = try CLI.run(["new", "--title", "Search outage", "--started", "2024-11-02T08:00:00Z"] + common, in: repo.url)
        #expect(try String(contentsOf: repo.url.appendingPathComponent(other.stdout.trimmingCharacters(in: .newlines)), encoding: .utf8)
            .contains("id: PM-2024-013\n"))
    }

    @Test func neverOverwritesAndNumbersTheName() throws {
        let repo = try TemporaryRepository()
        let handWritten = "hand-written notes\n"
        try repo.write("postmortems/2025/2025-03-14-checkout-errors.md", handWritten)
        let arguments = ["new", "--title", "Checkout errors", "--severity", "SEV2", "--service", "checkout-api",
                         "--author", "@alice", "--started", "2025-03-14T09:00:00Z"]
        let first = try CLI.run(arguments, in: repo.url)
        let second = try CLI.run(arguments, in: repo.url)
        #expect(first.stdout == "postmortems/2025/2025-03-14-checkout-errors-2.md\n", "\(first.stderr)")
        #expect(second.stdout == "postmortems/2025/2025-03-14-checkout-errors-3.md\n", "\(second.stderr)")
        #expect(try String(contentsOf: repo.url.appendingPathComponent("postmortems/2025/2025-03-14-checkout-errors.md"), encoding: .utf8) == handWritten)
        let ids = try [first, second].map { result in
            try String(contentsOf: repo.url.appendingPathComponent(result.stdout.trimmingCharacters(in: .newlines)), encoding: .utf8)
                .split(separator: "\n")[1]
        }
        #expect(ids == ["id: PM-2025-001", "id: PM-2025-002"])
    }

    @Test func explicitTimesAreWrittenInUTCWithoutPlaceholderNotes() throws {
        let repo = try TemporaryRepository()
        let result = try CLI.run(["new", "--title", "Edge certificate expired", "--severity", "SEV1", "--service", "edge-proxy",
                                  "--author", "@erik", "--responder", "fatima", "--incident-commander", "@grace",
                                  "--started", "2024-03-09T06:00:00+01:00", "--detected", "2024-03-09T05:20:00Z",
                                  "--mitigated", "2024-03-09T05:40:00Z", "--resolved", "2024-03-09T06:10:00Z"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: repo.url.appendingPathComponent(result.stdout.trimmingCharacters(in: .newlines)), encoding: .utf8)
        #expect(text.contains("""
            started: 2024-03-09T05:00:00Z
            detected: 2024-03-09T05:20:00Z
            mitigated: 2024-03-09T05:40:00Z
            resolved: 2024-03-09T06:10:00Z
            authors: ["@erik"]
            incident_commander: "@grace"
            responders: ["@fatima"]
            """))
        #expect(try lintDiagnostics(in: repo.url).diagnostics.allSatisfy { $0["rule"] as? String == "structure/empty-section" })
    }

    @Test func slugIsShortLowerCaseASCII() throws {
        let repo = try TemporaryRepository()
        let long = try CLI.run(["new", "--title", "Zoë's Café — the résumé upload API returned 502s for every third request in eu-west-1",
                                "--severity", "SEV3", "--service", "uploads", "--author", "@hiro", "--today", "2026-02-01"], in: repo.url)
        let name = long.stdout.trimmingCharacters(in: .newlines).split(separator: "/").last.map(String.init) ?? ""
        #expect(name == "2026-02-01-zoe-s-cafe-the-resume-upload-api-returned-502s-for-every.md", "\(long.stderr)")
        #expect(name.dropFirst(11).dropLast(3).count <= 60)
        let symbols = try CLI.run(["new", "--title", "🔥🔥🔥", "--severity", "SEV3", "--service", "uploads", "--author", "@hiro",
                                   "--today", "2026-02-01"], in: repo.url)
        #expect(symbols.stdout == "postmortems/2026/2026-02-01-incident.md\n", "\(symbols.stderr)")
    }

    /// Runs `new` without an --author, with git reading only the repository's
    /// own configuration (not the user's or the system's).
    func newWithoutAuthor(in repo: TemporaryRepository) throws -> (result: CLI.Result, text: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = repo.url.path
        environment["XDG_CONFIG_HOME"] = repo.url.path
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        let result = try CLI.runProcess(CLI.binary, ["new", "--title", "Cart totals wrong", "--severity", "SEV3", "--service", "cart",
                                                     "--today", "2025-05-05"], in: repo.url, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: repo.url.appendingPathComponent(result.stdout.trimmingCharacters(in: .newlines)), encoding: .utf8)
        return (result, text)
    }

    @Test func authorDefaultsToGitUserNameMatchedToTheRoster() throws {
        let repo = try TemporaryRepository()
        try repo.write(".postmortem.yml", "people:\n  \"@bob\": { name: Bob Okafor }\n")
        try repo.git(["init", "-q"])
        try repo.git(["config", "user.name", "Bob Okafor"])
        #expect(try newWithoutAuthor(in: repo).text.contains("authors: [\"@bob\"]                    # git user.name\n"))
    }

    @Test func withoutAnAuthorTheDraftGetsAMarkedPlaceholder() throws {
        let repo = try TemporaryRepository()
        let (result, text) = try newWithoutAuthor(in: repo)
        #expect(text.contains("authors: [\"@author\"]                 # placeholder: set the authors' handles\n"))
        #expect(result.stderr.contains("authors is a placeholder (@author): pass --author @handle, or set git's user.name"))
        #expect(try lintDiagnostics(in: repo.url).diagnostics.allSatisfy { $0["rule"] as? String == "structure/empty-section" })
    }

    @Test(arguments: [
        (["--severity", "SEV2", "--service", "a"], "--title is required"),
        (["--title", "T", "--service", "a"], "--severity is required"),
        (["--title", "T", "--severity", "SEV2"], "--service is required"),
        (["--title", "T", "--severity", "SEV9", "--service", "a"], "`severity`: must be one of SEV1, SEV2, SEV3, SEV4"),
        (["--title", "T", "--severity", "SEV2", "--service", "Checkout API"], "(check --service)"),
        (["--title", "T", "--severity", "SEV2", "--service", "a", "--started", "yesterday"], "--started must be an RFC 3339 date-time"),
        (["--title", "T", "--severity", "SEV2", "--service", "a", "--started", "2025-03-14T10:00:00Z", "--resolved", "2025-03-14T09:00:00Z"],
         "resolved (2025-03-14T09:00:00Z) is before detected"),
    ])
    func invalidRequestsExitTwoAndWriteNothing(arguments: [String], message: String) throws {
        let repo = try TemporaryRepository()
        let result = try CLI.run(["new", "--author", "@alice", "--today", "2025-03-14"] + arguments, in: repo.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("postmortem: error: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(postmortemFiles(in: repo).isEmpty)
    }
}
