import Foundation

/// Weighted terms counted from each file, kept between builds, so that an
/// incremental build counts the terms of the files that changed only. Two
/// stages of a build count terms per file and use one each: the patterns
/// analysis (`TermCounter`'s words and concepts, `pattern-terms.bin`) and
/// the search index (`SearchTermTable`'s terms, `search-terms.bin`). With
/// lint findings and pages cached, a rebuild waits for those two stages,
/// and counting was most of their work.
///
/// A file's terms are a function of its bytes (its git blob id,
/// `Postmortem.contentID`), of the config (section names decide which
/// section is which) and of the tool's build (tokenizers, stop words,
/// `ConceptLexicon`); the key is the blob id of all three. What either stage
/// does with the terms of all files (weights across the corpus, postings)
/// runs on every build. Terms are stored exactly (64-bit weights, in the
/// order counted), so the output built from the cache is the output built
/// without it, byte for byte.
///
/// Each cache is one binary file in `.postmortem-cache/`: a header line,
/// then blocks, each with its words (each stored once) and its keys with
/// their terms as (word number in the block, weight). `save` appends a
/// block of the entries this run made, or rewrites the file as one block of
/// the entries it used (`CacheFileGrowth`). A file that is missing, of
/// another form or damaged anywhere is ignored.
/// One file's terms in a stage that counts them: counted now, in the
/// stage's own form, or read from its `TermCache` (words by their number in
/// the cache's `words`).
enum CountedOrCached<Counted: Sendable>: Sendable {
    case counted(Counted)
    case cached(TermCache.StoredTerms)
}

final class TermCache: @unchecked Sendable {
    typealias Terms = [(term: String, weight: Double)]

    /// A file's terms as read: each word by its number in `words`.
    typealias StoredTerms = [(word: UInt32, weight: Double)]

    let file: URL
    private let keys: ContentKeys
    /// Words of the file, each once; entries refer to them by number.
    let words: [String]
    private let stored: [String: StoredTerms]
    /// Entries in the file (a key appended twice counts twice), and whether it was read whole.
    private let entriesInFile: Int
    private let intact: Bool
    private let lock = NSLock()
    /// Keys of `stored` this run used, and entries it made.
    private var used = Set<String>()
    private var made: [String: Terms] = [:]
    private var saved = false

    /// The cache file `name` beside the page cache's folder (`.postmortem-cache/pages`).
    static func file(_ name: String, cacheFolder: URL) -> URL {
        cacheFolder.deletingLastPathComponent().appendingPathComponent(name)
    }

    init(file: URL, config: Config) {
        self.file = file
        keys = ContentKeys(config: config)
        if let read = TermCache.read(file) {
            (words, stored, entriesInFile, intact) = (read.words, read.entries, read.entriesInFile, true)
        } else {
            (words, stored, entriesInFile, intact) = ([], [:], 0, false)
        }
    }

    /// The key of a file's terms, or nil when it has no blob id.
    func key(for postmortem: Postmortem) -> String? {
        key(contentID: postmortem.contentID)
    }

    /// The key of the terms of the file with this blob id; nil for none.
    func key(contentID: String?) -> String? {
        keys.key(contentID: contentID)
    }

    /// The terms stored for `key`, in the order they were counted, their
    /// words as numbers in `words` (so that a corpus interns each word of
    /// the cache once, not once per file that uses it).
    func terms(for key: String) -> StoredTerms? {
        guard let entry = stored[key] else { return nil }
        lock.lock()
        used.insert(key)
        lock.unlock()
        return entry
    }

    /// Whether terms are stored for `key` (without counting it as used).
    func contains(_ key: String) -> Bool {
        stored[key] != nil
    }

    func store(_ terms: Terms, for key: String) {
        lock.lock()
        // Once saved, nothing would write it: it is not held either.
        if !saved { made[key] = terms }
        lock.unlock()
    }

    /// Appends the entries this run made, or rewrites the file with those
    /// it used and made (`CacheFileGrowth`). A cache that cannot be written
    /// only makes the next build slower, so failures are ignored.
    /// Only the first call writes; it releases the entries it wrote, which
    /// at 10,000 postmortems were a hundred megabytes held to the build's end.
    func save() {
        lock.lock()
        defer { lock.unlock() }
        guard !saved else { return }
        saved = true
        defer { made = [:] }
        guard !made.isEmpty || used.count != stored.count else { return }
        let kept = used.subtracting(made.keys)
        CacheFileGrowth.save(file, header: TermCache.header, intact: intact, entriesInFile: entriesInFile, used: kept.count, made: made.count,
                             newEntries: { emit in block(kept: [], made: made, to: emit) },
                             allEntries: { emit in block(kept: kept, made: made, to: emit) })
    }

