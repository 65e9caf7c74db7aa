import Foundation

/// Which build of the tool is running, for the keys of everything cached
/// between runs (pages, lint findings): a cache made by another build is
/// never reused.
enum ToolBuild {
    /// The version and the blob id of the running executable, which contains
    /// all of the tool's code: any rebuild, even without a version change,
    /// gets new keys.
    static let identity: String = {
        let path = CommandLine.arguments.first.flatMap { $0.contains("/") ? $0 : nil } ?? "/proc/self/exe"
        guard let data = FileManager.default.contents(atPath: "/proc/self/exe") ?? FileManager.default.contents(atPath: path) else {
            return PostmortemVersion.current + " unknown-build"
        }
        return PostmortemVersion.current + " " + GitRepository.blobID(of: data)
    }()
}
