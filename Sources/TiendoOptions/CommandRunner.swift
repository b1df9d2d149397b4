public import ArgumentParser
import Foundation

extension AsyncParsableCommand {
    /// Parses the command line and runs the command it names, with Tiendo's exit codes: 0 success, 1 content
    /// errors, 2 usage errors (ArgumentParser's own would be 64). Both binaries' `main` (tiendo, tiendo-serve).
    public static func runWithTiendoExitCodes() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
