import Foundation
import Mustache

/// The templates, interface text and assets of `Templates/`, compiled and checked once when loaded.
struct Theme: Sendable {
    struct Asset: Sendable {
        /// Path relative to `assets/`.
        var path: String
        var data: Data
        /// Path relative to the project root, for diagnostics.
        var source: String
    }

    /// swift-mustache's templates: the renderer of a theme outside the compiled subset, and the parser that reports
    /// template errors. Nil for templates `load` was told are the ones a successful build read (`trusted`) when
    /// the compiled theme renders them: parsing them again found nothing, and took a fiftieth of a rebuild.
    var library: MustacheLibrary?
    /// Template sources by name (file name without `.mustache`).
    var sources: [String: SourceFile]
    /// Interface text by language code (`strings/vi.yaml` → `vi`).
    var strings: [String: InterfaceText]
    var assets: [Asset]
    /// For each template: a hash of its source and of every partial it includes, for page fingerprints.
    var templateDigests: [String: String]
    /// The same templates compiled for the fast path; nil when the theme uses more of Mustache than it renders.
    var compiled: CompiledTheme?

    /// The templates a site needs; each page kind has one.
    static let required = ["layout", "home", "section", "indicator", "group", "indicators", "data", "not-found",
                           "indicator-block", "group-summary", "tasks", "task-list", "editions", "changes", "search"]

