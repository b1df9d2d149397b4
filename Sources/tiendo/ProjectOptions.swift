import ArgumentParser
import Foundation
import SiteBuilder

/// Where the project lives; shared by every command.
struct ProjectOptions: ParsableArguments {
    @Option(help: "The project folder (default: the current folder).")
    var root: String = "."

    @Option(help: "The content folder (default: <root>/Content).")
    var content: String?

    @Option(help: "The templates folder (default: <root>/Templates).")
    var templates: String?

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--root '\(root)' is not a folder")
        }
    }

    func paths(output: String? = nil) -> BuildPaths {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL }
        return BuildPaths(root: url(root), content: content.map(url), templates: templates.map(url),
                          output: output.map(url))
    }
}

/// Prints diagnostics like a compiler, to standard error.
enum Report {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func summary(_ diagnostics: [Diagnostic]) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if !parts.isEmpty {
            FileHandle.standardError.write(Data((parts.joined(separator: ", ") + " found\n").utf8))
        }
    }
}
