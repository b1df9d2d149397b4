import ArgumentParser
import Foundation
import SiteBuilder
import TiendoOptions

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
            Report.print(result.warnings, project.lang)
            let warnings = result.warnings.count
            switch project.lang {
            case .vi:
                print("Không có lỗi: sẽ dựng \(result.pages) trang" + (warnings == 0 ? "." : ", \(warnings) cảnh báo."))
            case .en:
                print("No errors: \(result.pages) pages would be built" + (warnings == 0 ? "." : ", \(warnings) warnings."))
            }
        } catch {
            Report.print(error.diagnostics, project.lang)
            Report.summary(error.diagnostics, project.lang)
            throw ExitCode.failure
        }
    }
}
