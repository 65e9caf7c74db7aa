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
        let a = try CLI.run(["build", "--out", first.path, "--today", "2026-11-01", "--no-cache"], in: CLI.packageRoot)
        let b = try CLI.run(["build", "--out", second.path, "--today", "2026-11-01", "--jobs", "1", "--no-cache"], in: CLI.packageRoot)
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
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.url.path).filter { $0.hasPrefix("_site.") && $0 != "_site.spare" }
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

    /// The feed lists the fifty postmortems updated last, newest first
    /// (without git history, updated when resolved); index.json has them all.
    @Test func feedListsTheFiftyUpdatedLast() throws {
        let repo = try TemporaryRepository()
        for number in 1...60 {
            let day = String(format: "2025-%02d-%02d", 1 + (number - 1) / 28, 1 + (number - 1) % 28)
            let id = String(format: "PM-2025-%03d", number)
            try repo.write("postmortems/\(id).md", cleanPostmortem(id: id).replacingOccurrences(of: "2025-03-14", with: day))
        }
        let out = repo.url.appendingPathComponent("_site")
        let result = try CLI.run(["build", "--out", out.path, "--today", "2025-05-01"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let feed = try String(contentsOf: out.appendingPathComponent("feed.xml"), encoding: .utf8)
        let ids = feed.components(separatedBy: "<title>").dropFirst(2).map { String($0.prefix(11)) }
        #expect(ids == (11...60).reversed().map { String(format: "PM-2025-%03d", $0) })
        #expect(feed.contains("<updated>2025-03-04T10:30:00Z</updated>\n  <link"), "the feed is updated at its newest entry")
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("index.json"))) as! [String: Any]
        #expect((index["postmortems"] as! [[String: Any]]).count == 60)
    }
}

/// Incremental builds: pages whose inputs did not change come from the page
/// cache, and the site is byte for byte the one a clean build makes.
struct IncrementalBuildTests {
    static let storefront = "postmortems/2026/2026-04-02-storefront-acme-renewal-stalled.md"
    static let mtls = "postmortems/2025/2025-02-11-payments-mtls-client-identity-lapsed.md"

