import Foundation

/// Numbers distinct byte strings (words) 0, 1, 2, … in the order they are
/// first seen. Tokenisers look each word occurrence up here by its bytes, so
/// that the work per distinct word (a String, stop words, stemming) is done
/// once rather than once per occurrence. Open addressing.
///
/// Each slot holds the word's first 8 bytes, its length and part of its
/// hash beside its number, so that a word of 8 bytes or fewer (nine words
/// in ten of English prose) is found by reading one slot. With the number
/// alone in the slot, a lookup read the slot, then the word's hash, start
/// and bytes, each elsewhere in memory: in `patterns`, where the parser
/// runs between lookups and evicts the table from the cache, perf put
/// seven tenths of the table's time on the first two of those reads.
struct ByteStringTable {
    private struct Slot {
        /// The word's first 8 bytes, little-endian, zero above its end.
        var prefix: UInt64 = 0
        /// Hash bits 40..<64 above the length (at most 255) in the low byte.
        var tag: UInt32 = 0
        /// -1: empty.
        var number: Int32 = -1
    }

    /// Bytes of string n are bytes[starts[n]..<starts[n + 1]].
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Each string's hash, to place it again when the table grows.
    private var hashes: [UInt64] = []
    /// Never more than half full.
    private var slots = [Slot](repeating: Slot(), count: 256)

    var count: Int { hashes.count }

    /// The number of `word`, and whether this call added it.
    mutating func insert(_ word: [UInt8]) -> (number: Int32, isNew: Bool) {
        word.withUnsafeBufferPointer { insert($0) }
    }

    /// The number of `word`, and whether this call added it.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> (number: Int32, isNew: Bool) {
        let (prefix, hash) = ByteStringTable.prefixAndHash(word)
        let tag = UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(min(word.count, 255))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry.number < 0 { break }
            // Prefix and exact length are the whole word up to 8 bytes.
            if entry.tag == tag && entry.prefix == prefix && (word.count <= 8 || sameTail(Int(entry.number), word)) {
                return (entry.number, false)
            }
            slot = (slot + 1) & mask
        }
        let number = Int32(hashes.count)
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Slot(prefix: prefix, tag: tag, number: number)
        if hashes.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// Whether string `number` is `word`, which is longer than 8 bytes and
    /// has the same first 8 bytes.
    private func sameTail(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start + 8, word.baseAddress! + 8, word.count - 8) == 0 }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.number >= 0 {
            var slot = Int(truncatingIfNeeded: hashes[Int(entry.number)]) & mask
            while slots[slot].number >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// The word's first 8 bytes as a number, and a hash of all its bytes
    /// and its length: 8 bytes at a time, each step a multiply, with a
    /// final mix so that the low bits (the slot) depend on every byte.
    /// (FNV-1a's multiply per byte took longer for words of 8 bytes or more.)
    @inline(__always)
    private static func prefixAndHash(_ word: UnsafeBufferPointer<UInt8>) -> (prefix: UInt64, hash: UInt64) {
        guard let base = word.baseAddress else { return (0, 0) }
        let count = word.count
        let prefix = littleEndianWord(base, count)
        var hash = (prefix &+ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
        var offset = 8
        while offset < count {
            hash = (hash ^ (hash >> 31) ^ littleEndianWord(base + offset, count - offset)) &* 0xBF58_476D_1CE4_E5B9
            offset += 8
        }
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        hash ^= hash >> 32
        return (prefix, hash)
    }

    /// The first min(`count`, 8) bytes at `start`, little-endian, zero above
    /// them; never reads past them.
    @inline(__always)
    private static func littleEndianWord(_ start: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        if count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)) }
        var value: UInt64 = 0
        for index in 0..<count { value |= UInt64(start[index]) << (8 * UInt64(index)) }
        return value
    }
}
