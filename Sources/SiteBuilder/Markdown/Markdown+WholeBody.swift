import Ccmark
import Foundation

extension Markdown {
    /// The words that make a fenced block a placeholder for an indicator, a group or a task list.
    static let blockKeywords: Set<String> = ["indicator", "indicators", "tasks"]

    /// Whether a fence's info string starts with one of `blockKeywords` (see `placeholder`).
    static func isBlockKeyword(_ info: String) -> Bool {
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { blockKeywords.contains(String($0)) }
            ?? false
    }

    /// The usual body, rendered in one call instead of one per top-level block (each call sets cmark's renderer up
    /// again, a tenth of rendering a body): a body with no block fence, at most `Limits.headings` headings and
    /// every heading at the top level. The same bytes as the blocks rendered one by one: cmark ends every block
    /// with a line break, so it adds none between them, and in safe mode `<hN>` in its output is only ever the
    /// start of a heading (raw HTML is left out and text is escaped), so each top-level heading's tag is found in
    /// order and given its id. Nil when the body is not such a body: the caller renders block by block.
    static func renderWhole(
        _ document: OpaquePointer, headingCount: Int, reserved: Set<String>
    ) -> (html: HTML, headings: [RenderedMarkdown.Heading])? {
        var topHeadings: [OpaquePointer] = []
        var child = cmark_node_first_child(document)
        while let node = child {
            child = cmark_node_next(node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: topHeadings.append(node)
            case CMARK_NODE_CODE_BLOCK:
                if let info = cmark_node_get_fence_info(node), info.pointee != 0,
                   isBlockKeyword(String(cString: info)) { return nil }
            default: break
            }
        }
        guard topHeadings.count == headingCount, headingCount <= Limits.headings,
              let rendered = cmark_render_html(document, options) else { return nil }
        defer { free(rendered) }
        let html = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                                       count: strlen(rendered))
        var ids = SlugRegistry(reserved: reserved)
        var out = HTML()
        var headings: [RenderedMarkdown.Heading] = []
        var copied = 0
        var index = 0
        let last = html.count - 4
        for node in topHeadings {
            let level = Int(cmark_node_get_heading_level(node))
            let digit = UInt8(ascii: "0") + UInt8(level)
            // From one `<` to the next (memchr), until one opens a heading of this level.
            guard let base = html.baseAddress else { return nil }
            while index <= last {
                guard let found = memchr(base + index, 0x3C, last + 1 - index) else { return nil }
                index = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                if html[index + 1] == 0x68 && html[index + 2] == digit && html[index + 3] == 0x3E { break }
                index += 1
            }
            guard index <= last else { return nil }
            let text = plainText(node)
            let id = ids.unique(for: text)
            out.append(utf8: UnsafeBufferPointer(rebasing: html[copied..<index]))
            out.append("<h\(level) id=\"\(id)\">")
            index += 4
            copied = index
            headings.append(RenderedMarkdown.Heading(level: level, text: text, id: id))
        }
        out.append(utf8: UnsafeBufferPointer(rebasing: html[copied...]))
        return (out, headings)
    }
}
