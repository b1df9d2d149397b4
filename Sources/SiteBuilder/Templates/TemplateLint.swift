import Foundation

/// Checks that every name a Mustache template uses exists in its view model.
///
/// Mustache renders an unknown name as nothing, so a misspelt `{{titel}}` would silently vanish from the site.
/// This walks the template's tags with the same context-stack rules Mustache uses and reports such names at
/// their line and column.
struct TemplateLint {
    var templates: [String: SourceFile]
    /// Keys every strings file of the theme has.
    var interfaceKeys: Set<String>
    /// Each template's tags, found once (every page kind's check walks the layout and the shared partials).
    let tagsByName: [String: [Tag]]

    init(templates: [String: SourceFile], interfaceKeys: Set<String>) {
        self.templates = templates
        self.interfaceKeys = interfaceKeys
        tagsByName = templates.mapValues(Self.tags(in:))
    }

    func check(template name: String, schema: ViewSchema) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var visiting: [String] = []
        walk(name, stack: [schema], lists: [], diagnostics: &diagnostics, visiting: &visiting)
        return diagnostics
    }

    /// A list being iterated: its name and the level of the context stack it was found at.
    private struct OpenList: Equatable {
        var name: String
        var level: Int
    }

    /// `lists`: the lists the sections around this template iterate.
    private func walk(_ name: String, stack initial: [ViewSchema], lists initialLists: [OpenList],
                      diagnostics: inout [Diagnostic], visiting: inout [String]) {
        guard let tags = tagsByName[name], !visiting.contains(name) else { return }
        visiting.append(name)
        defer { visiting.removeLast() }
        var stack = initial
        var sections: [OpenList?] = []
        var lists = initialLists
        for tag in tags {
            switch tag.kind {
            case .comment, .setDelimiters:
                continue
            case .partial:
                walk(tag.name, stack: stack, lists: lists, diagnostics: &diagnostics, visiting: &visiting)
            case .close:
                if let open = sections.popLast() {
                    stack.removeLast()
                    if open != nil { lists.removeLast() }
                }
            case .section, .invertedSection, .variable:
                let resolved = resolve(tag.name, in: stack)
                if resolved == nil {
                    diagnostics.append(.error(message(for: tag.name, stack: stack), at: tag.location))
                }
                if tag.kind == .section {
                    var open: OpenList?
                    if case .list(let element)? = resolved {
                        // The same list again inside itself (a name its items lack is looked up around them): each
                        // level would multiply the page by the list's length.
                        let list = OpenList(name: tag.name, level: level(of: tag.name, in: stack))
                        if lists.contains(list) {
                            diagnostics.append(.error(
                                "danh sách '\(tag.name)' được lặp lại ngay bên trong chính nó, nên trang sẽ bị nhân lên "
                                    + "nhiều lần; hãy đóng {{/\(tag.name)}} ở ngoài trước",
                                en: "the list '\(tag.name)' is iterated inside itself, which multiplies the page; close "
                                    + "the outer {{/\(tag.name)}} first", at: tag.location))
                        }
                        lists.append(list)
                        open = list
                        stack.append(element)
                    } else {
                        switch resolved {
                        case .object?: stack.append(resolved ?? .unknown)
                        case .scalar?: stack.append(.scalar)
                        case .interfaceText?: stack.append(.interfaceText)
                        default: stack.append(.unknown)
                        }
                    }
                    sections.append(open)
                } else if tag.kind == .invertedSection {
                    sections.append(nil)
                    stack.append(.scalar)
                }
            }
        }
    }

    /// The level of the context stack a name's first part is found at (the top is the last).
    private func level(of name: String, in stack: [ViewSchema]) -> Int {
        let first = name.split(separator: ".").first.map(String.init) ?? name
        for index in stack.indices.reversed() {
            switch stack[index] {
            case .object(let fields) where fields[first] != nil: return index
            case .interfaceText where interfaceKeys.contains(first): return index
            case .unknown: return index
            default: continue
            }
        }
        return -1
    }

    private func resolve(_ name: String, in stack: [ViewSchema]) -> ViewSchema? {
        if name == "." { return stack.last ?? .unknown }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return .unknown }
        var found: ViewSchema?
        for schema in stack.reversed() {
            switch schema {
            case .unknown: return .unknown
            case .object(let fields):
                if let field = fields[first] { found = field }
            case .interfaceText:
                if interfaceKeys.contains(first) { found = .scalar }
            default: break
            }
            if found != nil { break }
        }
        guard var current = found else { return nil }
        for part in parts.dropFirst() {
            switch current {
            case .unknown: return .unknown
            case .object(let fields):
                guard let next = fields[part] else { return nil }
                current = next
            case .interfaceText:
                guard interfaceKeys.contains(part) else { return nil }
                current = .scalar
            default: return nil
            }
        }
        return current
    }

    private func message(for name: String, stack: [ViewSchema]) -> Message {
        var keys: Set<String> = []
        for schema in stack {
            if case .object(let fields) = schema { keys.formUnion(fields.keys) }
        }
        if name.hasPrefix("text.") {
            let key = String(name.dropFirst(5))
            return Message(vi: "tệp chữ giao diện không có khóa '\(key)'", en: "'\(key)' is not a key of the strings files")
                + Suggestion.didYouMean(key, in: interfaceKeys)
        }
        return Message(vi: "trang này không có giá trị '\(name)' để hiển thị",
                       en: "'\(name)' is not a key of this page's view model") + Suggestion.didYouMean(name, in: keys)
    }

    struct Tag {
        enum Kind { case variable, section, invertedSection, close, partial, comment, setDelimiters }
        var kind: Kind
        var name: String
        var location: SourceLocation
    }

    /// The tags of a template, in order (one pass over its scalars), with `{{ }}` delimiters until a tag like
    /// `{{=<% %>=}}` sets others, as Mustache does.
    static func tags(in file: SourceFile) -> [Tag] {
        var tags: [Tag] = []
        let scalars = Array(file.text.unicodeScalars)
        let brace: Unicode.Scalar = "{", closing: Unicode.Scalar = "}", newline: Unicode.Scalar = "\n"
        let defaultOpener: [Unicode.Scalar] = [brace, brace], defaultCloser: [Unicode.Scalar] = [closing, closing]
        var (opener, closer) = (defaultOpener, defaultCloser)
        var line = 1
        var column = 1
        var index = 0
        func advance(to end: Int) {
            while index < end {
                if scalars[index] == newline { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        func matches(_ delimiter: [Unicode.Scalar], at start: Int) -> Bool {
            start + delimiter.count <= scalars.count
                && (0..<delimiter.count).allSatisfy { scalars[start + $0] == delimiter[$0] }
        }
        while index < scalars.count {
            guard matches(opener, at: index) else {
                advance(to: index + 1)
                continue
            }
            let start = SourceLocation(path: file.path, line: line, column: column)
            // `{{{ }}}` only with the default delimiters, as in Mustache.
            let triple = opener == defaultOpener && index + 2 < scalars.count && scalars[index + 2] == brace
            let contentStart = index + opener.count + (triple ? 1 : 0)
            let tagCloser = triple ? [closing] + closer : closer
            // The first closer after the opening.
            var end = contentStart
            while end + tagCloser.count <= scalars.count, !matches(tagCloser, at: end) { end += 1 }
            guard end + tagCloser.count <= scalars.count else { break }
            var content = String.UnicodeScalarView()
            content.append(contentsOf: scalars[contentStart..<end])
            advance(to: end + tagCloser.count)
            let tag = tag(String(content).trimmingCharacters(in: .whitespaces), triple: triple, at: start)
            if tag.kind == .setDelimiters, let delimiters = Self.delimiters(String(content)) {
                (opener, closer) = delimiters
            }
            tags.append(tag)
        }
        return tags
    }

    /// The two delimiters a `=<% %>=` tag sets; nil when it does not set two (swift-mustache reports that).
    private static func delimiters(_ content: String) -> ([Unicode.Scalar], [Unicode.Scalar])? {
        let trimmed = content.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, trimmed.hasPrefix("="), trimmed.hasSuffix("=") else { return nil }
        let parts = trimmed.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2 else { return nil }
        return (Array(parts[0].unicodeScalars), Array(parts[1].unicodeScalars))
    }

    private static func tag(_ content: String, triple: Bool, at location: SourceLocation) -> Tag {
        func name(_ text: Substring) -> String { text.trimmingCharacters(in: .whitespaces) }
        if triple { return Tag(kind: .variable, name: content, location: location) }
        guard let first = content.first else { return Tag(kind: .comment, name: "", location: location) }
        let rest = content.dropFirst()
        switch first {
        case "#": return Tag(kind: .section, name: name(rest), location: location)
        case "^": return Tag(kind: .invertedSection, name: name(rest), location: location)
        case "/": return Tag(kind: .close, name: name(rest), location: location)
        case ">": return Tag(kind: .partial, name: name(rest), location: location)
        case "!": return Tag(kind: .comment, name: "", location: location)
        case "=": return Tag(kind: .setDelimiters, name: "", location: location)
        case "&": return Tag(kind: .variable, name: name(rest), location: location)
        default: return Tag(kind: .variable, name: content, location: location)
        }
    }
}
