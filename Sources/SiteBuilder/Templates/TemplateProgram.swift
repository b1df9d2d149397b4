/// A compiled theme flattened for rendering on many cores at once: one list of steps, one buffer of text and one of
/// name numbers, none of them counted references. Rendering the node tree copied each node's text and names,
/// which counts references to them; with every core counting on the same few objects, that cost more than
/// writing the bytes (a quarter of filling the templates).
///
/// The buffers are made once per theme, never changed, and freed with the program.
final class TemplateProgram: @unchecked Sendable {
    struct Step {
        enum Kind: UInt8 { case text, variable, escapedVariable, section, invertedSection, partial }
        var kind: Kind
        /// text: offset and length in `text`; variables and sections: offset and length in `names`;
        /// partial: the steps of the template it names (an empty range for a missing template).
        var start: Int32
        var count: Int32
        /// Sections: the step after the section's body (the body starts right after the section's step).
        var end: Int32 = 0
    }

    let steps: UnsafeMutableBufferPointer<Step>
    let text: UnsafeMutableBufferPointer<UInt8>
    let names: UnsafeMutableBufferPointer<Int>
    /// Each template's steps.
    let templates: [String: Range<Int>]

    init(_ compiled: [String: CompiledTemplate]) {
        var steps: [Step] = []
        var text: [UInt8] = []
        var names: [Int] = []
        var templates: [String: Range<Int>] = [:]
        var partials: [(step: Int, name: String)] = []
        func emit(_ nodes: [CompiledTemplate.Node]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    steps.append(Step(kind: .text, start: Int32(text.count), count: Int32(bytes.count)))
                    text += bytes
                case let .variable(path, escaped):
                    steps.append(Step(kind: escaped ? .escapedVariable : .variable, start: Int32(names.count),
                                      count: Int32(path.count)))
                    names += path.map(\.id)
                case let .section(path, inverted, children):
                    let index = steps.count
                    steps.append(Step(kind: inverted ? .invertedSection : .section, start: Int32(names.count),
                                      count: Int32(path.count)))
                    names += path.map(\.id)
                    emit(children)
                    steps[index].end = Int32(steps.count)
                case .partial(let name):
                    partials.append((steps.count, name))
                    steps.append(Step(kind: .partial, start: 0, count: 0))
                }
            }
        }
        for (name, template) in compiled.sorted(by: { $0.key < $1.key }) {
            let start = steps.count
            emit(template.nodes)
            templates[name] = start..<steps.count
        }
        for (step, name) in partials {
            let range = templates[name] ?? 0..<0
            steps[step].start = Int32(range.lowerBound)
            steps[step].count = Int32(range.count)
        }
        self.steps = Self.copy(steps)
        self.text = Self.copy(text)
        self.names = Self.copy(names)
        self.templates = templates
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
    }

    deinit {
        steps.deallocate()
        text.deallocate()
        names.deallocate()
    }
}
