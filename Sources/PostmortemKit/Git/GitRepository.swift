import CGit2
import Foundation

/// Owns one libgit2 object and frees it when released, so no handle leaks on
/// any path out of a function.
private final class Owned {
    let pointer: OpaquePointer
    private let free: (OpaquePointer) -> Void

    init(_ pointer: OpaquePointer, free: @escaping (OpaquePointer) -> Void) {
        self.pointer = pointer
        self.free = free
    }

    deinit { free(pointer) }
}

/// A git repository opened through libgit2. Only the files in `Git/` see
/// libgit2; everything leaves as Swift values (`CommitInfo`, `Data`, paths).
///
/// Not thread-safe: one instance is used from one thread at a time.
public final class GitRepository: @unchecked Sendable {
    private let repository: Owned
    /// The working tree's root, nil for a bare repository.
    public let workingDirectory: URL?

    /// libgit2 needs one global initialisation before any other call.
    private static let initialised: Void = {
        git_libgit2_init()
        postmortem_git_set_tree_cache_limit(4 * 1024 * 1024)
    }()

    private init(_ pointer: OpaquePointer) {
        repository = Owned(pointer, free: git_repository_free)
        workingDirectory = git_repository_workdir(pointer).map { URL(fileURLWithPath: String(cString: $0)).standardizedFileURL }
    }

    /// Opens the repository that contains `directory`, or returns nil when
    /// there is none.
    public static func discover(from directory: URL) throws(GitError) -> GitRepository? {
        _ = initialised
        var pointer: OpaquePointer?
        let result = git_repository_open_ext(&pointer, directory.path, 0, nil)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check("git_repository_open_ext", result)
        return GitRepository(pointer!)
    }

    /// The id git gives a blob with these bytes (`git hash-object`): SHA-1 of
    /// "blob <size>\0" and the bytes. It is the build cache's content key — the
    /// same id a repository already stores for a committed file, and a content
    /// hash for anything else (pages' inputs, files outside a repository).
    /// Hashed by libcrypto (`SHA1Digest`), four times as fast as libgit2's
    /// `git_odb_hash`; the tests check both give the same ids.
    public static func blobID(of bytes: UnsafeRawBufferPointer) -> String {
        SHA1Digest.hex(prefix: Array("blob \(bytes.count)\u{0}".utf8), bytes)
    }

    public static func blobID(of data: Data) -> String {
        data.withUnsafeBytes { blobID(of: $0) }
    }

    /// A shallow clone (CI's default checkout) has no history past its
    /// boundary; libgit2 1.5 fails to walk past it.
    public var isShallow: Bool { git_repository_is_shallow(repository.pointer) == 1 }

    /// True when HEAD points at a branch with no commits yet.
    public var isEmpty: Bool { git_repository_head_unborn(repository.pointer) == 1 }

