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
        try await Self.build(paths: project.paths(output: output), language: project.lang)
    }

    /// `tiendo build` with no option, as a script runs it after each change: built with the default folders
    /// without ArgumentParser, which finds a command's options by reflection (4 ms of a 0.16 s rebuild of 10,000
    /// sections). The folders are checked as `validate()` checks them; when a check fails this returns, doing
    /// nothing, and the command line is parsed the usual way, which reports the problem.
    static func buildWithDefaults() async {
        let paths = ProjectOptions.paths()
        guard ProjectOptions.missingFolder(in: paths) == nil,
              (try? SiteBuild(paths: paths).checkOutputLocation()) != nil else { return }
        do {
            try await build(paths: paths, language: .vi)
        } catch {
            Tiendo.exit(withError: error)
        }
    }

    /// Builds and prints the summary; exits the process when the site is published (see below).
    private static func build(paths: BuildPaths, language: Language) async throws {
        let start = ContinuousClock.now
        let build = SiteBuild(paths: paths)
        do {
            let result = try await build.run()
            Report.print(result.warnings, language)
            let elapsed = ContinuousClock.now - start
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            let written = result.written ?? OutputWriter.Summary()
            let (pages, files, warnings, folder) = (result.pages, result.files.count, result.warnings.count,
                                                    build.paths.output.path)
            switch language {
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
            Report.print(error.diagnostics, language)
            Report.summary(error.diagnostics, language)
            throw ExitCode.failure
        }
    }
}
