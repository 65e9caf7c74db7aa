import Foundation

/// Writes a site: every file goes into a sibling folder `<out>.tmp-<pid>`,
/// which then replaces `<out>` by two renames (the old site moves to
/// `<out>.spare`, whose files the next whole build writes over: see
/// `SiteStaging`), or whose files replace their old versions one by one
/// (`SiteStaging.updateInPlace`). Until
/// `commit` the previous site is untouched, so a build that fails midway
/// leaves it as it was.
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
                           spare: parent.appendingPathComponent("\(name).spare"), workers: workers, beforeWrite: beforeWrite)
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
///
/// A rebuild that keeps most of the previous site's files (`updateInPlace`)
/// stages only the files it makes, and `commit` moves each of them over
/// its old version and deletes the files the new site does not have. Making
/// a whole new folder cost a link into it and an unlink from the old one per
/// unchanged page: 0.8 s of a 4 s rebuild of 10,000 postmortems on a cloud
/// disk, for two changed pages. Each file is still replaced atomically, and
/// a build that fails before `commit` leaves the site untouched; a process
/// killed during the moves leaves a mix of old and new files, which the
/// caller makes the next build replace (`SiteBuilder` drops the page
/// manifest first).
///
/// A build that writes a whole new folder writes it over the site before
/// the previous one, kept as `<out>.spare`: the spare becomes the staging
/// folder at the first write, its files are overwritten where the new site
/// has the same path (most pages keep theirs) and the rest deleted at
/// `commit`; the replaced site then becomes the spare. Deleting the previous
/// site of 10,000 postmortems and creating as many new files took about 2 s
/// of a 13 s full build on a cloud disk mounted with `discard`, where every
/// unlink waits for a trim and ext4 without a journal passes over recently
/// deleted inodes for each file it creates; writing over a file needs
/// neither, as long as it is not truncated first (`PlainFileWriter` cuts
/// it to length afterwards). Hugo, the comparison, writes over its output too.
/// The live site is never written: files of the spare that share an inode
/// with another file (a page linked into a site) and anything but a plain
/// file are deleted before it is used, and a spare without the site marker
/// is left alone.
final class SiteStaging: @unchecked Sendable {
    let root: URL
    /// `root.path`, joined to page paths as strings (`SiteManifest.filePath`).
    private let rootPath: String
    private let output: URL
    private let old: URL
    /// The site before the previous one (see the type's comment).
    private let spare: URL
    /// Whether the first write has decided to use the spare; whether it did.
    private var spareDecided = false
    private(set) var usesSpare = false
    /// The paths written, when `usesSpare`: its other files go at `commit`.
    private var writtenPaths: Set<String> = []
    private let workers: Int
    private let beforeWrite: @Sendable (String) throws -> Void
    private let lock = NSLock()
    /// Folders already created under `root`, so each is made once.
    private var folders: Set<String> = [""]
    /// Whether `commit` updates the output folder file by file.
    private(set) var updatesInPlace = false
    /// Whether `commit` did: when fewer files were kept than written, the
    /// kept ones were linked into a new folder instead (new change times).
    private(set) var committedInPlace = false
    /// Files of the output folder that the new site keeps as they are.
    private var kept: [String] = []

    init(root: URL, output: URL, old: URL, spare: URL, workers: Int, beforeWrite: @escaping @Sendable (String) throws -> Void) {
        self.root = root
        rootPath = root.path
        self.output = output
        self.old = old
        self.spare = spare
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
        (try? attempt(path) { target in
            if Glibc.link(source, target) == 0 { return true }
            // A file of the spare is in the way.
            guard errno == EEXIST, usesSpare, unlink(target) == 0 else { return false }
            return Glibc.link(source, target) == 0
        }.get()) ?? false
    }

    /// Makes `commit` update the output folder in place: only the files
    /// written to the staging folder replace their old versions, files
    /// marked with `keep` stay, and every other file of the output goes.
    /// Only for an output folder that exists on the staging folder's
    /// filesystem: a rename cannot cross filesystems (an output that is a
    /// link to a folder on another disk).
    func updateInPlace() {
        var site = stat(), staged = stat()
        updatesInPlace = stat(output.path, &site) == 0 && site.st_mode & S_IFMT == S_IFDIR
            && stat(rootPath, &staged) == 0 && site.st_dev == staged.st_dev
    }

    /// Takes the previous site's unchanged file at `path` (`source` is its
    /// full path) into the new site: kept where it is when updating in
    /// place, else hard-linked into the staging folder. False when it cannot
    /// be linked (the caller then copies it).
    func reuse(_ source: String, at path: String) -> Bool {
        guard updatesInPlace else { return link(from: source, to: path) }
        keep(path)
        return true
    }

