import Foundation
import PropertyBased
import Testing
@testable import PostmortemKit

/// The byte-string table against a dictionary of byte arrays: the same
/// numbers, in first-seen order, through many growths of the table.
struct ByteStringTableTests {
    @Test func numbersWordsInTheOrderFirstSeenLikeADictionary() async {
        await propertyCheck(count: 40, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = SeededGenerator(seed: seed)
            var table = ByteStringTable()
            var reference: [[UInt8]: Int32] = [:]
            // Short words over a small alphabet repeat often; long ones
            // rarely. Words of 8 bytes or fewer are told apart by their
            // first 8 bytes and length alone, so a zero byte is in the
            // alphabet too ("a" and "a\0" must differ).
            let alphabet = Array("abcde-_.é".utf8) + [0]
            for _ in 0..<Int.random(in: 1...20_000, using: &generator) {
                let length = Int.random(in: 0...(Bool.random(using: &generator) ? 3 : Bool.random(using: &generator) ? 10 : 40), using: &generator)
                let word = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                let expected = reference[word] ?? Int32(reference.count)
                let isNew = reference[word] == nil
                reference[word] = expected
                let (number, added) = table.insert(word)
                #expect(number == expected && added == isNew)
            }
            #expect(table.count == reference.count)
        }
    }
}