    /// The `user.name` git would record for a commit made in `directory`
    /// (the repository's, the global and the system configuration), or nil
    /// when it is unset or cannot be read.
    public static func configuredUserName(for directory: URL) -> String? {
        _ = initialised
        var live: OpaquePointer?
        if let repository = try? discover(from: directory) {
            guard git_repository_config(&live, repository.repository.pointer) == 0 else { return nil }
        } else {
            guard git_config_open_default(&live) == 0 else { return nil }
        }
        guard let live else { return nil }
        let config = Owned(live, free: git_config_free)
        // Reading a string needs a snapshot: libgit2 refuses it on a live config.
        var frozen: OpaquePointer?
        guard git_config_snapshot(&frozen, config.pointer) == 0, let frozen else { return nil }
        let snapshot = Owned(frozen, free: git_config_free)
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, snapshot.pointer, "user.name") == 0, let value else { return nil }
        let name = String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }

    // MARK: Revisions and trees

    private func tree(at revision: String) throws(GitError) -> Owned {
        var object: OpaquePointer?
        try check("git_revparse_single", git_revparse_single(&object, repository.pointer, revision))
        let owned = Owned(object!, free: git_object_free)
        var tree: OpaquePointer?
        try check("git_object_peel", git_object_peel(&tree, owned.pointer, GIT_OBJECT_TREE))
        return Owned(tree!, free: git_object_free)
    }

    /// The full commit id a revision names (e.g. `HEAD~2`, `main`, a tag).
    public func commitID(of revision: String) throws(GitError) -> String {
        var object: OpaquePointer?
        try check("git_revparse_single", git_revparse_single(&object, repository.pointer, revision))
        let owned = Owned(object!, free: git_object_free)
        var commit: OpaquePointer?
        try check("git_object_peel", git_object_peel(&commit, owned.pointer, GIT_OBJECT_COMMIT))
        let peeled = Owned(commit!, free: git_object_free)
        return GitRepository.hex(git_object_id(peeled.pointer))
    }

    /// The contents of one file at a revision; nil when the path is absent
    /// or not a regular file there.
    public func file(_ path: String, at revision: String) throws(GitError) -> Data? {
        let tree = try tree(at: revision)
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, tree.pointer, path)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check("git_tree_entry_bypath", result)
        let owned = Owned(entry!, free: git_tree_entry_free)
        guard git_tree_entry_type(owned.pointer) == GIT_OBJECT_BLOB else { return nil }
        return try blob(git_tree_entry_id(owned.pointer))
    }

    /// Every regular file below `folder` at a revision: path → blob id and contents.
    public func files(under folder: String, at revision: String) throws(GitError) -> [(path: String, blobID: String, data: Data)] {
        guard let start = try subtree(folder, of: tree(at: revision)) else { return [] }
        var found: [(path: String, blobID: String, data: Data)] = []
        try collect(start, prefix: folder.isEmpty ? "" : folder + "/", into: &found, depth: 0)
        return found.sorted { $0.path < $1.path }
    }

    private func collect(_ tree: Owned, prefix: String, into found: inout [(path: String, blobID: String, data: Data)], depth: Int) throws(GitError) {
        guard depth < 64 else { return }
        for index in 0..<git_tree_entrycount(tree.pointer) {
            guard let entry = git_tree_entry_byindex(tree.pointer, index) else { continue }
            let name = String(cString: git_tree_entry_name(entry))
            let id = git_tree_entry_id(entry)!
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE:
                var subtree: OpaquePointer?
                try check("git_tree_lookup", git_tree_lookup(&subtree, repository.pointer, id))
                try collect(Owned(subtree!, free: git_tree_free), prefix: prefix + name + "/", into: &found, depth: depth + 1)
            case GIT_OBJECT_BLOB where git_tree_entry_filemode(entry) != GIT_FILEMODE_LINK:
                found.append((prefix + name, GitRepository.hex(id), try blob(id)))
            default:
                break
            }
        }
    }

    private func blob(_ id: UnsafePointer<git_oid>) throws(GitError) -> Data {
        var blob: OpaquePointer?
        try check("git_blob_lookup", git_blob_lookup(&blob, repository.pointer, id))
        let owned = Owned(blob!, free: git_blob_free)
        let size = Int(git_blob_rawsize(owned.pointer))
        guard size > 0, let raw = git_blob_rawcontent(owned.pointer) else { return Data() }
        return Data(bytes: raw, count: size)
    }

    // MARK: Changes since a revision

    /// Files below `folder` added, modified or renamed between `revision`
    /// and the working tree: committed, staged, unstaged, and untracked
    /// files that are not ignored.
    public func changes(since revision: String, under folder: String) throws(GitError) -> ChangeSet {
        let base = try tree(at: revision)
        var options = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        options.flags = GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
        let diff = try withPathspec(folder, &options) { (options: inout git_diff_options) throws(GitError) -> Owned in
            var diff: OpaquePointer?
            try check("git_diff_tree_to_workdir_with_index",
                      git_diff_tree_to_workdir_with_index(&diff, repository.pointer, base.pointer, &options))
            return Owned(diff!, free: git_diff_free)
        }
        try findRenames(diff, includeUntracked: true)
        var changes = ChangeSet()
        for delta in deltas(diff) {
            switch delta.status {
            case GIT_DELTA_ADDED, GIT_DELTA_MODIFIED, GIT_DELTA_UNTRACKED, GIT_DELTA_COPIED, GIT_DELTA_TYPECHANGE:
                changes.changed.insert(delta.newPath)
            case GIT_DELTA_RENAMED:
                changes.changed.insert(delta.newPath)
                changes.renamedFrom[delta.newPath] = delta.oldPath
            default:
                break
            }
        }
        return changes
    }

    // MARK: History

    /// The history of every file below `folder` at `revision`, in one walk over
    /// all commits (newest first), following renames within the folder.
    /// Merge commits count for a file only when it differs from every parent.
    public func history(under folder: String, at revision: String = "HEAD") throws(GitError) -> RecordedHistory {
        guard !isEmpty else { return RecordedHistory(files: [:], authorNames: []) }
        // Paths as they were at the commit being visited → path at `revision`.
        var currentName: [String: String] = [:]
        for file in try filePaths(under: folder, at: revision) { currentName[file] = file }
        var start = git_oid()
        try check("git_oid_fromstr", git_oid_fromstr(&start, try commitID(of: revision)))

        var walkPointer: OpaquePointer?
        try check("git_revwalk_new", git_revwalk_new(&walkPointer, repository.pointer))
        let walk = Owned(walkPointer!, free: git_revwalk_free)
        try check("git_revwalk_sorting", git_revwalk_sorting(walk.pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue))
        try check("git_revwalk_push", git_revwalk_push(walk.pointer, &start))

        var options = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        var commitsByFile: [String: [CommitInfo]] = [:]
        var authors = Set<String>()
        var oid = git_oid()
        try withPathspec(folder, &options) { (options: inout git_diff_options) throws(GitError) in
            while true {
                let next = git_revwalk_next(&oid, walk.pointer)
                if next == GIT_ITEROVER.rawValue { break }
                try check("git_revwalk_next", next)
                var commitPointer: OpaquePointer?
                try check("git_commit_lookup", git_commit_lookup(&commitPointer, repository.pointer, &oid))
                let commit = Owned(commitPointer!, free: git_commit_free)
                var treePointer: OpaquePointer?
                try check("git_commit_tree", git_commit_tree(&treePointer, commit.pointer))
                let tree = Owned(treePointer!, free: git_tree_free)

                let parentCount = Int(git_commit_parentcount(commit.pointer))
                let folderTree = try subtree(folder, of: tree)
                var touched: Set<String>?
                var renames: [(old: String, new: String)] = []
                for parentIndex in 0..<max(parentCount, 1) {
                    var parentTree: Owned?
                    if parentCount > 0 {
                        var parentPointer: OpaquePointer?
                        try check("git_commit_parent", git_commit_parent(&parentPointer, commit.pointer, UInt32(parentIndex)))
                        let parent = Owned(parentPointer!, free: git_commit_free)
                        var parentTreePointer: OpaquePointer?
                        try check("git_commit_tree", git_commit_tree(&parentTreePointer, parent.pointer))
                        parentTree = Owned(parentTreePointer!, free: git_tree_free)
                    }
                    // Comparing tree ids directly skips unchanged folders at the cost of
                    // one id comparison; libgit2's diff would match every path against
                    // the pathspec, which dominated the walk.
                    var changes: [(status: git_delta_t, path: String)] = []
                    try compare(parentTree.flatMap { try? subtree(folder, of: $0) }, folderTree,
                                prefix: folder.isEmpty ? "" : folder + "/", into: &changes, depth: 0)
                    var paths = Set(changes.map(\.path))
                    let adds = changes.contains { $0.status == GIT_DELTA_ADDED }
                    let deletes = changes.contains { $0.status == GIT_DELTA_DELETED }
                    if adds && deletes {
                        // Possible renames: let libgit2's similarity detection pair them.
                        var diffPointer: OpaquePointer?
                        try check("git_diff_tree_to_tree",
                                  git_diff_tree_to_tree(&diffPointer, repository.pointer, parentTree?.pointer, tree.pointer, &options))
                        let diff = Owned(diffPointer!, free: git_diff_free)
                        try findRenames(diff, includeUntracked: false)
                        for delta in deltas(diff) where delta.status == GIT_DELTA_RENAMED {
                            paths.remove(delta.oldPath)
                            paths.insert(delta.newPath)
                            if parentIndex == 0 { renames.append((delta.oldPath, delta.newPath)) }
                        }
                    }
                    touched = touched.map { $0.intersection(paths) } ?? paths
                }
                guard let touched, !touched.isEmpty else { continue }
                let info = commitInfo(commit.pointer, id: &oid)
                var recorded = false
                for path in touched.sorted() {
                    guard let final = currentName[path] else { continue }
                    if commitsByFile[final]?.last?.id != info.id {
                        var entry = info
                        entry.path = path
                        commitsByFile[final, default: []].append(entry)
                        recorded = true
                    }
                }
                if recorded { authors.insert(info.author) }
                // Older commits knew the file by its old name.
                for rename in renames {
                    if let final = currentName[rename.new] { currentName[rename.old] = final }
                }
            }
        }
        return RecordedHistory(files: commitsByFile.mapValues(FileHistory.init(commits:)), authorNames: authors.sorted())
    }

    /// The tree at `folder` inside `root` (the root itself for ""), or nil when absent.
    private func subtree(_ folder: String, of root: Owned) throws(GitError) -> Owned? {
        guard !folder.isEmpty else { return root }
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, root.pointer, folder)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check("git_tree_entry_bypath", result)
        let owned = Owned(entry!, free: git_tree_entry_free)
        guard git_tree_entry_type(owned.pointer) == GIT_OBJECT_TREE else { return nil }
        var tree: OpaquePointer?
        try check("git_tree_lookup", git_tree_lookup(&tree, repository.pointer, git_tree_entry_id(owned.pointer)))
        return Owned(tree!, free: git_tree_free)
    }

    /// Files that differ between two trees (either may be absent), by a
    /// merge walk over their sorted entries that descends only into
    /// subtrees whose ids differ.
    private func compare(_ old: Owned?, _ new: Owned?, prefix: String,
                         into changes: inout [(status: git_delta_t, path: String)], depth: Int) throws(GitError) {
        guard depth < 64 else { return }
        if let old, let new, git_oid_equal(git_tree_id(old.pointer), git_tree_id(new.pointer)) == 1 { return }
        let oldCount = old.map { git_tree_entrycount($0.pointer) } ?? 0
        let newCount = new.map { git_tree_entrycount($0.pointer) } ?? 0
        var i = 0, j = 0
        func record(_ entry: OpaquePointer, _ status: git_delta_t) throws(GitError) {
            let path = prefix + String(cString: git_tree_entry_name(entry))
            if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                var tree: OpaquePointer?
                try check("git_tree_lookup", git_tree_lookup(&tree, repository.pointer, git_tree_entry_id(entry)))
                let owned = Owned(tree!, free: git_tree_free)
                try compare(status == GIT_DELTA_DELETED ? owned : nil, status == GIT_DELTA_ADDED ? owned : nil,
                            prefix: path + "/", into: &changes, depth: depth + 1)
            } else {
                changes.append((status, path))
            }
        }
        while i < oldCount || j < newCount {
            let a = i < oldCount ? git_tree_entry_byindex(old!.pointer, i) : nil
            let b = j < newCount ? git_tree_entry_byindex(new!.pointer, j) : nil
            let order: Int32 = a == nil ? 1 : b == nil ? -1 : git_tree_entry_cmp(a, b)
            if order < 0 {
                try record(a!, GIT_DELTA_DELETED)
                i += 1
            } else if order > 0 {
                try record(b!, GIT_DELTA_ADDED)
                j += 1
            } else {
                let a = a!, b = b!
                if git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) != 1 {
                    let path = prefix + String(cString: git_tree_entry_name(b))
                    if git_tree_entry_type(a) == GIT_OBJECT_TREE && git_tree_entry_type(b) == GIT_OBJECT_TREE {
                        var oldTree: OpaquePointer?, newTree: OpaquePointer?
                        try check("git_tree_lookup", git_tree_lookup(&oldTree, repository.pointer, git_tree_entry_id(a)))
                        let ownedOld = Owned(oldTree!, free: git_tree_free)
                        try check("git_tree_lookup", git_tree_lookup(&newTree, repository.pointer, git_tree_entry_id(b)))
                        let ownedNew = Owned(newTree!, free: git_tree_free)
                        try compare(ownedOld, ownedNew, prefix: path + "/", into: &changes, depth: depth + 1)
                    } else {
                        changes.append((GIT_DELTA_MODIFIED, path))
                    }
                }
                i += 1
                j += 1
            }
        }
    }

    private func filePaths(under folder: String, at revision: String) throws(GitError) -> [String] {
        // Reading blob contents is not needed for names; a tree walk of ids is enough.
        let root = try tree(at: revision)
        var paths: [String] = []
        func walk(_ tree: OpaquePointer, prefix: String, depth: Int) throws(GitError) {
            guard depth < 64 else { return }
            for index in 0..<git_tree_entrycount(tree) {
                guard let entry = git_tree_entry_byindex(tree, index) else { continue }
                let name = prefix + String(cString: git_tree_entry_name(entry))
                if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                    guard folder.isEmpty || name == folder || name.hasPrefix(folder + "/") || folder.hasPrefix(name + "/") else { continue }
                    var subtree: OpaquePointer?
                    try check("git_tree_lookup", git_tree_lookup(&subtree, repository.pointer, git_tree_entry_id(entry)))
                    let owned = Owned(subtree!, free: git_tree_free)
                    try walk(owned.pointer, prefix: name + "/", depth: depth + 1)
                } else if folder.isEmpty || name.hasPrefix(folder + "/") {
                    paths.append(name)
                }
            }
        }
        try walk(root.pointer, prefix: "", depth: 0)
        return paths
    }

    private func commitInfo(_ commit: OpaquePointer, id: inout git_oid) -> CommitInfo {
        let signature = git_commit_author(commit)!.pointee
        let offset = Int(signature.when.offset) * 60
        return CommitInfo(id: GitRepository.hex(&id),
                          author: String(cString: signature.name),
                          email: String(cString: signature.email),
                          date: Timestamp(secondsSince1970: Int(signature.when.time), utcOffset: offset),
                          summary: git_commit_summary(commit).map { String(cString: $0) } ?? "")
    }

    // MARK: Diff helpers

    private struct Delta {
        var status: git_delta_t
        var oldPath: String
        var newPath: String
    }

    private func deltas(_ diff: Owned) -> [Delta] {
        (0..<git_diff_num_deltas(diff.pointer)).compactMap { index in
            guard let delta = git_diff_get_delta(diff.pointer, index)?.pointee else { return nil }
            return Delta(status: delta.status,
                         oldPath: delta.old_file.path.map { String(cString: $0) } ?? "",
                         newPath: delta.new_file.path.map { String(cString: $0) } ?? "")
        }
    }

    /// Rename detection is costly, so it runs only when a diff both adds and deletes.
    private func findRenames(_ diff: Owned, includeUntracked: Bool) throws(GitError) {
        let statuses = deltas(diff).map(\.status)
        let adds = statuses.contains { $0 == GIT_DELTA_ADDED || $0 == GIT_DELTA_UNTRACKED }
        guard adds, statuses.contains(GIT_DELTA_DELETED) else { return }
        var options = git_diff_find_options()
        try check("git_diff_find_options_init", git_diff_find_options_init(&options, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)))
        options.flags = GIT_DIFF_FIND_RENAMES.rawValue | (includeUntracked ? GIT_DIFF_FIND_FOR_UNTRACKED.rawValue : 0)
        try check("git_diff_find_similar", git_diff_find_similar(diff.pointer, &options))
    }

    /// Runs `body` with `options.pathspec` limited to `folder` (C strings kept alive meanwhile).
    private func withPathspec<T>(_ folder: String, _ options: inout git_diff_options,
                                 _ body: (inout git_diff_options) throws(GitError) -> T) throws(GitError) -> T {
        guard !folder.isEmpty else { return try body(&options) }
        let pattern = strdup(folder + "/")
        defer { free(pattern) }
        var strings: [UnsafeMutablePointer<CChar>?] = [pattern]
        return try strings.withUnsafeMutableBufferPointer { (buffer) throws(GitError) -> T in
            options.pathspec = git_strarray(strings: buffer.baseAddress, count: 1)
            defer { options.pathspec = git_strarray(strings: nil, count: 0) }
            return try body(&options)
        }
    }

    static func hex(_ oid: UnsafePointer<git_oid>) -> String {
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, 41, oid)
        // git_oid_tostr writes 40 hex digits and a terminating NUL.
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
