import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The postmortems of one repository, loaded and parsed, with the config and
/// schema that govern them. Loading reads and parses files in parallel and
/// keeps them in path order.
public struct Workspace: Sendable {
    public var config: Config
    public var schema: JSONSchemaValidator
    /// Every postmortem file, parsed, in path order.
    public var postmortems: [Postmortem]

    /// Loads the config and schema; throws `UsageError` for a bad config or schema.
    public static func loadSettings(configFile: URL?, workingDirectory: URL) throws(UsageError) -> (Config, JSONSchemaValidator) {
        let config = try ConfigLoader.load(file: configFile, workingDirectory: workingDirectory)
        return (config, try schema(for: config))
    }

    /// The front-matter schema: `schema:` in the config, else the repository's
    /// `schema/postmortem.schema.json`, else the built-in copy.
    public static func schema(for config: Config) throws(UsageError) -> JSONSchemaValidator {
        let path = config.schema ?? "schema/postmortem.schema.json"
        guard let data = FileManager.default.contents(atPath: config.root.appendingPathComponent(path).path) else {
            if config.schema != nil { throw UsageError("\(path): schema file not found (set by `schema:` in .postmortem.yml)") }
            return BuiltInSchemas.postmortem
        }
        return try schema(from: data, named: path)
    }

    /// Compiles a schema file's contents, with a one-line error naming it.
    static func schema(from data: Data, named name: String) throws(UsageError) -> JSONSchemaValidator {
        let json: JSONValue
        do { json = try JSONValue(jsonData: data) } catch {
            throw UsageError("\(name): schema is not valid JSON")
        }
        do { return try JSONSchemaValidator(schema: json) } catch {
            throw UsageError("\(name): schema cannot be used: \(error)")
        }
    }

    /// Reads and parses `files` in parallel; with `contentIDs`, each
    /// postmortem also gets the git blob id of its bytes. `dropping` is
    /// freed from each as soon as it is parsed, before the next is read.
    public static func parse(_ files: [DiscoveredFile], config: Config, contentIDs: Bool = false,
                             dropping: Postmortem.Parts = []) -> [Postmortem] {
        let parser = PostmortemParser(sectionNames: config.sectionNames, dropping: dropping)
        return parse(files, parsers: Array(repeating: parser, count: files.count), contentIDs: contentIDs)
    }

    /// `parse`, with a parser per file (a lighter one for files only some
    /// of whose parts are read), at the same positions; `then` runs on each
    /// postmortem on the thread that parsed it, right after.
    static func parse(_ files: [DiscoveredFile], parsers: [PostmortemParser], contentIDs: Bool,
                      summaries: SummaryCache? = nil, then: (@Sendable (Postmortem) -> Postmortem)? = nil) -> [Postmortem] {
        let prefetching = prefetch(files)
        defer { prefetching?.value }
        return ParallelMap.map(Array(files.indices)) { index in
            let postmortem = read(files[index], parser: parsers[index], contentID: contentIDs, summaries: summaries)
            return then?(postmortem) ?? postmortem
        }
    }

    /// Asks the kernel to start reading every file, in the order the
    /// workers take them, so that a worker rarely waits for the disk: with
    /// the page cache cold, each worker otherwise sat idle for a quarter of
    /// the parse, one read at a time. Cheap when the files are cached.
    static func prefetch(_ files: [DiscoveredFile]) -> BackgroundTask<Void>? {
        guard files.count > 64 else { return nil }
        let locations = files.filter { $0.problem == nil }.map(\.location)
        return BackgroundTask {
            for location in locations {
                let descriptor = open(location, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { continue }
                _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
                close(descriptor)
            }
        }
    }

    /// The bytes of a regular file, read with one `read` call for a
    /// postmortem-sized file; nil on any failure. Cheaper than
    /// `Data(contentsOf:)`, which maps each file (a mapping, page faults and
    /// an unmapping for a few kilobytes) after building a URL.
    static func readFile(atPath path: String) -> Data? {
        readFileAndStatus(atPath: path)?.data
    }

    /// `readFile`, and the file's status once read (`FileStatus`).
    static func readFileAndStatus(atPath path: String) -> (data: Data, status: FileStatus)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var data = Data(count: Int(info.st_size))
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { return false }
                offset += got
            }
            return true
        }
        // The status after reading: a write during the read changed it.
        guard complete, fstat(descriptor, &info) == 0 else { return nil }
        return (data, FileStatus(info))
    }

    /// With `summaries` (found by blob id, so with `contentID`), a file
    /// whose status says it holds bytes summarised before is not read at
    /// all, and a file read whose summary is held is not parsed
    /// (`SummaryCache`); either is parsed when a stage asks (`Postmortem.complete`).
    static func read(_ file: DiscoveredFile, parser: PostmortemParser, contentID: Bool = false,
                     summaries: SummaryCache? = nil) -> Postmortem {
        func unreadable(_ reason: String) -> Postmortem {
            var postmortem = Postmortem(path: file.path)
            postmortem.parseFindings = [Finding(file: file.path, line: 1, severity: .error, rule: UnreadableFileRule.id,
                                                message: "\(file.path) \(reason)")]
            return postmortem
        }
        if let problem = file.problem { return unreadable(problem) }
        let recording = contentID ? summaries : nil
        if let recording, let status = file.status ?? FileStatus(atPath: file.location), let known = recording.contentID(path: file.path, status: status),
           let summary = parser.summary(contentID: known, in: recording) {
            recording.record(path: file.path, status: status, contentID: known)
            return parser.summarised(path: file.path, summary: summary, source: .file(location: file.location), contentID: known)
        }
        func parsed(_ data: Data, status: FileStatus? = nil) -> Postmortem {
            let blobID = contentID ? GitRepository.blobID(of: data) : nil
            if let recording, let status, let blobID { recording.record(path: file.path, status: status, contentID: blobID) }
            return parser.parse(path: file.path, bytes: data, contentID: blobID, summaries: summaries)
        }
        if let (data, status) = readFileAndStatus(atPath: file.location) { return parsed(data, status: status) }
        // Foundation again, for its message about what went wrong.
        do {
            return parsed(try Data(contentsOf: file.url, options: .mappedIfSafe))
        } catch {
            return unreadable("cannot be read: \((error as NSError).localizedDescription)")
        }
    }
}
