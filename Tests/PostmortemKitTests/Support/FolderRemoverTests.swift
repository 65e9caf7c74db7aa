import Foundation
import Testing
@testable import PostmortemKit

/// `FolderRemover` deletes a whole tree with many threads, and never what a
/// link inside it points to.
struct FolderRemoverTests {
    private static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folder-remover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func removesNestedFoldersFilesAndLinksButNotTheirTargets() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let tree = base.appendingPathComponent("site")
        let outside = base.appendingPathComponent("keep")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: outside.appendingPathComponent("target.txt"))
        // More files than threads, in folders three deep, some empty folders and names with spaces.
        for index in 0..<200 {
            let folder = tree.appendingPathComponent("a\(index % 7)/b \(index % 3)/c")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("page \(index)".utf8).write(to: folder.appendingPathComponent("page \(index).html"))
        }
        try FileManager.default.createDirectory(at: tree.appendingPathComponent("empty/inner"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: tree.appendingPathComponent("to-file"), withDestinationURL: outside.appendingPathComponent("target.txt"))
        try FileManager.default.createSymbolicLink(at: tree.appendingPathComponent("to-folder"), withDestinationURL: outside)

        FolderRemover.remove(tree)

        #expect(!FileManager.default.fileExists(atPath: tree.path))
        #expect(try String(contentsOf: outside.appendingPathComponent("target.txt"), encoding: .utf8) == "kept")
    }

    @Test func removesASingleFileFolderAndIgnoresAMissingOne() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let tree = base.appendingPathComponent("one")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: tree.appendingPathComponent("index.html"))
        FolderRemover.remove(tree)
        #expect(!FileManager.default.fileExists(atPath: tree.path))
        FolderRemover.remove(base.appendingPathComponent("never-there"))
        #expect(FileManager.default.fileExists(atPath: base.path))
    }
}
