import Foundation

/// Writes a site atomically: every file goes into a sibling folder
/// `<out>.tmp-<pid>`, which then replaces `<out>` by two renames (the old
/// site moves to `<out>.old-<pid>` and is deleted afterwards). Until the
/// swap the previous site is untouched, so a build that fails (or is killed)
/// midway leaves it as it was.
///
/// A folder is only ever replaced when it is empty or was built by this
/// tool (it holds `.postmortem-site`), so `--out .` cannot delete a project.
struct SiteWriter {
    static let marker = ".postmortem-site"

    var output: URL
    var workers: Int
    /// Called before each file is written; tests make it throw to fail midway.
    var beforeWrite: @Sendable (String) throws -> Void = { _ in }

    /// Writes `files` as the whole new site and swaps it in.
    func write(_ files: [SiteFile]) throws(SiteBuildError) {
        let staging = try begin()
        try staging.write(files)
        try staging.commit()
    }

    /// Creates the staging folder that files are written into until `commit`.
    func begin() throws(SiteBuildError) -> SiteStaging {
        let manager = FileManager.default
        let output = self.output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent("\(name).tmp-\(pid)")

        try checkReplaceable(output)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw SiteBuildError(stage: .write, file: staging.path, message: "cannot create the build folder: \(Self.reason(error))")
        }
        return SiteStaging(root: staging, output: output, old: parent.appendingPathComponent("\(name).old-\(pid)"),
                           workers: workers, beforeWrite: beforeWrite)
    }

    /// Refuses to replace anything but a missing or empty folder or a previous site.
    private func checkReplaceable(_ output: URL) throws(SiteBuildError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw SiteBuildError(stage: .write, file: output.path, message: "exists and is not a folder")
        }
        let contents = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        if contents.isEmpty || contents.contains(SiteWriter.marker) { return }
        throw SiteBuildError(stage: .write, file: output.path,
                             message: "is not empty and was not built by postmortem (no \(SiteWriter.marker)); choose another --out or remove it")
    }

    static func reason(_ error: Error) -> String {
        if let failure = error as? PlainFileWriter.Failure { return failure.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

/// A site being written: files go into a staging folder as they are made
/// (pages stream out of the render stage instead of being held in memory),
/// and `commit` swaps the folder in with two renames. Until then the previous
/// site is untouched; `abandon` deletes the staging folder after a failure.
final class SiteStaging: @unchecked Sendable {
    let root: URL
    /// `root.path`, joined to page paths as strings (`SiteManifest.filePath`).
    private let rootPath: String
    private let output: URL
    private let old: URL
    private let workers: Int
    private let beforeWrite: @Sendable (String) throws -> Void
    private let lock = NSLock()
    /// Folders already created under `root`, so each is made once.
    private var folders: Set<String> = [""]

    init(root: URL, output: URL, old: URL, workers: Int, beforeWrite: @escaping @Sendable (String) throws -> Void) {
        self.root = root
        rootPath = root.path
        self.output = output
        self.old = old
        self.workers = workers
        self.beforeWrite = beforeWrite
    }

    /// Writes one file; safe to call from several threads at once. Returns
    /// the failure as "path: reason" instead of throwing, for parallel callers.
    func write(_ file: SiteFile) -> String? {
        if case .failure(let failure) = attempt(file.path, { try PlainFileWriter.write(file.contents, to: $0) }) {
            return failure.message
        }
        return nil
    }

    /// Writes one file from the pieces `produce` hands to `emit` (see
    /// `PlainFileWriter.write(to:streaming:)`). Returns the bytes written, or
    /// the failure as "path: reason".
    func write(path: String, streaming produce: (_ emit: (inout [UInt8]) -> Void) -> Void) -> Result<Int, WriteFailure> {
        attempt(path) { try PlainFileWriter.write(to: $0, streaming: produce) }
    }

    /// Copies the file at `source` (a cached page) to `path` in the site.
    /// Returns the bytes copied, nil when `source` does not exist, or the
    /// failure as "path: reason".
    func copy(from source: String, to path: String) -> Result<Int?, WriteFailure> {
        attempt(path) { try PlainFileWriter.copy(from: source, to: $0) }
    }

    /// Hard-links the file at `source` (an unchanged page of the previous
    /// site, see `SiteManifest`) to `path` in the site; false when it cannot
    /// be linked (the caller then copies it).
    func link(from source: String, to path: String) -> Bool {
        (try? attempt(path) { Glibc.link(source, $0) == 0 }.get()) ?? false
    }

    /// Runs `body` with the full path of `path` in the staging folder, once
    /// its folder exists; a failure comes back as "path: reason".
    private func attempt<Value>(_ path: String, _ body: (String) throws -> Value) -> Result<Value, WriteFailure> {
        do {
            try beforeWrite(path)
            // The folder part of `path` ("" for a file at the top).
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            try makeFolder(slash.map { String(path[..<$0]) } ?? "")
            return .success(try body(SiteManifest.filePath(path, in: rootPath)))
        } catch {
            return .failure(WriteFailure(message: "\(path): \(SiteWriter.reason(error))"))
        }
    }

    struct WriteFailure: Error {
        var message: String
    }

    /// Writes files in parallel; on any failure deletes the staging folder and throws.
    func write(_ files: [SiteFile]) throws(SiteBuildError) {
        let failures = ParallelMap.map(files, workers: workers) { self.write($0) }
        try check(failures)
    }

    /// Throws the first failure of a batch of writes, after abandoning the build.
    func check(_ failures: [String?]) throws(SiteBuildError) {
        guard let failure = failures.lazy.compactMap({ $0 }).first else { return }
        abandon()
        throw SiteBuildError(stage: .write, message: "cannot write \(failure); the previous site is unchanged")
    }

    private func makeFolder(_ folder: String) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !folders.contains(folder) else { return }
        try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        folders.insert(folder)
    }

    func abandon() {
        FolderRemover.remove(root)
    }

    /// Adds the marker and swaps the staging folder in place of the output.
    func commit() throws(SiteBuildError) {
        if let failure = write(SiteFile(path: SiteWriter.marker, text: "Built by postmortem; this folder is replaced on each build.\n")) {
            try check([failure])
        }
        let manager = FileManager.default
        let hadOutput = manager.fileExists(atPath: output.path)
        do {
            if hadOutput { try manager.moveItem(at: output, to: old) }
        } catch {
            abandon()
            throw SiteBuildError(stage: .write, file: output.path, message: "cannot move the previous site aside: \(SiteWriter.reason(error))")
        }
        do {
            try manager.moveItem(at: root, to: output)
        } catch {
            if hadOutput { try? manager.moveItem(at: old, to: output) }
            abandon()
            throw SiteBuildError(stage: .write, file: output.path, message: "cannot move the new site into place: \(SiteWriter.reason(error))")
        }
        if hadOutput { FolderRemover.remove(old) }
    }
}
