import Foundation

/// A postmortem file to lint: where it is, how to name it, and why it cannot
/// be read, if it cannot.
public struct DiscoveredFile: Sendable, Hashable {
    /// The file's path in the file system, as found (absolute, or as given).
    public var location: String
    /// Path relative to the repository root, `/`-separated.
    public var path: String
    /// Set when the file must not or cannot be read (too large, a broken link).
    public var problem: String?
    /// The file's status when it was found, where the walk took it (a
    /// rebuild knows an unchanged file by it, `SummaryCache.contentID`).
    var status: FileStatus?

    public var url: URL { URL(fileURLWithPath: location) }

    init(url: URL, path: String, problem: String?) {
        self.init(location: url.path, path: path, problem: problem)
    }

    init(location: String, path: String, problem: String?) {
        self.location = location
        self.path = path
        self.problem = problem
    }
}

/// Finds postmortem files: `*.md` below the given paths, skipping `README.md`,
/// files starting with `_`, and hidden folders. Follows symbolic links but
/// never loops.
public enum FileDiscovery {
    /// Files larger than this are refused without being read.
    public static let maxFileSize = 10 * 1024 * 1024

    /// - Parameters:
    ///   - paths: files or folders; relative paths are resolved against `workingDirectory`.
    ///   - root: the repository root that display paths are relative to.
    /// - Throws: `UsageError` naming a path that does not exist.
    public static func discover(paths: [String], workingDirectory: URL, root: URL) throws(UsageError) -> [DiscoveredFile] {
        var found: [DiscoveredFile] = []
        var visitedDirectories = Set<String>()
        for path in paths {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                if isBrokenLink(url) {
                    found.append(DiscoveredFile(url: url, path: displayPath(url, root: root, workingDirectory: workingDirectory),
                                                problem: "is a broken symbolic link or a link loop"))
                    continue
                }
                throw UsageError("\(path): no such file or directory")
            }
            if isDirectory.boolValue {
                walk(url, root: root, workingDirectory: workingDirectory, visited: &visitedDirectories, into: &found)
            } else {
                found.append(file(url, root: root, workingDirectory: workingDirectory))
            }
        }
        // One entry per file, in path order, whatever order the paths came in.
        var seen = Set<String>()
        return found.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
    }

    static func isPostmortemName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".md") && lowered != "readme.md" && !name.hasPrefix("_") && !name.hasPrefix(".")
    }

    private static func walk(_ directory: URL, root: URL, workingDirectory: URL, visited: inout Set<String>, into found: inout [DiscoveredFile]) {
        let real = directory.resolvingSymlinksInPath().standardizedFileURL.path
        guard visited.insert(real).inserted else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            found.append(DiscoveredFile(url: directory, path: displayPath(directory, root: root, workingDirectory: workingDirectory),
                                        problem: "is a folder that cannot be read"))
            return
        }
        // One stat per entry, and display and file system paths made from the
        // folder's: URL standardisation, a URL per file and FileManager's
        // attribute dictionaries cost more than reading a small file, and
        // this runs on one core before parsing can start.
        let prefix = String(displayPath(directory.appendingPathComponent("x"), root: root, workingDirectory: workingDirectory).dropLast())
        let folder = String(directory.appendingPathComponent("x").path.dropLast())
        for name in names.sorted() where !name.hasPrefix(".") {
            let location = folder + name
            var info = stat()
            if stat(location, &info) == 0 {
                if info.st_mode & S_IFMT == S_IFDIR {
                    walk(directory.appendingPathComponent(name), root: root, workingDirectory: workingDirectory, visited: &visited, into: &found)
                } else if isPostmortemName(name) {
                    var file = file(location: location, path: prefix + name, size: Int(info.st_size))
                    if info.st_mode & S_IFMT == S_IFREG { file.status = FileStatus(info) }
                    found.append(file)
                }
            } else if isPostmortemName(name), isBrokenLink(URL(fileURLWithPath: location)) {
                found.append(DiscoveredFile(location: location, path: prefix + name, problem: "is a broken symbolic link or a link loop"))
            }
        }
    }

    private static func file(_ url: URL, root: URL, workingDirectory: URL) -> DiscoveredFile {
        let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
        return file(location: url.path, path: displayPath(url, root: root, workingDirectory: workingDirectory), size: size)
    }

    private static func file(location: String, path: String, size: Int) -> DiscoveredFile {
        var file = DiscoveredFile(location: location, path: path, problem: nil)
        if size > maxFileSize {
            file.problem = String(format: "is %.1f MB; postmortems larger than %d MB are not read", Double(size) / 1_048_576, maxFileSize / 1_048_576)
        }
        // Unreadable files are reported when reading them fails.
        return file
    }

    private static func isBrokenLink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    /// The path relative to `root` when inside it, else relative to the working directory, else absolute.
    static func displayPath(_ url: URL, root: URL, workingDirectory: URL) -> String {
        let full = url.standardizedFileURL.path
        for base in [root.standardizedFileURL.path, workingDirectory.standardizedFileURL.path] {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if full.hasPrefix(prefix) { return String(full.dropFirst(prefix.count)) }
        }
        return full
    }
}
