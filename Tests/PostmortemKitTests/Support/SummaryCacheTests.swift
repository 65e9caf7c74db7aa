import Foundation
import Testing
@testable import PostmortemKit

/// A postmortem read from the summary cache (front matter parsed, the rest
/// from its summary) gives every stage what the fully parsed one gives, and
/// parses its Markdown when a stage needs more (`Postmortem.complete`).
struct SummaryCacheTests {
    static let today = LocalDate(year: 2026, month: 11, day: 29)!

    /// The sample postmortems, plus one with what summaries must carry
    /// exactly: suppressions (a range, a next-line one, a file-wide one),
    /// links, an action table with extra and empty cells, non-ASCII text.
    static func repository() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("summary-cache-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: TestLint.packageRoot.appendingPathComponent("postmortems"), to: root.appendingPathComponent("postmortems"))
        try manager.copyItem(at: TestLint.packageRoot.appendingPathComponent(".postmortem.yml"), to: root.appendingPathComponent(".postmortem.yml"))
        let text = """
        ---
        id: PM-2026-900
        title: "Café checkout — queue stalled"
        date: 2026-05-01
        severity: SEV2
        status: published
        started: 2026-05-01T10:00:00Z
        resolved: 2026-05-01T11:30:00Z
        services: [checkout]
        authors: ["@ana"]
        ---
        <!-- postmortem-disable blameless/hindsight -->

        ## Executive Summary

        The checkout queue stalled for 90 minutes; see [the runbook](../runbooks/queue.md) and
        [PM-2025-001](../2025/2025-02-11-payments-mtls-client-identity-lapsed.md). Ünïcode stays.
        The pool ran dry much as in pm-2024-004.

        ## Incident Overview

        <!-- postmortem-disable-next-line blameless/counterfactual -->
        We should have seen it sooner.

        <!-- postmortem-disable blameless/blame-language -->
        Text inside a range.
        <!-- postmortem-enable blameless/blame-language -->

        ## Action Items

        | Action | Owner | Due | Status | Priority | Ticket | Notes |
        |---|---|---|---|---|---|---|
        | Alert on queue depth | @ana | 2026-06-01 | In progress | p1 | OPS-1 | |
        | Document the [restart](https://example.com/r) | @bo | 2026-07-01 | done | P2 | | after review |

        ## Lessons Learned

        A link at the end: <https://example.com/end>.
        """
        let file = root.appendingPathComponent("postmortems/2026/2026-05-01-cafe-checkout-queue-stalled.md")
        try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        // Front matter with a problem: its findings come from the summary too.
        let broken = "---\nid: PM-2026-901\ntitle: Broken\nservices: [checkout\n---\n\n## Executive Summary\n\nText.\n"
        try Data(broken.utf8).write(to: root.appendingPathComponent("postmortems/2026/2026-06-01-broken-front-matter.md"))
        return root
    }

    static func load(_ root: URL, summaries: URL? = nil) throws -> LoadedRepository {
        var options = LoadOptions(workingDirectory: root)
        options.wantsContentIDs = true
        options.wantsHistory = false
        if let summaries { options.summaryCacheFile = { _ in summaries } }
        return try RepositoryLoader.load(options)
    }

    /// Fills a summary cache from a full load, as a build does, and saves it.
    static func fill(_ file: URL, from repository: LoadedRepository) {
        let cache = SummaryCache(file: file, config: repository.config)
        for postmortem in repository.postmortems {
            cache.store(PostmortemSummary(of: postmortem, snippetCharacters: 640, snippet: "snippet of \(postmortem.path)"),
                        for: cache.key(contentID: postmortem.contentID)!)
        }
        cache.save()
    }