    /// The sample repository copied into a fresh git repository. With
    /// `contextKeyedTheme`, the theme is one that swift-mustache renders, so
    /// list pages and rows are cached by their context too; a footer that
    /// switches delimiters (and back) is such a theme.
    static func sampleRepository(contextKeyedTheme: Bool = true) throws -> TemporaryRepository {
        let repo = try TemporaryRepository()
        let manager = FileManager.default
        try manager.removeItem(at: repo.url.appendingPathComponent("postmortems"))
        try manager.copyItem(at: CLI.packageRoot.appendingPathComponent("postmortems"), to: repo.url.appendingPathComponent("postmortems"))
        try manager.copyItem(at: CLI.packageRoot.appendingPathComponent(".postmortem.yml"), to: repo.url.appendingPathComponent(".postmortem.yml"))
        try repo.write(".gitignore", ".postmortem-cache/\n_site/\n_clean/\n")
        if contextKeyedTheme {
            let footer = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Sources/PostmortemKit/Resources/theme/footer.mustache"),
                                    encoding: .utf8)
            try repo.write("theme/footer.mustache", "{{=<% %>=}}<%={{ }}=%>" + footer)
        }
        // A link to another postmortem's file, which becomes a link to its page.
        var storefront = try String(contentsOf: repo.url.appendingPathComponent(storefront), encoding: .utf8)
        storefront = storefront.replacingOccurrences(of: "## Incident Overview\n",
                                                     with: "## Incident Overview\n\nSee also [the mTLS lapse](../2025/2025-02-11-payments-mtls-client-identity-lapsed.md).\n")
        try repo.write(Self.storefront, storefront)
        try repo.initialCommit()
        return repo
    }

    /// "pages: R rendered, C from cache" from the build's summary line.
    static func pageCounts(_ stderr: String) -> (rendered: Int, cached: Int)? {
        guard let range = stderr.range(of: #"pages: (\d+) rendered, (\d+) from cache"#, options: .regularExpression) else { return nil }
        let numbers = stderr[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }

    /// "lint: E errors, W warnings" from the build's summary line.
    static func lintCounts(_ stderr: String) -> String? {
        stderr.range(of: #"lint: \d+ errors?, \d+ warnings?"#, options: .regularExpression).map { String(stderr[$0]) }
    }

    /// A rebuild knows unchanged files by their status (`.postmortem-cache/files.bin`)
    /// and reads none of them; an edited file is read and parsed.
    @Test func rebuildsReadOnlyTheFilesThatChanged() throws {
        let repo = try Self.sampleRepository()
        let first = try build(repo, into: "_site")
        #expect(!first.stderr.contains("from summaries"), "\(first.stderr)")
        // The second build may find files changed too close to the first
        // one's record to trust it; it then records them again, later.
        _ = try build(repo, into: "_site")
        let third = try build(repo, into: "_site")
        #expect(third.stderr.contains("; files: 0 parsed, 17 from summaries (17 not read)"), "\(third.stderr)")
        let text = try String(contentsOf: repo.url.appendingPathComponent(Self.mtls), encoding: .utf8)
        try repo.write(Self.mtls, text + "\nOne more line.\n")
        // It is parsed, with the few whose pages changed with it (their
        // similar incidents); no other file is read.
        let edited = try build(repo, into: "_site")
        let range = try #require(edited.stderr.range(of: #"files: \d+ parsed, \d+ from summaries \(\d+ not read\)"#, options: .regularExpression))
        let counts = edited.stderr[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(counts.count == 3 && counts[0] >= 1 && counts[0] + counts[1] == 17 && counts[2] == counts[1], "\(edited.stderr)")
    }

    func build(_ repo: TemporaryRepository, into folder: String, _ extra: [String] = [], today: String = "2026-11-01") throws -> CLI.Result {
        let result = try CLI.run(["build", "--out", folder, "--today", today] + extra, in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    /// With the built-in theme, postmortem and list pages are cached by
    /// their inputs; the patterns page, made from the whole report, is
    /// rendered each time. A list page does not read postmortems' bodies: an
    /// edit of the text keeps the index (linked from the previous site, the
    /// same file), and an edit of the front matter rebuilds it. An edit the
    /// patterns analysis does not read keeps patterns.json.
    @Test func theBuiltInThemeCachesPagesByTheirInputs() throws {
        let repo = try IncrementalBuildTests.sampleRepository(contextKeyedTheme: false)
        _ = try build(repo, into: "_site")
        let second = try build(repo, into: "_site")
        let site = try BuildCommandTests.snapshot(repo.url.appendingPathComponent("_site"))
        let postmortemPages = site.keys.filter { $0.hasPrefix("postmortems/") && $0.hasSuffix(".html") }.count
        let pages = site.keys.filter { $0.hasSuffix(".html") }.count
        let counts = try #require(IncrementalBuildTests.pageCounts(second.stderr), "\(second.stderr)")
        #expect(postmortemPages >= 15 && pages > postmortemPages + 10)
        #expect(counts.cached == pages - 1 && counts.rendered == 1, "\(second.stderr)")
        let cached = try FileManager.default.contentsOfDirectory(atPath: repo.url.appendingPathComponent(".postmortem-cache/pages").path)
        #expect(cached.count == pages - 1)

        func inode(_ file: String = "index.html") throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: repo.url.appendingPathComponent("_site/" + file).path)[.systemFileNumber] as? Int)
        }
        let edited = "postmortems/2024/2024-01-17-auth-dns-record-removed.md"
        let text = try String(contentsOf: repo.url.appendingPathComponent(edited), encoding: .utf8)
        let before = try ["index.html", "index.json", "actions.json"].map { try inode($0) }
        try repo.write(edited, text.replacingOccurrences(of: "customers could not log in", with: "customers could not sign in"))
        _ = try build(repo, into: "_site")
        #expect(try ["index.html", "index.json", "actions.json"].map { try inode($0) } == before,
                "a body edit leaves the index and the JSON files of the front matter and action items as they were")
        // A timeline entry reworded: the patterns analysis reads nothing of it, so its report comes from the cache.
        let patternsBefore = try inode("patterns.json")
        try repo.write(edited, text.replacingOccurrences(of: "customers could not log in", with: "customers could not sign in")
            .replacingOccurrences(of: "the scheduled apply pipeline picks it up", with: "the scheduled apply pipeline takes it"))
        _ = try build(repo, into: "_site")
        #expect(try inode("patterns.json") == patternsBefore, "patterns.json is kept when the analysis reads the same")
        _ = try build(repo, into: "_site", today: "2026-11-02")
        #expect(try inode("index.json") == before[1] && inode("actions.json") != before[2], "actions.json says which items are overdue today")
        #expect(try inode("patterns.json") != patternsBefore, "patterns.json's trends count from today")
        try repo.write(edited, text.replacingOccurrences(of: "severity: SEV2", with: "severity: SEV1"))
        _ = try build(repo, into: "_site")
        #expect(try inode() != before[0] && inode("index.json") != before[1], "a front-matter edit rebuilds the index and index.json")
        let clean = try build(repo, into: "_clean", ["--no-cache"])
        #expect(clean.status == 0)
        #expect(try BuildCommandTests.snapshot(repo.url.appendingPathComponent("_site"))
                == BuildCommandTests.snapshot(repo.url.appendingPathComponent("_clean")))
    }

    @Test(arguments: [true, false])
    func incrementalBuildEqualsCleanBuildAfterEditsRenamesAndDeletions(contextKeyedTheme: Bool) throws {
        let repo = try IncrementalBuildTests.sampleRepository(contextKeyedTheme: contextKeyedTheme)
        let first = try build(repo, into: "_site")
        let firstCounts = try #require(IncrementalBuildTests.pageCounts(first.stderr))
        #expect(firstCounts.cached == 0 && firstCounts.rendered >= 30)
        let before = try BuildCommandTests.snapshot(repo.url.appendingPathComponent("_site"))
        let storefrontPage = "postmortems/PM-2026-003.html"
        #expect(String(decoding: before[storefrontPage] ?? Data(), as: UTF8.self).contains("href=\"../postmortems/PM-2025-001.html\""),
                "the link to the mTLS postmortem's file leads to its page")

        // Nothing changed: every postmortem page comes from the cache, linked
        // from the previous site (the same file) rather than copied.
        let someonesPage = repo.url.appendingPathComponent("_site/postmortems/PM-2024-003.html").path
        let inodeBefore = try #require(FileManager.default.attributesOfItem(atPath: someonesPage)[.systemFileNumber] as? Int)
        let unchanged = try build(repo, into: "_site")
        let unchangedCounts = try #require(IncrementalBuildTests.pageCounts(unchanged.stderr))
        #expect(contextKeyedTheme ? unchangedCounts.rendered == 0 : unchangedCounts.cached >= 15, "\(unchanged.stderr)")
        // Nor is any file's Markdown parsed: each is read for its front
        // matter, the rest from the summary cache.
        #expect(unchanged.stderr.contains("; files: 0 parsed, 17 from summaries"), "\(unchanged.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: someonesPage)[.systemFileNumber] as? Int == inodeBefore)

        // A page of the built site edited in place (same file, same size) is
        // not linked into the next site: the next build puts the real page back.
        let tampered = try FileHandle(forWritingTo: URL(fileURLWithPath: someonesPage))
        try tampered.write(contentsOf: Data("<!-- edited by hand -->".utf8))
        try tampered.close()

        // Files that are not the site's (left there by hand) go, as in a clean build.
        let siteFolder = repo.url.appendingPathComponent("_site")
        try FileManager.default.createDirectory(at: siteFolder.appendingPathComponent("stray/deeper"), withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: siteFolder.appendingPathComponent("stray/deeper/page.html"))
        try Data("stray".utf8).write(to: siteFolder.appendingPathComponent("notes.txt"))

        // Each change on its own, so that a page changed by one input is not
        // rebuilt by accident because another input changed too; after each,
        // the incremental site must equal a clean one.
        func expectCleanBuildEquality(_ change: String, someFromCache: Bool = true, today: String = "2026-11-01",
                                      rendered: ((Int) -> Bool)? = nil) throws -> [String: Data] {
            let incremental = try build(repo, into: "_site", today: today)
            let counts = try #require(IncrementalBuildTests.pageCounts(incremental.stderr))
            #expect(counts.rendered > 0 && (counts.cached > 0 || !someFromCache), "\(change): \(incremental.stderr)")
            if let rendered { #expect(rendered(counts.rendered), "\(change): \(incremental.stderr)") }
            let clean = try build(repo, into: "_clean", ["--no-cache"], today: today)
            #expect(IncrementalBuildTests.pageCounts(clean.stderr) == nil)
            #expect(IncrementalBuildTests.lintCounts(incremental.stderr) == IncrementalBuildTests.lintCounts(clean.stderr),
                    "findings from the lint cache are those of a clean build: \(incremental.stderr)")
            let site = try BuildCommandTests.snapshot(repo.url.appendingPathComponent("_site"))
            let reference = try BuildCommandTests.snapshot(repo.url.appendingPathComponent("_clean"))
            #expect(site.keys.sorted() == reference.keys.sorted(), "\(change)")
            for (path, data) in reference where site[path] != data { Issue.record("after \(change): \(path) differs from a clean build") }
            return site
        }

        // An edit of the summary, committed.
        let edited = "postmortems/2024/2024-01-17-auth-dns-record-removed.md"
        var text = try String(contentsOf: repo.url.appendingPathComponent(edited), encoding: .utf8)
        text = text.replacingOccurrences(of: "customers could not log in", with: "customers could not sign in")
        try repo.write(edited, text)
        try repo.git(["commit", "-q", "-am", "Edit"], date: "2026-10-01T09:00:00Z")
        _ = try expectCleanBuildEquality("an edit")
        #expect(!FileManager.default.fileExists(atPath: siteFolder.appendingPathComponent("stray").path), "a folder left empty goes too")

        // A rename of the file that the storefront postmortem links to.
        try repo.git(["mv", IncrementalBuildTests.mtls, "postmortems/2025/2025-02-11-payments-mtls-identity-lapsed.md"])
        try repo.git(["commit", "-q", "-m", "Rename"], date: "2026-10-02T09:00:00Z")
        var site = try expectCleanBuildEquality("a rename")
        #expect(!String(decoding: site[storefrontPage] ?? Data(), as: UTF8.self).contains("href=\"../postmortems/PM-2025-001.html\""),
                "a link to a renamed file no longer leads to its page")

        // A new title for a postmortem that the storefront one lists as related.
        let certificate = "postmortems/2024/2024-03-09-edge-public-certificate-expired.md"
        let retitled = try String(contentsOf: repo.url.appendingPathComponent(certificate), encoding: .utf8)
            .replacingOccurrences(of: "title: \"Public API certificate expired on edge-proxy", with: "title: \"Edge certificate lapsed on edge-proxy")
        try repo.write(certificate, retitled)
        try repo.git(["commit", "-q", "-am", "Retitle"], date: "2026-10-03T09:00:00Z")
        site = try expectCleanBuildEquality("a new title")
        #expect(String(decoding: site[storefrontPage] ?? Data(), as: UTF8.self).contains("Edge certificate lapsed"),
                "a related incident's new title reaches the pages that list it")

        // Another rename and a deletion.
        try repo.git(["mv", "postmortems/2024/2024-04-22-loki-ingester-disk-full.md", "postmortems/2024/2024-04-22-log-ingester-disk-full.md"])
        try repo.git(["rm", "-q", "postmortems/2025/2025-03-27-primary-payment-provider-outage.md"])
        try repo.git(["commit", "-q", "-m", "Rename and delete"], date: "2026-10-04T09:00:00Z")
        // Deleting a postmortem changes the term weights behind every page's
        // similar-incident scores, so in a repository this small every page
        // may be rebuilt; what matters is that each equals a clean build.
        site = try expectCleanBuildEquality("a rename and a deletion", someFromCache: false)
        #expect(site.keys.contains { $0.contains("PM-2025-002") } == false, "the deleted postmortem's page is gone")

        // A working-tree edit, not committed, on top.
        try repo.write(edited, text.replacingOccurrences(of: "sign in", with: "authenticate"))
        site = try expectCleanBuildEquality("an uncommitted edit")
        #expect(String(decoding: site["postmortems/PM-2024-001.html"] ?? Data(), as: UTF8.self).contains("could not authenticate"),
                "the edited page shows the edit")

        // A new day. A postmortem page takes from today only which of its
        // action items are overdue, and lint findings come from the cache
        // but for the rules that read today (overdue items). So the first
        // build of a day (as in CI) renders the list and patterns pages and
        // the pages that show lint findings ("N days overdue": postmortems
        // still in review), and of the others only those where an item fell due.
        let overduePage = "postmortems/PM-2025-003.html"
        #expect(String(decoding: site[overduePage] ?? Data(), as: UTF8.self).contains("1 overdue action"))
        let daily = site.filter { path, page in
            path.hasSuffix(".html") && (!path.hasPrefix("postmortems/") || String(decoding: page, as: UTF8.self).contains("Lint reports "))
        }.count
        #expect(daily < site.keys.filter { $0.hasSuffix(".html") }.count - 10)
        _ = try expectCleanBuildEquality("the next day", today: "2026-11-02", rendered: { $0 <= daily })
        // PM-2025-003 is published, with one item overdue and another due 2027-01-15.
        site = try expectCleanBuildEquality("an item falling due", today: "2027-01-16", rendered: { $0 <= daily + 1 })
        #expect(String(decoding: site[overduePage] ?? Data(), as: UTF8.self).contains("2 overdue actions"))
    }

    @Test func cacheHoldsOnlyTheLastBuildsPages() throws {
        let repo = try IncrementalBuildTests.sampleRepository()
        _ = try build(repo, into: "_site")
        let cache = repo.url.appendingPathComponent(".postmortem-cache/pages")
        let before = try FileManager.default.contentsOfDirectory(atPath: cache.path).count
        // Another day changes every page that shows ages or overdue items.
        #expect(try CLI.run(["build", "--out", "_site", "--today", "2027-02-01"], in: repo.url).status == 0)
        let after = try FileManager.default.contentsOfDirectory(atPath: cache.path).count
        #expect(before >= 30)
        #expect(after <= before + 2, "pages of the previous build that no longer apply are pruned")
    }
}