    /// A block of the file: the stored entries `kept` and the entries
    /// `made`, with the words they use, numbered within the block.
    private func block(kept: Set<String>, made: [String: Terms], to emit: (inout [UInt8]) -> Void) {
        // The words used: those of the stored entries kept (found by
        // number, so renumbered through an array) and of the new ones. Each
        // new occurrence is hashed once, by its bytes (`ByteStringTable`),
        // and numbered as first seen; only the distinct words are sorted.
        // (A Set and a Dictionary of Strings hashed every occurrence twice:
        // most of the CPU time of a first build's caches at 10,000 files.)
        var isUsed = [Bool](repeating: false, count: words.count)
        for key in kept { for term in stored[key]! { isUsed[Int(term.word)] = true } }
        var table = ByteStringTable()
        var newWords: [String] = []
        let madeKeys = Array(made.keys)
        let madeNumbers: [[Int32]] = madeKeys.map { key in
            made[key]!.map { term in
                var word = term.term
                let (number, isNew) = word.withUTF8 { table.insert($0) }
                if isNew { newWords.append(word) }
                return number
            }
        }
        let madeIndex = Dictionary(uniqueKeysWithValues: madeKeys.enumerated().map { ($1, $0) })
        let sorted = Set(words.indices.filter { isUsed[$0] }.map { words[$0] } + newWords).sorted()
        let number = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, UInt32($0)) })
        let renumbered = words.indices.map { isUsed[$0] ? number[words[$0]]! : 0 }
        let renumberedNew = newWords.map { number[$0]! }

        var out = ByteWriter()
        out.append(UInt32(sorted.count))
        for word in sorted { out.append(word) }
        out.append(UInt32(kept.count + made.count))
        for key in (Array(kept) + made.keys).sorted() {
            if out.bytes.count >= CacheFileGrowth.chunkBytes { emit(&out.bytes) }
            out.append(key)
            if let index = madeIndex[key] {
                let terms = made[key]!
                out.append(UInt32(terms.count))
                for (term, word) in zip(terms, madeNumbers[index]) {
                    out.append(renumberedNew[Int(word)])
                    out.append(term.weight.bitPattern)
                }
            } else {
                let terms = stored[key]!
                out.append(UInt32(terms.count))
                for term in terms {
                    out.append(renumbered[Int(term.word)])
                    out.append(term.weight.bitPattern)
                }
            }
        }
        emit(&out.bytes)
    }

    // MARK: The file

    /// The first line; a file with another is ignored (bump it when the form changes).
    private static let header = "postmortem term cache 2\n"

    /// The words and entries of `file` (the words of all blocks in one
    /// list, entries numbering into it) and how many entries it holds; nil
    /// when it is missing, of another form, or damaged anywhere.
    private static func read(_ file: URL) -> (words: [String], entries: [String: StoredTerms], entriesInFile: Int)? {
        guard let data = CacheFileGrowth.contents(of: file) else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> ([String], [String: StoredTerms], Int)? in
            var reader = ByteReader(bytes: raw)
            guard reader.skip(header: Array(TermCache.header.utf8)) else { return nil }
            var words: [String] = []
            var entries: [String: StoredTerms] = [:]
            var entriesInFile = 0
            while reader.remaining > 0 {
                // Every count is checked against the bytes left before anything is
                // reserved for it: a damaged count must not ask for gigabytes.
                guard let wordCount = reader.integer(UInt32.self), Int(wordCount) * 4 <= reader.remaining else { return nil }
                let base = UInt32(words.count)
                words.reserveCapacity(words.count + Int(wordCount))
                for _ in 0..<wordCount {
                    guard let length = reader.integer(UInt32.self), let word = reader.string(length: Int(length)) else { return nil }
                    words.append(word)
                }
                guard let entryCount = reader.integer(UInt32.self), Int(entryCount) * 8 <= reader.remaining else { return nil }
                entries.reserveCapacity(entries.count + Int(entryCount))
                for _ in 0..<entryCount {
                    guard let keyLength = reader.integer(UInt32.self), let key = reader.string(length: Int(keyLength)),
                          let termCount = reader.integer(UInt32.self), reader.remaining >= Int(termCount) * 12 else { return nil }
                    var terms: StoredTerms = []
                    terms.reserveCapacity(Int(termCount))
                    for _ in 0..<termCount {
                        let word = reader.integer(UInt32.self)!, bits = reader.integer(UInt64.self)!
                        guard word < wordCount else { return nil }
                        terms.append((base + word, Double(bitPattern: bits)))
                    }
                    entries[key] = terms
                }
                entriesInFile += Int(entryCount)
            }
            return (words, entries, entriesInFile)
        }
    }
}
