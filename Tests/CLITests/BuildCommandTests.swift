import Foundation
import Testing
@testable import PostmortemKit

/// `postmortem build` run as a user would, on the samples and on hostile input.
struct BuildCommandTests {
    /// Every file under `folder` with its bytes, by relative path.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files[String(url.resolvingSymlinksInPath().path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("postmortem-site-\(UUID().uuidString)")
    }

    @Test func samplesBuildByteIdenticallyAcrossRunsAndThreadCounts() throws {
        let parent = BuildCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let first = parent.appendingPathComponent("one"), second = parent.appendingPathComponent("two")
        let a = try CLI.run(["build", "--out", first.path, "--today", "2026-11-01"], in: CLI.packageRoot)
        let b = try CLI.run(["build", "--out", second.path, "--today", "2026-11-01", "--jobs", "1"], in: CLI.packageRoot)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        #expect(a.stdout == first.appendingPathComponent("index.html").path + "\n")
        let one = try BuildCommandTests.snapshot(first), two = try BuildCommandTests.snapshot(second)
        #expect(one.count > 40)
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, data) in one where two[path] != data { Issue.record("\(path) differs between builds") }
        #expect(one["postmortems/PM-2026-006.html"] == nil, "drafts are left out by default")
    }

    @Test func hostileTextNeverBecomesMarkup() throws {
        let repo = try TemporaryRepository()
        let evil = "<script>alert(1)</script> <img src=x onerror=alert(2)> </script><script>alert(3)</script> javascript:alert(4)"
        try repo.write(".postmortem.yml", """
        people:
          "@alice": { name: "Alice <img src=x onerror=alert(5)>" }
        site:
          title: "Ops </title><script>alert(6)</script>"
        """)
        var text = cleanPostmortem(title: "'\(evil.replacingOccurrences(of: "'", with: "''"))'")
        text = text.replacingOccurrences(of: "services: [checkout-api]", with: "services: [\"checkout-api\", \"x\\\"><script>alert(7)</script>\"]")
        text = text.replacingOccurrences(of: "1,204 orders failed.", with: """
        1,204 orders failed. [click](javascript:alert(8)) <a href="javascript:alert(9)">raw</a>

        <script>alert(10)</script>

        <div onmouseover="alert(11)">hover</div>

        ![img](javascript:alert(12)) `</script>` \(evil)
        """)
        text = text.replacingOccurrences(of: "| Compare query plans in CI | @alice |", with: "| <script>alert(13)</script> | @alice |")
        try repo.write("postmortems/evil.md", text)
        let out = repo.url.appendingPathComponent("_site")
        let result = try CLI.run(["build", "--out", out.path], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try BuildCommandTests.snapshot(out)
        #expect(files.count > 10)
        let tag = try Regex("<[a-zA-Z][^>]*(onerror|onmouseover|javascript:)")
        for (path, data) in files {
            let content = String(decoding: data, as: UTF8.self)
            #expect(!content.contains("<script>alert"), "\(path)")
            #expect(content.firstMatch(of: tag) == nil, "\(path): \(content.firstMatch(of: tag).map { String($0.output[0].substring ?? "") } ?? "")")
            if path.hasSuffix(".js") && path.hasPrefix("search/") {
                #expect(!content.contains("</script") && !content.contains("<script"), "\(path)")
            }
            if path.hasSuffix(".html") {
                let scripts = content.components(separatedBy: "<script").count - 1
                #expect(scripts == 1, "\(path) has \(scripts) script elements; only the theme's own")
            }
        }
    }

    @Test func failedBuildsLeaveThePreviousSite() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem())
        let out = repo.url.appendingPathComponent("_site")
        #expect(try CLI.run(["build", "--out", out.path], in: repo.url).status == 0)
        let before = try BuildCommandTests.snapshot(out)

        // A theme template with a syntax error: exit 2, one line naming the stage and file.
        try repo.write("theme/index.mustache", "{{> head}}\n{{#postmortems}}\nunclosed\n")
        let broken = try CLI.run(["build", "--out", out.path], in: repo.url)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("postmortem: error: build failed in load: theme/index.mustache: line"), "\(broken.stderr)")
        #expect(broken.stderr.split(separator: "\n").count == 1)
        #expect(try BuildCommandTests.snapshot(out) == before)
        try FileManager.default.removeItem(at: repo.url.appendingPathComponent("theme"))

        // --strict with a lint error: exit 1, findings printed, site unchanged.
        try repo.write("postmortems/b.md", cleanPostmortem(id: "PM-2025-002").replacingOccurrences(of: "SEV2", with: "SEV9"))
        let strict = try CLI.run(["build", "--out", out.path, "--strict"], in: repo.url)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("schema/violation"))
        #expect(strict.stderr.contains("build failed in lint"))
        #expect(try BuildCommandTests.snapshot(out) == before)

        // Without --strict the same repository builds, and the new site replaces the old.
        #expect(try CLI.run(["build", "--out", out.path], in: repo.url).status == 0)
        #expect(try BuildCommandTests.snapshot(out)["postmortems/PM-2025-002.html"] != nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.url.path).filter { $0.hasPrefix("_site.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func draftsThemeOverridesAndForeignFolders() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem())
        try repo.write("postmortems/draft.md", cleanPostmortem(id: "PM-2025-002").replacingOccurrences(of: "status: published", with: "status: draft"))
        try repo.write("theme/footer.mustache", "<footer>Team footer {{footer_note}}</footer></body></html>\n")
        let out = repo.url.appendingPathComponent("site")
        #expect(try CLI.run(["build", "--out", out.path, "--drafts"], in: repo.url).status == 0)
        let files = try BuildCommandTests.snapshot(out)
        #expect(files["postmortems/PM-2025-002.html"] != nil)
        #expect(String(decoding: files["index.html"]!, as: UTF8.self).contains("Team footer"))

        // A folder the tool did not build is never replaced.
        try repo.write("notes/keep.txt", "keep")
        let refused = try CLI.run(["build", "--out", "notes"], in: repo.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("was not built by postmortem"))
        #expect(FileManager.default.fileExists(atPath: repo.url.appendingPathComponent("notes/keep.txt").path))
    }
}

