import Foundation

/// Runs one piece of work on a thread of its own, started at once, so that
/// it overlaps whatever the caller does next; `value` waits for it.
///
/// For work that would otherwise run alone while the other cores wait
/// (git history, libgit2's start-up, building word lists) next to work that
/// keeps every core busy (parsing). Not a pool: one thread per task.
final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            lock.withLock { result = value }
            done.signal()
        }
        // libgit2 and the word-list builders recurse; give them a main thread's stack.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work's result if it has finished, without waiting (`value` may still be called).
    var finishedValue: Value? {
        lock.withLock { result }
    }

    /// The work's result, waiting for it to finish. Call it once.
    var value: Value {
        done.wait()
        return lock.withLock { result! }
    }
}