    @Test func summariesRoundTripThroughBytes() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try Self.load(root)
        let cafe = try #require(repository.postmortems.first { $0.id == "PM-2026-900" })
        #expect(cafe.suppressions.spans.count == 3)
        #expect(cafe.linkDestinations.count == 4)
        #expect(cafe.mentions == ["pm-2025-001", "pm-2024-004", "ops-1"])
        #expect(cafe.actionTable?.rows.count == 2)
        for postmortem in repository.postmortems {
            let summary = PostmortemSummary(of: postmortem, snippetCharacters: 640, snippet: "ä snippet")
            var out = ByteWriter()
            summary.write(to: &out)
            let read = out.bytes.withUnsafeBytes { raw -> PostmortemSummary? in
                var reader = ByteReader(bytes: raw)
                return PostmortemSummary.read(from: &reader).flatMap { reader.remaining == 0 ? $0 : nil }
            }
            #expect(read == summary, "\(postmortem.path)")
            // Every shorter prefix is refused, never misread.
            for length in stride(from: 0, to: out.bytes.count, by: max(1, out.bytes.count / 40)) {
                let cut = Array(out.bytes[..<length])
                let misread = cut.withUnsafeBytes { raw -> Bool in
                    var reader = ByteReader(bytes: raw)
                    return PostmortemSummary.read(from: &reader) != nil
                }
                #expect(!misread, "\(postmortem.path) cut at \(length)")
            }
        }
    }

    @Test func summarisedPostmortemsGiveWhatParsedOnesGive() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent(".postmortem-cache/summaries.bin")
        let parsed = try Self.load(root)
        Self.fill(file, from: parsed)

        let summarised = try Self.load(root, summaries: file)
        #expect(summarised.postmortems.count == parsed.postmortems.count && parsed.postmortems.count >= 17)
        #expect(summarised.postmortems.allSatisfy { $0.isSummarised && $0.sections.isEmpty && $0.body == nil })
        for (light, full) in zip(summarised.postmortems, parsed.postmortems) {
            #expect(light.path == full.path && light.contentID == full.contentID)
            #expect(light.frontMatter == full.frontMatter && light.parseFindings == full.parseFindings)
            #expect(light.actionTable == full.actionTable && light.suppressions == full.suppressions)
            #expect(light.summaryText == full.summaryText && light.linkDestinations == full.linkDestinations)
            #expect(light.mentions == full.mentions)
            #expect(light.summarisedSnippet(characters: 640) == "snippet of \(full.path)")
            #expect(light.summarisedSnippet(characters: 80) == nil, "a snippet of another length is cut again")
        }

        // Stages that need the Markdown parse it: lint and patterns (without
        // their caches) find exactly what they find on parsed files.
        let context = parsed.ruleContext(today: Self.today)
        let reference = Linter(context: context).lint(parsed.postmortems)
        #expect(!reference.isEmpty)
        #expect(Linter(context: summarised.ruleContext(today: Self.today)).lint(summarised.postmortems) == reference)
        #expect(summarised.postmortems.allSatisfy { $0.wasCompleted })
        let report = { (postmortems: [Postmortem]) in
            PatternsFormatter.render(PatternAnalyzer().analyze(postmortems, today: Self.today), as: .json)
        }
        #expect(report(try Self.load(root, summaries: file).postmortems) == report(parsed.postmortems))
        let completed = try #require(summarised.postmortems.first { $0.id == "PM-2026-900" }?.complete)
        #expect(!completed.isSummarised && completed.sections.count == 4 && completed.timeline.isEmpty)
    }

    @Test func unchangedFilesAreKnownByTheirStatusAndNotRead() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent(".postmortem-cache/summaries.bin")
        let statuses = root.appendingPathComponent(".postmortem-cache/files.bin")
        let parsed = try Self.load(root)
        #expect(parsed.postmortems.contains { !$0.parseFindings.isEmpty })
        Self.fill(file, from: parsed)
        // A load records each file's status; saving its cache writes them, as a build does.
        func loadAndSave() throws -> [Postmortem] {
            let repository = try Self.load(root, summaries: file)
            repository.summaryCache?.save()
            return repository.postmortems
        }
        // The record is trusted for files changed before it was written; a
        // test runs within one tick of a coarse clock, so it is dated later.
        func settle() throws {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: statuses.path)
        }
        let first = try loadAndSave()
        #expect(first.allSatisfy { $0.isSummarised && $0.deferred?.readsFile == false }, "read once for their blob ids")
        try settle()

        let known = try loadAndSave()
        #expect(known.count == parsed.postmortems.count)
        #expect(known.allSatisfy { $0.deferred?.readsFile == true }, "no file was read")
        for (light, full) in zip(known, parsed.postmortems) {
            #expect(light.path == full.path && light.contentID == full.contentID && light.frontMatter == full.frontMatter)
            #expect(light.parseFindings == full.parseFindings && light.actionTable == full.actionTable)
        }
        // Completed, the file is read then: the whole postmortem of its bytes.
        let cafePath = "postmortems/2026/2026-05-01-cafe-checkout-queue-stalled.md"
        let cafe = try #require(known.first { $0.path == cafePath }?.complete)
        let cafeParsed = try #require(parsed.postmortems.first { $0.path == cafePath })
        #expect(cafe.sections == cafeParsed.sections && cafe.contentID == cafeParsed.contentID && cafe.lines == cafeParsed.lines)

        // A file edited after the record is read (its change time moved), and
        // one renamed (its path is not in the record); the others are not.
        let edited = root.appendingPathComponent(cafePath)
        try Data((try String(contentsOf: edited, encoding: .utf8) + "\nOne more line.\n").utf8).write(to: edited)
        let renamedFrom = "postmortems/2026/2026-06-01-broken-front-matter.md"
        let renamedTo = "postmortems/2026/2026-06-01-moved.md"
        try FileManager.default.moveItem(at: root.appendingPathComponent(renamedFrom), to: root.appendingPathComponent(renamedTo))
        let after = try loadAndSave()
        #expect(after.filter { $0.deferred?.readsFile != true }.map(\.path).sorted() == [cafePath, renamedTo])
        let moved = try #require(after.first { $0.path == renamedTo })
        #expect(moved.isSummarised && !moved.parseFindings.isEmpty && moved.parseFindings.allSatisfy { $0.file == renamedTo },
                "the same bytes at another path: summarised, with findings at the new path")
        #expect(try #require(after.first { $0.path == cafePath }).isSummarised == false)

        // A file known unchanged but edited before it is completed is the
        // postmortem of its new bytes throughout, with their blob id.
        try settle()
        let samplePath = try #require(parsed.postmortems.first?.path)
        let stale = try #require(try Self.load(root, summaries: file).postmortems.first { $0.path == samplePath })
        #expect(stale.deferred?.readsFile == true)
        let sample = root.appendingPathComponent(samplePath)
        try Data((try String(contentsOf: sample, encoding: .utf8) + "\nAnd another.\n").utf8).write(to: sample)
        let completed = stale.complete
        #expect(completed.contentID != stale.contentID && completed.lines.contains("And another."))

        // A record dated before the files last changed is not trusted, and
        // a damaged one is ignored: every file is read. (The record is
        // brought up to date first, so that no status differs from it.)
        _ = try loadAndSave()
        let longAgo = Date(timeIntervalSince1970: 946_684_800)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: statuses.path)
        #expect(try loadAndSave().allSatisfy { $0.deferred?.readsFile != true })
        // Saving then writes the record again, dated after the files, though
        // no status changed: otherwise it would never be trusted again.
        let rewritten = try #require(FileManager.default.attributesOfItem(atPath: statuses.path)[.modificationDate] as? Date)
        #expect(rewritten > longAgo)
        try Data("postmortem file status 1\n\u{7}".utf8).write(to: statuses)
        try settle()
        #expect(try Self.load(root, summaries: file).postmortems.allSatisfy { $0.deferred?.readsFile != true })
    }

    @Test func aChangedFileOrConfigOrDamagedCacheIsParsed() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent(".postmortem-cache/summaries.bin")
        Self.fill(file, from: try Self.load(root))

        // One edited file: only it is parsed.
        let edited = root.appendingPathComponent("postmortems/2026/2026-05-01-cafe-checkout-queue-stalled.md")
        try Data((try String(contentsOf: edited, encoding: .utf8) + "\nOne more line.\n").utf8).write(to: edited)
        let afterEdit = try Self.load(root, summaries: file).postmortems
        #expect(afterEdit.filter { !$0.isSummarised }.map(\.path) == ["postmortems/2026/2026-05-01-cafe-checkout-queue-stalled.md"])

        // Another config (section names may differ): every file is parsed.
        let config = root.appendingPathComponent(".postmortem.yml")
        try Data((try String(contentsOf: config, encoding: .utf8) + "\n# another config\n").utf8).write(to: config)
        #expect(try Self.load(root, summaries: file).postmortems.allSatisfy { !$0.isSummarised })

        // A damaged cache file is ignored as a whole.
        Self.fill(file, from: try Self.load(root))
        #expect(try Self.load(root, summaries: file).postmortems.allSatisfy { $0.isSummarised })
        var bytes = try Data(contentsOf: file)
        bytes.removeLast(5)
        try bytes.write(to: file)
        #expect(try Self.load(root, summaries: file).postmortems.allSatisfy { !$0.isSummarised })
    }

    @Test func saveKeepsOnlyWhatThisRunUsedOrMade() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent(".postmortem-cache/summaries.bin")
        let repository = try Self.load(root)
        Self.fill(file, from: repository)
        let before = try Data(contentsOf: file)

        // A run that used every summary and made none leaves the file alone.
        let reader = SummaryCache(file: file, config: repository.config)
        for postmortem in repository.postmortems { _ = reader.summary(for: reader.key(contentID: postmortem.contentID)!) }
        try FileManager.default.removeItem(at: file)
        reader.save()
        #expect(!FileManager.default.fileExists(atPath: file.path))
        try before.write(to: file)

        // A run that used two keeps two.
        let partial = SummaryCache(file: file, config: repository.config)
        for postmortem in repository.postmortems.prefix(2) { #expect(partial.summary(for: partial.key(contentID: postmortem.contentID)!) != nil) }
        partial.save()
        let kept = SummaryCache(file: file, config: repository.config)
        let found = repository.postmortems.filter { kept.summary(for: kept.key(contentID: $0.contentID)!) != nil }
        #expect(found.map(\.path) == repository.postmortems.prefix(2).map(\.path))
    }

    /// The build id read from the executable's notes is the one `readelf` shows.
    @Test func toolBuildIsTheExecutablesBuildID() throws {
        let id = try #require(ToolBuild.executableBuildID())
        #expect(id.count == 40 || id.count == 32 || id.count == 16, "\(id)")
        #expect(ToolBuild.identity.hasSuffix(" build-id " + id))
        let readelf = Process()
        readelf.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        readelf.arguments = ["readelf", "-n", "/proc/\(ProcessInfo.processInfo.processIdentifier)/exe"]
        let pipe = Pipe()
        readelf.standardOutput = pipe
        readelf.standardError = FileHandle.nullDevice
        try readelf.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        readelf.waitUntilExit()
        if readelf.terminationStatus == 0 {
            #expect(output.contains("Build ID: \(id)"), "\(output)")
        }
        // Not an ELF file, or a damaged one: no id, no crash.
        let notELF = FileManager.default.temporaryDirectory.appendingPathComponent("not-elf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: notELF) }
        try Data("#!/bin/sh\necho hello\n".utf8).write(to: notELF)
        #expect(ToolBuild.executableBuildID(path: notELF.path) == nil)
        var truncated = try Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe")).prefix(80)
        truncated[56] = 0xFF
        try truncated.write(to: notELF)
        #expect(ToolBuild.executableBuildID(path: notELF.path) == nil)
        // A program-header offset with the top bit set (e_phoff, bytes 32–39).
        var farOffset = try Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe")).prefix(4096)
        farOffset[39] = 0x80
        try farOffset.write(to: notELF)
        #expect(ToolBuild.executableBuildID(path: notELF.path) == nil)
    }

    @Test func notesAreReadWithinTheirBounds() {
        func note(name: String, type: UInt32, descriptor: [UInt8]) -> [UInt8] {
            var out = ByteWriter()
            let nameBytes = Array(name.utf8) + [0]
            out.append(UInt32(nameBytes.count))
            out.append(UInt32(descriptor.count))
            out.append(type)
            out.bytes += nameBytes + [UInt8](repeating: 0, count: (4 - nameBytes.count % 4) % 4)
            out.bytes += descriptor + [UInt8](repeating: 0, count: (4 - descriptor.count % 4) % 4)
            return out.bytes
        }
        let id: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        let notes = note(name: "GNU", type: 1, descriptor: [0, 0, 0, 0]) + note(name: "Go", type: 3, descriptor: [7])
            + note(name: "GNU", type: 3, descriptor: id)
        #expect(notes.withUnsafeBytes { ToolBuild.buildID(inNotes: $0) } == id)
        for length in 0..<notes.count {
            let found = Array(notes.prefix(length)).withUnsafeBytes { ToolBuild.buildID(inNotes: $0) }
            #expect(found == nil || found == id)
        }
    }
}
