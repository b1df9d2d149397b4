/// A value a compiled template reads, typed by the field table it comes from (see ViewField).
///
/// Every case holds at most two words and no existential (a view is held by `TemplateObject`), so a value is
/// copied with one reference count and no call through a type's value witnesses: a value held `any TemplateView`
/// directly, and copying and destroying values as names were looked up was a quarter of filling the templates.
enum TemplateValue: Sendable {
    case text(String)
    case html(HTML)
    case number(Int)
    case flag(Bool)
    case object(TemplateObject)
    case objects(TemplateList)
    case texts([String])
    case interfaceText(InterfaceText)
    /// The item at an index of a list, on the context stack while a section runs for it: a view in a list needs no
    /// object of its own to be looked into.
    case listItem(TemplateList, Int)

    static func object(_ view: any TemplateView) -> TemplateValue { .object(TemplateObject(view)) }

    func lookup(_ name: Int) -> TemplateValue? {
        switch self {
        case .object(let object): object.view.lookup(name)
        case .listItem(let list, let index): list.lookup(name, at: index)
        case .interfaceText(let text): text[name].map(TemplateValue.text)
        default: nil
        }
    }
}

/// A view on the context stack of a compiled template (see TemplateValue).
final class TemplateObject: Sendable {
    let view: any TemplateView

    init(_ view: any TemplateView) {
        self.view = view
    }
}

/// A list of views of one type, as a template reads it: one object for the whole list, whose items are looked into
/// where they are (a list converted to `[any TemplateView]` took a new array and a box for each item, at every
/// lookup).
class TemplateList: @unchecked Sendable {
    var count: Int { 0 }

    func lookup(_ name: Int, at index: Int) -> TemplateValue? { nil }
}

final class ViewList<Child: TemplateView>: TemplateList, @unchecked Sendable {
    let items: [Child]

    init(_ items: [Child]) {
        self.items = items
    }

    override var count: Int { items.count }

    override func lookup(_ name: Int, at index: Int) -> TemplateValue? { items[index].lookup(name) }
}

/// What every template can read below its own view: the interface text, as `text`.
struct InterfaceTextRoot: TemplateView {
    var text: InterfaceText
    static let fields = ViewFields<Self>([.interfaceText("text", \.text)])
}

/// Every template of a theme, compiled; nil when one of them is outside the subset.
struct CompiledTheme: Sendable {
    let program: TemplateProgram

    init?(sources: [String: String]) {
        var templates: [String: CompiledTemplate] = [:]
        for (name, source) in sources {
            guard let template = CompiledTemplate(source) else { return nil }
            templates[name] = template
        }
        program = TemplateProgram(templates)
    }

    /// A page in its frame, as bytes: the same bytes as `bytes(layout, template:text:)`, from the template
    /// specialized for the layout's shared frame (FrameProgram).
    func page(_ layout: LayoutView, template name: String, text: InterfaceText) -> [UInt8] {
        guard let steps = program.templates[name] else { return [] }
        var stack: [TemplateValue] = [.object(InterfaceTextRoot(text: text)), .object(layout)]
        let key = FrameProgramKey(template: name, frameKey: layout.frameKey)
        let frame = layout.sharedRef.program(key, of: program) {
            FrameProgram(program: program, template: steps, stack: stack, shared: LayoutView.sharedFieldIDs)
        }
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        frame.render(stack: &stack, into: &out)
        return out
    }

    /// The rendered page as UTF-8 bytes (every piece is valid UTF-8, so nothing needs checking again).
    func bytes(_ view: some TemplateView, template name: String, text: InterfaceText) -> [UInt8] {
        guard let steps = program.templates[name] else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        var stack: [TemplateValue] = [.object(InterfaceTextRoot(text: text)), .object(view)]
        Self.run(program, steps, stack: &stack, into: &out)
        return out
    }

    static func run(_ program: TemplateProgram, _ range: Range<Int>, stack: inout [TemplateValue],
                    into out: inout [UInt8]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let step = program.steps[index]
            index += 1
            switch step.kind {
            case .text:
                let text = Int(step.start)..<Int(step.start + step.count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: program.text[text]))
            case .variable, .escapedVariable:
                let escaped = step.kind == .escapedVariable
                switch resolve(program, step, in: stack) {
                case .text(let text)?: escaped ? appendEscaped(text, to: &out) : out.append(contentsOf: text.utf8)
                case .html(let html)?:
                    if escaped {
                        html.bytes.withUnsafeBufferPointer { appendEscaped($0, to: &out) }
                    } else {
                        out.append(contentsOf: html.bytes)
                    }
                case .number(let number)?: out.append(contentsOf: String(number).utf8)
                case .flag(let flag)?: out.append(contentsOf: (flag ? "true" : "false").utf8)
                default: break
                }
            case .section, .invertedSection:
                let body = index..<Int(step.end)
                index = Int(step.end)
                let value = resolve(program, step, in: stack)
                if step.kind == .invertedSection {
                    if isFalsy(value) { run(program, body, stack: &stack, into: &out) }
                    continue
                }
                switch value {
                case nil, .flag(false)?: break
                case .flag(true)?: run(program, body, stack: &stack, into: &out)
                case .objects(let list)?:
                    for index in 0..<list.count {
                        runPushed(program, .listItem(list, index), body, stack: &stack, into: &out)
                    }
                case .texts(let list)?:
                    for item in list { runPushed(program, .text(item), body, stack: &stack, into: &out) }
                case let value?: runPushed(program, value, body, stack: &stack, into: &out)
                }
            case .partial:
                run(program, Int(step.start)..<Int(step.start + step.count), stack: &stack, into: &out)
            }
        }
    }

    private static func runPushed(_ program: TemplateProgram, _ value: TemplateValue, _ body: Range<Int>,
                                  stack: inout [TemplateValue], into out: inout [UInt8]) {
        stack.append(value)
        run(program, body, stack: &stack, into: &out)
        stack.removeLast()
    }

    /// Mustache's falsy values: missing, false, and empty lists. An empty text or 0 is a value.
    static func isFalsy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .flag(false)?: true
        case .objects(let list)?: list.count == 0
        case .texts(let list)?: list.isEmpty
        default: false
        }
    }

    /// The first name through the stack, top first; the rest of a dotted name inside what it found.
    static func resolve(_ program: TemplateProgram, _ step: TemplateProgram.Step,
                        in stack: [TemplateValue]) -> TemplateValue? {
        guard step.count > 0 else { return stack.last }
        let first = program.names[Int(step.start)]
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
        var next = Int(step.start) + 1
        while next < Int(step.start + step.count) {
            found = found?.lookup(program.names[next])
            next += 1
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
