import Testing
@testable import SiteBuilder

/// A body rendered in one call (`Markdown.renderWhole`) must give what rendering it block by block gives: the same
/// HTML, headings and ids, diagnostics and links, on random bodies made of the blocks and inlines that matter
/// (headings at the top and nested, raw HTML that looks like a heading, code, fences of every kind, links,
/// figures, tables of characters of one to four bytes).
struct WholeBodyTests {
    static let blocks = [
        "## Mục tiêu", "# Một", "###### Sáu", "## Mục tiêu", "## <h2>giả</h2>", "##", "Tiêu đề\n===", "Dòng\n---",
        "Đoạn văn có *nhấn* và **đậm**, `mã <h2>`, [liên kết](https://example.org \"t<h3>\").",
        "<h2>raw</h2>", "<div>\n<h3>khối</h3>\n</div>", "> ## Trích dẫn\n> đoạn", "- một\n- ## hai\n- ba",
        "1. a\n2. b", "```\n<h2>mã</h2>\n```", "```python\nprint(1)\n```", "```indicator TV-02\n```",
        "```indicators thu-vien\n```", "```tasks 04.md\n```", "```indicator\n```", "    <h4>thụt lề</h4>",
        "***", "Đ ế € 𝕏 e\u{301}", "`{TV-02}`", "[phần](03-muc-tieu.md#muc-dich)", "[chỗ](#noi-dung)",
        "![ảnh](anh.png)", "&lt;h2&gt; thực thể", "line<br>break  \nhard", "<!-- chú thích -->", "",
    ]

    @Test func oneCallEqualsBlockByBlock() {
        var generator = SystemRandomNumberGenerator()
        var wholeUsed = 0
        for _ in 0..<3_000 {
            let body = (0..<Int.random(in: 0...12, using: &generator))
                .map { _ in Self.blocks[Int.random(in: 0..<Self.blocks.count, using: &generator)] }
                .joined(separator: Bool.random(using: &generator) ? "\n\n" : "\n")
            let bytes = ArraySlice(body.utf8)
            let resolve: (MarkdownReference) -> MarkdownResolution = { reference in
                switch reference {
                case .figure(let name): .figure(text: "70%", url: "/chi-tieu/\(name)/", title: "<h2>\(name)")
                case .sectionLink(let file, _): .url("/\(file.dropLast(3))/")
                }
            }
            let whole = Markdown.render(bytes: bytes, path: "a.md", firstLine: 3, resolve: resolve)
            let blockByBlock = Markdown.render(bytes: bytes, path: "a.md", firstLine: 3, blockByBlock: true,
                                               resolve: resolve)
            #expect(whole == blockByBlock, "\(body)")
            if !body.contains("```i") && !body.contains("```t") && !body.contains(">") { wholeUsed += 1 }
        }
        #expect(wholeUsed > 100)
    }

    /// Bodies with more headings than a section may have are rendered block by block, with the error.
    @Test func tooManyHeadingsStillReported() {
        let body = (0...Limits.headings).map { "## Mục \($0)" }.joined(separator: "\n\n")
        let rendered = Markdown.render(body, path: "a.md") { _ in .url("/") }
        #expect(rendered.headings.count == Limits.headings)
        #expect(rendered.diagnostics.count == 1)
    }
}
