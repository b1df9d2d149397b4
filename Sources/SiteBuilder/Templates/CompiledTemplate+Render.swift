/// A value a compiled template reads, typed by the field table it comes from (see ViewField).
enum TemplateValue: Sendable {
    case text(String)
    case html(HTML)
    case number(Int)
    case flag(Bool)
    case object(any TemplateView)
    case objects([any TemplateView])
    case texts([String])
    case interfaceText(InterfaceText)

    func lookup(_ name: FieldName) -> TemplateValue? {
        switch self {
        case .object(let view): view.lookup(name)
        case .interfaceText(let text): text[name].map(TemplateValue.text)
        default: nil
        }
    }
}

/// What every template can read below its own view: the interface text, as `text`.
private struct InterfaceTextRoot: TemplateView {
    var text: InterfaceText
    static let fields = ViewFields<Self>([.interfaceText("text", \.text)])
}

/// Every template of a theme, compiled; nil when one of them is outside the subset.
struct CompiledTheme: Sendable {
    let templates: [String: CompiledTemplate]

    init?(sources: [String: String]) {
        var templates: [String: CompiledTemplate] = [:]
        for (name, source) in sources {
            guard let template = CompiledTemplate(source) else { return nil }
            templates[name] = template
        }
        self.templates = templates
    }

    func render(_ view: some TemplateView, template name: String, text: InterfaceText) -> String {
        String(decoding: bytes(view, template: name, text: text), as: UTF8.self)
    }

    /// The rendered page as UTF-8 bytes (every piece is valid UTF-8, so nothing needs checking again).
    func bytes(_ view: some TemplateView, template name: String, text: InterfaceText) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        var stack: [TemplateValue] = [.object(InterfaceTextRoot(text: text)), .object(view)]
        render(template.nodes, stack: &stack, into: &out)
        return out
    }

    private func render(_ nodes: [CompiledTemplate.Node], stack: inout [TemplateValue], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case let .variable(path, escaped):
                switch resolve(path, in: stack) {
                case .text(let text)?: escaped ? Self.appendEscaped(text, to: &out) : out.append(contentsOf: text.utf8)
                case .html(let html)?:
                    if escaped {
                        html.bytes.withUnsafeBufferPointer { Self.appendEscaped($0, to: &out) }
                    } else {
                        out.append(contentsOf: html.bytes)
                    }
                case .number(let number)?: out.append(contentsOf: String(number).utf8)
                case .flag(let flag)?: out.append(contentsOf: (flag ? "true" : "false").utf8)
                default: break
                }
            case let .section(path, inverted, children):
                let value = resolve(path, in: stack)
                if inverted {
                    if Self.isFalsy(value) { render(children, stack: &stack, into: &out) }
                    continue
                }
                switch value {
                case nil, .flag(false)?: break
                case .flag(true)?: render(children, stack: &stack, into: &out)
                case .objects(let list)?:
                    for item in list { renderPushed(.object(item), children, stack: &stack, into: &out) }
                case .texts(let list)?:
                    for item in list { renderPushed(.text(item), children, stack: &stack, into: &out) }
                case let value?: renderPushed(value, children, stack: &stack, into: &out)
                }
            case .partial(let name):
                if let partial = templates[name] { render(partial.nodes, stack: &stack, into: &out) }
            }
        }
    }

    private func renderPushed(_ value: TemplateValue, _ nodes: [CompiledTemplate.Node], stack: inout [TemplateValue],
                              into out: inout [UInt8]) {
        stack.append(value)
        render(nodes, stack: &stack, into: &out)
        stack.removeLast()
    }

    /// Mustache's falsy values: missing, false, and empty lists. An empty text or 0 is a value.
    private static func isFalsy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .flag(false)?: true
        case .objects(let list)?: list.isEmpty
        case .texts(let list)?: list.isEmpty
        default: false
        }
    }

    /// The first name through the stack, top first; the rest of a dotted name inside what it found.
    private func resolve(_ path: [FieldName], in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        var found: TemplateValue?
        // By index: iterating `stack.reversed()` copied every value on the way (a tenth of rendering a page).
        var index = stack.count - 1
        while index >= 0 {
            if let child = stack[index].lookup(first) {
                found = child
                break
            }
            index -= 1
        }
        if path.count > 1 {
            for name in path[1...] { found = found?.lookup(name) }
        }
        return found
    }

    /// HTMLEscaping's rules, into bytes; runs that need no escaping are copied whole.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &out) }
    }

    static func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for index in source.indices {
            let escaped: [UInt8]
            switch source[index] {
            case 0x3C: escaped = [0x26, 0x6C, 0x74, 0x3B]
            case 0x3E: escaped = [0x26, 0x67, 0x74, 0x3B]
            case 0x26: escaped = [0x26, 0x61, 0x6D, 0x70, 0x3B]
            case 0x22: escaped = [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]
            case 0x27: escaped = [0x26, 0x23, 0x33, 0x39, 0x3B]
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
            out.append(contentsOf: escaped)
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
    }
}
