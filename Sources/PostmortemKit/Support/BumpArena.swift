import Foundation

/// Memory for C code that makes many small allocations and is done with all
/// of them at once: blocks are carved one after another out of large slabs,
/// freeing one block does nothing, and `reset()` takes all of them back.
///
/// `MarkdownParser` gives it to cmark-gfm: parsing one file made hundreds of
/// `calloc`s (nodes, lists, buffers, a copy of every literal) and freeing the
/// tree as many `free`s, about a tenth of the CPU time of `lint`. cmark's
/// allocator callbacks carry no context, so each thread has its own arena
/// (`withCurrent`); it keeps its slabs for the next parse on that thread.
final class BumpArena {
    /// Bytes per slab; a request above a quarter of it gets its own block.
    static let slabSize = 256 * 1024
    /// Before each block: its size in bytes, for `reallocate`. Keeps blocks 16-byte aligned, as `malloc`'s are.
    private static let headerSize = 16

    private var slabs: [UnsafeMutableRawPointer] = []
    /// The slab being carved (an index into `slabs`), and the free part of it.
    private var slabIndex = -1
    private var cursor = UnsafeMutableRawPointer(bitPattern: 16)!
    private var end = UnsafeMutableRawPointer(bitPattern: 16)!
    /// Blocks too big for a slab, freed by `reset`.
    private var large: [UnsafeMutableRawPointer] = []

    /// A block of `size` bytes, 16-byte aligned; all zero when `zeroed` (for `calloc`).
    func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer {
        let needed = BumpArena.headerSize + BumpArena.rounded(size)
        let block: UnsafeMutableRawPointer
        if BumpArena.isLarge(size) {
            block = malloc(needed)!
            large.append(block)
        } else {
            if end - cursor < needed { nextSlab() }
            block = cursor
            cursor += needed
        }
        block.storeBytes(of: size, as: Int.self)
        let result = block + BumpArena.headerSize
        if zeroed { memset(result, 0, size) }
        return result
    }

    /// `realloc`: the block at `pointer` (nil: none) with room for `size`
    /// bytes and its first bytes kept. The last block of the slab grows in
    /// place (cmark's buffers grow one after another); any other moves.
    func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(size, zeroed: false) }
        let header = pointer - BumpArena.headerSize
        let old = header.load(as: Int.self)
        if size <= old { return pointer }
        if !BumpArena.isLarge(old), !BumpArena.isLarge(size), pointer + BumpArena.rounded(old) == cursor,
           pointer >= slabs[slabIndex], end - pointer >= BumpArena.rounded(size) {
            cursor = pointer + BumpArena.rounded(size)
            header.storeBytes(of: size, as: Int.self)
            return pointer
        }
        let moved = allocate(size, zeroed: false)
        moved.copyMemory(from: pointer, byteCount: old)
        return moved
    }

    /// Takes back every block; the slabs stay for the next use.
    func reset() {
        for block in large { free(block) }
        large.removeAll(keepingCapacity: true)
        slabIndex = -1
        cursor = UnsafeMutableRawPointer(bitPattern: 16)!
        end = cursor
    }

    deinit {
        reset()
        for slab in slabs { free(slab) }
    }

    private func nextSlab() {
        slabIndex += 1
        if slabIndex == slabs.count { slabs.append(malloc(BumpArena.slabSize)!) }
        cursor = slabs[slabIndex]
        end = cursor + BumpArena.slabSize
    }

    private static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }

    private static func isLarge(_ size: Int) -> Bool { headerSize + rounded(size) > slabSize / 4 }

    // MARK: One arena per thread

    /// Holds each thread's arena; the arena is released when its thread ends.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { arena in
            if let arena { Unmanaged<BumpArena>.fromOpaque(arena).release() }
        }
        return key
    }()

    /// Runs `body` with this thread's arena, made on first use. The arena
    /// must not leave the thread.
    static func withCurrent<Result>(_ body: (BumpArena) -> Result) -> Result {
        if let stored = pthread_getspecific(key) {
            return Unmanaged<BumpArena>.fromOpaque(stored)._withUnsafeGuaranteedRef(body)
        }
        let arena = BumpArena()
        pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
        return body(arena)
    }
}
