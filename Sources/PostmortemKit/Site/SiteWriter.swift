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

    func write(_ files: [SiteFile]) throws(SiteBuildError) {
        let manager = FileManager.default
        let output = self.output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent("\(name).tmp-\(pid)")
        let old = parent.appendingPathComponent("\(name).old-\(pid)")

        try checkReplaceable(output)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw SiteBuildError(stage: .write, file: staging.path, message: "cannot create the build folder: \(Self.reason(error))")
        }

        let all = files + [SiteFile(path: SiteWriter.marker, text: "Built by postmortem; this folder is replaced on each build.\n")]
        let folders = Set(all.map { ($0.path as NSString).deletingLastPathComponent }.filter { !$0.isEmpty }).sorted()
        let beforeWrite = self.beforeWrite
        let failures: [String?] = ParallelMap.map(folders, workers: workers) { folder in
            do {
                try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                return nil
            } catch { return "\(folder)/: \(Self.reason(error))" }
        } + ParallelMap.map(all, workers: workers) { file in
            do {
                try beforeWrite(file.path)
                try file.contents.write(to: staging.appendingPathComponent(file.path))
                return nil
            } catch { return "\(file.path): \(Self.reason(error))" }
        }
        if let failure = failures.compactMap({ $0 }).first {
            try? manager.removeItem(at: staging)
            throw SiteBuildError(stage: .write, message: "cannot write \(failure); the previous site is unchanged")
        }

        // The swap: two renames; the old site is deleted only once the new one is in place.
        let hadOutput = manager.fileExists(atPath: output.path)
        do {
            if hadOutput { try manager.moveItem(at: output, to: old) }
        } catch {
            try? manager.removeItem(at: staging)
            throw SiteBuildError(stage: .write, file: output.path, message: "cannot move the previous site aside: \(Self.reason(error))")
        }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? manager.moveItem(at: old, to: output) }
            try? manager.removeItem(at: staging)
            throw SiteBuildError(stage: .write, file: output.path, message: "cannot move the new site into place: \(Self.reason(error))")
        }
        if hadOutput { try? manager.removeItem(at: old) }
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
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
