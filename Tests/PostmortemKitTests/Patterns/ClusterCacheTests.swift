import Foundation
import Testing
@testable import PostmortemKit

/// The patterns report is the same bytes whether the pairs, scores and
/// clusters were computed now or read from the cluster cache, and the cache
/// answers only for the same documents: a new day or an action item's new
/// status reuses them, an edit of the compared text does not.
struct ClusterCacheTests {
    static func report(_ postmortems: [Postmortem], today: LocalDate, cache: ClusterCache?) -> String {
        var analyzer = PatternAnalyzer()
        analyzer.clusterCache = cache
        return PatternsFormatter.render(analyzer.analyze(postmortems, today: today), as: .json)
    }

    /// `postmortem` parsed again with the line `old` replaced by `new`.
    static func edited(_ postmortem: Postmortem, replacing old: String, with new: String) throws -> Postmortem {
        let text = postmortem.lines.joined(separator: "\n")
        #expect(text.contains(old), "\(postmortem.path)")
        return PostmortemParser().parse(path: postmortem.path, bytes: Data(text.replacingOccurrences(of: old, with: new).utf8))
    }

    @Test func aNewDayAndANewStatusReuseTheClustersAndGiveTheSameReport() throws {
        let postmortems = try PatternAnalyzerTests.fixturePostmortems()
        let day = LocalDate(year: 2026, month: 11, day: 28)!
        let file = TermCacheTests.temporaryFile().deletingLastPathComponent().appendingPathComponent("clusters.bin")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)

        let cold = ClusterCache(file: file)
        let reference = Self.report(postmortems, today: day, cache: nil)
        #expect(reference.contains("\"clusters\""))
        #expect(Self.report(postmortems, today: day, cache: cold) == reference)
        #expect(!cold.reused)
        cold.save()
        #expect(FileManager.default.fileExists(atPath: file.path))

        /// The report from the file's cache, which must equal the report without one; whether it reused the clusters.
        func cachedReport(_ postmortems: [Postmortem], today: LocalDate, reuses: Bool) -> String {
            let cache = ClusterCache(file: file)
            let report = Self.report(postmortems, today: today, cache: cache)
            #expect(cache.reused == reuses)
            #expect(report == Self.report(postmortems, today: today, cache: nil))
            return report
        }

        // The next day: the same documents, so the same pairs and clusters; trends and overdue items move.
        #expect(cachedReport(postmortems, today: LocalDate(year: 2027, month: 3, day: 1)!, reuses: true) != reference)

        // An action item marked done: the recurrences change, the clusters are reused.
        var statusChanged = postmortems
        let index = try #require(statusChanged.firstIndex { $0.actionTable?.rows.contains { $0.cells["status"] == "open" } == true })
        let line = String(try #require(statusChanged[index].lines.first { $0.hasPrefix("|") && $0.contains("| open |") }))
        statusChanged[index] = try Self.edited(statusChanged[index], replacing: line,
                                               with: line.replacingOccurrences(of: "| open |", with: "| done |"))
        #expect(cachedReport(statusChanged, today: day, reuses: true) != reference)

        // The compared text edited: every term weight moves, so nothing is reused.
        var textChanged = postmortems
        let withSummary = try #require(textChanged.firstIndex { $0.lines.contains("## Executive Summary") })
        textChanged[withSummary] = try Self.edited(textChanged[withSummary], replacing: "## Executive Summary",
                                                   with: "## Executive Summary\n\nA lease expired under a paused consumer.")
        #expect(cachedReport(textChanged, today: day, reuses: false) != reference)
    }

    @Test func aDamagedFileIsIgnored() throws {
        let postmortems = try PatternAnalyzerTests.fixturePostmortems()
        let day = LocalDate(year: 2026, month: 11, day: 28)!
        let folder = TermCacheTests.temporaryFile().deletingLastPathComponent()
        let file = folder.appendingPathComponent("clusters.bin")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cold = ClusterCache(file: file)
        let reference = Self.report(postmortems, today: day, cache: cold)
        cold.save()
        let bytes = try Data(contentsOf: file)
        #expect(bytes.count > 1_000)
        // Cut short, one byte changed in the middle, and not a cache at all.
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        for damaged in [bytes.prefix(bytes.count - 7), flipped, Data("garbage\n".utf8)] {
            try damaged.write(to: file)
            let cache = ClusterCache(file: file)
            #expect(Self.report(postmortems, today: day, cache: cache) == reference)
            #expect(!cache.reused)
        }
    }
}