/// `--rev`, the feed and the JSON files.
struct BuildOutputTests {
    @Test func revBuildsTheSiteOfARevision() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem())
        try repo.initialCommit(date: "2025-03-15T09:00:00Z")
        let first = try repo.git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.write("postmortems/b.md", cleanPostmortem(id: "PM-2025-002", title: "Second incident"))
        try repo.git(["add", "-A"])
        try repo.git(["commit", "-q", "-m", "Second"], date: "2025-03-20T09:00:00Z")
        let out = repo.url.appendingPathComponent("_site")
        #expect(try CLI.run(["build", "--out", out.path, "--rev", first], in: repo.url).status == 0)
        let files = try BuildCommandTests.snapshot(out)
        #expect(files["postmortems/PM-2025-001.html"] != nil)
        #expect(files["postmortems/PM-2025-002.html"] == nil)
        let page = String(decoding: files["postmortems/PM-2025-001.html"]!, as: UTF8.self)
        #expect(page.contains("Drafted 22 h after resolution"), "git history is shown")
    }

    @Test func feedAndJSONCarryContentDatesOnly() throws {
        let repo = try TemporaryRepository()
        try repo.write("postmortems/a.md", cleanPostmortem())
        try repo.write("postmortems/b.md", cleanPostmortem(id: "PM-2025-002").replacingOccurrences(of: "status: published", with: "status: in-review"))
        let out = repo.url.appendingPathComponent("_site")
        let result = try CLI.run(["build", "--out", out.path, "--base-url", "https://pm.example.com", "--today", "2025-05-01"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try BuildCommandTests.snapshot(out)
        let feed = String(decoding: files["feed.xml"]!, as: UTF8.self)
        #expect(feed.components(separatedBy: "<entry>").count == 2, "only published postmortems")
        #expect(feed.contains("<updated>2025-03-14T10:30:00Z</updated>"), "newest content date, not the clock")
        #expect(feed.contains("<link href=\"https://pm.example.com/postmortems/PM-2025-001.html\"/>"))
        let actions = try JSONSerialization.jsonObject(with: files["actions.json"]!) as! [String: Any]
        #expect(actions["today"] as? String == "2025-05-01")
        #expect((actions["actions"] as! [[String: Any]]).count == 2)
        let index = try JSONSerialization.jsonObject(with: files["index.json"]!) as! [String: Any]
        let first = (index["postmortems"] as! [[String: Any]]).first!
        #expect((first["durations"] as! [String: Any])["time_to_detect_seconds"] as? Int == 300)
    }
}
