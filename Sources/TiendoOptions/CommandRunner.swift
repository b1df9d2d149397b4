public import ArgumentParser
import Foundation

extension AsyncParsableCommand {
    /// Parses the command line and runs the command it names, with Tiendo's exit codes: 0 success, 1 content
    /// errors, 2 usage errors (ArgumentParser's own would be 64). Both binaries' `main` (tiendo, tiendo-serve).
    public static func runWithTiendoExitCodes() async {
        do {
            try await run(parseAsRoot())
        } catch {
            exit(withTiendoCode: error)
        }
    }

    /// The same, when the command line names `Command` first: it is parsed as a root command of its own, so that
    /// ArgumentParser reflects the properties of that one command, not of every command of the tool (finding
    /// their property wrappers by reflection took 3 of the 11 ms in which `tiendo --version` ran, for each build
    /// a script runs after a change). What that parse does not accept (help, a mistake, a failed `validate()`) is
    /// parsed again the usual way, so every message and help text is the tool's.
    public static func runWithTiendoExitCodes<Command: AsyncParsableCommand>(trying _: Command.Type) async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == Command.configuration.commandName,
              // Help comes back as a command of ArgumentParser's own, which would print this command as the root.
              let command = (try? Command.parseAsRoot(Array(arguments.dropFirst()))) as? Command
        else {
            await runWithTiendoExitCodes()
            return
        }
        do {
            try await run(command)
        } catch {
            exit(withTiendoCode: error)
        }
    }

    private static func run(_ parsed: any ParsableCommand) async throws {
        var command = parsed
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    private static func exit(withTiendoCode error: any Error) -> Never {
        if exitCode(for: error) == .validationFailure {
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        exit(withError: error)
    }
}
