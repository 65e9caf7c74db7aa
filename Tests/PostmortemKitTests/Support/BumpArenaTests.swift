import Foundation
import Testing
@testable import PostmortemKit

/// The arena keeps `calloc` and `realloc`'s promises: zeroed blocks, kept
/// contents, aligned and disjoint blocks, and slabs that are reused zeroed.
struct BumpArenaTests {
    /// Fills a block with a pattern of its own, and checks it later.
    static func fill(_ pointer: UnsafeMutableRawPointer, _ size: Int, _ seed: UInt8) {
        for offset in 0..<size { pointer.storeBytes(of: seed &+ UInt8(truncatingIfNeeded: offset), toByteOffset: offset, as: UInt8.self) }
    }

    static func holds(_ pointer: UnsafeMutableRawPointer, _ size: Int, _ seed: UInt8) -> Bool {
        (0..<size).allSatisfy { pointer.load(fromByteOffset: $0, as: UInt8.self) == seed &+ UInt8(truncatingIfNeeded: $0) }
    }

    @Test func blocksAreZeroedAlignedAndKeepTheirContents() {
        let arena = BumpArena()
        var generator = SeededGenerator(seed: 8)
        var blocks: [(UnsafeMutableRawPointer, Int, UInt8)] = []
        for round in 0..<3 {
            // Sizes from empty to large, so that slabs fill up and big blocks stand alone.
            for index in 0..<2_000 {
                let size = index % 97 == 0 ? Int.random(in: BumpArena.slabSize / 4...BumpArena.slabSize, using: &generator)
                                           : Int.random(in: 0...600, using: &generator)
                let block = arena.allocate(size, zeroed: true)
                #expect(Int(bitPattern: block) % 16 == 0)
                #expect((0..<size).allSatisfy { block.load(fromByteOffset: $0, as: UInt8.self) == 0 }, "round \(round) block \(index)")
                let seed = UInt8(truncatingIfNeeded: index)
                Self.fill(block, size, seed)
                blocks.append((block, size, seed))
            }
            #expect(blocks.allSatisfy { Self.holds($0.0, $0.1, $0.2) }, "a block was overwritten in round \(round)")
            // Reused slabs must come back zeroed for calloc.
            arena.reset()
            blocks.removeAll()
        }
    }

    @Test func reallocationKeepsContentsWhetherItGrowsInPlaceOrMoves() {
        let arena = BumpArena()
        var generator = SeededGenerator(seed: 9)
        var live: [(UnsafeMutableRawPointer, Int, UInt8)] = []
        for step in 0..<3_000 {
            if live.isEmpty || Bool.random(using: &generator) {
                let size = Int.random(in: 0...300, using: &generator)
                let block = arena.allocate(size, zeroed: false)
                Self.fill(block, size, UInt8(truncatingIfNeeded: step))
                live.append((block, size, UInt8(truncatingIfNeeded: step)))
            } else {
                // Grow the newest block (in place) or an older one (moved), sometimes past the large-block limit.
                let index = Bool.random(using: &generator) ? live.count - 1 : Int.random(in: 0..<live.count, using: &generator)
                let (block, size, seed) = live[index]
                let newSize = step % 200 == 0 ? BumpArena.slabSize / 2 : size + Int.random(in: 0...400, using: &generator)
                let grown = arena.reallocate(block, to: newSize)
                #expect(Self.holds(grown, size, seed), "step \(step)")
                Self.fill(grown, newSize, seed)
                live[index] = (grown, newSize, seed)
            }
        }
        #expect(live.allSatisfy { Self.holds($0.0, $0.1, $0.2) })
        let fresh = arena.reallocate(nil, to: 40)
        Self.fill(fresh, 40, 1)
        #expect(Self.holds(fresh, 40, 1))
    }

    /// Each thread parses with its own arena: the same documents parsed on
    /// all cores at once give the trees they give one at a time.
    @Test func parsingInParallelGivesTheSameTrees() {
        let documents = (0..<400).map { index in
            let words = String(repeating: "word\(index) ", count: index % 50)
            return """
                # Title \(index)

                Paragraph with `code`, *emphasis* and a [link](https://example.com/\(index)). \(words)

                | Action | Owner | Due |
                |---|---|---|
                | Fix \(index) | @alice | 2024-0\(index % 9 + 1)-01 |

                - item \(index)
                  - nested \(words)

                ```
                \(words)
                ```
                """
        }
        let parser = MarkdownParser()
        let serial = documents.map { parser.parse($0) }
        let parallel = ParallelMap.map(documents) { parser.parse($0) }
        #expect(serial == parallel)
    }
}
