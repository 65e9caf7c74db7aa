import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which build of the tool is running, for the keys of everything cached
/// between runs (pages, lint findings, summaries): a cache made by another
/// build is never reused.
enum ToolBuild {
    /// The version and the running executable's GNU build id, which the
    /// linker derives from all of the tool's code (or, without one, the blob
    /// id of the executable's bytes): any rebuild, even without a version
    /// change, gets new keys. The build id is read from the executable's
    /// program headers and notes (a few kilobytes); hashing the 20 MB
    /// executable took 0.1 s on the main thread of every cached build.
    static let identity: String = {
        if let buildID = executableBuildID() { return PostmortemVersion.current + " build-id " + buildID }
        let path = CommandLine.arguments.first.flatMap { $0.contains("/") ? $0 : nil } ?? "/proc/self/exe"
        guard let data = FileManager.default.contents(atPath: "/proc/self/exe") ?? FileManager.default.contents(atPath: path) else {
            return PostmortemVersion.current + " unknown-build"
        }
        return PostmortemVersion.current + " " + GitRepository.blobID(of: data)
    }()

    /// The `NT_GNU_BUILD_ID` note of the running executable, in hex; nil
    /// when it has none or is not a 64-bit little-endian ELF file. Reads the
    /// ELF header, the program headers and the notes they point to: a few
    /// kilobytes, not the executable.
    static func executableBuildID(path: String = "/proc/self/exe") -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        func read(_ count: Int, at offset: Int) -> [UInt8]? {
            guard count >= 0, count <= 1 << 20, offset >= 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return got == count ? bytes : nil
        }
        // Truncated, not trapped: a damaged 64-bit offset becomes a negative or huge number that `read` refuses.
        func integer<Integer: FixedWidthInteger>(_ bytes: [UInt8], _ offset: Int, _: Integer.Type) -> Int {
            bytes.withUnsafeBytes { Int(truncatingIfNeeded: Integer(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Integer.self))) }
        }
        // ELF magic, 64-bit class (2), little-endian data (1).
        guard let header = read(64, at: 0), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else { return nil }
        let (tableOffset, entrySize, entries) = (integer(header, 32, UInt64.self), integer(header, 54, UInt16.self), integer(header, 56, UInt16.self))
        guard entrySize >= 56, let table = read(entrySize * entries, at: tableOffset) else { return nil }
        for index in 0..<entries {
            let entry = index * entrySize
            // PT_NOTE is 4; its notes at p_offset (8), p_filesz (32) bytes.
            guard integer(table, entry, UInt32.self) == 4,
                  let notes = read(integer(table, entry + 32, UInt64.self), at: integer(table, entry + 8, UInt64.self)) else { continue }
            if let id = notes.withUnsafeBytes({ buildID(inNotes: $0) }), !id.isEmpty {
                return id.map { String(format: "%02x", $0) }.joined()
            }
        }
        return nil
    }

    /// The descriptor of the GNU build-id note among ELF notes (name size,
    /// descriptor size, type, then name and descriptor, each padded to 4 bytes).
    static func buildID(inNotes notes: UnsafeRawBufferPointer) -> [UInt8]? {
        var offset = 0
        func padded(_ size: Int) -> Int { (size + 3) & ~3 }
        while offset + 12 <= notes.count {
            let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let descriptorSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let name = offset + 12, descriptor = name + padded(nameSize)
            guard nameSize <= notes.count, descriptorSize <= notes.count, descriptor + descriptorSize <= notes.count else { return nil }
            // NT_GNU_BUILD_ID is 3, named "GNU\0".
            if type == 3, nameSize == 4, Array(notes[name..<(name + 4)]) == Array("GNU\u{0}".utf8) {
                return Array(notes[descriptor..<(descriptor + descriptorSize)])
            }
            offset = descriptor + padded(descriptorSize)
        }
        return nil
    }
}
