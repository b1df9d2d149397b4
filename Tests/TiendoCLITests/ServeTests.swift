import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `tiendo serve` as a person uses it: open a page, edit, see the change; break the YAML, see where; fix it.
@Suite struct ServeTests {
    final class Server: @unchecked Sendable {
        let process = Process()
        let output = Pipe()
        var port = 0

        init(root: URL) throws {
            process.executableURL = CLITests.binary
            process.arguments = ["serve", "--port", "0", "--root", root.path]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var text = ""
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                text += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
                if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                    port = Int(text[range].split(separator: ":").last?.dropLast() ?? "") ?? 0
                    break
                }
            }
        }

        func get(_ path: String) async throws -> (Int, String) {
            let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
            let (data, response) = try await URLSession.shared.data(from: url)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        /// Polls `path` until `condition` holds, for at most `seconds`; returns how long it took.
        func wait(for path: String, seconds: Double = 30, _ condition: (String) -> Bool) async throws -> Double? {
            let start = Date()
            while Date().timeIntervalSince(start) < seconds {
                if condition(try await get(path).1) { return Date().timeIntervalSince(start) }
                try await Task.sleep(for: .milliseconds(50))
            }
            return nil
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    @Test func servesEditsErrorsAndRecovery() async throws {
        let root = try CLITests.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try Server(root: root)
        defer { server.stop() }
        try #require(server.port > 0)

        let (status, home) = try await server.get("/")
        #expect(status == 200)
        #expect(home.contains("<script src=\"/__tiendo/live.js\"></script>"))
        #expect(try await server.get("/__tiendo/live.js").1.contains("WebSocket"))
        #expect(try await server.get("/chi-tieu/tv-07/").1.contains("585.040 lượt"))

        let data = root.appendingPathComponent("Content/data/hoat-dong.csv")
        let csv = try String(contentsOf: data, encoding: .utf8)
        try Data(csv.replacingOccurrences(of: "2024,TVH-01,có,", with: "2024,TVH-01,có,9").utf8).write(to: data)
        let shown = try await server.wait(for: "/chi-tieu/tv-07/") { $0.contains("1.485.040 lượt") }
        #expect(shown != nil, "a data edit is shown")

        let site = root.appendingPathComponent("Content/site.yaml")
        let yaml = try String(contentsOf: site, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: [").utf8).write(to: site)
        let broken = try await server.wait(for: "/") { $0.contains("tiendo-loi") && $0.contains("Content/site.yaml:") }
        #expect(broken != nil, "a broken site.yaml is shown in the page with its position")
        #expect(try await server.get("/chi-tieu/tv-07/").1.contains("1.485.040 lượt"), "the last good site is served")

        try Data(yaml.utf8).write(to: site)
        #expect(try await server.wait(for: "/") { !$0.contains("tiendo-loi") } != nil, "the preview recovers")

        for path in ["/..%2f..%2fetc%2fpasswd", "/%2e%2e/Content/site.yaml", "/../Content/site.yaml",
                     "/assets/..%2f..%2fContent%2fsite.yaml", "/khong-co/"] {
            let (code, body) = try await server.get(path)
            #expect(code == 404, "\(path)")
            #expect(!body.contains("base_url"), "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path))
    }

    /// Links that lead back up in the watched folders neither hang the watcher nor hide an edit.
    @Test(.timeLimit(.minutes(1))) func linksBackUpDoNotHangTheWatcher() async throws {
        let root = try CLITests.project()
        defer { try? FileManager.default.removeItem(at: root) }
        for (link, target) in [("Templates/loop", "."), ("Templates/up", ".."), ("Content/up", ".."),
                               ("Content/indicators/again", "../.."), ("Templates/partials/back", "..")] {
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(link).path,
                                                       withDestinationPath: target)
        }
        let server = try Server(root: root)
        defer { server.stop() }
        try #require(server.port > 0)
        let data = root.appendingPathComponent("Content/data/hoat-dong.csv")
        let csv = try String(contentsOf: data, encoding: .utf8)
        try Data(csv.replacingOccurrences(of: "2024,TVH-01,có,", with: "2024,TVH-01,có,9").utf8).write(to: data)
        let shown = try await server.wait(for: "/chi-tieu/tv-07/") { $0.contains("1.485.040 lượt") }
        #expect(shown != nil, "a data edit is shown")
    }

    /// `tiendo serve` runs `tiendo-serve` from its own folder; without it, it says so and exits with 1.
    @Test func serveWithoutItsServerBinarySaysWhatIsMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tiendo-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("tiendo")
        try FileManager.default.copyItem(at: CLITests.binary, to: alone)
        let process = Process()
        process.executableURL = alone
        process.arguments = ["serve", "--port", "0", "--lang", "en"]
        process.currentDirectoryURL = CLITests.repository
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("tiendo-serve") && message.contains("make release builds both"))
    }

    @Test func aSiteThatNeverBuiltShowsItsErrorsUntilFixed() async throws {
        let root = try CLITests.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Content/site.yaml")
        let yaml = try String(contentsOf: site, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: [").utf8).write(to: site)
        let server = try Server(root: root)
        defer { server.stop() }
        try #require(server.port > 0)
        let (_, page) = try await server.get("/chi-tieu/")
        #expect(page.contains("tiendo-loi") && page.contains("Content/site.yaml:"))
        try Data(yaml.utf8).write(to: site)
        #expect(try await server.wait(for: "/") { $0.contains("<h1>") && !$0.contains("tiendo-loi") } != nil)
    }
}
