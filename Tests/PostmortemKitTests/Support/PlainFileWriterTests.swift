import Foundation
import Testing
@testable import PostmortemKit

/// `PlainFileWriter` writes over an existing file rather than truncating it
/// first, and cuts it to the new length: every way of writing leaves exactly
/// the new bytes, whether the old file was longer or shorter.
struct PlainFileWriterOverwriteTests {
    @Test(arguments: [0, 3, 5_000, 70_000])
    func writingOverAFileLeavesExactlyTheNewBytes(oldLength: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overwrite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("page.html").path
        let source = folder.appendingPathComponent("cached.html").path
        let new = Data((0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        try new.write(to: URL(fileURLWithPath: source))
        func reset() throws { try Data(repeating: 0xAB, count: oldLength).write(to: URL(fileURLWithPath: path)) }
        func contents() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

        try reset()
        try PlainFileWriter.write(new, to: path)
        #expect(try contents() == new)
        try reset()
        let streamed = try PlainFileWriter.write(to: path) { emit in
            var first = Array(new.prefix(300)), rest = Array(new.dropFirst(300))
            emit(&first)
            emit(&rest)
        }
        #expect(streamed == new.count)
        #expect(try contents() == new)
        try reset()
        #expect(try PlainFileWriter.copy(from: source, to: path) == new.count)
        #expect(try contents() == new)
    }
}
