import Foundation

/// A cache file that holds one entry under one key: the result of the last
/// build's stage, kept for the next build when the stage's inputs, which
/// the key covers, are unchanged (`ClusterCache`, `ReportCache`).
///
/// The file is a header line, then the key, the entry (`ByteWriter`) and
/// the blob id of key and entry. A file that is missing, of another form or
/// damaged anywhere is ignored. The entry is only read, and its digest
/// checked, when its key is asked for.
final class KeyedEntryCache<Entry: Sendable>: @unchecked Sendable {
    typealias Encode = @Sendable (Entry, inout ByteWriter) -> Void
    typealias Decode = @Sendable (inout ByteReader) -> Entry?

    let file: URL
    private let header: String
    private let encode: Encode
    private let decode: Decode
    /// The file's bytes and its key, when it has this header.
    private let stored: (data: Data, key: String)?
    private let lock = NSLock()
    private var made: (key: String, entry: Entry)?
    /// Whether this run took its entry from the file (the tests read it).
    private(set) var reused = false

    init(file: URL, header: String, encode: @escaping Encode, decode: @escaping Decode) {
        (self.file, self.header, self.encode, self.decode) = (file, header, encode, decode)
        stored = CacheFileGrowth.contents(of: file).flatMap { data in
            data.withUnsafeBytes { raw in
                var reader = ByteReader(bytes: raw)
                guard reader.skip(header: Array(header.utf8)), let key = reader.string() else { return nil }
                return (data, key)
            }
        }
    }

    /// The entry stored under `key`, when the file holds it whole and
    /// `isUsable` accepts it (an entry that does not fit the inputs).
    func entry(for key: String, isUsable: (Entry) -> Bool = { _ in true }) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let stored, stored.key == key else { return nil }
        let entry = stored.data.withUnsafeBytes { raw -> Entry? in
            var reader = ByteReader(bytes: raw)
            guard reader.skip(header: Array(header.utf8)) else { return nil }
            let payloadStart = reader.offset
            guard reader.string() != nil, let entry = decode(&reader) else { return nil }
            let payload = UnsafeRawBufferPointer(rebasing: raw[payloadStart..<reader.offset])
            guard let digest = reader.string(), reader.remaining == 0, digest == GitRepository.blobID(of: payload) else { return nil }
            return entry
        }
        guard let entry, isUsable(entry) else { return nil }
        reused = true
        return entry
    }

    func store(_ entry: Entry, for key: String) {
        lock.lock()
        defer { lock.unlock() }
        made = (key, entry)
    }

    /// Writes the entry this run made, if any and if its key is new
    /// (atomically: a reader sees the old file or the new one), with
    /// `PlainFileWriter`, which does not wait for the disk. A cache that
    /// cannot be written only makes the next build slower.
    func save() {
        lock.lock()
        defer { lock.unlock() }
        guard let made, made.key != stored?.key else { return }
        var bytes = bytes(made.key, made.entry)
        try? PlainFileWriter.writeAtomically(to: file.path) { emit in emit(&bytes) }
    }

    /// The file's bytes: the header, then key and entry and the blob id of both.
    func bytes(_ key: String, _ entry: Entry) -> [UInt8] {
        var out = ByteWriter()
        out.bytes = Array(header.utf8)
        out.append(key)
        encode(entry, &out)
        let digest = out.bytes.withUnsafeBytes { GitRepository.blobID(of: UnsafeRawBufferPointer(rebasing: $0[header.utf8.count...])) }
        out.append(digest)
        return out.bytes
    }
}
