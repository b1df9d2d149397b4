import Ccmark
import Foundation

/// The one place that talks to libcmark. Every C pointer lives inside `render`, is freed with `defer`,
/// and only Swift values come out.
public enum Markdown {
    /// cmark options: safe rendering is cmark's default (raw HTML is omitted and `javascript:`, `vbscript:`,
    /// `file:` and most `data:` links are emptied); UTF-8 is validated; smart punctuation stays off.
    static let options = CMARK_OPT_VALIDATE_UTF8

    /// libcmark's version, part of every fingerprint (a new cmark may render the same Markdown differently).
    static let libraryVersion = String(cString: cmark_version_string())

    /// Ids the templates use, which a heading must not take.
    public static let reservedIDs: Set<String> = ["noi-dung", "muc-luc", "dieu-huong", "dau-trang"]

    /// Renders a section body.
    /// - Parameters:
    ///   - markdown: the body text.
    ///   - path: the file, for diagnostics.
    ///   - firstLine: line of the body's first line in the file.
    ///   - reserved: ids the page gives other elements (its landmarks, indicator blocks); headings never take them.
    ///   - resolve: resolves section links and inline figures.
    public static func render(
        _ markdown: String, path: String, firstLine: Int = 1,
        reserved: Set<String> = reservedIDs, resolve: (MarkdownReference) -> MarkdownResolution
    ) -> RenderedMarkdown {
        // The text up to a NUL, as C reads it (a section never has one: control characters are refused).
        render(bytes: ArraySlice(markdown.utf8.prefix { $0 != 0 }), path: path, firstLine: firstLine,
               reserved: reserved, resolve: resolve)
    }

