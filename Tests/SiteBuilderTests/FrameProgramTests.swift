import Foundation
import Testing
@testable import SiteBuilder

/// A layout specialized for its shared frame (FrameProgram) gives every page exactly the bytes the whole template
/// gives it, whichever page made the specialization: page fields inside shared sections and lists, shared values
/// pushed on the stack, names that fall through, partials, dotted names and inverted sections.
@Suite struct FrameProgramTests {
    static let layout = """
        <{{lang}}|{{siteTitle}}|{{pageTitle}}|{{text.k}}|{{text.missing}}|{{.}}|{{missing}}>
        {{#nav}}<li{{#current}} class="c"{{/current}}>{{title}}:{{pageTitle}}:{{lang}}{{#archive}}A{{/archive}}</li>
        {{/nav}}
        {{#sampleData}}S {{pageTitle}} {{text.k}}{{/sampleData}}{{^sampleData}}no sample{{/sampleData}}
        {{#feedURL}}[{{.}}|{{pageTitle}}|{{siteTitle}}]{{/feedURL}}{{^editionsURL}}no editions{{/editionsURL}}
        {{#archive}}{{year}} {{lang}} {{currentURL}}{{/archive}}{{^archive}}current{{/archive}}
        {{#hasBreadcrumbs}}B {{siteTitle}}{{#breadcrumbs}}/{{title}}{{^isPage}}>{{url}}{{/isPage}}{{/breadcrumbs}}
        {{/hasBreadcrumbs}}
        {{> part}}{{languageSwitch.label}}|{{text.k}}|{{nav.title}}|{{publisher}}{{#publisher}} · {{/publisher}}
        {{{content}}}
        """
    static let part = "{{siteTitle}} {{description}}{{#sampleData}}{{> inner}}{{/sampleData}}\n"
    static let inner = "({{pageTitle}}{{#nav}}{{url}}{{/nav}})"

    static func frame(sample: Bool, feed: String?) -> SharedFrameRef {
        SharedFrameRef(SharedFrame(
            lang: "vi", siteTitle: "Báo cáo & <tiến độ>", planNumber: "288", publisher: "UBND", sampleData: sample,
            reportingYear: 2025, text: InterfaceText(language: "vi", entries: ["k": "chữ \"k\""]), root: "../",
            homeURL: "../", feedURL: feed, updatesFeedURL: "../atom.xml", editionsURL: nil, changesURL: nil,
            assetsRoot: "../", nav: [LinkView(title: "Một", url: "../mot/"), LinkView(title: "Hai", url: "../hai/")]))
    }

    static func page(_ title: String, current: [Bool], crumbs: Int, archive: Bool, language: Bool)
        -> PageFrameFields {
        PageFrameFields(
            pageTitle: title, description: "mô tả " + title, canonicalURL: "https://x/\(title)/", ogType: "article",
            currentNav: current,
            breadcrumbs: (0..<crumbs).map { CrumbView(title: "c\($0)", url: "../c\($0)/", isPage: $0 == crumbs - 1) },
            archive: archive ? ArchiveBannerView(year: 2024, reportingYear: 2023, currentURL: "../../") : nil,
            languageSwitch: language ? LanguageSwitchView(lang: "en", label: "English", url: "../en/", available: true)
                : nil,
            alternates: [])
    }

    @Test(arguments: [(true, "../feed.xml"), (false, nil)] as [(Bool, String?)])
    func everyPageGetsTheWholeTemplatesBytes(sample: Bool, feed: String?) throws {
        let theme = try #require(CompiledTheme(sources: ["layout": Self.layout, "part": Self.part,
                                                         "inner": Self.inner]))
        let frame = Self.frame(sample: sample, feed: feed)
        let text = InterfaceText(language: "vi", entries: ["k": "gốc"])
        // The first page makes the specialization, with none of the page's optional parts; the others have them.
        let pages = [
            Self.page("một", current: [false, false], crumbs: 0, archive: false, language: false),
            Self.page("<hai>", current: [false, false], crumbs: 3, archive: true, language: true),
            Self.page("ba", current: [true, false], crumbs: 1, archive: false, language: true),
            Self.page("bốn", current: [true, false], crumbs: 2, archive: true, language: false),
            Self.page("năm", current: [false, false], crumbs: 0, archive: true, language: false),
        ]
        for (index, page) in pages.enumerated() {
            let layout = LayoutView(sharedRef: frame, page: page, content: HTML("<p>nội dung \(index)</p>"))
            let whole = theme.bytes(layout, template: "layout", text: text)
            #expect(theme.page(layout, template: "layout", text: text) == whole, "page \(index)")
            let title = page.pageTitle.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            #expect(String(decoding: whole, as: UTF8.self).contains(":\(title):"))
        }
    }

    /// The specialization is made once per frame and current menu item, and most of a real layout is made ahead.
    @Test func theLayoutIsMostlyMadeAhead() throws {
        let theme = try #require(CompiledTheme(sources: ["layout": Self.layout, "part": Self.part,
                                                         "inner": Self.inner]))
        let frame = Self.frame(sample: true, feed: nil)
        let text = InterfaceText(language: "vi", entries: [:])
        let first = LayoutView(sharedRef: frame, page: Self.page("a", current: [false, false], crumbs: 0,
                                                                  archive: false, language: false), content: HTML())
        _ = theme.page(first, template: "layout", text: text)
        let key = FrameProgramKey(template: "layout", frameKey: [false, false])
        var calls = 0
        let made = frame.program(key, of: theme.program) {
            calls += 1
            return FrameProgram(program: theme.program, template: 0..<0, stack: [], shared: [])
        }
        #expect(calls == 0)
        let literal = made.pieces.filter { if case .bytes = $0 { true } else { false } }.count
        #expect(literal >= 5)
        #expect(made.literal.count > 20)
    }
}
