import Foundation
import Testing

/// The machine formats validate against their schemas; checked with
/// python3's jsonschema, an implementation independent of ours.
struct OutputFormatTests {
    func repositoryWithFindings() throws -> TemporaryRepository {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem().replacingOccurrences(of: "severity: SEV2", with: "severity: SEV9")
            .replacingOccurrences(of: "| done |", with: "| open |"))
        try repo.write("postmortems/b, with: comma.md", "no front matter\n")
        return repo
    }

    func validate(_ document: String, schema: URL) throws -> CLI.Result {
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        instance = json.load(sys.stdin)
        jsonschema.validators.validator_for(schema)(schema).validate(instance)
        print("valid")
        """
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("instance-\(UUID().uuidString).json")
        try Data(document.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        return try CLI.runProcess(URL(fileURLWithPath: "/bin/sh"),
                                  ["-c", "python3 -c '\(script)' \"$0\" < \"$1\"", schema.path, input.path],
                                  in: CLI.packageRoot)
    }

    @Test func jsonValidatesAgainstLintReportSchema() throws {
        let repo = try repositoryWithFindings()
        let result = try CLI.run(["lint", "--format", "json", "--today", "2025-06-01"], in: repo.url)
        #expect(result.status == 1)
        let check = try validate(result.stdout, schema: CLI.packageRoot.appendingPathComponent("schema/lint-report.schema.json"))
        #expect(check.stdout.contains("valid"), "\(check.stderr)")
        #expect(result.stdout.contains("\"file\": \"postmortems/a.md\""))
    }

    @Test(.enabled(if: CLI.sharedFolder != nil, "../shared/sarif not found beside the repository; SARIF schema validation skipped"))
    func sarifValidatesAgainstOfficialSchema() throws {
        let shared = try #require(CLI.sharedFolder)
        let repo = try repositoryWithFindings()
        let result = try CLI.run(["lint", "--format", "sarif", "--today", "2025-06-01"], in: repo.url)
        #expect(result.status == 1)
        let check = try validate(result.stdout, schema: shared.appendingPathComponent("sarif/sarif-schema-2.1.0.json"))
        #expect(check.stdout.contains("valid"), "\(check.stderr)")
        let log = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let run = (log["runs"] as! [[String: Any]])[0]
        let rules = ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
        #expect(rules.contains { $0["id"] as? String == "schema/violation" })
        #expect((run["results"] as! [Any]).count >= 3)
    }

    @Test func patternsJSONValidatesAgainstItsSchema() throws {
        let result = try CLI.run(["patterns", "--format", "json", "--today", "2026-11-28"], in: CLI.packageRoot)
        let check = try validate(result.stdout, schema: CLI.packageRoot.appendingPathComponent("schema/patterns.schema.json"))
        #expect(check.stdout.contains("valid"), "\(check.stderr)")
    }

    @Test func githubLinesAreWellFormedWorkflowCommands() throws {
        let repo = try repositoryWithFindings()
        let result = try CLI.run(["lint", "--format", "github", "--today", "2025-06-01"], in: repo.url)
        #expect(result.status == 1)
        let pattern = try Regex(#"^::(error|warning|notice) file=[^,:\n]+,line=\d+,col=\d+,title=[a-z]+/[a-z0-9-]+::[^\n\r]+$"#)
        let notice = try Regex(#"^::notice::[^\n\r]+$"#)
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.wholeMatch(of: pattern) != nil || line.wholeMatch(of: notice) != nil, "\(line)") }
        #expect(lines.contains { $0.wholeMatch(of: pattern) != nil })
        // Commas and colons in file names are escaped, not taken as delimiters.
        #expect(result.stdout.contains("file=postmortems/b%2C with%3A comma.md,"))
    }
}
