import Foundation

/// Derived data that several rules of one file read, computed on first use
/// and shared: the four blameless rules read one `BlamelessAnalysis`
/// instead of analysing every sentence four times. The linter gives each
/// file its own cache; rules run on one thread per file, and the lock
/// keeps the cache correct if that ever changes.
final class FileAnalysisCache: @unchecked Sendable {
    private let lock = NSLock()
    private var blameless: BlamelessAnalysis?

    func blameless(_ make: () -> BlamelessAnalysis) -> BlamelessAnalysis {
        lock.lock()
        defer { lock.unlock() }
        if let blameless { return blameless }
        let made = make()
        blameless = made
        return made
    }
}
