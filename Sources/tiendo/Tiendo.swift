import ArgumentParser
#if canImport(CMimalloc)
// Links mimalloc, which takes malloc's place for the whole process (see README); its own settings are kept: a
// build writes its pages as it renders them, so freed memory is soon used again.
import CMimalloc
#endif
import Foundation
import TiendoOptions

@main
struct Tiendo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiendo",
        abstract: "Builds a citizen-facing progress report site from Content/ and Templates/.",
        version: "0.2.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, ArchiveCommand.self, VerifyCommand.self]
    )

    /// Exit codes: 0 success, 1 content errors, 2 usage errors (see TiendoOptions). `tiendo build` with no option
    /// is built without parsing (BuildCommand.buildWithDefaults), and with options parsed on its own first (see
    /// runWithTiendoExitCodes(trying:)).
    static func main() async {
        if CommandLine.arguments.dropFirst().elementsEqual(["build"]) { await BuildCommand.buildWithDefaults() }
        await runWithTiendoExitCodes(trying: BuildCommand.self)
    }
}
