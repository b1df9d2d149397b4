/// A template specialized for the pages that share one frame (LayoutView.sharedRef): every step that reads only
/// the frame's shared fields is rendered once, as bytes, and only the steps that read the page's own fields run for
/// each page. Filling the layout was a seventh of a build's CPU time, and most of its steps (the site's names, the
/// interface text, the header and footer) print the same bytes on every page at one depth.
///
/// Exact by construction: a step is rendered ahead only when its first name is found in a value the frame pushed
/// (a shared list's item, say) or is a shared field of the top view, whose value is the same for every page with
/// this frame. Sections on shared values are unrolled as CompiledTheme.run runs them; every other step, with its
/// whole body, runs for each page with the same context stack it would have in the whole template.
final class FrameProgram: Sendable {
    enum Piece: Sendable {
        /// Bytes of `literal`.
        case bytes(Range<Int>)
        /// Steps of the program, run for each page with `pushed` (values of the frame that sections put on the
        /// context stack) on top of the page's stack.
        case steps(Range<Int>, pushed: [TemplateValue])
    }

    let program: TemplateProgram
    let pieces: [Piece]
    let literal: [UInt8]

    /// `stack` is the first page's context stack ([interface text root, view]); `shared`, the name numbers that
    /// the view resolves from what every page with this frame shares.
    init(program: TemplateProgram, template range: Range<Int>, stack: [TemplateValue], shared: Set<Int>) {
        var builder = Builder(program: program, stack: stack, shared: shared)
        builder.specialize(range)
        builder.flush()
        self.program = program
        pieces = builder.pieces
        literal = builder.literal
    }

    /// The page's bytes: the frame's bytes with the page's own steps run in between.
    func render(stack: inout [TemplateValue], into out: inout [UInt8]) {
        for piece in pieces {
            switch piece {
            case .bytes(let range):
                out.append(contentsOf: literal[range])
            case let .steps(range, pushed):
                guard !pushed.isEmpty else {
                    CompiledTheme.run(program, range, stack: &stack, into: &out)
                    continue
                }
                stack += pushed
                CompiledTheme.run(program, range, stack: &stack, into: &out)
                stack.removeLast(pushed.count)
            }
        }
    }

    private struct Builder {
        let program: TemplateProgram
        /// The first page's stack, then the frame's values pushed by the sections being unrolled.
        var stack: [TemplateValue]
        /// How many of `stack` are the page's own ([interface text root, view]).
        let base: Int
        let shared: Set<Int>
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var literalStart = 0
        /// Steps run per page that follow each other, gathered into one piece (closed at every push and pop, so
        /// that its context is always the current one).
        var pending: Range<Int>?

        init(program: TemplateProgram, stack: [TemplateValue], shared: Set<Int>) {
            self.program = program
            self.stack = stack
            base = stack.count
            self.shared = shared
        }

        /// Whether the step's value is the same on every page with this frame: the first name is found in a value
        /// the frame pushed, or is one of the view's shared fields (which, when nil, fall through to the interface
        /// text root, the same on every page too).
        func isShared(_ step: TemplateProgram.Step) -> Bool {
            guard step.count > 0 else { return stack.count > base }
            let first = program.names[Int(step.start)]
            var index = stack.count - 1
            while index >= base {
                if stack[index].lookup(first) != nil { return true }
                index -= 1
            }
            return shared.contains(first)
        }

        mutating func specialize(_ range: Range<Int>) {
            var index = range.lowerBound
            while index < range.upperBound {
                let step = program.steps[index]
                switch step.kind {
                case .text, .variable, .escapedVariable:
                    if step.kind == .text || isShared(step) {
                        rendered(index..<index + 1)
                    } else {
                        perPage(index..<index + 1)
                    }
                    index += 1
                case .section, .invertedSection:
                    let end = Int(step.end)
                    if isShared(step) {
                        section(step, body: index + 1..<end)
                    } else {
                        perPage(index..<end)
                    }
                    index = end
                case .partial:
                    specialize(Int(step.start)..<Int(step.start + step.count))
                    index += 1
                }
            }
        }

        /// A section whose value is the frame's, unrolled as CompiledTheme.run runs it.
        private mutating func section(_ step: TemplateProgram.Step, body: Range<Int>) {
            let value = CompiledTheme.resolve(program, step, in: stack)
            if step.kind == .invertedSection {
                if CompiledTheme.isFalsy(value) { specialize(body) }
                return
            }
            switch value {
            case nil, .flag(false)?: break
            case .flag(true)?: specialize(body)
            case .objects(let list)?: for index in 0..<list.count { pushed(.listItem(list, index), body) }
            case .texts(let list)?: for item in list { pushed(.text(item), body) }
            case let value?: pushed(value, body)
            }
        }

        private mutating func pushed(_ value: TemplateValue, _ body: Range<Int>) {
            closePending()
            stack.append(value)
            specialize(body)
            closePending()
            stack.removeLast()
        }

        /// Steps whose bytes are the same on every page: rendered now.
        private mutating func rendered(_ range: Range<Int>) {
            closePending()
            CompiledTheme.run(program, range, stack: &stack, into: &literal)
        }

        private mutating func perPage(_ range: Range<Int>) {
            flushLiteral()
            if let open = pending, open.upperBound == range.lowerBound {
                pending = open.lowerBound..<range.upperBound
            } else {
                closePending()
                pending = range
            }
        }

        private mutating func flushLiteral() {
            guard literal.count > literalStart else { return }
            pieces.append(.bytes(literalStart..<literal.count))
            literalStart = literal.count
        }

        private mutating func closePending() {
            guard let open = pending else { return }
            pieces.append(.steps(open, pushed: Array(stack[base...])))
            pending = nil
        }

        mutating func flush() {
            flushLiteral()
            closePending()
        }
    }
}
