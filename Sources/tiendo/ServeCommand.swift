import ArgumentParser
import Foundation
import TiendoOptions

/// `tiendo serve` runs `tiendo-serve`, the binary beside this one that holds the preview server: the HTTP
/// library brings the system's networking libraries with it, and loading them cost every other command (a
/// one-cell rebuild included) about 8 ms at start.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: ServeOptions.abstract,
                                                    discussion: ServeOptions.discussion)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var serve: ServeOptions

    func validate() throws { try serve.check(project.lang) }

    func run() throws {
        let vi = project.lang == .vi
        let folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        let server = folder.appendingPathComponent("tiendo-serve").path
        // Everything after `serve`, as it was given.
        let given = Array(CommandLine.arguments.drop { $0 != "serve" }.dropFirst())
        var arguments = ([server] + given).map { strdup($0) }
        arguments.append(nil)
        execv(server, &arguments)
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(Data((vi
            ? "error: không chạy được \(server) (\(reason)); tiendo serve cần tệp này bên cạnh tiendo "
                + "(make release làm cả hai)\n"
            : "error: cannot run \(server) (\(reason)); tiendo serve needs it beside tiendo "
                + "(make release builds both)\n"
        ).utf8))
        throw ExitCode(1)
    }
}
