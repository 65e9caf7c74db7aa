import Foundation
import Testing
@testable import PostmortemKit

/// The order-keeping parallel map, alone and nested as the build nests it
/// (two stages side by side, each mapping in parallel inside).
struct ParallelMapTests {
    @Test(arguments: [1, 2, 3, 16])
    func keepsTheOrder(workers: Int) {
        let items = Array(0..<5_000)
        #expect(ParallelMap.map(items, workers: workers) { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
        #expect(ParallelMap.map([Int](), workers: workers) { $0 }.isEmpty)
    }

    @Test(arguments: [2, 4])
    func nestedMapsFinishWithTheSameResults(workers: Int) {
        let outer = Array(0..<6)
        let results = ParallelMap.map(outer, workers: workers) { stage in
            // Uneven work, so that one side finishes first and its threads help the other.
            ParallelMap.map(Array(0..<(stage == 0 ? 50 : 2_000)), workers: workers) { item in
                ParallelMap.map(Array(0..<10), workers: workers) { $0 + item + stage }.reduce(0, +)
            }
        }
        let expected = outer.map { stage in (0..<(stage == 0 ? 50 : 2_000)).map { item in (0..<10).reduce(0) { $0 + $1 + item + stage } } }
        #expect(results == expected)
    }
}
