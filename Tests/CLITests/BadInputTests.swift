import Foundation
import Testing

/// SPEC §10: every bad input gets a finding or a one-line error naming the
/// file, never a crash; the other files are still linted.
struct BadInputTests {
    static let cases: [(name: String, bytes: Data, rule: String, line: Int)] = [
        ("empty.md", Data(), "parse/front-matter", 1),
        ("no-front-matter.md", Data("# Outage\n\nSomething broke.\n".utf8), "parse/front-matter", 1),
        ("unterminated.md", Data("---\nid: PM-2025-002\ntitle: x\n\n## Executive Summary\n".utf8), "parse/front-matter", 1),
        ("yaml-error.md", Data("---\nid: PM-2025-002\ntitle: [broken\nstatus: draft\n---\n".utf8), "parse/front-matter", 4),
        ("list.md", Data("---\n- id\n- title\n---\n".utf8), "parse/front-matter", 2),
        ("scalar.md", Data("---\njust a string\n---\n".utf8), "parse/front-matter", 2),
        ("latin1.md", Data("---\ntitle: caf".utf8) + Data([0xE9]) + Data("\n---\n".utf8), "parse/front-matter", 2),
        ("binary.md", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]), "parse/front-matter", 1),
        ("duplicate-key.md", Data("---\nid: PM-2025-002\nid: PM-2025-003\n---\n".utf8), "parse/front-matter", 3),
    ]

    @Test func everyBadFileGetsAFindingAndTheRestAreLinted() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/good.md", cleanPostmortem())
        for bad in Self.cases { try repo.write("postmortems/bad/\(bad.name)", bad.bytes) }
        // A 50 MB file (sparse, so the test stays cheap) is refused without being read.
        let huge = repo.url.appendingPathComponent("postmortems/bad/huge.md")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: Data("---\n".utf8)))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        // A symbolic link loop and a folder named like a postmortem.
        try FileManager.default.createSymbolicLink(atPath: repo.url.appendingPathComponent("postmortems/bad/loop.md").path,
                                                   withDestinationPath: "loop.md")
        try repo.write("postmortems/bad/folder.md/inner.md", cleanPostmortem(id: "PM-2025-009"))

        let result = try CLI.run(["lint", "--format", "json"], in: repo.url)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let diagnostics = report["diagnostics"] as! [[String: Any]]
        func findings(_ file: String) -> [[String: Any]] { diagnostics.filter { $0["file"] as? String == file } }

        for bad in Self.cases {
            let found = findings("postmortems/bad/\(bad.name)")
            #expect(found.contains { $0["rule"] as? String == bad.rule && $0["line"] as? Int == bad.line },
                    "\(bad.name): \(found.map { "\($0["line"]!) \($0["rule"]!) \($0["message"]!)" })")
        }
        #expect(findings("postmortems/bad/huge.md").contains { $0["rule"] as? String == "parse/unreadable" && ($0["message"] as! String).contains("50.0 MB") })
        #expect(findings("postmortems/bad/loop.md").contains { $0["rule"] as? String == "parse/unreadable" })
        #expect(findings("postmortems/good.md").isEmpty)
        #expect(findings("postmortems/bad/folder.md/inner.md").isEmpty)
        #expect(report["files"] as? Int == Self.cases.count + 4)
        // Every diagnostic has a valid position.
        for diagnostic in diagnostics {
            #expect((diagnostic["line"] as! Int) >= 1 && (diagnostic["column"] as! Int) >= 1)
        }
    }

    @Test func yamlErrorMessageNamesTheProblem() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", "---\nid: PM-2025-002\ntitle: \"unclosed\nstatus: draft\n---\n")
        let result = try CLI.run(["lint"], in: repo.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("postmortems/a.md:"))
        #expect(result.stdout.contains("YAML syntax error"))
    }

    @Test func unreadableFileIsReported() throws {
        // root reads every file whatever its mode, so only meaningful for other users.
        guard getuid() != 0 else { return }
        let repo = try TemporaryRepository()
        let file = try repo.write("postmortems/secret.md", cleanPostmortem())
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        let result = try CLI.run(["lint"], in: repo.url)
        #expect(result.stdout.contains("postmortems/secret.md:1:1: error:"))
        #expect(result.stdout.contains("[parse/unreadable]"))
    }
}
