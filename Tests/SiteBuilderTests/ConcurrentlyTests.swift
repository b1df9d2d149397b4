import Foundation
import Testing
@testable import SiteBuilder

/// FileSystem.concurrently: results in the order of the items, whichever worker made them, on one thread per core
/// or on more threads than cores (for reads that wait for the disk).
struct ConcurrentlyTests {
    @Test func resultsComeInOrderWithAnyNumberOfWorkers() throws {
        let items = Array(0..<2_000)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for workers in [nil, 1, cores, cores * 2 + 3, 64] {
            let threads = ThreadNames()
            let results = try FileSystem.concurrently(items, waitingWorkers: workers) { item -> Int in
                threads.note()
                // Long enough that every worker starts before the items run out.
                if workers.map({ $0 > cores }) == true { usleep(100) }
                return item * item
            }
            #expect(results == items.map { $0 * $0 })
            if let workers, workers > cores { #expect(threads.count > cores) }
        }
        #expect(try FileSystem.concurrently([Int](), waitingWorkers: 8) { $0 }.isEmpty)
    }

    @Test func theFirstErrorIsThrown() {
        struct Failure: Error, Equatable { let item: Int }
        for workers in [nil, 9] {
            #expect(throws: Failure(item: 3)) {
                try FileSystem.concurrently(Array(0..<100), waitingWorkers: workers) { item -> Int in
                    if item == 3 || item == 50 { throw Failure(item: item) }
                    return item
                }
            }
        }
    }
}

/// The distinct threads that ran some code.
private final class ThreadNames: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<UInt64> = []

    func note() {
        let id = UInt64(pthread_self())
        lock.withLock { _ = ids.insert(id) }
    }

    var count: Int { lock.withLock { ids.count } }
}
