import Foundation

/// Each file's `PostmortemSummary`, kept between site builds
/// (`.postmortem-cache/summaries.bin`), so that a rebuild reads an unchanged
/// file's front matter and does not parse its Markdown. The Markdown of a
/// file whose findings, terms or page the other caches lack is parsed when
/// that stage asks for it (`Postmortem.complete`).
///
/// A summary is a function of the file's bytes (its git blob id), the config
/// (section names decide which section is the summary or the action items)
/// and the tool's build; the key is the blob id of the three. The file: a
/// header line, then blocks of keys, each with its summary's bytes.
/// Summaries are decoded when first asked for, on the thread that asks.
/// `save` appends a block of the entries this build made, or rewrites the
/// file with those it used and made (`CacheFileGrowth`). A file that is
/// missing, of another form or damaged anywhere is ignored; a summary that
/// cannot be decoded is a miss.
///
/// Beside it, `files.bin` records each file's status (`FileStatus`) with
/// the blob id of the bytes read with that status, so that a rebuild finds
/// an unchanged file's summary without reading the file. The record is
/// trusted only for a file last changed before it was written (its own
/// modification time is the clock), and rewritten whole when it changes or
/// when a file was too recent to trust.
final class SummaryCache: @unchecked Sendable {
    let file: URL
    private let keys: ContentKeys
    private let data: Data
    /// Key → where its summary's bytes are in `data`.
    private let stored: [String: Range<Int>]
    /// Entries in the file (a key appended twice counts twice), and whether it was read whole.
    private let entriesInFile: Int
    private let intact: Bool
    private let lock = NSLock()
    private var used = Set<String>()
    private var made: [String: PostmortemSummary] = [:]
    private var saved = false
    /// `files.bin`: path → status and blob id, and when it was written (nanoseconds since 1970).
    let statusFile: URL
    private let statuses: [String: KnownFile]
    private let statusesWritten: Int64
    /// The status and blob id of every file this build read or found unchanged.
    private var seen: [String: KnownFile] = [:]
    /// Whether a file had its recorded status but changed too close to the
    /// record: the record is then written again, so that it is dated later
    /// than the file and the next build trusts it (else it never would).
    private var sawRacyFile = false

    /// A file's status when its bytes, with this blob id, were read.
    struct KnownFile: Hashable {
        var status: FileStatus
        var contentID: String
    }

    /// The file beside the page cache's folder (`.postmortem-cache/pages`).
    static func file(cacheFolder: URL) -> URL {
        cacheFolder.deletingLastPathComponent().appendingPathComponent("summaries.bin")
    }

    init(file: URL, config: Config) {
        self.file = file
        keys = ContentKeys(config: config)
        let data = CacheFileGrowth.contents(of: file) ?? Data()
        self.data = data
        if let index = SummaryCache.index(data) {
            (stored, entriesInFile, intact) = (index.entries, index.entriesInFile, true)
        } else {
            (stored, entriesInFile, intact) = ([:], 0, false)
        }
        statusFile = file.deletingLastPathComponent().appendingPathComponent("files.bin")
        (statuses, statusesWritten) = SummaryCache.readStatuses(statusFile)
    }

    /// The blob id of the file at `path` (relative to the root) when its
    /// status is the one recorded with it, and it had settled before the
    /// record was written; nil otherwise (the file must be read).
    func contentID(path: String, status: FileStatus) -> String? {
        guard let known = statuses[path], known.status == status else { return nil }
        guard status.settled(before: statusesWritten) else {
            lock.lock()
            sawRacyFile = true
            lock.unlock()
            return nil
        }
        return known.contentID
    }

    /// Records the status of a file and the blob id of its bytes, for the next build.
    func record(path: String, status: FileStatus, contentID: String) {
        lock.lock()
        seen[path] = KnownFile(status: status, contentID: contentID)
        lock.unlock()
    }

    /// The key of the summary of the file with this blob id; nil for none.
    func key(contentID: String?) -> String? {
        keys.key(contentID: contentID)
    }

    func summary(for key: String) -> PostmortemSummary? {
        guard let range = stored[key] else { return nil }
        let summary = data.withUnsafeBytes { raw -> PostmortemSummary? in
            var reader = ByteReader(bytes: UnsafeRawBufferPointer(rebasing: raw[range]))
            guard let summary = PostmortemSummary.read(from: &reader), reader.remaining == 0 else { return nil }
            return summary
        }
        guard let summary else { return nil }
        lock.lock()
        used.insert(key)
        lock.unlock()
        return summary
    }

    func store(_ summary: PostmortemSummary, for key: String) {
        lock.lock()
        // Once saved, nothing would write it: it is not held either.
        if !saved { made[key] = summary }
        lock.unlock()
    }

