import Foundation
import Testing
@testable import PostmortemKit

/// The report read back from the report cache is the report made without
/// it, byte for byte, and the cache answers only when nothing its cached
/// parts read has changed: an edit outside the compared text, a new day, an
/// action item's new status and a new date in the git history reuse it
/// (the recurrences and trends are made again); a new title does not.
struct ReportCacheTests {
    /// Done dates by action text, as the git history would give them.
    struct DoneDates: ActionStatusHistory {
        var dates: [String: ActionDoneDate]
        func doneDate(ofAction action: String, inFileAt path: String) -> ActionDoneDate? { dates[action] }
    }

    static let day = LocalDate(year: 2026, month: 11, day: 28)!

    static func report(_ postmortems: [Postmortem], today: LocalDate = day, history: DoneDates? = nil, cache: ReportCache?) -> String {
        var analyzer = PatternAnalyzer()
        analyzer.reportCache = cache
        return PatternsFormatter.render(analyzer.analyze(postmortems, today: today, statusHistory: history), as: .json)
    }

    static func folder() throws -> URL {
        let folder = TermCacheTests.temporaryFile().deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theReportReadBackIsTheSameReport() throws {
        let postmortems = try PatternAnalyzerTests.fixturePostmortems()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.bin")
        let report = PatternAnalyzer().analyze(postmortems, today: Self.day)
        #expect(!report.clusters.isEmpty && !report.recurrences.isEmpty && !report.similar.isEmpty && !report.factorRecurrence.isEmpty)
        let cache = ReportCache(file: file)
        try Data(cache.bytes("key", report)).write(to: file)
        let read = try #require(ReportCache(file: file).entry(for: "key"))
        for format in [PatternsFormatter.Format.json, .text, .markdown] {
            #expect(PatternsFormatter.render(read, as: format) == PatternsFormatter.render(report, as: format))
        }
        #expect(ReportCache(file: file).entry(for: "another key") == nil)

        // Cut short, one byte changed in the middle, and not a cache at all.
        let bytes = try Data(contentsOf: file)
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        for damaged in [bytes.prefix(bytes.count - 7), flipped, Data("garbage\n".utf8)] {
            try damaged.write(to: file)
            #expect(ReportCache(file: file).entry(for: "key") == nil)
        }
    }

    @Test func reusedOnlyWhenNothingTheAnalysisReadsChanged() throws {
        let postmortems = try PatternAnalyzerTests.fixturePostmortems()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.bin")
        // An item marked done that an earlier member of a cluster holds: its date decides its state.
        let recurrences = PatternAnalyzer().analyze(postmortems, today: Self.day).recurrences
        let done = try #require(recurrences.first { $0.state == .done }?.action)
        let history = DoneDates(dates: [done: ActionDoneDate(date: Timestamp(secondsSince1970: 1_700_000_000, utcOffset: 0), isExact: true)])

        let cold = ReportCache(file: file)
        let reference = Self.report(postmortems, history: history, cache: nil)
        #expect(Self.report(postmortems, history: history, cache: cold) == reference)
        #expect(!cold.reused)
        cold.save()

        /// The report with the file's cache, which must equal the report
        /// without one; whether it was reused. The file keeps the first report.
        func cachedReport(_ postmortems: [Postmortem], today: LocalDate = Self.day, history: DoneDates? = history, reuses: Bool) -> String {
            let cache = ReportCache(file: file)
            let report = Self.report(postmortems, today: today, history: history, cache: cache)
            #expect(cache.reused == reuses)
            #expect(report == Self.report(postmortems, today: today, history: history, cache: nil))
            return report
        }

        #expect(cachedReport(postmortems, reuses: true) == reference)

        // A timeline entry reworded: no field of any document changes.
        var reworded = postmortems
        let withTimeline = try #require(reworded.firstIndex { $0.lines.contains("## Timeline") })
        let entry = String(try #require(reworded[withTimeline].lines.drop { $0 != "## Timeline" }.first { $0.hasPrefix("- ") }))
        reworded[withTimeline] = try ClusterCacheTests.edited(reworded[withTimeline], replacing: entry, with: entry + " (as paged)")
        #expect(cachedReport(reworded, reuses: true) == reference)

        #expect(cachedReport(postmortems, today: LocalDate(year: 2027, month: 3, day: 1)!, reuses: true) != reference)
        #expect(cachedReport(postmortems, history: nil, reuses: true) != reference)
        let later = DoneDates(dates: [done: ActionDoneDate(date: Timestamp(secondsSince1970: 1_800_000_000, utcOffset: 0), isExact: true)])
        #expect(cachedReport(postmortems, history: later, reuses: true) != reference)

        var statusChanged = postmortems
        let index = try #require(statusChanged.firstIndex { $0.actionTable?.rows.contains { $0.cells["status"] == "open" } == true })
        let line = String(try #require(statusChanged[index].lines.first { $0.hasPrefix("|") && $0.contains("| open |") }))
        statusChanged[index] = try ClusterCacheTests.edited(statusChanged[index], replacing: line,
                                                            with: line.replacingOccurrences(of: "| open |", with: "| done |"))
        #expect(cachedReport(statusChanged, reuses: true) != reference)

        var retitled = postmortems
        let title = String(try #require(retitled[0].lines.first { $0.hasPrefix("title:") }))
        retitled[0] = try ClusterCacheTests.edited(retitled[0], replacing: title, with: title.replacingOccurrences(of: "title: ", with: "title: Again: "))
        _ = cachedReport(retitled, reuses: false)
    }

    /// The keys together cover every field of a document and every
    /// setting of the analyzer: a new one must be added to one of them
    /// (`ClusterCache.key`, `PatternAnalyzer.reportKey`, and `outputKey`
    /// for what the parts made on every build read), or a build would reuse
    /// a report, or keep a patterns.json, made from other inputs.
    @Test func theKeysCoverEveryFieldTheAnalysisReads() throws {
        let corpus = PatternCorpus(try PatternAnalyzerTests.fixturePostmortems(), workers: 1)
        let document = try #require(corpus.documents.first)
        let clusterKeyFields = ["idRank", "started", "vector", "wordSetTerms", "concepts", "failureModes", "factorIDs",
                                "relatedDocuments", "mentionedDocuments", "services", "factors", "tags"]
        let reportKeyFields = ["path", "id", "title", "resolved", "detected", "severity", "related", "mentions", "linkedPaths"]
        let outputKeyFields = ["actions"]
        #expect(Mirror(reflecting: document).children.compactMap(\.label).sorted()
                == (clusterKeyFields + reportKeyFields + outputKeyFields).sorted())
        let action = PatternAction(action: "a", owner: nil, due: nil, dueDate: nil, status: "open")
        #expect(Mirror(reflecting: action).children.compactMap(\.label) == ["action", "owner", "due", "dueDate", "status"])
        // Thresholds are in the cluster key, the rest in the report key; the
        // number of threads changes nothing, and the caches are the caches.
        #expect(Mirror(reflecting: PatternAnalyzer()).children.compactMap(\.label)
                == ["clusterThreshold", "clusterAverageThreshold", "similarFloor", "maxSimilar", "workers",
                    "termCache", "clusterCache", "reportCache"])
    }
}
