import Foundation
import Testing
@testable import PostmortemKit

@Suite struct SiteManifestTests {
    /// What `write` records is what `read` returns, for that folder only;
    /// a damaged file reads as no records (every page is then copied from the cache).
    @Test func recordsRoundTripAndDamageReadsAsNone() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("_site")
        let pages = ["index.html", "postmortems/PM-1.html", "browse/service/naïve café.html"]
        try SiteWriter(output: output, workers: 2).write(pages.map { SiteFile(path: $0, text: "page \($0)") })
        let file = parent.appendingPathComponent("site.tsv")
        SiteManifest.write(file, output: output, pages: pages.map { ($0, "key-\($0.count)") }, workers: 2)

        let manifest = SiteManifest.read(file, output: output)
        #expect(manifest.records.count == pages.count)
        for page in pages {
            let record = try #require(manifest.records[page])
            #expect(record == SiteManifest.record(of: SiteManifest.filePath(page, in: output.path), key: "key-\(page.count)"))
            #expect(manifest.unchangedFile(page, key: "key-\(page.count)", in: output) != nil)
            #expect(manifest.unchangedFile(page, key: "another key", in: output) == nil)
        }
        #expect(SiteManifest.read(file, output: parent.appendingPathComponent("other")).records.isEmpty, "records are for one folder")

        let bytes = try Data(contentsOf: file)
        // Cut within a line (a cut after a whole line is a shorter manifest, and each record is checked against its file anyway).
        let middleTab = try #require(bytes.indices.filter { bytes[$0] == 9 }.dropFirst(3).first)
        for cut in [bytes.count - 1, middleTab + 1] {
            try bytes.prefix(cut).write(to: file)
            #expect(SiteManifest.read(file, output: output).records.isEmpty, "cut at \(cut)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        try Data(text.replacingOccurrences(of: "\tkey-10\t", with: "\tkey-10\tx").utf8).write(to: file)
        #expect(SiteManifest.read(file, output: output).records.isEmpty, "a field that is not a number")
        try bytes.write(to: file)
        #expect(SiteManifest.read(file, output: output).records.count == pages.count)
    }
}
