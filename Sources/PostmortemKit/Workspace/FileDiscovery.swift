import Foundation

/// A postmortem file to lint: where it is, how to name it, and why it cannot
/// be read, if it cannot.
public struct DiscoveredFile: Sendable, Hashable {
    public var url: URL
    /// Path relative to the repository root, `/`-separated.
    public var path: String
    /// Set when the file must not or cannot be read (too large, a broken link).
    public var problem: String?
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
        name.lowercased().hasSuffix(".md") && name.lowercased() != "readme.md" && !name.hasPrefix("_") && !name.hasPrefix(".")
    }

    private static func walk(_ directory: URL, root: URL, workingDirectory: URL, visited: inout Set<String>, into found: inout [DiscoveredFile]) {
        let real = directory.resolvingSymlinksInPath().standardizedFileURL.path
        guard visited.insert(real).inserted else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            found.append(DiscoveredFile(url: directory, path: displayPath(directory, root: root, workingDirectory: workingDirectory),
                                        problem: "is a folder that cannot be read"))
            return
        }
        // One stat per entry, and display paths made from the folder's: URL
        // standardisation and FileManager's attribute dictionaries cost more
        // than reading a small file.
        let prefix = String(displayPath(directory.appendingPathComponent("x"), root: root, workingDirectory: workingDirectory).dropLast())
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            var info = stat()
            if stat(url.path, &info) == 0 {
                if info.st_mode & S_IFMT == S_IFDIR {
                    walk(url, root: root, workingDirectory: workingDirectory, visited: &visited, into: &found)
                } else if isPostmortemName(name) {
                    found.append(file(url, path: prefix + name, size: Int(info.st_size)))
                }
            } else if isPostmortemName(name), isBrokenLink(url) {
                found.append(DiscoveredFile(url: url, path: prefix + name, problem: "is a broken symbolic link or a link loop"))
            }
        }
    }

    private static func file(_ url: URL, root: URL, workingDirectory: URL) -> DiscoveredFile {
        let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
        return file(url, path: displayPath(url, root: root, workingDirectory: workingDirectory), size: size)
    }

    private static func file(_ url: URL, path: String, size: Int) -> DiscoveredFile {
        var file = DiscoveredFile(url: url, path: path, problem: nil)
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
