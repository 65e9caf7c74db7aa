import CGit2

/// A libgit2 failure, naming the function that failed and libgit2's message.
public struct GitError: Error, CustomStringConvertible, Sendable {
    public var function: String
    public var code: Int32
    public var message: String

    public var description: String { "\(function) failed: \(message)" }

    /// libgit2's "object not found", e.g. an unknown revision.
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    /// Reads libgit2's last error for a failed call.
    static func last(_ function: String, code: Int32) -> GitError {
        let message = git_error_last().map { String(cString: $0.pointee.message) } ?? "error \(code)"
        return GitError(function: function, code: code, message: message)
    }
}

/// Runs a libgit2 call and turns a negative result into a `GitError`.
@discardableResult
func check(_ function: String, _ result: Int32) throws(GitError) -> Int32 {
    if result < 0 { throw GitError.last(function, code: result) }
    return result
}
