import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

/// Site entries sorted by index against sorting the entries themselves.
struct SiteEntryTests {
    static func entry(id: String, started: String?, path: String) -> SiteEntry {
        let startedLine = started.map { "started: \($0)\n" } ?? ""
        let text = "---\nid: \(id)\ntitle: Incident \(id)\n\(startedLine)---\n# Incident\n"
        guard case .success(let entry) = SiteEntry.make(PostmortemParser().parse(path: path, bytes: Data(text.utf8))) else {
            fatalError("\(text) makes no entry")
        }
        return entry
    }

    @Test func sortingByIndexGivesTheNewestFirstOrder() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            // Few ids and days, so that equal dates and equal ids (told apart by path) are common.
            let entries = (0..<Int.random(in: 0...40, using: &generator)).map { number in
                let day = Int.random(in: 0...6, using: &generator)
                return Self.entry(id: "PM-\(Int.random(in: 1...5, using: &generator))",
                                  started: day == 0 ? nil : "2025-01-0\(day)T10:00:00Z", path: "p/\(number).md")
            }
            var sorted = entries
            SiteEntry.sortNewestFirst(&sorted)
            #expect(sorted.map(\.postmortem.path) == entries.sorted(by: SiteEntry.newestFirst).map(\.postmortem.path))
        }
    }
}
