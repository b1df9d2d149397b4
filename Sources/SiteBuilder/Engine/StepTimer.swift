import Foundation

/// Prints how long each build step took to standard error when `TIENDO_TIMINGS=1` (for the benchmark).
struct StepTimer {
    private static let enabled = ProcessInfo.processInfo.environment["TIENDO_TIMINGS"] == "1"
    private var last = ContinuousClock.now

    /// A line of what the build decided (`timing: NOTE`), printed only with the timings.
    static func note(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("timing: \(text())\n".utf8))
    }

    mutating func lap(_ step: String) {
        guard Self.enabled else { return }
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        FileHandle.standardError.write(Data("timing: \(step): \(Int(milliseconds)) ms\n".utf8))
    }
}
