import Foundation
import Testing

struct ReviewCommandTests {
    @Test func summarisesChangedPostmortemsForAPullRequest() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem(id: "PM-2025-001"))
        try repo.write("postmortems/untouched.md", cleanPostmortem(id: "PM-2025-002"))
        try repo.initialCommit()
        // A title edit, and a new postmortem with an open, overdue action and a self-approval.
        try repo.write("postmortems/a.md", cleanPostmortem(id: "PM-2025-001", title: "Checkout errors | pool exhaustion"))
        try repo.write("postmortems/README.md", "# About\n")
        try repo.write("postmortems/b.md", cleanPostmortem(id: "PM-2025-003")
            .replacingOccurrences(of: "approvers: [\"@bob\"]", with: "approvers: [\"@alice\"]")
            .replacingOccurrences(of: "| done |", with: "| open |"))
        var environment = ProcessInfo.processInfo.environment
        environment["GITHUB_SERVER_URL"] = "https://github.com"
        environment["GITHUB_REPOSITORY"] = "acme/postmortems"
        environment["GITHUB_SHA"] = "abc123"
        let result = try CLI.runProcess(CLI.binary, ["review", "--base", "HEAD", "--today", "2025-06-01"], in: repo.url, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.contains("2 postmortems changed since `HEAD`; 1 needs attention."))
        #expect(text.contains("### PM-2025-001 — Checkout errors \\| pool exhaustion"))
        #expect(text.contains("| `title` | Checkout errors after pool exhaustion | Checkout errors \\| pool exhaustion |"))
        #expect(text.contains("### PM-2025-003"))
        #expect(text.contains("- [ ] Reviewed by someone other than the authors"))
        #expect(text.contains("- [x] Timeline is readable, in order and within the incident"))
        #expect(text.contains("[`postmortems/b.md:11`](https://github.com/acme/postmortems/blob/abc123/postmortems/b.md#L11)"))
        #expect(text.contains("| 5 min | — | 1 h 30 min |"))
        #expect(text.contains("| Compare query plans in CI | @alice | P1 | 2025-04-30 | open |"))
        #expect(!text.contains("untouched"))

        let json = try CLI.run(["review", "--base", "HEAD", "--format", "json", "--today", "2025-06-01"], in: repo.url)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let files = object["files"] as! [[String: Any]]
        #expect(files.map { $0["file"] as! String } == ["postmortems/a.md", "postmortems/b.md"])
        #expect(files[1]["new"] as? Bool == true)
    }

    @Test func noChangesSaysSo() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem())
        try repo.initialCommit()
        let result = try CLI.run(["review", "--base", "HEAD"], in: repo.url)
        #expect(result.stdout == "## Postmortem review\n\nNo postmortems changed since `HEAD`.\n")
    }
}
