import CGit2
import Foundation
import Testing
@testable import PostmortemKit

/// Blob ids hashed by libcrypto are the ids git gives the same bytes: the
/// ones libgit2 computes and `git hash-object` prints.
struct BlobIDTests {
    static func libgit2ID(_ bytes: [UInt8]) -> String {
        git_libgit2_init()
        var oid = git_oid()
        let result = bytes.withUnsafeBytes { raw in
            withUnsafePointer(to: UInt8(0)) { fallback in
                git_odb_hash(&oid, raw.baseAddress ?? UnsafeRawPointer(fallback), raw.count, GIT_OBJECT_BLOB)
            }
        }
        #expect(result == 0)
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, 41, &oid)
        return String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func idsMatchLibgit2AtEverySize() {
        var generator = SeededGenerator(seed: 11)
        for size in [0, 1, 2, 55, 56, 63, 64, 65, 119, 120, 4095, 8192, 8500, 100_003] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let id = bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
            #expect(id == Self.libgit2ID(bytes), "size \(size)")
            #expect(id == GitRepository.blobID(of: Data(bytes)))
        }
        #expect(GitRepository.blobID(of: Data()) == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", "git's empty blob")
    }

    @Test func idsMatchGitHashObject() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blob-ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = ["", "hello\n", "---\nid: PM-1\n---\n\n## Summary\n\nCafé — 90 minutes.\n", String(repeating: "x", count: 70_000)]
        for (index, text) in texts.enumerated() {
            let file = folder.appendingPathComponent("f\(index)")
            try Data(text.utf8).write(to: file)
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git", "hash-object", file.path]
            let pipe = Pipe()
            git.standardOutput = pipe
            try git.run()
            let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            git.waitUntilExit()
            #expect(git.terminationStatus == 0)
            #expect(GitRepository.blobID(of: Data(text.utf8)) == printed.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