    /// The same, from the body's UTF-8 bytes (valid UTF-8: a section's body as read from its file).
    static func render(
        bytes markdown: ArraySlice<UInt8>, path: String, firstLine: Int = 1,
        reserved: Set<String> = reservedIDs, blockByBlock: Bool = false,
        resolve: (MarkdownReference) -> MarkdownResolution
    ) -> RenderedMarkdown {
        var splitLines: [ArraySlice<UInt8>]?
        func location(_ node: OpaquePointer) -> SourceLocation {
            let lines = splitLines ?? markdown.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            splitLines = lines
            let line = Int(cmark_node_get_start_line(node))
            let byteColumn = Int(cmark_node_get_start_column(node))
            var column = max(byteColumn, 1)
            if line >= 1 && line <= lines.count {
                let bytes = Array(lines[line - 1].prefix(max(byteColumn - 1, 0)))
                column = (String(validating: bytes, as: UTF8.self)?.unicodeScalars.count ?? byteColumn - 1) + 1
            }
            return SourceLocation(path: path, line: line + firstLine - 1, column: column)
        }

        var diagnostics: [Diagnostic] = []
        let parsed = markdown.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            guard let base = buffer.baseAddress else { return cmark_parse_document("", 0, options) }
            return cmark_parse_document(UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), buffer.count,
                                        options)
        }
        guard let document = parsed else {
            return RenderedMarkdown(segments: [], headings: [], diagnostics: [
                Diagnostic(path: path, line: firstLine, column: 1, "không đọc được nội dung Markdown",
                           en: "Markdown could not be parsed"),
            ])
        }
        defer { cmark_node_free(document) }

        // Pass 1: collect the nodes to change; the tree is not modified while the iterator walks it.
        var links: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        var codeSpans: [OpaquePointer] = []
        var headingCount = 0
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                      let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK: links.append(node)
                case CMARK_NODE_IMAGE: images.append(node)
                case CMARK_NODE_CODE: codeSpans.append(node)
                case CMARK_NODE_HEADING: headingCount += 1
                default: break
                }
            }
        }

        // Pass 2: links to sections by file name become the section's URL; links to a place are noted.
        var fragmentLinks: [RenderedMarkdown.FragmentLink] = []
        for link in links {
            guard let url = cmark_node_get_url(link).map({ String(cString: $0) }) else { continue }
            if let problem = LinkAddress.problem(url, image: false, text: { plainText(link) }) {
                diagnostics.append(.error(problem, at: location(link)))
                continue
            }
            if url.hasPrefix("#"), url.count > 1 {
                let fragment = String(url.dropFirst())
                fragmentLinks.append(.init(fileName: nil, fragment: fragment.removingPercentEncoding ?? fragment,
                                           location: location(link)))
            }
            guard let reference = sectionReference(url) else { continue }
            if case let .sectionLink(fileName, fragment?) = reference {
                fragmentLinks.append(.init(fileName: fileName, fragment: fragment.removingPercentEncoding ?? fragment,
                                           location: location(link)))
            }
            switch resolve(reference) {
            case .url(let target):
                _ = cmark_node_set_url(link, target)
            case .failure(let message):
                diagnostics.append(.error(message, at: location(link)))
            case .figure:
                break
            }
        }

        for image in images {
            guard let url = cmark_node_get_url(image).map({ String(cString: $0) }),
                  let problem = LinkAddress.problem(url, image: true, text: { plainText(image) }) else { continue }
            diagnostics.append(.error(problem, at: location(image)))
        }

        // Pass 3: inline figures `{TV-02}` become links to the indicator, with the computed value as text.
        for code in codeSpans {
            guard let literal = cmark_node_get_literal(code).map({ String(cString: $0) }),
                  literal.hasPrefix("{"), literal.hasSuffix("}"), literal.count > 2 else { continue }
            let reference = String(literal.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
            switch resolve(.figure(reference)) {
            case let .figure(text, url, title):
                guard let link = cmark_node_new(CMARK_NODE_LINK), let textNode = cmark_node_new(CMARK_NODE_TEXT)
                else { continue }
                _ = cmark_node_set_url(link, url)
                _ = cmark_node_set_title(link, title)
                _ = cmark_node_set_literal(textNode, text)
                _ = cmark_node_append_child(link, textNode)
                if cmark_node_replace(code, link) == 1 {
                    cmark_node_free(code)
                } else {
                    cmark_node_free(link)
                }
            case .failure(let message):
                diagnostics.append(.error(message, at: location(code)))
            case .url:
                break
            }
        }

        // Pass 4: render top-level blocks; headings get ids, indicator fences become placeholders.
        if !blockByBlock, let whole = renderWhole(document, headingCount: headingCount, reserved: reserved) {
            return RenderedMarkdown(segments: whole.html.isEmpty ? [] : [.html(whole.html)], headings: whole.headings,
                                    diagnostics: diagnostics, fragmentLinks: fragmentLinks)
        }
        var segments: [RenderedMarkdown.Segment] = []
        var headings: [RenderedMarkdown.Heading] = []
        var ids = SlugRegistry(reserved: reserved)
        var pending = HTML()
        var child = cmark_node_first_child(document)
        while let node = child {
            child = cmark_node_next(node)
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_CODE_BLOCK, let fence = placeholder(node, location: location(node)) {
                if !pending.isEmpty { segments.append(.html(pending)) }
                pending = HTML()
                switch fence {
                case .success(let segment): segments.append(segment)
                case .failure(let failure): diagnostics.append(contentsOf: failure.diagnostics)
                }
                continue
            }
            if type == CMARK_NODE_HEADING && headings.count == Limits.headings {
                diagnostics.append(.error("một phần có hơn \(Limits.headings) đề mục; hãy tách thành nhiều phần",
                                          en: "more than \(Limits.headings) headings in one section; split it into "
                                              + "several sections", at: location(node)))
                break
            }
            guard let rendered = cmark_render_html(node, options) else { continue }
            defer { free(rendered) }
            // cmark's output is valid UTF-8 (its input was checked, CMARK_OPT_VALIDATE_UTF8), so it is copied as it
            // is, not checked again as a String.
            var html = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                                           count: strlen(rendered))
            if type == CMARK_NODE_HEADING {
                let level = Int(cmark_node_get_heading_level(node))
                let text = plainText(node)
                let id = ids.unique(for: text)
                // Compared as bytes: a heading that starts with a combining mark must still get its id.
                let open = "<h\(level)>"
                if html.starts(with: open.utf8) {
                    pending.append("<h\(level) id=\"\(id)\">")
                    html = UnsafeBufferPointer(rebasing: html[open.utf8.count...])
                }
                headings.append(RenderedMarkdown.Heading(level: level, text: text, id: id))
            }
            pending.append(utf8: html)
        }
        if !pending.isEmpty { segments.append(.html(pending)) }
        return RenderedMarkdown(segments: segments, headings: headings, diagnostics: diagnostics,
                                fragmentLinks: fragmentLinks)
    }

    /// A relative link to a `.md` file, e.g. `02-yeu-cau.md#muc-dich` or `./02-yeu-cau.md`.
    static func sectionReference(_ url: String) -> MarkdownReference? {
        if url.contains("://") || url.hasPrefix("mailto:") || url.hasPrefix("#") || url.hasPrefix("/") { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = String(parts[0])
        guard file.lowercased().hasSuffix(".md") else { return nil }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let fragment = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
        return .sectionLink(fileName: name.removingPercentEncoding ?? name, fragment: fragment)
    }

    private static func placeholder(
        _ node: OpaquePointer, location: SourceLocation
    ) -> Result<RenderedMarkdown.Segment, BuildFailure>? {
        guard let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }) else { return nil }
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let keyword = words.first, blockKeywords.contains(keyword) else { return nil }
        guard words.count == 2 else {
            let example = switch keyword {
            case "indicator": "```indicator TV-02"
            case "indicators": "```indicators thu-vien"
            default: "```tasks 04-noi-dung-thuc-hien.md"
            }
            return .failure(BuildFailure(diagnostics: [.error(
                "khối '\(keyword)' cần đúng một tên ngay sau nó, ví dụ \(example)",
                en: "'\(keyword)' block needs exactly one name after it, e.g. \(example)", at: location)]))
        }
        switch keyword {
        case "indicator": return .success(.indicator(id: words[1], location: location))
        case "indicators": return .success(.indicatorGroup(group: words[1], location: location))
        default: return .success(.taskList(fileName: words[1], location: location))
        }
    }

    /// The text of a node's inline children, for heading ids and the table of contents.
    static func plainText(_ root: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(root) else { return text }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
