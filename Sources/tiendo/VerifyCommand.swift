import ArgumentParser
import Foundation
import SiteBuilder
import TiendoOptions

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every edition in Archive/ against its checksums.",
        discussion: """
            Every file of every edition must be listed in its manifests with the same SHA-256, and no file may be \
            added. With --rebuild, the sources stored in each edition must also build to the same site, byte for \
            byte (with the same version of Tiendo). Exit status: 0 all hold, 1 naming each file that does not.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Also rebuild each edition from its stored sources and compare the bytes.")
    var rebuild = false

    func run() async throws {
        do {
            let years = try await Archiver(paths: project.paths()).verify(rebuild: rebuild)
            let list = years.map(String.init).joined(separator: ", ")
            print(project.lang == .vi
                ? (years.isEmpty ? "Chưa có bản lưu trữ nào." : "Các bản lưu trữ đều nguyên vẹn: \(list).")
                : (years.isEmpty ? "There are no editions." : "Every edition holds: \(list)."))
        } catch {
            Report.print(error.diagnostics, project.lang)
            Report.summary(error.diagnostics, project.lang)
            throw ExitCode.failure
        }
    }
}
