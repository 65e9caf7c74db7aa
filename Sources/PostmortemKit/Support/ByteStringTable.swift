import Foundation

/// Numbers distinct byte strings (words) 0, 1, 2, … in the order they are
/// first seen. Tokenisers look each word occurrence up here by its bytes, so
/// that the work per distinct word (a String, stop words, stemming) is done
/// once rather than once per occurrence. FNV-1a hashes, open addressing.
struct ByteStringTable {
    /// Bytes of string n are bytes[starts[n]..<starts[n + 1]].
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// String number, or -1 for an empty slot; never more than half full.
    private var slots = [Int32](repeating: -1, count: 256)

    var count: Int { hashes.count }

    /// The number of `word`, and whether this call added it.
    mutating func insert(_ word: [UInt8]) -> (number: Int32, isNew: Bool) {
        word.withUnsafeBufferPointer { insert($0) }
    }

    /// The number of `word`, and whether this call added it.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> (number: Int32, isNew: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let number = Int(slots[slot])
            let start = starts[number]
            if hashes[number] == hash && starts[number + 1] - start == word.count
                && bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, word.baseAddress!, word.count) == 0 }) {
                return (Int32(number), false)
            }
            slot = (slot + 1) & mask
        }
        let number = Int32(hashes.count)
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = number
        if hashes.count * 2 > slots.count { grow() }
        return (number, true)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for number in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[number]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
