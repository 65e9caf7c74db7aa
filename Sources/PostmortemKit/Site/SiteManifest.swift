import Foundation

/// Which cached page each file of the last built site holds, so that the
/// next build can keep an unchanged page where it is (`SiteStaging`
/// updating in place) or hard-link it into a new folder, instead of copying
/// it from the page cache.
///
/// Creating a file, writing it and deleting the old site's copy took about
/// a sixth of an incremental build's CPU in the filesystem (allocating and
/// freeing inodes); a link costs a directory entry, keeping the file a
/// `stat`. A file is only trusted while nobody has touched it since the
/// build recorded it: the record holds its status (`FileStatus`: device,
/// inode, size, modification and change times; the change time moves with
/// every write, chmod or link, and no user tool can set it back), and any
/// difference sends the page back to the cache copy.
struct SiteManifest: Sendable {
    struct Record: Sendable, Equatable {
        var key: String
        var status: FileStatus
    }

    /// Records by page path.
    var records: [String: Record] = [:]

    /// The manifest file for pages cached in `cacheFolder` (`.postmortem-cache/pages`).
    static func file(cacheFolder: URL) -> URL {
        cacheFolder.deletingLastPathComponent().appendingPathComponent("site.tsv")
    }

    /// The first line names the site folder the records are for.
    private static func header(output: URL) -> String {
        "postmortem site manifest 2\t" + output.standardizedFileURL.path + "\n"
    }

    /// The manifest of the last build into `output`; empty when there is
    /// none, it is for another folder, or it cannot be read. Parsed as bytes:
    /// splitting ten thousand lines into strings took a tenth of a second
    /// on the main thread of every rebuild.
    static func read(_ file: URL, output: URL) -> SiteManifest {
        guard let data = Workspace.readFile(atPath: file.path) else { return SiteManifest() }
        let header = Array(header(output: output).utf8)
        return data.withUnsafeBytes { raw -> SiteManifest in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            guard bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) else { return SiteManifest() }
            var manifest = SiteManifest()
            var position = header.count
            /// The bytes up to the next `terminator`, which is skipped.
            func field(_ terminator: UInt8) -> UnsafeBufferPointer<UInt8>? {
                let start = position
                while position < bytes.count, bytes[position] != terminator { position += 1 }
                guard position < bytes.count else { return nil }
                position += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)])
            }
            /// A decimal number (nanoseconds since 1970 take 19 digits); nil on any other byte or on overflow.
            func number(_ terminator: UInt8) -> Int64? {
                guard let digits = field(terminator), !digits.isEmpty, digits.count <= 20 else { return nil }
                let negative = digits[0] == UInt8(ascii: "-") && digits.count > 1
                var value: Int64 = 0
                for digit in digits.dropFirst(negative ? 1 : 0) {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
                    let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                    let (sum, overflowAgain) = times.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
                    guard !overflow, !overflowAgain else { return nil }
                    value = sum
                }
                return negative ? -value : value
            }
            func unsigned(_ terminator: UInt8) -> UInt64? {
                number(terminator).flatMap { $0 >= 0 ? UInt64($0) : nil }
            }
            while position < bytes.count {
                guard let path = field(9), let key = field(9), let device = unsigned(9), let inode = unsigned(9), let size = unsigned(9),
                      let modified = number(9), let changed = number(10) else { return SiteManifest() }
                manifest.records[String(decoding: path, as: UTF8.self)] = Record(
                    key: String(decoding: key, as: UTF8.self),
                    status: FileStatus(device: device, inode: inode, size: size, modified: modified, changed: changed))
            }
            return manifest
        }
    }

    /// The record of the file at `path` now, or nil when it cannot be read.
    static func record(of path: String, key: String) -> Record? {
        FileStatus(atPath: path).map { Record(key: key, status: $0) }
    }

    /// The file of the previous site at `path` (relative to `output`) that
    /// holds the page for `key`, untouched since it was recorded; nil otherwise.
    func unchangedFile(_ path: String, key: String, in output: URL) -> String? {
        guard let recorded = records[path], recorded.key == key else { return nil }
        let file = SiteManifest.filePath(path, in: output.path)
        return SiteManifest.record(of: file, key: key) == recorded ? file : nil
    }

    /// The file at `path` (relative, `/`-separated) in the folder `root`.
    /// Joined as strings: `URL.appendingPathComponent` for every page of a
    /// large site was a visible share of a rebuild.
    static func filePath(_ path: String, in root: String) -> String {
        root.hasSuffix("/") ? root + path : root + "/" + path
    }

    /// Records `pages` (path → key) as the files of `output` now, and
    /// writes the manifest. A page whose record in `unchanged` has its key
    /// is taken to be that file still (it was kept, not written). Failures
    /// only make the next build copy pages from the cache, so they are ignored.
    static func write(_ file: URL, output: URL, pages: [(path: String, key: String)], workers: Int,
                      unchanged: [String: Record] = [:]) {
        let root = output.path
        let lines: [String?] = ParallelMap.map(pages, workers: workers) { page in
            // Tabs and line feeds would break the record's line; compared as bytes, not through Foundation.
            guard !page.path.utf8.contains(9), !page.path.utf8.contains(10),
                  let record = unchanged[page.path].flatMap({ $0.key == page.key ? $0 : nil })
                    ?? record(of: filePath(page.path, in: root), key: page.key) else { return nil }
            let status = record.status
            return "\(page.path)\t\(record.key)\t\(status.device)\t\(status.inode)\t\(status.size)\t\(status.modified)\t\(status.changed)\n"
        }
        var text = header(output: output)
        for line in lines { if let line { text += line } }
        try? PlainFileWriter.writeAtomically(Data(text.utf8), to: file.path)
    }
}
