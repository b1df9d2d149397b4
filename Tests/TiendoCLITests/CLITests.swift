import Foundation
import Testing

/// Runs the built `tiendo` binary and checks its output and exit status.
@Suite struct CLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary sits beside the test bundle in the build's products folder.
    static var binary: URL {
        let products = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        let beside = products.appendingPathComponent("tiendo")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repository.appendingPathComponent(".build/debug/tiendo")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A copy of the example project (Content/ and Templates/) in a temporary folder.
    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tiendo-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        return root
    }

    @Test func buildWritesTheSiteAndASummary() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Self.run(["build"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Đã dựng 47 trang ("))
        #expect(run.stdout.contains(" ms"))
        let english = try Self.run(["build", "--lang", "en"], in: root)
        #expect(english.stdout.hasPrefix("Built 47 pages (105 files; nothing changed)"), "\(english.stdout)")
        let home = try String(contentsOf: root.appendingPathComponent("Output/index.html"), encoding: .utf8)
        #expect(home.contains("href=\"muc-tieu/\""))
    }

    /// `tiendo build` with no option is built without parsing (BuildCommand.buildWithDefaults); where its folders
    /// are not there, the command line is parsed as usual and the usage error is the usual one.
    @Test func buildWithNoOptionFallsBackToTheUsualMessages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tiendo-no-content-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Self.run(["build"], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--content: '\(root.standardizedFileURL.path)/Content' không phải là một thư mục"),
                "\(run.stderr)")
        #expect(run.stderr.contains("Usage: tiendo build"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path))
    }

    @Test func brokenSiteYAMLExitsOneAndLeavesOutputUntouched() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.run(["build"], in: root).status == 0)
        let index = root.appendingPathComponent("Output/index.html")
        let before = try Data(contentsOf: index)
        let siteYAML = root.appendingPathComponent("Content/site.yaml")
        let text = try String(contentsOf: siteYAML, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "reporting_year: 2024", with: "reporting_year: [2024").utf8)
            .write(to: siteYAML)
        let run = try Self.run(["build"], in: root)
        #expect(run.status == 1)
        let errorLines = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errorLines.count == 1, "\(run.stderr)")
        #expect(errorLines.first?.hasPrefix("Content/site.yaml:") == true)
        #expect(errorLines.first.map { $0.split(separator: ":").count >= 4 } == true)
        #expect(try Data(contentsOf: index) == before)
    }

    @Test func checkWritesNothing() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Self.run(["check"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Không có lỗi: sẽ dựng 47 trang."))
        let english = try Self.run(["check", "--lang", "en"], in: root)
        #expect(english.stdout.contains("No errors: 47 pages would be built"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path))
    }

    @Test func usageErrorsExitTwo() throws {
        let run = try Self.run(["build", "--no-such-flag"], in: Self.repository)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Unknown option '--no-such-flag'"))
        let badRoot = try Self.run(["check", "--root", "/no/such/folder"], in: Self.repository)
        #expect(badRoot.status == 2)
        #expect(badRoot.stderr.contains("--root: '/no/such/folder' không phải là một thư mục"), "\(badRoot.stderr)")
        let badContent = try Self.run(["check", "--content", "/no/such/folder", "--lang", "en"], in: Self.repository)
        #expect(badContent.status == 2)
        #expect(badContent.stderr.contains("--content: '/no/such/folder' is not a folder"), "\(badContent.stderr)")
    }

    @Test func helpIsEverywhere() throws {
        for arguments in [["--help"], ["build", "--help"], ["check", "--help"]] {
            let run = try Self.run(arguments, in: Self.repository)
            #expect(run.status == 0)
            #expect(run.stdout.contains("USAGE"))
        }
        // `tiendo build` is parsed on its own first (runWithTiendoExitCodes(trying:)); what that parse does not take
        // (help, a mistake, a failed check) is parsed again as the whole tool, so the usage names `tiendo build`.
        for arguments in [["build", "--help"], ["build", "-h"], ["help", "build"]] {
            let run = try Self.run(arguments, in: Self.repository)
            #expect(run.status == 0)
            #expect(run.stdout.contains("USAGE: tiendo build [--root <root>]"), "\(arguments): \(run.stdout)")
        }
        for arguments in [["build", "--no-such-flag"], ["build", "--root", "/no/such/folder"], ["build", "help"]] {
            let run = try Self.run(arguments, in: Self.repository)
            #expect(run.status == 2)
            #expect(run.stderr.contains("Usage: tiendo build"), "\(arguments): \(run.stderr)")
        }
    }

    @Test func customFolders() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.moveItem(at: root.appendingPathComponent("Content"), to: root.appendingPathComponent("Noi-dung"))
        let run = try Self.run(["build", "--content", "Noi-dung", "--output", "Xuat"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Xuat/index.html").path))
        let overlap = try Self.run(["build", "--content", "Noi-dung", "--output", "Noi-dung"], in: root)
        #expect(overlap.status == 2, "an output folder that overlaps the content is a usage error")
        #expect(overlap.stderr.contains("thư mục xuất trùng với thư mục nội dung"), "\(overlap.stderr)")
    }

    @Test func archiveAndVerify() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let noDate = try Self.run(["archive", "2024"], in: root)
        #expect(noDate.status == 2, "the freezing date is never taken from the clock")
        let archive = try Self.run(["archive", "2024", "--date", "2025-03-31"], in: root)
        #expect(archive.status == 0, "\(archive.stderr)")
        #expect(archive.stdout.hasPrefix("Đã lưu trữ bản năm 2024 ("))
        #expect(try Self.run(["archive", "2024", "--date", "2025-03-31"], in: root).status == 1)
        let verify = try Self.run(["verify", "--rebuild"], in: root)
        #expect(verify.status == 0 && verify.stdout.contains("Các bản lưu trữ đều nguyên vẹn: 2024."), "\(verify.stderr)")
        try Data("thêm".utf8).write(to: root.appendingPathComponent("Archive/2024/data/site/them.html"))
        let tampered = try Self.run(["verify", "--lang", "en"], in: root)
        #expect(tampered.status == 1)
        #expect(tampered.stderr.contains("Archive/2024/data/site/them.html: error: an extra file"), "\(tampered.stderr)")
        #expect(try Self.run(["build"], in: root).status == 1)
    }
}
