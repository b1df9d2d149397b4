public import ArgumentParser
import Foundation
public import SiteBuilder

/// Where the project lives; shared by every command (of `tiendo` and of `tiendo-serve`).
public struct ProjectOptions: ParsableArguments {
    @Option(help: "The project folder (default: the current folder).")
    public var root: String = "."

    @Option(help: "The content folder (default: <root>/Content).")
    public var content: String?

    @Option(help: "The templates folder (default: <root>/Templates).")
    public var templates: String?

    @Option(help: "The language of messages: vi (Vietnamese, the default) or en (English).")
    public var lang: Language = .vi

    public init() {}

    /// Folders named on the command line must exist: a wrong one is a usage error (exit 2), not a content error.
    public func validate() throws {
        if let problem = Self.missingFolder(in: paths()) {
            throw ValidationError(lang == .vi ? "\(problem.option): '\(problem.path)' không phải là một thư mục"
                                              : "\(problem.option): '\(problem.path)' is not a folder")
        }
    }

    public func paths(output: String? = nil) -> BuildPaths {
        Self.paths(root: root, content: content, templates: templates, output: output)
    }

    /// The folders the options name, relative to the current folder (all nil but `root`: the defaults).
    public static func paths(root: String = ".", content: String? = nil, templates: String? = nil,
                             output: String? = nil) -> BuildPaths {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL }
        return BuildPaths(root: url(root), content: content.map(url), templates: templates.map(url),
                          output: output.map(url))
    }

    /// The first of the root, content and templates folders that is not a folder, with its option's name.
    public static func missingFolder(in paths: BuildPaths) -> (option: String, path: String)? {
        for (option, folder) in [("--root", paths.root), ("--content", paths.content), ("--templates", paths.templates)] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
            else { return (option, folder.path) }
        }
        return nil
    }
}

extension Language: ExpressibleByArgument {}

/// Prints diagnostics like a compiler, to standard error, in the language chosen with `--lang`.
public enum Report {
    public static func print(_ diagnostics: [Diagnostic], _ language: Language) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.formatted(language) + "\n").utf8))
        }
    }

    public static func summary(_ diagnostics: [Diagnostic], _ language: Language) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var parts: [String] = []
        switch language {
        case .vi:
            if errors > 0 { parts.append("\(errors) lỗi") }
            if warnings > 0 { parts.append("\(warnings) cảnh báo") }
            if !parts.isEmpty {
                FileHandle.standardError.write(Data(("Tìm thấy " + parts.joined(separator: ", ")
                    + (errors > 0 ? "; chưa ghi gì vào thư mục xuất.\n" : ".\n")).utf8))
            }
        case .en:
            if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
            if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
            if !parts.isEmpty {
                FileHandle.standardError.write(Data((parts.joined(separator: ", ") + " found"
                    + (errors > 0 ? "; nothing was written to the output folder.\n" : "\n")).utf8))
            }
        }
    }
}
