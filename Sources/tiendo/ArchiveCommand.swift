import ArgumentParser
import Foundation
import SiteBuilder
import TiendoOptions

struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Freeze the current site as the edition of YEAR into Archive/YEAR/ (a BagIt bag).",
        discussion: """
            Renders the site for <base_url>/YEAR/ with an archive banner on every page, copies Content/ and \
            Templates/ beside it, and writes a BagIt bag with SHA-256 manifests. An existing edition is not \
            replaced without --replace. The freezing date comes from --date or TIENDO_ARCHIVE_DATE (YYYY-MM-DD), \
            never from the clock, so the same sources frozen twice give byte-identical bags. Exit status: 0 \
            written, 1 errors, 2 usage errors.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The year the edition reports on, e.g. 2024.")
    var year: Int

    @Option(help: "The freezing date, YYYY-MM-DD (default: $TIENDO_ARCHIVE_DATE).")
    var date: String?

    @Flag(help: "Replace an existing edition of the same year.")
    var replace = false

    var freezingDate: String? { date ?? ProcessInfo.processInfo.environment["TIENDO_ARCHIVE_DATE"] }

    func validate() throws {
        guard let date = freezingDate else {
            throw ValidationError(project.lang == .vi
                ? "cần ngày lưu trữ: --date 2025-03-31 (hoặc biến môi trường TIENDO_ARCHIVE_DATE)"
                : "a freezing date is needed: --date 2025-03-31 (or TIENDO_ARCHIVE_DATE)")
        }
        guard VietnameseDate.display(date) != nil else {
            throw ValidationError(project.lang == .vi ? "--date phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-03-31"
                                                      : "--date must be a date written YYYY-MM-DD, e.g. 2025-03-31")
        }
    }

    func run() async throws {
        do {
            let result = try await Archiver(paths: project.paths()).archive(year: year, date: freezingDate ?? "",
                                                                           replace: replace)
            print(project.lang == .vi
                ? "Đã lưu trữ bản năm \(year) (\(result.files) tệp) vào \(result.folder.path)"
                : "Archived the edition of \(year) (\(result.files) files) into \(result.folder.path)")
        } catch {
            Report.print(error.diagnostics, project.lang)
            Report.summary(error.diagnostics, project.lang)
            throw ExitCode.failure
        }
    }
}
