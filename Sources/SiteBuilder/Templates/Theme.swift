import Foundation
import Mustache

/// The templates and assets of `Templates/`, compiled and ready to render.
struct Theme: Sendable {
    var library: MustacheLibrary
    /// Template sources by name (file name without `.mustache`), for the key check.
    var sources: [String: SourceFile]
    /// Files under `Templates/assets/`, by path relative to `assets/`.
    var assets: [(path: String, data: Data, source: String)]

    /// The templates a site needs; each page kind has one.
    static let required = ["layout", "home", "section", "indicator", "group", "indicators", "data", "not-found",
                           "indicator-block", "group-summary"]

    static func load(from folder: ProjectFolder, log: inout DiagnosticLog) -> Theme? {
        guard folder.exists else {
            log.error("the templates folder does not exist", at: SourceLocation(path: folder.displayPath(folder.url)))
            return nil
        }
        var library = MustacheLibrary()
        var sources: [String: SourceFile] = [:]
        let before = log.errors.count
        for file in folder.allFiles(below: ".") where file.pathExtension == "mustache" {
            let name = String(relativePath(of: file, in: folder.url).dropLast(".mustache".count))
            if name.hasPrefix("assets/") { continue }
            do {
                let source = try folder.read(file)
                sources[name] = source
                library.register(try compile(source), named: name)
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        for name in required where sources[name] == nil {
            log.error("the theme has no '\(name).mustache' template",
                      at: SourceLocation(path: folder.displayPath(folder.url)))
        }
        var assets: [(String, Data, String)] = []
        for file in folder.allFiles(below: "assets") {
            do {
                let data = try folder.readData(file)
                let relative = relativePath(of: file, in: folder.url.appendingPathComponent("assets"))
                assets.append((relative, data, folder.displayPath(file)))
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        guard log.errors.count == before else { return nil }
        return Theme(library: library, sources: sources, assets: assets)
    }

    /// `file`'s path below `folder`, with `/` separators.
    private static func relativePath(of file: URL, in folder: URL) -> String {
        String(file.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
    }

    private static func compile(_ source: SourceFile) throws(BuildFailure) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: source.text)
        } catch let error as MustacheTemplate.ParserError {
            throw BuildFailure(diagnostics: [
                Diagnostic(path: source.path, line: error.context.lineNumber, column: error.context.columnNumber + 1,
                           message: "template syntax: \(describe(error.error))"),
            ])
        } catch {
            throw BuildFailure(diagnostics: [Diagnostic(path: source.path, message: "template syntax: \(error)")])
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a closing tag {{/…}} does not match the section it closes"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a section {{#…}} is never closed with {{/…}}"
        case .invalidSetDelimiter?: return "invalid set-delimiter tag"
        default: return "\(error)"
        }
    }

    /// Renders a template; the key check has already run, so a missing template is a programming error.
    func render(_ view: Any, template name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    /// Checks the names a template uses against the view models it is rendered with.
    func lint(template name: String, views: [Any]) -> [Diagnostic] {
        let schema = views.reduce(ViewSchema.unknown) { $0.merged(with: ViewSchema.of($1)) }
        return TemplateLint(templates: sources).check(template: name, schema: schema)
    }
}
