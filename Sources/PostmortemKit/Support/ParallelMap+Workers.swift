import Foundation

extension ParallelMap {
    /// Maps `items` on `workers` threads (at least one), keeping the order.
    /// Each worker takes the next unclaimed index, so the result does not
    /// depend on the number of workers or on scheduling.
    static func map<Element: Sendable, Result: Sendable>(_ items: [Element], workers: Int,
                                                          _ transform: @Sendable (Element) -> Result) -> [Result] {
        let count = max(1, min(workers, items.count))
        if count == 1 { return items.map(transform) }
        let next = IndexCounter()
        // Each result is built in its final slot (see `map(_:_:)`).
        return Array(unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = UnsafeMutableBufferPointerBox(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { _ in
                while let index = next.claim(below: items.count) {
                    (slots.buffer.baseAddress! + index).initialize(to: transform(items[index]))
                }
            }
            initialized = items.count
        }
    }
}

/// Hands out 0, 1, 2, … to competing threads.
private final class IndexCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func claim(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
