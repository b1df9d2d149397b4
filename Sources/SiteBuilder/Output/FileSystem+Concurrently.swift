import Foundation

extension FileSystem {
    /// `0..<count` cut into consecutive runs, `perCore` runs for each core (fewer when `count` is small; one,
    /// empty, when it is 0): the work of a step shared out on all cores, joined back in order.
    static func chunks(of count: Int, perCore: Int) -> [Range<Int>] {
        let chunkCount = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount * perCore))
        let chunkSize = (count + chunkCount - 1) / chunkCount
        return (0..<chunkCount).map { min(count, $0 * chunkSize)..<min(count, ($0 + 1) * chunkSize) }
    }

    /// Runs `body` over `items` on all cores (file system calls block, so this uses threads, not tasks);
    /// results come back in the order of `items`; the first error is rethrown. Workers take the next run of
    /// items as they finish the last (not a fixed share each): a worker slowed by another thread of the build no
    /// longer leaves the others idle at the end.
    /// `waitingWorkers`: how many workers there are when each item mostly waits for the disk (reading files the
    /// kernel no longer holds in memory): so many threads, not one per core, so that that many reads are under
    /// way at once. With the files in memory the extra threads take turns on the cores at no cost worth counting.
    static func concurrently<Item: Sendable, Result: Sendable>(
        _ items: [Item], waitingWorkers: Int? = nil, _ body: @escaping @Sendable (Item) throws -> Result
    ) throws -> [Result] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let workers = min(max(cores, waitingWorkers ?? cores), max(1, items.count))
        let box = ResultBox<Result>(count: items.count)
        // Runs of a few items: few enough to share out evenly, long enough that taking one costs nothing.
        let run = max(1, min(32, items.count / (workers * 16)))
        let work: @Sendable (Int) -> Void = { _ in
            while let range = box.next(run) {
                var results: [Swift.Result<Result, any Error>] = []
                results.reserveCapacity(range.count)
                for index in range {
                    do {
                        results.append(.success(try body(items[index])))
                    } catch {
                        results.append(.failure(error))
                    }
                }
                box.set(range, results)
            }
        }
        if workers <= cores {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        } else {
            // Dispatch runs no more of them at once than there are cores, however many iterations: threads.
            let group = DispatchGroup()
            for worker in 0..<workers {
                group.enter()
                Thread.detachNewThread {
                    work(worker)
                    group.leave()
                }
            }
            group.wait()
        }
        return try box.values()
    }
}

/// Collects results from several threads, and shares out the items.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Value, any Error>?]
    private var taken = 0

    init(count: Int) { results = Array(repeating: nil, count: count) }

    /// The next `count` items no worker has taken yet; nil when all are taken.
    func next(_ count: Int) -> Range<Int>? {
        lock.withLock {
            guard taken < results.count else { return nil }
            let range = taken..<min(results.count, taken + count)
            taken = range.upperBound
            return range
        }
    }

    func set(_ range: Range<Int>, _ values: [Result<Value, any Error>]) {
        lock.withLock {
            for (index, value) in zip(range, values) { results[index] = value }
        }
    }

    func values() throws -> [Value] {
        try lock.withLock { results }.map { result in
            guard let result else { throw FileSystem.error(EIO, "(unwritten)") }
            return try result.get()
        }
    }
}
