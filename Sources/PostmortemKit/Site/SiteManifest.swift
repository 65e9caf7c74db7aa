import Foundation

/// Which cached page each file of the last built site holds, so that the
/// next build can hard-link an unchanged page from the previous site into
/// the new one instead of copying it from the page cache.
///
/// Creating a file, writing it and deleting the old site's copy took about
/// a sixth of an incremental build's CPU in the filesystem (allocating and
/// freeing inodes); a link costs a directory entry. A linked file is only
/// trusted while nobody has touched it since the build recorded it: the
/// record holds its inode, size and change time (ctime, which every write,
/// chmod or link updates and no user tool can set back), and any difference
/// sends the page back to the cache copy. The previous site is moved aside
/// and deleted after the new one is in place, as before, so linking never
/// changes what a reader of the old site sees.
struct SiteManifest: Sendable {
    struct Record: Sendable, Equatable {
        var key: String
        var inode: UInt64
        var size: Int
        var changedSeconds: Int
        var changedNanoseconds: Int
    }

    /// Records by page path.
    var records: [String: Record] = [:]

    /// The manifest file for pages cached in `cacheFolder` (`.postmortem-cache/pages`).
    static func file(cacheFolder: URL) -> URL {
        cacheFolder.deletingLastPathComponent().appendingPathComponent("site.tsv")
    }

    /// The first line names the site folder the records are for.
    private static func header(output: URL) -> String {
        "postmortem site manifest 1\t" + output.standardizedFileURL.path + "\n"
    }

    /// The manifest of the last build into `output`; empty when there is
    /// none, it is for another folder, or it cannot be read.
    static func read(_ file: URL, output: URL) -> SiteManifest {
        guard let data = FileManager.default.contents(atPath: file.path) else { return SiteManifest() }
        let text = String(decoding: data, as: UTF8.self)
        let header = header(output: output)
        guard text.hasPrefix(header) else { return SiteManifest() }
        var manifest = SiteManifest()
        for line in text.dropFirst(header.count).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 6, let inode = UInt64(fields[2]), let size = Int(fields[3]), let seconds = Int(fields[4]),
                  let nanoseconds = Int(fields[5]) else { return SiteManifest() }
            manifest.records[String(fields[0])] = Record(key: String(fields[1]), inode: inode, size: size, changedSeconds: seconds,
                                                         changedNanoseconds: nanoseconds)
        }
        return manifest
    }

    /// The record of the file at `path` now, or nil when it cannot be read.
    static func record(of path: String, key: String) -> Record? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Record(key: key, inode: UInt64(status.st_ino), size: Int(status.st_size), changedSeconds: Int(status.st_ctim.tv_sec),
                      changedNanoseconds: Int(status.st_ctim.tv_nsec))
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
    /// writes the manifest. Failures only make the next build copy pages
    /// from the cache, so they are ignored.
    static func write(_ file: URL, output: URL, pages: [(path: String, key: String)], workers: Int) {
        let root = output.path
        let lines: [String?] = ParallelMap.map(pages, workers: workers) { page in
            // Tabs and line feeds would break the record's line; compared as bytes, not through Foundation.
            guard !page.path.utf8.contains(9), !page.path.utf8.contains(10),
                  let record = record(of: filePath(page.path, in: root), key: page.key) else { return nil }
            return "\(page.path)\t\(record.key)\t\(record.inode)\t\(record.size)\t\(record.changedSeconds)\t\(record.changedNanoseconds)\n"
        }
        var text = header(output: output)
        for line in lines { if let line { text += line } }
        try? PlainFileWriter.writeAtomically(Data(text.utf8), to: file.path)
    }
}
