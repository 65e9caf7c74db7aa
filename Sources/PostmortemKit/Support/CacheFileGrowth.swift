import Foundation

/// How the cache files that hold one entry per postmortem (`TermCache`,
/// `SummaryCache`, `LintCache`) are kept up to date. A rebuild after a few
/// edits used to rewrite each file whole (tens of megabytes at 10,000
/// postmortems) to add a few entries; now it appends them. Each append is a
/// block complete in itself (entries, and in `TermCache` the words they
/// use), written by one `write` to a file opened for appending, so blocks of
/// two builds never interleave; a reader takes the blocks in order to the
/// end, and a damaged or cut-short block still makes the whole file ignored.
/// The file is rewritten, with only the entries the build used, when the
/// entries it no longer used would be more than a quarter of it: so it holds
/// at most a quarter more than one build's files.
enum CacheFileGrowth {
    /// A cache file's bytes, mapped rather than read: a rebuild at 10,000
    /// postmortems reads about 130 MB of them, and a read first zeroes fresh
    /// pages and then copies every byte into them. Cache files are only ever
    /// appended to or replaced by a rename, never cut short in place, so the
    /// mapped bytes stay valid while they are read.
    static func contents(of file: URL) -> Data? {
        try? Data(contentsOf: file, options: .alwaysMapped)
    }

    /// Whether a build that used `used` of the file's `entriesInFile`
    /// entries and made `made` new ones appends them (true) or rewrites the
    /// file. Only a file read whole (`intact`) is appended to.
    static func appends(intact: Bool, entriesInFile: Int, used: Int, made: Int) -> Bool {
        intact && entriesInFile > 0 && (entriesInFile - used) * 4 <= used + made
    }

    /// Hands what it writes to `emit` (which empties the buffer it is given) as it goes.
    typealias Producer = (_ emit: (inout [UInt8]) -> Void) -> Void

    /// Saves a cache file: appends the block `newEntries` writes when
    /// `appends(…)` says so (nothing when no entry is new), else, or when
    /// the append fails, rewrites the file as `header` and the block
    /// `allEntries` writes, streamed to disk: held whole, with the header
    /// joined to it, a file of tens of megabytes was in memory three times
    /// over. Failures are ignored: a cache that cannot be written only makes
    /// the next build slower.
    static func save(_ file: URL, header: String, intact: Bool, entriesInFile: Int, used: Int, made: Int,
                     newEntries: Producer, allEntries: Producer) {
        if appends(intact: intact, entriesInFile: entriesInFile, used: used, made: made) {
            if made == 0 { return }
            var block: [UInt8] = []
            newEntries { bytes in
                block += bytes
                bytes.removeAll(keepingCapacity: true)
            }
            if append(block, to: file.path) { return }
        }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? PlainFileWriter.writeAtomically(to: file.path) { emit in
            var bytes = Array(header.utf8)
            emit(&bytes)
            withoutActuallyEscaping(emit) { allEntries($0) }
        }
    }

    /// How many bytes a block is written in.
    static let chunkBytes = 1 << 20

    /// Appends `bytes` to the file at `path` in one write; false when the
    /// file cannot be opened (it was removed) or the write fails.
    static func append(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        let closed = close(descriptor) == 0
        return written == bytes.count && closed
    }
}
