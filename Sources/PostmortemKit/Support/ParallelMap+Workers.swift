import Foundation

extension ParallelMap {
    /// Maps `items` on `workers` threads (at least one), keeping the order.
    /// Each worker takes the next unclaimed index, so the result does not
    /// depend on the number of workers or on scheduling.
    ///
    /// The calling thread works through the items itself and asks up to
    /// `workers - 1` threads of the global queue to help; a helper that starts
    /// after every item is taken does nothing. Not `concurrentPerform`:
    /// libdispatch runs an apply inside another apply on one thread, so when
    /// the build runs two stages side by side (lint and patterns, the search
    /// index and the JSON files), the one that finished first left its core
    /// idle while the other went on alone. Here a nested map gets whatever
    /// threads are free, and the caller never waits for a helper that has not started.
    static func map<Element: Sendable, Result: Sendable>(_ items: [Element], workers: Int,
                                                          _ transform: @Sendable (Element) -> Result) -> [Result] {
        let count = max(1, min(workers, items.count))
        if count == 1 { return items.map(transform) }
        // Each result is built in its final slot (see `map(_:_:)`).
        return Array(unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = UnsafeMutableBufferPointerBox(buffer)
            withoutActuallyEscaping({ (index: Int) in
                (slots.buffer.baseAddress! + index).initialize(to: transform(items[index]))
            }) { body in
                let job = SharedIndexJob(total: items.count, body: body)
                for _ in 1..<count { DispatchQueue.global().async { job.help() } }
                job.help()
                job.finish()
            }
            initialized = items.count
        }
    }

    /// Maps the index ranges of `count` items on `workers` threads, in
    /// chunks large enough that handing them out costs nothing, and returns
    /// the chunks' results in order.
    static func inChunks<Result: Sendable>(_ count: Int, chunk: Int, workers: Int,
                                           _ transform: @Sendable (Range<Int>) -> Result) -> [Result] {
        map(Array(stride(from: 0, to: count, by: chunk)), workers: workers) { transform($0..<min($0 + chunk, count)) }
    }
}

/// Indices 0..<total handed out to competing threads, each run once with
/// `body`. `finish` waits until every index has run and then drops `body`,
/// so a helper that starts later finds nothing to do and never touches it.
private final class SharedIndexJob: @unchecked Sendable {
    private let condition = NSCondition()
    private let total: Int
    private var next = 0
    private var finished = 0
    private var body: ((Int) -> Void)?

    init(total: Int, body: @escaping (Int) -> Void) {
        self.total = total
        self.body = body
    }

    /// Runs unclaimed indices until none is left.
    func help() {
        while let index = claim() {
            run(index)
            condition.lock()
            finished += 1
            if finished == total { condition.broadcast() }
            condition.unlock()
        }
    }

    /// Waits for every index to have run, then lets go of `body`.
    func finish() {
        condition.lock()
        while finished < total { condition.wait() }
        body = nil
        condition.unlock()
    }

    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard next < total, body != nil else { return nil }
        next += 1
        return next - 1
    }

    /// Apart from `help` so that its hold on `body` ends before the index is counted as finished.
    @inline(never)
    private func run(_ index: Int) {
        body.unsafelyUnwrapped(index)
    }
}
