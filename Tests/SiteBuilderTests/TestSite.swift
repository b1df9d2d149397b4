import Foundation
import Testing
@testable import SiteBuilder

/// A throwaway copy of a fixture site in a temporary folder, with the repository's real theme.
struct TestSite {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let root: URL

    /// Copies `Fixtures/<name>/Content` (the repository's own Content for "example", `examples/x/Content` for
    /// "examples/x") and the repository's `Templates/`.
    init(_ name: String = "mini") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tiendo-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let content = name == "example" ? Self.repository.appendingPathComponent("Content")
            : name.hasPrefix("examples/") ? Self.repository.appendingPathComponent(name).appendingPathComponent("Content")
            : Self.fixtures.appendingPathComponent(name).appendingPathComponent("Content")
        try FileManager.default.copyItem(at: content, to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"),
                                         to: root.appendingPathComponent("Templates"))
    }

    var paths: BuildPaths { BuildPaths(root: root) }
    var output: URL { root.appendingPathComponent("Output") }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: url(relative))
    }

    /// Replaces the first occurrence of `old` in a file; fails loudly if it is not there.
    func replace(in relative: String, _ old: String, with new: String) throws {
        let text = try read(relative)
        guard let range = text.range(of: old) else { throw TestSiteError.notFound(old, relative) }
        try write(relative, text.replacingCharacters(in: range, with: new))
    }

    @discardableResult
    func build() async throws -> BuildResult {
        try await SiteBuild(paths: paths).run()
    }

    /// The diagnostics of a build that must fail.
    func failures() async -> [Diagnostic] {
        do {
            try await SiteBuild(paths: paths).run()
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The error lines of a build of the mini site after `change`, in `language` (English by default, the
    /// Vietnamese wording is asserted by the tests of issue 8); the build must fail without writing Output/.
    static func errors(_ language: Language = .en, after change: (TestSite) throws -> Void) async throws -> [String] {
        let site = try TestSite()
        defer { site.remove() }
        try change(site)
        let diagnostics = await site.failures()
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build must not write Output/")
        return diagnostics.filter { $0.severity == .error }.map { $0.formatted(language) }
    }

    /// Every file below the output folder with its bytes.
    func snapshot() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = output.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: output.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let file = output.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(file.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: file)
            }
        }
        return result
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

enum TestSiteError: Error {
    case notFound(String, String)
}
