import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the file system says of a file without reading it: device, inode,
/// size and the times of the last change to its bytes and to its status.
/// As in git's index, a file whose status equals the one recorded when its
/// bytes were read is taken to hold those bytes still (`SummaryCache`), so
/// that a rebuild need not read and hash every unchanged postmortem to find
/// its blob id. Any write changes the change time (`ctime`), which no tool
/// can set back, and an editor that saves by renaming makes a new inode.
struct FileStatus: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: UInt64
    /// Nanoseconds since 1970 of the last change to the bytes, and to the status.
    var modified: Int64
    var changed: Int64

    init(device: UInt64, inode: UInt64, size: UInt64, modified: Int64, changed: Int64) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = UInt64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    /// The status of the regular file at `path` (links followed); nil for none.
    init?(atPath path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(info)
    }

    /// Whether the file was last changed before `time` (nanoseconds since
    /// 1970): a file changed in the same tick of the file system's clock as
    /// the record of its status was written could change again unseen
    /// within that tick, so it is read again (git's "racily clean" files).
    func settled(before time: Int64) -> Bool {
        modified < time && changed < time
    }
}
