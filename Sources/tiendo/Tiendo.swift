import ArgumentParser
#if canImport(CMimalloc)
import CMimalloc
#endif
import Foundation

@main
struct Tiendo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiendo",
        abstract: "Builds a citizen-facing progress report site from Content/ and Templates/.",
        version: "0.2.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, ArchiveCommand.self, VerifyCommand.self]
    )

    /// Exit codes: 0 success, 1 content errors, 2 usage errors (ArgumentParser's own would be 64).
    static func main() async {
        #if canImport(CMimalloc)
        // Memory freed is given back to the system at once rather than after mimalloc's default delay: the peak
        // of a 10,000-section build is then what it was with glibc (about 240 MiB instead of 270), for the same
        // speed.
        // `MIMALLOC_DECOMMIT_DELAY` in the environment still chooses otherwise.
        if ProcessInfo.processInfo.environment["MIMALLOC_DECOMMIT_DELAY"] == nil {
            mi_option_set(mi_option_decommit_delay, 0)
        }
        #endif
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
