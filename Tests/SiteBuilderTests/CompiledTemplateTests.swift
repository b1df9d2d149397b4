import Foundation
import Mustache
import Testing
@testable import SiteBuilder

/// The compiled templates must give exactly what swift-mustache gives: for every page, block and layout of the
/// example sites, and for the standalone-line cases of the Mustache spec.
@Suite struct CompiledTemplateTests {
    @Test(arguments: ["example", "examples/nuoc-sach", "mini"])
    func everyPageRendersAsSwiftMustacheDoes(_ name: String) async throws {
        let site = try TestSite(name)
        defer { site.remove() }
        if name == "mini" { try EnglishEditionTests.withEnglish(site) }
        var log = DiagnosticLog()
        var timer = StepTimer()
        let loaded = try await SiteBuild(paths: site.paths).load(cache: nil, log: &log, timer: &timer)
        let (main, english) = loaded.withEnglishEdition(log: &log)
        let theme = main.theme
        #expect(theme.compiled != nil, "the theme is outside the compiled subset")
        var pages = 0
        for model in [main] + (english.map { [$0] } ?? []) {
            let builder = PageBuilder(model: model)
            for route in model.routes {
                guard let template = route.template, let draft = builder.draft(for: route) else { continue }
                var layout = PageFrame(model: model).layout(for: draft)
                let body = theme.html(draft.body, template: template, text: model.text).text
                #expect(body == theme.renderWithMustache(draft.body, template: template, text: model.text),
                        "\(model.outputPrefix)\(route.outputPath): \(template)")
                layout.content = HTML(body)
                let whole = theme.html(layout, template: "layout", text: model.text).bytes
                #expect(whole == Array(theme.renderWithMustache(layout, template: "layout", text: model.text).utf8),
                        "\(model.outputPrefix)\(route.outputPath): layout")
                // The layout specialized for the page's frame (FrameProgram), made by whichever page came first.
                #expect(theme.renderPage(layout, text: model.text) == whole,
                        "\(model.outputPrefix)\(route.outputPath): layout in its frame")
                pages += 1
            }
            let views = IndicatorViews(model: model)
            for computed in model.indicators {
                let view = views.indicatorView(computed, from: "muc-tieu/")
                #expect(theme.html(view, template: "indicator-block", text: model.text).text
                    == theme.renderWithMustache(view, template: "indicator-block", text: model.text))
            }
            for group in model.groups {
                let view = views.groupView(group, from: "muc-tieu/")
                #expect(theme.html(view, template: "group-summary", text: model.text).text
                    == theme.renderWithMustache(view, template: "group-summary", text: model.text))
            }
            for section in Set(model.content.tasks.compactMap(\.section)) {
                let view = TaskViewBuilder(model: model).list(section: section, from: "muc-tieu/").view
                #expect(theme.html(view, template: "task-list", text: model.text).text
                    == theme.renderWithMustache(view, template: "task-list", text: model.text))
            }
        }
        #expect(pages > 5)
    }

    struct Item: TemplateView {
        var name: String
        var note: String?
        static let fields = ViewFields<Self>([.text("name", \.name), .optionalText("note", \.note)])
    }

    struct Page: TemplateView {
        var title: String
        var items: [Item]
        var empty: [Item]
        var words: [String]
        var yes: Bool
        var no: Bool
        var count: Int
        var blank: String
        var item: Item?
        static let fields = ViewFields<Self>([
            .text("title", \.title), .list("items", \.items), .list("empty", \.empty), .textList("words", \.words),
            .flag("yes", \.yes), .flag("no", \.no), .number("count", \.count), .text("blank", \.blank),
            .optionalObject("item", \.item),
        ])
    }

    /// Standalone lines, nesting, falsy values, escaping and dotted names, against swift-mustache.
    @Test(arguments: [
        "{{#items}}\n  <li>{{name}}</li>\n{{/items}}\n",
        "a\n  {{#yes}}  \nb\n  {{/yes}}\nc",
        "{{#items}}{{name}}{{^note}}-{{/note}}{{#note}}({{.}}){{/note}},{{/items}}",
        "{{^empty}}\nnone\n{{/empty}}\n{{#empty}}x{{/empty}}",
        "{{#words}}[{{.}}]{{/words}} {{count}} {{yes}} {{#blank}}B{{/blank}}{{^blank}}-{{/blank}}",
        "<{{title}}> {{{title}}} {{& title}} {{item.name}} {{#item}}{{name}}/{{title}}{{/item}}",
        "{{! comment }}\n{{#no}}\nx\n{{/no}}\n{{^no}}\n  y\n{{/no}}\nend\n",
        "{{#yes}}{{#items}}\n{{name}}\n{{/items}}{{/yes}}",
        "  {{! indented comment }}\r\n{{missing}}{{missing.name}}{{#missing}}x{{/missing}}\n",
    ])
    func subsetMatchesSwiftMustache(_ source: String) throws {
        let page = Page(title: "A & <b> \"q\" 'x'", items: [Item(name: "một", note: nil), Item(name: "hai", note: "n")],
                        empty: [], words: ["x", "y"], yes: true, no: false, count: 3, blank: "",
                        item: Item(name: "đây", note: nil))
        _ = HTMLEscaping.registered
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: HTMLEscaping.pragma + source), named: "t")
        let theme = try #require(CompiledTheme(sources: ["t": source]))
        let text = InterfaceText(language: "vi", entries: [:])
        #expect(String(decoding: theme.bytes(page, template: "t", text: text), as: UTF8.self)
            == library.render(page, withTemplate: "t"),
                "\(source.debugDescription)")
    }
}
