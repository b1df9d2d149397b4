import ArgumentParser
import Foundation
import SiteBuilder

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            Reads Content/ and Templates/, computes every indicator and publishes the site. Only files whose \
            bytes changed are written; the new site is switched in at once, so a build with errors (or one that \
            is killed) leaves the output folder exactly as it was. Exit status: 0 built, 1 content errors, \
            2 usage errors.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The output folder (default: <root>/Output).")
    var output: String?

    func run() async throws {
        let start = ContinuousClock.now
        let build = SiteBuild(paths: project.paths(output: output))
        do {
            let result = try await build.run()
            Report.print(result.warnings)
            let elapsed = ContinuousClock.now - start
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            let written = result.written ?? OutputWriter.Summary()
            let changes = written.swapped
                ? "\(written.written) written, \(written.deleted) deleted"
                : "nothing changed"
            print("Built \(result.pages) pages (\(result.files.count) files; \(changes)) into "
                + "\(build.paths.output.path) in \(milliseconds) ms"
                + (result.warnings.isEmpty ? "" : ", \(result.warnings.count) warnings"))
        } catch {
            Report.print(error.diagnostics)
            Report.summary(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
