/// The theme's templates compiled for rendering without swift-mustache's dynamic casts: values come typed from the
/// views' field tables (`TemplateValue`), and pages are written into bytes. It renders the Mustache subset the
/// theme uses (variables, `{{{ }}}` and `{{& }}`, sections, inverted sections, partials, comments) with the
/// spec's standalone-line rules, byte for byte as swift-mustache does (a test renders every page both ways).
/// A theme that uses anything else (lambdas, set delimiters, inheritance, indented standalone partials) is
/// rendered by swift-mustache, which stays the parser that reports template errors.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        /// A name split at dots; empty for `.`.
        case variable([FieldName], escaped: Bool)
        case section([FieldName], inverted: Bool, [Node])
        case partial(String)
    }

    let nodes: [Node]

    private enum Piece {
        case text([UInt8])
        case tag(kind: UInt8, name: String)
    }

    /// Compiles one template; nil when it uses something outside the subset.
    init?(_ source: String) {
        guard let pieces = Self.pieces(Array(source.utf8)), let nodes = Self.tree(Self.standalone(pieces)) else {
            return nil
        }
        self.nodes = nodes
    }

    /// Splits the source into text and tags. Tag kinds: `v` variable, `u` unescaped, `#`, `^`, `/`, `>`, `!`.
    private static func pieces(_ bytes: [UInt8]) -> [Piece]? {
        var pieces: [Piece] = []
        var text: [UInt8] = []
        var index = 0
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        while index < bytes.count {
            guard bytes[index] == open, index + 1 < bytes.count, bytes[index + 1] == open else {
                text.append(bytes[index])
                index += 1
                continue
            }
            let triple = index + 2 < bytes.count && bytes[index + 2] == open
            var start = index + (triple ? 3 : 2)
            let closer: [UInt8] = triple ? [close, close, close] : [close, close]
            guard let end = find(closer, in: bytes, from: start) else { return nil }
            var kind = UInt8(ascii: "v")
            if triple {
                kind = UInt8(ascii: "u")
            } else if start < end, "&#^/>!=%$<".utf8.contains(bytes[start]) {
                kind = bytes[start] == UInt8(ascii: "&") ? UInt8(ascii: "u") : bytes[start]
                start += 1
            }
            let name = String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            // Set delimiters, pragmas, inheritance, transforms and dynamic partials are not in the subset.
            if "=%$<".utf8.contains(kind) || name.contains("(") || name.hasPrefix("*") { return nil }
            if !text.isEmpty { pieces.append(.text(text)) }
            text = []
            pieces.append(.tag(kind: kind, name: name))
            index = end + closer.count
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    /// Removes the lines that hold only a section, inverted section, closing, partial or comment tag and
    /// whitespace (Mustache's standalone tags), judged on the original text; nil for an indented standalone
    /// partial, which swift-mustache indents in its own way.
    private static func standalone(_ pieces: [Piece]) -> [Piece]? {
        var trimStart = [Int](repeating: 0, count: pieces.count)
        var trimEnd = pieces.map { piece -> Int in if case .text(let bytes) = piece { bytes.count } else { 0 } }
        let newline = UInt8(ascii: "\n")
        for (index, piece) in pieces.enumerated() {
            guard case .tag(let kind, _) = piece, "#^/>!".utf8.contains(kind) else { continue }
            var leftCut: Int?
            if index == 0 {
                leftCut = nil
            } else if case .text(let bytes) = pieces[index - 1] {
                if let last = bytes.lastIndex(of: newline) {
                    guard isBlank(bytes[(last + 1)...]) else { continue }
                    leftCut = last + 1
                } else {
                    guard index - 1 == 0, isBlank(bytes[...]) else { continue }
                    leftCut = 0
                }
            } else {
                continue
            }
            var rightCut: Int?
            if index == pieces.count - 1 {
                rightCut = nil
            } else if case .text(let bytes) = pieces[index + 1] {
                if let first = bytes.firstIndex(of: newline) {
                    guard isBlank(bytes[..<first]) else { continue }
                    rightCut = first + 1
                } else {
                    guard index + 1 == pieces.count - 1, isBlank(bytes[...]) else { continue }
                    rightCut = bytes.count
                }
            } else {
                continue
            }
            if let leftCut, case .text(let bytes) = pieces[index - 1] {
                if kind == UInt8(ascii: ">"), leftCut < bytes.count { return nil }
                trimEnd[index - 1] = min(trimEnd[index - 1], leftCut)
            }
            if let rightCut { trimStart[index + 1] = max(trimStart[index + 1], rightCut) }
        }
        return pieces.enumerated().compactMap { index, piece in
            guard case .text(let bytes) = piece else { return piece }
            let start = trimStart[index], end = trimEnd[index]
            return start < end ? .text(Array(bytes[start..<end])) : nil
        }
    }

    /// Nests sections; nil when a closing tag does not match.
    private static func tree(_ pieces: [Piece]?) -> [Node]? {
        guard let pieces else { return nil }
        var stack: [(name: String, inverted: Bool, nodes: [Node])] = [("", false, [])]
        for piece in pieces {
            switch piece {
            case .text(let bytes):
                stack[stack.count - 1].nodes.append(.text(bytes))
            case .tag(let kind, let name):
                let path = name == "." ? [] : name.split(separator: ".").map { FieldName(String($0)) }
                switch kind {
                case UInt8(ascii: "#"), UInt8(ascii: "^"): stack.append((name, kind == UInt8(ascii: "^"), []))
                case UInt8(ascii: "/"):
                    // The section's name is this closing tag's: its path is `path`.
                    guard stack.count > 1, let open = stack.popLast(), open.name == name else { return nil }
                    stack[stack.count - 1].nodes.append(.section(path, inverted: open.inverted, open.nodes))
                case UInt8(ascii: ">"): stack[stack.count - 1].nodes.append(.partial(name))
                case UInt8(ascii: "!"): continue
                default: stack[stack.count - 1].nodes.append(.variable(path, escaped: kind == UInt8(ascii: "v")))
                }
            }
        }
        return stack.count == 1 ? stack[0].nodes : nil
    }
}