    /// Appends the entries this build made, or rewrites the file with those
    /// it used and made (`CacheFileGrowth`). Failures are ignored: the next
    /// build is only slower.
    /// Only the first call writes; it releases the summaries it wrote.
    func save() {
        lock.lock()
        defer { lock.unlock() }
        guard !saved else { return }
        saved = true
        defer { made = [:] }
        if seen != statuses || sawRacyFile { SummaryCache.writeStatuses(seen, to: statusFile) }
        let kept = used.subtracting(made.keys)
        guard !made.isEmpty || kept.count != stored.count else { return }
        CacheFileGrowth.save(file, header: SummaryCache.header, intact: intact, entriesInFile: entriesInFile, used: kept.count,
                             made: made.count, newEntries: { emit in block(kept: [], made: made, to: emit) },
                             allEntries: { emit in block(kept: kept, made: made, to: emit) })
    }

    /// A block of the file: the stored entries `kept` and the entries `made`.
    private func block(kept: Set<String>, made: [String: PostmortemSummary], to emit: (inout [UInt8]) -> Void) {
        var out = ByteWriter()
        out.append(UInt32(kept.count + made.count))
        for key in (Array(kept) + made.keys).sorted() {
            if out.bytes.count >= CacheFileGrowth.chunkBytes { emit(&out.bytes) }
            out.append(key)
            if let summary = made[key] {
                var entry = ByteWriter()
                summary.write(to: &entry)
                out.append(UInt32(entry.bytes.count))
                out.bytes += entry.bytes
            } else {
                let range = stored[key]!
                out.append(UInt32(range.count))
                out.bytes += data[range]
            }
        }
        emit(&out.bytes)
    }

    /// The first line; a file with another is ignored (bump it when the form changes).
    private static let header = "postmortem summary cache 4\n"

    private static let statusHeader = "postmortem file status 1\n"

    /// The records of `files.bin` and when it was written; none when it is
    /// missing, of another form or damaged.
    private static func readStatuses(_ file: URL) -> (records: [String: KnownFile], written: Int64) {
        guard let status = FileStatus(atPath: file.path), let data = FileManager.default.contents(atPath: file.path) else { return ([:], 0) }
        let records = data.withUnsafeBytes { raw -> [String: KnownFile]? in
            var reader = ByteReader(bytes: raw)
            guard reader.skip(header: Array(statusHeader.utf8)), let count = reader.count(minimumSize: 48) else { return nil }
            var records: [String: KnownFile] = [:]
            records.reserveCapacity(count)
            for _ in 0..<count {
                guard let path = reader.string(), let device = reader.integer(UInt64.self), let inode = reader.integer(UInt64.self),
                      let size = reader.integer(UInt64.self), let modified = reader.integer(Int64.self),
                      let changed = reader.integer(Int64.self), let contentID = reader.string() else { return nil }
                records[path] = KnownFile(status: FileStatus(device: device, inode: inode, size: size, modified: modified, changed: changed),
                                          contentID: contentID)
            }
            return reader.remaining == 0 ? records : nil
        }
        return (records ?? [:], status.modified)
    }

    /// Rewrites `files.bin` with `records` (in path order); failures are ignored.
    private static func writeStatuses(_ records: [String: KnownFile], to file: URL) {
        var out = ByteWriter()
        out.bytes += Array(statusHeader.utf8)
        out.append(UInt32(records.count))
        for path in records.keys.sorted() {
            let known = records[path]!
            out.append(path)
            out.append(known.status.device)
            out.append(known.status.inode)
            out.append(known.status.size)
            out.append(known.status.modified)
            out.append(known.status.changed)
            out.append(known.contentID)
        }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? PlainFileWriter.writeAtomically(Data(out.bytes), to: file.path)
    }

    /// Where each key's summary is, and how many entries the file holds;
    /// nil when the file is of another form or damaged.
    private static func index(_ data: Data) -> (entries: [String: Range<Int>], entriesInFile: Int)? {
        data.withUnsafeBytes { raw -> ([String: Range<Int>], Int)? in
            var reader = ByteReader(bytes: raw)
            guard reader.skip(header: Array(header.utf8)) else { return nil }
            var index: [String: Range<Int>] = [:]
            var entriesInFile = 0
            while reader.remaining > 0 {
                guard let count = reader.count(minimumSize: 8) else { return nil }
                index.reserveCapacity(index.count + count)
                for _ in 0..<count {
                    guard let key = reader.string(), let length = reader.integer(UInt32.self), reader.remaining >= Int(length) else { return nil }
                    index[key] = reader.offset..<(reader.offset + Int(length))
                    reader.offset += Int(length)
                }
                entriesInFile += count
            }
            return (index, entriesInFile)
        }
    }
}
