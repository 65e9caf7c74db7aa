/// A commit as the tool shows it: copied out of libgit2 into Swift values.
public struct CommitInfo: Sendable, Hashable {
    /// Full hexadecimal object id.
    public var id: String
    public var author: String
    public var email: String
    /// Author date, with the author's offset.
    public var date: Timestamp
    /// First line of the message.
    public var summary: String
    /// In a file's history: the file's path in this commit (it may have been renamed since).
    public var path: String

    public var shortID: String { String(id.prefix(8)) }

    public init(id: String, author: String, email: String, date: Timestamp, summary: String, path: String = "") {
        self.id = id
        self.author = author
        self.email = email
        self.date = date
        self.summary = summary
        self.path = path
    }
}

/// The commits that touched one postmortem, newest first, across renames.
public struct FileHistory: Sendable, Hashable {
    public var commits: [CommitInfo]

    public init(commits: [CommitInfo]) { self.commits = commits }

    /// The commit that added the file: when it was drafted.
    public var firstCommit: CommitInfo? { commits.last }
    public var lastCommit: CommitInfo? { commits.first }
}

/// Git history of postmortems, by path at the revision being read. A
/// protocol so that site and pattern tests run without a repository.
public protocol PostmortemHistory: Sendable {
    /// The file's history, or nil when the file is not committed yet.
    func history(of path: String) -> FileHistory?
    /// Everyone who committed to the postmortems folder (names as written).
    var authorNames: [String] { get }
}

/// History for a folder that is not a git repository, or a shallow clone.
public struct NoHistory: PostmortemHistory {
    public init() {}
    public func history(of path: String) -> FileHistory? { nil }
    public var authorNames: [String] { [] }
}

/// History computed in one walk, stored by path.
public struct RecordedHistory: PostmortemHistory {
    public var files: [String: FileHistory]
    public var authorNames: [String]

    public init(files: [String: FileHistory], authorNames: [String]) {
        self.files = files
        self.authorNames = authorNames
    }

    public func history(of path: String) -> FileHistory? { files[path] }
}

/// What changed in the postmortems folder between a base revision and now.
public struct ChangeSet: Sendable, Hashable {
    /// Paths (relative to the repository root) added, modified or renamed,
    /// committed or not, untracked included.
    public var changed: Set<String>
    /// New path → old path, for renames.
    public var renamedFrom: [String: String]

    public init(changed: Set<String> = [], renamedFrom: [String: String] = [:]) {
        self.changed = changed
        self.renamedFrom = renamedFrom
    }
}
