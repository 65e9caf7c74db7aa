import Foundation
import Testing
@testable import PostmortemKit

/// A whole new site is written over the site before the previous one
/// (`<out>.spare`): the result is exactly the new site, the files are
/// reused where paths stay, and the live site is never written before
/// `commit`, not even through a file the spare shares with it.
struct SpareSiteTests {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("spare-\(UUID().uuidString)")
    var output: URL { parent.appendingPathComponent("_site") }
    var spare: URL { parent.appendingPathComponent("_site.spare") }

    func files(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where path != SiteWriter.marker {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            result[path] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }

    func inode(_ url: URL) -> Int? {
        try? FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
    }

    func site(_ files: [String: String]) -> [SiteFile] {
        files.map { SiteFile(path: $0.key, text: $0.value) }
    }

    @Test func wholeBuildsWriteOverTheSpare() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let first = ["index.html": "1", "a/x.html": String(repeating: "a longer old page ", count: 400),
                     "d": "a file where a folder will be", "e/f.html": "a folder where a file will be"]
        let second = ["index.html": "2", "a/x.html": "x2", "b/y.html": "y2"]
        let third = ["index.html": "3", "a/x.html": "x3", "d/new.html": "new", "e": "now a file"]
        try SiteWriter(output: output, workers: 2).write(site(first))
        #expect(!FileManager.default.fileExists(atPath: spare.path), "a first build replaces nothing")
        try SiteWriter(output: output, workers: 2).write(site(second))
        #expect(try files(spare) == first, "the replaced site is the spare")
        let spareInode = inode(spare.appendingPathComponent("a/x.html"))

        let staging = try SiteWriter(output: output, workers: 2).begin()
        try staging.write(site(third))
        #expect(staging.usesSpare)
        #expect(try files(output) == second, "the live site is untouched until commit")
        try staging.commit()
        #expect(try files(output) == third, "exactly the new site, shorter files cut to length")
        #expect(inode(output.appendingPathComponent("a/x.html")) == spareInode, "a path the sites share keeps its file")
        #expect(try files(spare) == second, "the replaced site is the next spare")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["_site", "_site.spare"])
    }

    @Test func aFileTheSpareSharesWithTheLiveSiteIsNotWrittenOver() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try SiteWriter(output: output, workers: 2).write(site(["index.html": "old", "a/x.html": "x-old"]))
        try SiteWriter(output: output, workers: 2).write(site(["index.html": "live", "a/x.html": "x-live"]))
        // As when a build links the previous site's unchanged pages into a new folder: one file, two names.
        let shared = spare.appendingPathComponent("a/x.html")
        try FileManager.default.removeItem(at: shared)
        try FileManager.default.linkItem(at: output.appendingPathComponent("a/x.html"), to: shared)
        // And a symbolic link out of the spare, which must not be followed.
        let outside = parent.appendingPathComponent("outside.txt")
        try "outside".write(to: outside, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: spare.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(at: spare.appendingPathComponent("index.html"), withDestinationURL: outside)

        var failing = SiteWriter(output: output, workers: 2)
        failing.beforeWrite = { path in if path == "b.html" { throw CocoaError(.fileWriteNoPermission) } }
        let staging = try failing.begin()
        #expect(staging.write(SiteFile(path: "a/x.html", text: "x-new")) == nil)
        #expect(staging.write(SiteFile(path: "index.html", text: "new")) == nil)
        #expect(staging.usesSpare)
        #expect(try files(output) == ["index.html": "live", "a/x.html": "x-live"])
        #expect(try String(contentsOf: outside, encoding: .utf8) == "outside")
        #expect(throws: SiteBuildError.self) { try staging.check([staging.write(SiteFile(path: "b.html", text: "b"))]) }
        #expect(try files(output) == ["index.html": "live", "a/x.html": "x-live"], "a failed build leaves the site as it was")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["_site", "outside.txt"],
                "the spare went with the failed build")
    }

    @Test func aFolderOfThatNameNotBuiltByTheToolIsLeftAlone() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: spare, withIntermediateDirectories: true)
        try "mine".write(to: spare.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        try SiteWriter(output: output, workers: 2).write(site(["index.html": "1"]))
        let staging = try SiteWriter(output: output, workers: 2).begin()
        try staging.write(site(["index.html": "2"]))
        #expect(!staging.usesSpare)
        try staging.commit()
        #expect(try files(output) == ["index.html": "2"])
        #expect(try files(spare) == ["notes.txt": "mine"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["_site", "_site.spare"])
    }

    @Test func aRebuildInPlaceLeavesTheSpareAlone() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let pages = (1...8).map { "p/\($0).html" }
        try SiteWriter(output: output, workers: 2).write(pages.map { SiteFile(path: $0, text: "1") })
        try SiteWriter(output: output, workers: 2).write(pages.map { SiteFile(path: $0, text: "2") })
        let staging = try SiteWriter(output: output, workers: 2).begin()
        staging.updateInPlace()
        for page in pages.dropFirst() { staging.keep(page) }
        try staging.write([SiteFile(path: pages[0], text: "3")])
        #expect(!staging.usesSpare)
        try staging.commit()
        #expect(staging.committedInPlace)
        #expect(try files(output)[pages[0]] == "3")
        #expect(try files(output)[pages[1]] == "2")
        #expect(try files(spare)[pages[0]] == "1", "the spare is as it was")
    }
}