    /// Keeps the output folder's file at `path` (relative) as it is; safe to
    /// call from several threads at once. Only when updating in place.
    func keep(_ path: String) {
        lock.lock()
        kept.append(path)
        lock.unlock()
    }

    /// The files marked with `keep`.
    var keptFiles: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return Set(kept)
    }

    /// Runs `body` with the full path of `path` in the staging folder, once
    /// its folder exists; a failure comes back as "path: reason".
    private func attempt<Value>(_ path: String, _ body: (String) throws -> Value) -> Result<Value, WriteFailure> {
        do {
            try beforeWrite(path)
            // The folder part of `path` ("" for a file at the top).
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            let fullPath = SiteManifest.filePath(path, in: rootPath)
            let spareUsed = try makeFolder(slash.map { String(path[..<$0]) } ?? "", for: path)
            do {
                return .success(try body(fullPath))
            } catch where spareUsed {
                // A folder of the spare where the file goes: once out of the way, write again.
                var info = stat()
                guard lstat(fullPath, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw error }
                FolderRemover.remove(URL(fileURLWithPath: fullPath))
                return .success(try body(fullPath))
            }
        } catch {
            return .failure(WriteFailure(message: "\(path): \(SiteWriter.reason(error))"))
        }
    }

    struct WriteFailure: Error {
        var message: String
    }

    /// Writes files in parallel; on any failure deletes the staging folder
    /// and throws. When updating in place, a file whose bytes the output
    /// already holds is kept rather than written: most of the search index
    /// and the assets are the same from one build to the next, and creating
    /// a file costs far more than reading one (ext4 without a journal scans
    /// past every recently deleted inode for each file it creates).
    func write(_ files: [SiteFile]) throws(SiteBuildError) {
        let failures = ParallelMap.map(files, workers: workers) { file -> String? in
            if updatesInPlace && outputHolds(file) {
                keep(file.path)
                return nil
            }
            return self.write(file)
        }
        try check(failures)
    }

    /// Whether the output folder's file at `file.path` has `file`'s bytes.
    private func outputHolds(_ file: SiteFile) -> Bool {
        let path = SiteManifest.filePath(file.path, in: output.path)
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == file.contents.count,
              let existing = Workspace.readFile(atPath: path) else { return false }
        return existing == file.contents
    }

    /// Throws the first failure of a batch of writes, after abandoning the build.
    func check(_ failures: [String?]) throws(SiteBuildError) {
        guard let failure = failures.lazy.compactMap({ $0 }).first else { return }
        abandon()
        throw SiteBuildError(stage: .write, message: "cannot write \(failure); the previous site is unchanged")
    }

    /// Makes `folder` for the file at `path`, and on the first write decides
    /// whether the staging folder is the spare (see the type's comment).
    /// Returns whether it is, having recorded `path` as written.
    private func makeFolder(_ folder: String, for path: String) throws -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if !spareDecided {
            spareDecided = true
            // A rebuild in place stages only the files it changes: an empty folder suits it.
            usesSpare = !updatesInPlace && SiteStaging.takeSpare(spare, as: rootPath)
        }
        if usesSpare { writtenPaths.insert(path) }
        guard !folders.contains(folder) else { return usesSpare }
        let url = root.appendingPathComponent(folder)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch where usesSpare {
            // A file of the spare where a folder goes.
            SiteStaging.makeFolders(folder.split(separator: "/"), under: rootPath)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        folders.insert(folder)
        return usesSpare
    }

    /// Moves the spare site to `root` (the empty staging folder) once it is
    /// fit to be written over: built by this tool, and holding only plain
    /// files that no other name links to (a page linked into the live site
    /// shares its inode, so writing over it would change the live site).
    /// False, leaving the staging folder empty, when there is no such spare.
    private static func takeSpare(_ spare: URL, as root: String) -> Bool {
        guard holdsSite(spare.path), rmdir(root) == 0 else { return false }
        guard rename(spare.path, root) == 0 else {
            _ = mkdir(root, 0o755)
            return false
        }
        var files: [String] = [], folders: [String] = []
        FolderRemover.collect(root, files: &files, folders: &folders)
        let paths = files
        FolderRemover.onThreads(paths.count) { index in
            var info = stat()
            if lstat(paths[index], &info) != 0 || info.st_mode & S_IFMT != S_IFREG || info.st_nlink != 1 { _ = unlink(paths[index]) }
        }
        return true
    }

    func abandon() {
        FolderRemover.remove(root)
    }

    /// Adds the marker and swaps the staging folder in place of the output
    /// (or, when updating in place, moves its files into the output).
    func commit() throws(SiteBuildError) {
        try write([SiteFile(path: SiteWriter.marker, text: "Built by postmortem; this folder is replaced on each build.\n")])
        if usesSpare { removeUnwritten() }
        if updatesInPlace {
            var files: [String] = [], folders: [String] = []
            FolderRemover.collect(rootPath, files: &files, folders: &folders)
            let staged = files.map { String($0.dropFirst(rootPath.count + 1)) }
            let kept = lock.withLock { self.kept }
            if kept.count >= staged.count { return try moveIntoOutput(staged, keeping: kept) }
            // Most of the site is new (another version of the tool, another
            // day): replacing file by file would free an inode per file on
            // the committing thread, so the kept files join the new folder
            // instead, and it is swapped in whole.
            let outputPath = output.path
            try check(ParallelMap.map(kept, workers: workers) { path -> String? in
                if self.link(from: SiteManifest.filePath(path, in: outputPath), to: path) { return nil }
                switch self.copy(from: SiteManifest.filePath(path, in: outputPath), to: path) {
                case .success(_?): return nil
                case .success(nil): return "\(path): no longer in \(outputPath)"
                case .failure(let failure): return failure.message
                }
            })
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
        if hadOutput { keepAsSpare(old) }
    }

    /// Deletes what the spare held that this build did not write, and
    /// folders left empty.
    private func removeUnwritten() {
        SiteStaging.removeFiles(under: rootPath, except: lock.withLock { writtenPaths })
    }

    /// Deletes every file under `root` whose path (relative to it) is not in
    /// `wanted`, and folders left empty.
    private static func removeFiles(under root: String, except wanted: Set<String>) {
        var files: [String] = [], folders: [String] = []
        FolderRemover.collect(root, files: &files, folders: &folders)
        let unwanted = files.filter { !wanted.contains(String($0.dropFirst(root.count + 1))) }
        FolderRemover.onThreads(unwanted.count) { _ = unlink(unwanted[$0]) }
        // Deepest first; a folder that still holds files stays.
        if !unwanted.isEmpty { for folder in folders.reversed() { _ = rmdir(folder) } }
    }

    /// Makes each folder of `components` under `root`, deleting a file
    /// (or link) that stands where one goes.
    private static func makeFolders(_ components: some Sequence<Substring>, under root: String) {
        var folder = root
        for component in components {
            folder += "/" + component
            var info = stat()
            if lstat(folder, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR { _ = unlink(folder) }
            _ = mkdir(folder, 0o755)
        }
    }

    /// Whether `path` is a folder (not a link to one) that this tool built: it holds the marker file.
    private static func holdsSite(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            && lstat(path + "/" + SiteWriter.marker, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// The replaced site becomes the spare that the next whole build writes
    /// over. An older spare (left by a build that did not use it) goes; a
    /// folder of that name that this tool did not build stays, and the
    /// replaced site is deleted instead.
    private func keepAsSpare(_ replaced: URL) {
        var info = stat()
        if lstat(spare.path, &info) == 0 {
            guard SiteStaging.holdsSite(spare.path) else { return FolderRemover.remove(replaced) }
            FolderRemover.remove(spare)
        }
        if rename(replaced.path, spare.path) != 0 { FolderRemover.remove(replaced) }
    }

    /// `commit` when updating in place: every staged file is renamed over
    /// its old version, then the output's files that are neither staged nor
    /// kept are deleted, and folders left empty with them.
    private func moveIntoOutput(_ staged: [String], keeping kept: [String]) throws(SiteBuildError) {
        let outputPath = output.path
        let failures = ParallelMap.map(staged) { self.moveIntoOutput($0, outputPath: outputPath) }
        if let failure = failures.lazy.compactMap({ $0 }).first {
            abandon()
            throw SiteBuildError(stage: .write, message: "cannot move \(failure) into \(output.path); some of its files are new, some old: build again")
        }
        SiteStaging.removeFiles(under: outputPath, except: Set(staged).union(kept))
        abandon()
        committedInPlace = true
    }

    /// Renames the staged file at `path` over the output's; nil, or the failure as "path: reason".
    private func moveIntoOutput(_ path: String, outputPath: String) -> String? {
        let source = SiteManifest.filePath(path, in: rootPath), target = SiteManifest.filePath(path, in: outputPath)
        if rename(source, target) == 0 { return nil }
        // The file's folder is missing, or a file is where a folder goes, or a folder where the file goes.
        lock.lock()
        SiteStaging.makeFolders(path.split(separator: "/").dropLast(), under: outputPath)
        lock.unlock()
        var info = stat()
        if lstat(target, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { FolderRemover.remove(URL(fileURLWithPath: target)) }
        if rename(source, target) == 0 { return nil }
        return "\(path): \(String(cString: strerror(errno)))"
    }
}
