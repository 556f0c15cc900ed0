import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a transform over `0..<count` on several threads and returns the
/// results in index order, so output never depends on scheduling.
///
/// Workers take the next index from a shared counter (a file that takes
/// long does not hold up the others) and write each result into its own
/// slot. Only results are kept: whatever a transform reads (a file's bytes)
/// is freed when it returns, so memory follows the results, not the input.
public enum ConcurrentMap {
    /// `(0..<count).map(transform)` on `jobs` threads (one means the
    /// calling thread only). `progress`, if given, counts finished items.
    public static func map<Result: Sendable>(
        count: Int,
        jobs: Int,
        progress: WorkProgress? = nil,
        _ transform: @Sendable (Int) -> Result
    ) -> [Result] {
        guard jobs > 1, count > 1 else {
            return (0 ..< count).map { index in
                let result = transform(index)
                progress?.finish()
                return result
            }
        }
        let slots = Slots<Result>(count: count)
        let counter = WorkCounter()
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while let index = counter.next(below: count) {
                slots.set(index, transform(index))
                progress?.finish()
            }
        }
        return slots.collect()
    }

    /// Result slots written by one worker each, read after all have joined.
    private final class Slots<Result: Sendable>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<Result?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            storage.deinitialize()
            storage.deallocate()
        }

        /// Each index is written by exactly one worker, so slots never race.
        func set(_ index: Int, _ result: Result) {
            storage[index] = result
        }

        func collect() -> [Result] {
            storage.compactMap { $0 }
        }
    }
}

/// The shared "next index" of a ``ConcurrentMap`` run.
final class WorkCounter: @unchecked Sendable {
    private let lock = ThreadLock()
    private var value = 0

    /// The next index below `limit`, or nil when all are taken.
    func next(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}

/// How many items of a run are done; safe to read from another thread
/// (the CLI's progress line).
public final class WorkProgress: @unchecked Sendable {
    private let lock = ThreadLock()
    private var done = 0
    public let total: Int

    public init(total: Int) {
        self.total = total
    }

    public var finished: Int {
        lock.withLock { done }
    }

    func finish() {
        lock.withLock { done += 1 }
    }
}

/// A pthread mutex at a fixed address (a mutex must not move).
final class ThreadLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
