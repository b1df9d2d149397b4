import ArgumentParser
import Foundation
import SiteBuilder

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check content and templates; write nothing.",
        discussion: "Runs every step of a build except writing. Exit status: 0 no errors, 1 errors, 2 usage errors."
    )

    @OptionGroup var project: ProjectOptions

    func run() async throws {
        do {
            let result = try await SiteBuild(paths: project.paths()).generate()
            Report.print(result.warnings)
            print("No errors: \(result.pages) pages would be built"
                + (result.warnings.isEmpty ? "." : ", \(result.warnings.count) warnings."))
        } catch {
            Report.print(error.diagnostics)
            Report.summary(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
