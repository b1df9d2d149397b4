import ArgumentParser
import Foundation
import SiteBuilder

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            Reads Content/ and Templates/, computes every indicator and writes the site. The site is written \
            beside the output folder and swapped in at the end: a build with errors leaves the output folder \
            exactly as it was. Exit status: 0 built, 1 content errors, 2 usage errors.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The output folder (default: <root>/Output).")
    var output: String?

    func run() throws {
        let start = ContinuousClock.now
        let build = SiteBuild(paths: project.paths(output: output))
        do {
            let result = try build.run()
            Report.print(result.warnings)
            let elapsed = ContinuousClock.now - start
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            let outputPath = build.paths.output.path
            print("Built \(result.pages) pages (\(result.files.count) files) into \(outputPath) in \(milliseconds) ms"
                + (result.warnings.isEmpty ? "" : ", \(result.warnings.count) warnings"))
        } catch {
            Report.print(error.diagnostics)
            Report.summary(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
