import Testing
@testable import SiteBuilder

@Suite struct MarkdownTests {
    static func render(_ text: String, firstLine: Int = 1,
                       resolve: (MarkdownReference) -> MarkdownResolution = { _ in .failure(Message(vi: "no", en: "no")) }) -> RenderedMarkdown {
        Markdown.render(text, path: "s.md", firstLine: firstLine, resolve: resolve)
    }

    static func html(_ rendered: RenderedMarkdown) -> String {
        rendered.segments.map { if case .html(let html) = $0 { html.text } else { "[block]" } }.joined()
    }

    @Test func headingsGetIdsAndCollisionsAreNumbered() {
        let rendered = Self.render("## Mục đích\n\ntext\n\n## Mục đích\n\n### Đẩy *mạnh*\n\n## Nội dung\n")
        #expect(rendered.headings.map(\.id) == ["muc-dich", "muc-dich-2", "day-manh", "noi-dung-2"])
        #expect(rendered.headings.map(\.level) == [2, 2, 3, 2])
        #expect(Self.html(rendered).contains("<h3 id=\"day-manh\">Đẩy <em>mạnh</em></h3>"))
    }

    @Test func rawHTMLAndUnsafeLinksAreDropped() {
        let html = Self.html(Self.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>bold</b>\n"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func linksThatWouldGoNowhereAreErrors() {
        let rendered = Self.render("Xem [trống]() và\n[mã](JavaScript:alert(1)) [ảnh](data:image/png;base64,AA)\n"
            + "[tệp](file:///etc/passwd) [web](https://x.vn) ![Biểu đồ](file:///C:/anh.png)\n", firstLine: 5)
        #expect(rendered.diagnostics.map { "\($0.line):\($0.column) \($0.severity) \($0.message.en)" } == [
            "5:5 error the link 'trống' has no address, so it would go nowhere; write [text](address)",
            "6:1 error the address 'JavaScript:alert(1)' of the link 'mã' is removed as unsafe, so it would go "
                + "nowhere; use an http(s):// address or a .md file",
            "7:1 error the address 'file:///etc/passwd' of the link 'tệp' is removed as unsafe, so it would go "
                + "nowhere; use an http(s):// address or a .md file",
            "7:47 error the address 'file:///C:/anh.png' of the image 'Biểu đồ' is removed as unsafe, so the page "
                + "would not show it; use an http(s):// address or an image in Templates/assets/",
        ])
        #expect(Self.html(rendered).contains("href=\"data:image/png;base64,AA\""))
    }

    @Test func smartPunctuationIsOff() {
        #expect(Self.html(Self.render("\"a\" -- b...")).contains("&quot;a&quot; -- b..."))
    }

    @Test func sectionLinksAreRewritten() {
        var seen: [MarkdownReference] = []
        let rendered = Self.render("[Yêu cầu](02-yeu-cau.md#a) [web](https://x.vn/a.md) [self](#top)") {
            seen.append($0)
            return .url("../yeu-cau/#a")
        }
        #expect(seen == [.sectionLink(fileName: "02-yeu-cau.md", fragment: "a")])
        #expect(Self.html(rendered).contains("href=\"../yeu-cau/#a\""))
        #expect(Self.html(rendered).contains("href=\"https://x.vn/a.md\""))
    }

    @Test func brokenLinkIsAnErrorAtItsPosition() {
        let rendered = Self.render("Dòng một.\n\nXem [Yêu cầu](99-khong-co.md) nhé.", firstLine: 6) { _ in
            .failure(Message(vi: "liên kết hỏng", en: "link to a section that does not exist: '99-khong-co.md'"))
        }
        #expect(rendered.diagnostics.count == 1)
        // Line 3 of the body is line 8 of the file; "Xem " is 4 scalars, so the link starts at column 5.
        #expect(rendered.diagnostics.first?.formatted(.en)
            == "s.md:8:5: error: link to a section that does not exist: '99-khong-co.md'")
    }

    @Test func indicatorFencesBecomePlaceholders() {
        let rendered = Self.render("Trước\n\n```indicator TV-02\n```\n\n```indicators thu-vien\n```\n\n```swift\nlet a = 1\n```\n")
        #expect(rendered.segments.count == 4)
        if case let .indicator(id, location) = rendered.segments[1] {
            #expect(id == "TV-02")
            #expect(location.line == 3)
        } else {
            Issue.record("expected an indicator block")
        }
        if case let .indicatorGroup(group, _) = rendered.segments[2] {
            #expect(group == "thu-vien")
        } else {
            Issue.record("expected a group block")
        }
        #expect(Self.html(rendered).contains("language-swift"))
        let bad = Self.render("```indicator\n```\n")
        #expect(bad.diagnostics.first?.message.en.contains("needs exactly one name") == true)
    }

    @Test func inlineFiguresBecomeLinks() {
        let rendered = Self.render("Đạt `{TV-02}` và `code` thường.") { reference in
            guard case .figure("TV-02") = reference else { return .failure(Message(vi: "?", en: "unexpected")) }
            return .figure(text: "72,5%", url: "../chi-tieu/tv-02/", title: "TV-02 <năm>")
        }
        let html = Self.html(rendered)
        #expect(html.contains("<a href=\"../chi-tieu/tv-02/\" title=\"TV-02 &lt;năm&gt;\">72,5%</a>"))
        #expect(html.contains("<code>code</code>"))
        #expect(rendered.diagnostics.isEmpty)
    }
}
