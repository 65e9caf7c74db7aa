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
    /// Whether a build that used `used` of the file's `entriesInFile`
    /// entries and made `made` new ones appends them (true) or rewrites the
    /// file. Only a file read whole (`intact`) is appended to.
    static func appends(intact: Bool, entriesInFile: Int, used: Int, made: Int) -> Bool {
        intact && entriesInFile > 0 && (entriesInFile - used) * 4 <= used + made
    }

    /// Saves a cache file: appends `newEntries()` when `appends(…)` says so
    /// (nothing when no entry is new), else, or when the append fails,
    /// rewrites the file as `header` and `allEntries()`. Failures are
    /// ignored: a cache that cannot be written only makes the next build slower.
    static func save(_ file: URL, header: String, intact: Bool, entriesInFile: Int, used: Int, made: Int,
                     newEntries: () -> [UInt8], allEntries: () -> [UInt8]) {
        if appends(intact: intact, entriesInFile: entriesInFile, used: used, made: made) {
            if made == 0 || append(newEntries(), to: file.path) { return }
        }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? PlainFileWriter.writeAtomically(Data(Array(header.utf8) + allEntries()), to: file.path)
    }

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
