import Testing
@testable import PostmortemKit

struct PostmortemIDAllocatorTests {
    @Test func scansIdShapedText() {
        let found = PostmortemIDAllocator.scan("related: [PM-2024-012, PM-2025-0042] XPM-2023-1 PM-20-001")
        #expect(found.map(\.year) == [2024, 2025])
        #expect(found.map(\.number) == [12, 42])
    }

    @Test func countsParsedIdsAndScansFilesWithoutOne() {
        let parsed = TestLint.parse("---\nid: PM-2025-003\n---\n")
        var broken = TestLint.parse("---\nid: PM-2025-011\ntitle: [\n---\n", path: "postmortems/broken.md")
        broken.frontMatter = nil
        let other = TestLint.parse("---\nid: PM-2024-090\n---\n")
        #expect(PostmortemIDAllocator.nextID(year: 2025, postmortems: [parsed, broken, other]) == "PM-2025-012")
        #expect(PostmortemIDAllocator.nextID(year: 2024, postmortems: [parsed, broken, other]) == "PM-2024-091")
        #expect(PostmortemIDAllocator.nextID(year: 2026, postmortems: [parsed]) == "PM-2026-001")
    }
}
