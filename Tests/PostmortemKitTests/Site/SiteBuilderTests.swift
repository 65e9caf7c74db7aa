import Foundation
import Testing
@testable import PostmortemKit

/// The pipeline over this repository's sample postmortems, in memory.
struct SiteBuilderTests {
    static let today = LocalDate(year: 2026, month: 11, day: 1)!

    func options(workers: Int = 2, drafts: Bool = false) -> SiteOptions {
        var options = SiteOptions(load: LoadOptions(workingDirectory: TestLint.packageRoot),
                                  output: URL(fileURLWithPath: "/nonexistent/_site"), today: SiteBuilderTests.today)
        options.workers = workers
        options.includeDrafts = drafts
        return options
    }

    func generate(_ options: SiteOptions) throws -> SiteBuilder.Generated {
        var timings: [(BuildStage, Double)] = []
        return try SiteBuilder(options: options).generate(timings: &timings)
    }

    @Test func outputDoesNotDependOnTheNumberOfThreads() throws {
        let one = try generate(options(workers: 1)).files
        let three = try generate(options(workers: 3)).files
        #expect(one.count == three.count)
        #expect(one == three)
    }

    @Test func everyTemplateNameIsSetOnEveryPage() throws {
        let site = try generate(options(drafts: true))
        let pages = SiteBuilder.pages(for: site.entries)
        #expect(pages.count > site.entries.count + 3)
        for page in pages {
            let (template, context) = site.contexts.page(page, entries: site.entries)
            let problems = TemplateAudit.problems(template: template, in: site.theme.files, context: context)
            #expect(problems.isEmpty, "\(page.path(entries: site.entries)): \(problems)")
        }
        for entry in site.entries {
            for root in ["", "../"] {
                let problems = TemplateAudit.problems(template: "postmortem-row", in: site.theme.files, context: site.contexts.row(entry, root: root))
                #expect(problems.isEmpty, "row of \(entry.id): \(problems)")
            }
        }
    }

    @Test func draftsOnlyWithTheFlag() throws {
        let published = try generate(options()).entries
        let all = try generate(options(drafts: true)).entries
        #expect(!published.contains { $0.status == "draft" })
        #expect(all.contains { $0.status == "draft" })
        #expect(all.count == published.count + 1)
    }

    @Test func pagesLinkEverythingTheySpecify() throws {
        let site = try generate(options(drafts: true))
        let paths = Set(site.files.map(\.path))
        for expected in ["index.html", "actions.html", "search.html", "feed.xml", "index.json", "actions.json",
                         "assets/style.css", "assets/site.js", "search/meta.js", "services/checkout-api.html",
                         "browse/severity-sev1.html", "browse/year-2025.html", "browse/status-published.html",
                         "postmortems/PM-2024-004.html"] {
            #expect(paths.contains(expected), "\(expected)")
        }
        let page = String(decoding: site.files.first { $0.path == "postmortems/PM-2024-004.html" }!.contents, as: UTF8.self)
        #expect(page.components(separatedBy: "<h1").count == 2, "one h1")
        #expect(page.contains("Content-Security-Policy"))
        #expect(page.contains("Time to detect</dt><dd>4 min"))
        #expect(page.contains("<h2 id=\"timeline\">Timeline"))
        #expect(page.contains("class=\"badge overdue\""))
        #expect(page.contains("Alice Chen"))
        let index = String(decoding: site.files.first { $0.path == "index.json" }!.contents, as: UTF8.self)
        #expect(index.contains("\"time_to_resolve_seconds\": 8700"))
    }

