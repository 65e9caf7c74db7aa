/// A read-only map from lower-case words to small values, built once.
///
/// The blameless analysis looks up every word of every sentence of every
/// file, so this lookup is on the lint's hot path. Swift's `Dictionary`
/// hashes with SipHash, which is built to resist collision attacks; the
/// vocabulary is fixed data, so a plain FNV-1a hash over the UTF-8 bytes
/// with linear probing is safe here and several times cheaper. Equality is
/// `String ==`, which compares small strings by their raw bits.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [String?]
    private var values: [Value?]
    private var mask: Int

    init(_ dictionary: [String: Value]) {
        var capacity = 16
        while capacity < dictionary.count * 3 { capacity *= 2 }
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for (key, value) in dictionary {
            var slot = WordTable.hash(key) & mask
            while keys[slot] != nil { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    subscript(word: String) -> Value? {
        self[word, WordTable.hash(word)]
    }

    /// Looks up `word` whose `hash(_:)` is already known (the tokenizer computes it).
    subscript(word: String, hash: Int) -> Value? {
        var slot = hash & mask
        while let key = keys[slot] {
            if key == word { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a over the UTF-8 bytes.
    static func hash(_ word: String) -> Int {
        var copy = word
        return copy.withUTF8 { hash(bytes: $0) }
    }

    static func hash(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = FNV()
        for byte in bytes { hash.add(byte) }
        return hash.value
    }

    /// FNV-1a, fed one byte at a time.
    struct FNV {
        private var state: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ byte: UInt8) {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01b3
        }
        var value: Int { Int(truncatingIfNeeded: state ^ (state >> 29)) }
    }
}
