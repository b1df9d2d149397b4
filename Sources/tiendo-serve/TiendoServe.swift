import ArgumentParser
#if canImport(CMimalloc)
import CMimalloc
#endif
import Foundation
import Preview
import TiendoOptions

/// The preview server, run by `tiendo serve` (see Sources/tiendo/ServeCommand.swift): its own binary, so that
/// the HTTP library and the networking libraries it needs are loaded only by the preview.
@main
struct TiendoServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tiendo serve", abstract: ServeOptions.abstract,
                                                    discussion: ServeOptions.discussion, version: "0.2.0")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var serve: ServeOptions

    func validate() throws { try serve.check(project.lang) }

    func run() async throws {
        let server = PreviewServer(paths: project.paths(), host: serve.host, port: UInt16(serve.port),
                                   language: project.lang)
        try await server.run { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    /// Exit codes: 0 success, 1 content errors, 2 usage errors (see TiendoOptions).
    static func main() async { await runWithTiendoExitCodes() }
}
