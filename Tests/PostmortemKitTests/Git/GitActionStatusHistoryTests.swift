import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

/// The byte-level action normaliser against the Character-based one it replaced.
struct GitActionStatusHistoryTests {
    static let pieces = [" ", "  ", "\t", "\n", "\r\n", "\r", "\u{B}", "\u{C}", "\u{1C}", "\u{1F}", "\u{0}", "\u{7F}",
                         "Add", "ALERT", "on", "disk-full", "x", "Z", "9", "@", "`", "[", "{", "é", "\u{A0}", "\u{2003}",
                         "\u{301}", "Σ", "İ", "ß", "🚨"]

    @Test(arguments: ["", " ", "Add alerting", "  Add   ALERTING\ton\r\ndisk ", "\r\n", "a\u{1C}b", "Ünïcode  Text", " \u{301}x"])
    func examplesMatchTheCharacterVersion(action: String) {
        #expect(GitActionStatusHistory.normalise(action) == GitActionStatusHistory.unicodeNormalise(action))
    }

    @Test func generatedActionsMatchTheCharacterVersion() async {
        await propertyCheck(count: 2_000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            // Mostly ASCII (the fast path), sometimes not (the fallback).
            let pool = Bool.random(using: &generator) ? Array(Self.pieces.prefix(22)) : Self.pieces
            let action = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            #expect(GitActionStatusHistory.normalise(action) == GitActionStatusHistory.unicodeNormalise(action), "\(action.debugDescription)")
        }
    }
}
