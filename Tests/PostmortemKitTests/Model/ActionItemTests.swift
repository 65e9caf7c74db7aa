import PropertyBased
import Testing
@testable import PostmortemKit

/// `ActionItem.status` returns a cell written as a status already without
/// normalising it; it must agree with normalising on every cell.
struct ActionItemTests {
    static func status(of cell: String) -> String? {
        ActionItem(location: .init(line: 1), cells: ["status": cell], cellLocations: [:]).status
    }

    @Test(arguments: ["open", "in-progress", "In progress", "DONE", "wont_do", "won't do", "in  progress", "-", "a\tb", "Ärger", "ǅ", " x "])
    func statusMatchesNormalising(cell: String) {
        #expect(Self.status(of: cell) == ActionItem.normalisedStatus(cell))
    }

    @Test func generatedStatusesMatchNormalising() async {
        let pieces = ["open", "In", " ", "_", "-", "progress", "DONE", "é", "İ", "\t", "'", "x"]
        await propertyCheck(count: 1_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            let cell = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Self.status(of: cell) == ActionItem.normalisedStatus(cell), "\(cell.debugDescription)")
        }
    }
}
