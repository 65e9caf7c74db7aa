import Foundation
import Testing

/// Runs the built `postmortem` binary, as a user or CI would.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary built beside this test bundle.
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("postmortem")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/postmortem")
    }

    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    static var sharedFolder: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL, input: String? = nil) throws -> Result {
        try runProcess(binary, arguments, in: directory)
    }

    static func runProcess(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A scratch repository in a temporary folder, removed when released.
final class TemporaryRepository {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("postmortem-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("postmortems"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        try write(path, Data(text.utf8))
    }

    @discardableResult
    func write(_ path: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }
}

/// A clean postmortem for CLI tests (kept independent of the library's baseline).
func cleanPostmortem(id: String = "PM-2025-001", title: String = "Checkout errors after pool exhaustion") -> String {
    """
    ---
    id: \(id)
    title: \(title)
    status: published
    severity: SEV2
    services: [checkout-api]
    started: 2025-03-14T09:00:00Z
    detected: 2025-03-14T09:05:00Z
    resolved: 2025-03-14T10:30:00Z
    authors: ["@alice"]
    approvers: ["@bob"]
    ---

    ## Executive Summary

    Checkout failed for 90 minutes because the connection pool ran out.

    ## Incident Overview

    The checkout-api pool of 50 connections was exhausted at peak.

    ## Root Cause Analysis

    1. Requests timed out waiting for connections.
    2. A slow query held connections for 30 seconds.
    3. A migration dropped an index and nothing compared query plans.

    ## Timeline

    - 2025-03-14T09:00:00Z — Errors begin.
    - 09:05 UTC — Alert fires.
    - 10:30 UTC — Resolved.

    ## Impact Assessment

    1,204 orders failed.

    ## Resolution & Recovery

    The index was restored.

    ## Preventive Measures

    Query plans are compared in CI.

    ## Action Items

    | Action | Owner | Priority | Due | Status |
    |---|---|---|---|---|
    | Compare query plans in CI | @alice | P1 | 2025-04-30 | done |

    ## Lessons Learned

    Pool metrics need an alert.

    """
}

extension TemporaryRepository {
    /// Runs git in the repository with fixed identities and dates, so that
    /// history (and commit ids) are the same on every run.
    @discardableResult
    func git(_ arguments: [String], date: String = "2025-03-14T12:00:00Z", in directory: URL? = nil) throws -> CLI.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Alice Chen"
        environment["GIT_AUTHOR_EMAIL"] = "alice@example.com"
        environment["GIT_COMMITTER_NAME"] = "Alice Chen"
        environment["GIT_COMMITTER_EMAIL"] = "alice@example.com"
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = url.path
        let result = try CLI.runProcess(URL(fileURLWithPath: "/usr/bin/git"),
                                        ["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"] + arguments,
                                        in: directory ?? url, environment: environment)
        if result.status != 0 { Issue.record("git \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        return result
    }

    /// `git init`, then commits everything written so far.
    func initialCommit(date: String = "2025-03-14T12:00:00Z") throws {
        try git(["init", "-q"])
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "Initial postmortems"], date: date)
    }
}
