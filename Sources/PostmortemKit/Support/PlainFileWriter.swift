import Foundation

/// Writes files with open/write/close. Foundation's `Data.write(to:)` on
/// Linux calls fsync for every file, which made writing a site of ten
/// thousand pages wait on the disk for tens of seconds; a site is rebuilt
/// from its sources, so it needs no such durability (the atomic swap of the
/// whole folder is what protects the previous site).
enum PlainFileWriter {
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    static func write(_ data: Data, to path: String) throws(Failure) {
        let descriptor = try openForWriting(path)
        var failure = data.withUnsafeBytes { writeAll($0, to: descriptor) }
        if failure == 0 { failure = cut(descriptor, at: data.count) }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw Failure(code: failure) }
    }

    /// Opens `path` for writing from its start, creating it if need be.
    /// An existing file is not truncated first but cut to the new length
    /// after the write (`cut`): truncating frees every block of the file at
    /// once, and on a disk mounted with `discard` the writing thread waits
    /// for the device to trim them, while bytes written over old ones reuse
    /// their blocks.
    private static func openForWriting(_ path: String) throws(Failure) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(code: errno) }
        return descriptor
    }

    /// Drops whatever an older, longer version of the file held past `length`; the errno of a failure, else 0.
    private static func cut(_ descriptor: Int32, at length: Int) -> Int32 {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return errno }
        guard Int(status.st_size) > length else { return 0 }
        return ftruncate(descriptor, off_t(length)) == 0 ? 0 : errno
    }

    /// Writes the bytes that `produce` hands to `emit` as they come (`emit`
    /// empties the buffer it is given), for files too large to hold whole.
    /// Returns the number of bytes written.
    static func write(to path: String, streaming produce: (_ emit: (inout [UInt8]) -> Void) -> Void) throws(Failure) -> Int {
        let descriptor = try openForWriting(path)
        var failure: Int32 = 0
        var total = 0
        produce { bytes in
            defer { bytes.removeAll(keepingCapacity: true) }
            guard failure == 0 else { return }
            failure = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
            total += bytes.count
        }
        if failure == 0 { failure = cut(descriptor, at: total) }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw Failure(code: failure) }
        return total
    }

    /// Writes all of `buffer`, retrying short writes; the errno of a failure, else 0.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Writes to a temporary name beside `path` and renames it into place, so
    /// a reader never sees half a file.
    static func writeAtomically(_ data: Data, to path: String) throws(Failure) {
        let temporary = path + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        try write(data, to: temporary)
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Failure(code: code)
        }
    }

    /// `write(to:streaming:)` to a temporary name beside `path`, renamed
    /// into place: a large file's parts need not be joined in memory first.
    static func writeAtomically(to path: String, streaming produce: (_ emit: (inout [UInt8]) -> Void) -> Void) throws(Failure) {
        let temporary = path + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        do { _ = try write(to: temporary, streaming: produce) } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Failure(code: code)
        }
    }

    /// Copies the file at `source` to `path` in the kernel (sendfile), so
    /// the bytes never pass through this process. Returns the bytes copied,
    /// or nil when `source` cannot be opened (a missing cache entry).
    static func copy(from source: String, to path: String) throws(Failure) -> Int? {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return nil }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        let output = try openForWriting(path)
        var copied = 0
        var failure: Int32 = 0
        while copied < size {
            let sent = sendfile(output, input, nil, size - copied)
            if sent < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            if sent == 0 { break }  // the file shrank while being copied
            copied += sent
        }
        if failure == 0 { failure = cut(output, at: copied) }
        if close(output) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw Failure(code: failure) }
        return copied
    }
}