    /// `trusted`: every file below the folder is the one the last successful build read (InputStamps), so the
    /// templates parse; they are not parsed by swift-mustache again unless it renders them.
    static func load(from folder: ProjectFolder, log: inout DiagnosticLog, trusted: Bool = false) -> Theme? {
        guard folder.exists else {
            log.error("không có thư mục mẫu trang này", en: "the templates folder does not exist",
                      at: SourceLocation(path: folder.displayPath(folder.url)))
            return nil
        }
        let before = log.errors.count
        // The interface text (YAML) is read, and the templates compiled for the fast path, on other threads
        // meanwhile: on a rebuild that reuses every section, the theme took longer to load than the content.
        let stringsPart = Background {
            var stringsLog = DiagnosticLog()
            return (loadStrings(from: folder, log: &stringsLog), stringsLog)
        }
        var sources: [String: SourceFile] = [:]
        for file in folder.allFiles(below: ".") where file.pathExtension == "mustache" {
            let name = String(relativePath(of: file, in: folder.url).dropLast(".mustache".count))
            if name.hasPrefix("assets/") { continue }
            do {
                sources[name] = try folder.read(file)
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        // The templates' tags are found once; the interface keys the check needs are set when the strings are read.
        var lint = TemplateLint(templates: sources, interfaceKeys: [])
        // Nesting deep enough to exhaust a thread's stack is refused before any parser recurses through it.
        let nesting = lint.nestingErrors()
        guard nesting.isEmpty else {
            log.append(contentsOf: nesting)
            return nil
        }
        let readSources = sources
        let compiledPart = Background { CompiledTheme(sources: readSources.mapValues(\.text)) }
        func parsed() -> MustacheLibrary {
            var library = MustacheLibrary()
            for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
                do {
                    library.register(try compile(source), named: name)
                } catch {
                    log.append(contentsOf: error.diagnostics)
                }
            }
            return library
        }
        var library = trusted ? nil : parsed()
        for name in required where sources[name] == nil {
            log.error("giao diện thiếu mẫu trang '\(name).mustache'", en: "the theme has no '\(name).mustache' template",
                      at: SourceLocation(path: folder.displayPath(folder.url)))
        }
        let (strings, stringsLog) = stringsPart.value
        log.append(contentsOf: stringsLog.diagnostics)
        var assets: [Asset] = []
        for file in folder.allFiles(below: "assets") {
            do {
                let data = try folder.readData(file)
                let relative = relativePath(of: file, in: folder.url.appendingPathComponent("assets"))
                assets.append(Asset(path: relative, data: data, source: folder.displayPath(file)))
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        guard log.errors.count == before else { return nil }
        let keys = strings.values.map { Set($0.entries.keys) }.reduce(nil) { (all: Set<String>?, next) in
            all.map { $0.intersection(next) } ?? next
        } ?? []
        lint.interfaceKeys = keys
        log.append(contentsOf: lint.missingPartials())
        log.append(contentsOf: lint.partialLoops())
        for (name, schema) in TemplateSchemas.byTemplate.sorted(by: { $0.key < $1.key }) {
            log.append(contentsOf: lint.check(template: name, schema: schema.addingInterfaceText))
        }
        var digests: [String: String] = [:]
        for name in sources.keys {
            var hasher = StableHasher()
            for part in lint.partialClosure(of: name) {
                hasher.combine(part)
                hasher.combine(sources[part]?.text ?? "")
            }
            digests[name] = hasher.finalize()
        }
        guard log.errors.count == before else { return nil }
        let compiled = compiledPart.value
        if compiled == nil && library == nil { library = parsed() }
        guard log.errors.count == before else { return nil }
        return Theme(library: library, sources: sources, strings: strings, assets: assets, templateDigests: digests,
                     compiled: compiled)
    }

    private static func loadStrings(from folder: ProjectFolder, log: inout DiagnosticLog) -> [String: InterfaceText] {
        var strings: [String: InterfaceText] = [:]
        for file in folder.files(in: "strings", extensions: ["yaml", "yml"]) {
            do {
                let source = try folder.read(file)
                let language = file.deletingPathExtension().lastPathComponent
                if let text = InterfaceText.load(source, language: language, log: &log) { strings[language] = text }
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        if folder.files(in: "strings", extensions: ["yaml", "yml"]).isEmpty {
            log.error("giao diện chưa có chữ giao diện: hãy thêm strings/vi.yaml",
                      en: "the theme has no interface text: add strings/vi.yaml",
                      at: SourceLocation(path: folder.displayPath(folder.url.appendingPathComponent("strings"))))
        }
        return strings
    }

    /// `file`'s path below `folder`, with `/` separators.
    private static func relativePath(of file: URL, in folder: URL) -> String {
        String(file.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
    }

    private static func compile(_ source: SourceFile) throws(BuildFailure) -> MustacheTemplate {
        do {
            _ = HTMLEscaping.registered
            return try MustacheTemplate(string: HTMLEscaping.pragma + source.text)
        } catch let error as MustacheTemplate.ParserError {
            throw BuildFailure(diagnostics: [
                Diagnostic(path: source.path, line: max(error.context.lineNumber - 1, 1),
                           column: error.context.columnNumber + 1,
                           message: describe(error.error)),
            ])
        } catch {
            throw BuildFailure(diagnostics: [Diagnostic(path: source.path, message: describe(error))])
        }
    }

    private static func describe(_ error: any Error) -> Message {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?:
            Message(vi: "thẻ đóng {{/…}} không khớp với khối nó đóng",
                    en: "a closing tag {{/…}} does not match the section it closes")
        case .unfinishedName?: Message(vi: "một thẻ chưa được đóng bằng }}", en: "a tag is not closed with }}")
        case .expectedSectionEnd?: Message(vi: "khối {{#…}} chưa được đóng bằng {{/…}}",
                                           en: "a section {{#…}} is never closed with {{/…}}")
        case .invalidSetDelimiter?: Message(vi: "thẻ đổi dấu phân cách không hợp lệ", en: "invalid set-delimiter tag")
        default: Message(vi: "mẫu trang sai cú pháp", en: "template syntax error")
        }
    }

    /// A template rendered as HTML to place in another (a block in a body, a page's content in the frame). The key
    /// check ran when the theme loaded, so a missing template is a programming error. Every template can read the
    /// interface text as `{{text.KEY}}`, whatever its view.
    func html(_ view: some TemplateView, template name: String, text: InterfaceText) -> HTML {
        if let compiled { return HTML(utf8: compiled.bytes(view, template: name, text: text)) }
        return HTML(renderWithMustache(view, template: name, text: text))
    }

    /// A whole page in its frame (`layout`), as the bytes of its file.
    func renderPage(_ layout: LayoutView, text: InterfaceText) -> [UInt8] {
        if let compiled { return compiled.page(layout, template: "layout", text: text) }
        return Array(renderWithMustache(layout, template: "layout", text: text).utf8)
    }

    /// The same page through swift-mustache: for themes outside the compiled subset, and to test that subset.
    func renderWithMustache(_ view: some TemplateView, template name: String, text: InterfaceText) -> String {
        library?.render(WithInterfaceText(view: view, text: text), withTemplate: name) ?? ""
    }
}

/// A view with the interface text beside it: its own fields first, then `text`.
private struct WithInterfaceText<View: TemplateView>: MustacheParent {
    let view: View
    let text: InterfaceText

    func child(named name: String) -> Any? {
        view.child(named: name) ?? (name == "text" ? text : nil)
    }
}
