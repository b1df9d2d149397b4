import ArgumentParser
import Foundation
import SiteBuilder
import TiendoOptions

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

    /// An output folder that overlaps the project's folders is a usage error (exit 2).
    func validate() throws {
        do {
            try SiteBuild(paths: project.paths(output: output)).checkOutputLocation()
        } catch {
            throw ValidationError(error.diagnostics.map { $0.formatted(project.lang) }.joined(separator: "\n"))
        }
    }

    func run() async throws {
        let start = ContinuousClock.now
        let build = SiteBuild(paths: project.paths(output: output))
        do {
            let result = try await build.run()
            Report.print(result.warnings, project.lang)
            let elapsed = ContinuousClock.now - start
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            let written = result.written ?? OutputWriter.Summary()
            let (pages, files, warnings, folder) = (result.pages, result.files.count, result.warnings.count,
                                                    build.paths.output.path)
            switch project.lang {
            case .vi:
                let changes = written.swapped ? "ghi \(written.written), xóa \(written.deleted)" : "không có gì thay đổi"
                print("Đã dựng \(pages) trang (\(files) tệp; \(changes)) vào \(folder) trong \(milliseconds) ms"
                    + (warnings == 0 ? "" : ", \(warnings) cảnh báo"))
            case .en:
                let changes = written.swapped ? "\(written.written) written, \(written.deleted) deleted" : "nothing changed"
                print("Built \(pages) pages (\(files) files; \(changes)) into \(folder) in \(milliseconds) ms"
                    + (warnings == 0 ? "" : ", \(warnings) warnings"))
            }
            // Done: the process ends here, without freeing the site it built piece by piece (ten thousand pages
            // of values; the system reclaims the memory at once).
            withExtendedLifetime(result) { Foundation.exit(0) }
        } catch {
            Report.print(error.diagnostics, project.lang)
            Report.summary(error.diagnostics, project.lang)
            throw ExitCode.failure
        }
    }
}