    @Test func atomicWriteKeepsTheOldSiteWhenAWriteFails() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("_site")
        try SiteWriter(output: output, workers: 2).write([SiteFile(path: "index.html", text: "old")])
        var failing = SiteWriter(output: output, workers: 2)
        failing.beforeWrite = { path in if path == "b/2.html" { throw CocoaError(.fileWriteNoPermission) } }
        #expect(throws: SiteBuildError.self) {
            try failing.write([SiteFile(path: "index.html", text: "new"), SiteFile(path: "a/1.html", text: "1"), SiteFile(path: "b/2.html", text: "2")])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["_site"], "no temporary folder is left behind")
        try SiteWriter(output: output, workers: 2).write([SiteFile(path: "index.html", text: "new")])
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["_site", "_site.spare"],
                "the replaced site is kept as the spare")
    }

    /// A rebuild that keeps most files moves only what it wrote into the
    /// site and deletes what the new site lacks; one that keeps few swaps a
    /// new folder in. Either way the site is the same, kept files are the
    /// same files, and until `commit` a failure leaves the site as it was.
    @Test(arguments: [12, 1])
    func updatingInPlaceKeepsMovesAndDeletes(keptCount: Int) throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("_site")
        let keptPaths = (1...keptCount).map { "a/kept-\($0).html" }
        try SiteWriter(output: output, workers: 2).write(keptPaths.map { SiteFile(path: $0, text: "kept") } + [
            SiteFile(path: "index.html", text: "old index"), SiteFile(path: "a/gone.html", text: "gone"),
            SiteFile(path: "b/c/gone.html", text: "gone too"), SiteFile(path: "d", text: "a file where a folder will be"),
        ])
        func text(_ path: String) -> String? { try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        func inode(_ path: String) -> Int? {
            try? FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.systemFileNumber] as? Int
        }
        let keptInode = inode("a/kept-1.html")

        var failing = SiteWriter(output: output, workers: 2)
        failing.beforeWrite = { path in if path == "e.html" { throw CocoaError(.fileWriteNoPermission) } }
        let failed = try failing.begin()
        failed.updateInPlace()
        for path in keptPaths { failed.keep(path) }
        #expect(failed.write(SiteFile(path: "index.html", text: "new index")) == nil)
        #expect(throws: SiteBuildError.self) { try failed.check([failed.write(SiteFile(path: "e.html", text: "e"))]) }
        #expect(text("index.html") == "old index" && text("a/gone.html") == "gone", "a failure before commit changes nothing")

        let staging = try SiteWriter(output: output, workers: 2).begin()
        staging.updateInPlace()
        #expect(staging.updatesInPlace)
        for path in keptPaths { staging.keep(path) }
        try staging.write([SiteFile(path: "index.html", text: "new index"), SiteFile(path: "d/new.html", text: "new"),
                           SiteFile(path: "b/c/gone.html/x.html", text: "a folder where a file was")])
        try staging.commit()
        #expect(staging.committedInPlace == (keptCount > 4), "in place when at least as many files are kept as written")
        #expect(text("index.html") == "new index" && text("a/kept-1.html") == "kept" && text("d/new.html") == "new")
        #expect(text("b/c/gone.html/x.html") == "a folder where a file was")
        #expect(text("a/gone.html") == nil)
        #expect(inode("a/kept-1.html") == keptInode)
        let files = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        #expect(files.sorted() == ([SiteWriter.marker, "b/c/gone.html/x.html", "d/new.html", "index.html"] + keptPaths).sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "_site.spare" } == ["_site"],
                "no staging folder is left behind")
    }

    /// Files cannot be renamed across filesystems, so an output folder that
    /// is a link to another disk is replaced whole, never updated in place.
    @Test func anOutputOnAnotherFilesystemIsNotUpdatedInPlace() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)")
        let elsewhere = URL(fileURLWithPath: "/dev/shm/site-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: parent)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        var parentInfo = stat(), otherInfo = stat()
        guard (try? FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)) != nil,
              stat(parent.path, &parentInfo) == 0, stat(elsewhere.path, &otherInfo) == 0, parentInfo.st_dev != otherInfo.st_dev else {
            return // no second filesystem here
        }
        try Data().write(to: elsewhere.appendingPathComponent(SiteWriter.marker))
        let output = parent.appendingPathComponent("_site")
        try FileManager.default.createSymbolicLink(at: output, withDestinationURL: elsewhere)
        let staging = try SiteWriter(output: output, workers: 2).begin()
        staging.updateInPlace()
        #expect(!staging.updatesInPlace)
        staging.abandon()

        let sameDisk = parent.appendingPathComponent("_local")
        try FileManager.default.createDirectory(at: sameDisk, withIntermediateDirectories: true)
        let local = try SiteWriter(output: sameDisk, workers: 2).begin()
        local.updateInPlace()
        #expect(local.updatesInPlace)
        local.abandon()
    }

    @Test func refusesToReplaceAFolderItDidNotBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("project-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "keep me".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: SiteBuildError.self) { try SiteWriter(output: folder, workers: 1).write([]) }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
    }
}
