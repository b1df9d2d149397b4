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
    private let tagsByName: [String: [Tag]]

    init(templates: [String: SourceFile], interfaceKeys: Set<String>) {
        self.templates = templates
        self.interfaceKeys = interfaceKeys
        tagsByName = templates.mapValues(Self.tags(in:))
    }

    func check(template name: String, schema: ViewSchema) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var visiting: [String] = []
        walk(name, stack: [schema], diagnostics: &diagnostics, visiting: &visiting)
        return diagnostics
    }

    private func walk(_ name: String, stack initial: [ViewSchema], diagnostics: inout [Diagnostic],
                      visiting: inout [String]) {
        guard let tags = tagsByName[name], !visiting.contains(name) else { return }
        visiting.append(name)
        defer { visiting.removeLast() }
        var stack = initial
        var sections: [String] = []
        for tag in tags {
            switch tag.kind {
            case .comment:
                continue
            case .setDelimiters:
                return
            case .partial:
                walk(tag.name, stack: stack, diagnostics: &diagnostics, visiting: &visiting)
            case .close:
                if !sections.isEmpty {
                    sections.removeLast()
                    stack.removeLast()
                }
            case .section, .invertedSection, .variable:
                let resolved = resolve(tag.name, in: stack)
                if resolved == nil {
                    diagnostics.append(.error(message(for: tag.name, stack: stack), at: tag.location))
                }
                if tag.kind == .section {
                    sections.append(tag.name)
                    switch resolved {
                    case .list(let element)?: stack.append(element)
                    case .object?: stack.append(resolved ?? .unknown)
                    case .unknown?, nil: stack.append(.unknown)
                    case .scalar?: stack.append(.scalar)
                    case .interfaceText?: stack.append(.interfaceText)
                    }
                } else if tag.kind == .invertedSection {
                    sections.append(tag.name)
                    stack.append(.scalar)
                }
            }
        }
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

    /// Sections and partials nested deeper than Limits.templateDepth, counted together from each template that no
    /// other includes: one error where a path first goes too deep. Checked before any parser sees the templates,
    /// since each of them recurses once per level; loops of partials are left to `partialLoops`.
    static func nestingErrors(_ templates: [String: SourceFile]) -> [Diagnostic] {
        let tagsByName = templates.mapValues(Self.tags(in:))
        let included = Set(tagsByName.values.flatMap { tags in tags.filter { $0.kind == .partial }.map(\.name) })
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        // Each template is walked once per depth it is entered at (at most the limit), never around a loop.
        var walked: Set<String> = []
        var path: Set<String> = []
        func walk(_ name: String, from start: Int) {
            guard let tags = tagsByName[name], !path.contains(name), walked.insert("\(start) \(name)").inserted
            else { return }
            path.insert(name)
            defer { path.remove(name) }
            var level = start
            for tag in tags {
                switch tag.kind {
                case .section, .invertedSection, .partial:
                    guard level < Limits.templateDepth else {
                        let location = tag.location
                        if reported.insert("\(location.path):\(location.line):\(location.column)").inserted {
                            diagnostics.append(.error(
                                "các khối {{#…}} và mẫu con {{> …}} lồng nhau quá \(Limits.templateDepth) tầng ở đây; "
                                    + "hãy lồng ít hơn",
                                en: "sections and partials are nested more than \(Limits.templateDepth) deep here; "
                                    + "nest them less", at: location))
                        }
                        return
                    }
                    if tag.kind == .partial {
                        walk(tag.name, from: level + 1)
                    } else {
                        level += 1
                    }
                case .close:
                    level = max(level - 1, start)
                default:
                    break
                }
            }
        }
        for name in tagsByName.keys.sorted() where !included.contains(name) { walk(name, from: 0) }
        return diagnostics
    }

    /// Partials that include themselves, directly or through others: Mustache would fill them forever (our views
    /// hold no tree that could end the recursion, since a name a view lacks is looked up in the page around it).
    /// One error at each include that closes a loop.
    func partialLoops() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var done: Set<String> = []
        var path: [String] = []
        func visit(_ name: String) {
            guard let tags = tagsByName[name], !done.contains(name) else { return }
            path.append(name)
            for tag in tags where tag.kind == .partial && tagsByName[tag.name] != nil {
                if let start = path.firstIndex(of: tag.name) {
                    let loop = (path[start...] + [tag.name]).joined(separator: " → ")
                    diagnostics.append(.error(
                        "mẫu '\(tag.name)' tự chèn lại chính nó (\(loop)), nên trang không bao giờ dựng xong; hãy bỏ "
                            + "lần chèn này",
                        en: "'\(tag.name)' includes itself (\(loop)), so the page would never end; remove this include",
                        at: tag.location))
                } else {
                    visit(tag.name)
                }
            }
            path.removeLast()
            done.insert(name)
        }
        for name in tagsByName.keys.sorted() { visit(name) }
        return diagnostics
    }

    /// The partials a template includes, directly or through other partials.
    func partialClosure(of name: String) -> [String] {
        var seen: Set<String> = [name]
        var pending = [name]
        while let next = pending.popLast() {
            guard let tags = tagsByName[next] else { continue }
            for tag in tags where tag.kind == .partial && !seen.contains(tag.name) {
                seen.insert(tag.name)
                pending.append(tag.name)
            }
        }
        return seen.sorted()
    }

    /// The tags of a template with `{{ }}` delimiters, in order (one pass over its scalars).
    static func tags(in file: SourceFile) -> [Tag] {
        var tags: [Tag] = []
        let scalars = Array(file.text.unicodeScalars)
        let brace: Unicode.Scalar = "{", closing: Unicode.Scalar = "}", newline: Unicode.Scalar = "\n"
        var line = 1
        var column = 1
        var index = 0
        func advance(to end: Int) {
            while index < end {
                if scalars[index] == newline { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        while index < scalars.count {
            guard scalars[index] == brace, index + 1 < scalars.count, scalars[index + 1] == brace else {
                advance(to: index + 1)
                continue
            }
            let start = SourceLocation(path: file.path, line: line, column: column)
            let triple = index + 2 < scalars.count && scalars[index + 2] == brace
            let contentStart = index + (triple ? 3 : 2)
            let closerCount = triple ? 3 : 2
            // The first closer after the opening: `}}`, or `}}}` after `{{{`.
            var closer = contentStart
            while closer + closerCount <= scalars.count,
                  !(0..<closerCount).allSatisfy({ scalars[closer + $0] == closing }) {
                closer += 1
            }
            guard closer + closerCount <= scalars.count else { break }
            var content = String.UnicodeScalarView()
            content.append(contentsOf: scalars[contentStart..<closer])
            advance(to: closer + closerCount)
            tags.append(tag(String(content).trimmingCharacters(in: .whitespaces), triple: triple, at: start))
        }
        return tags
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
