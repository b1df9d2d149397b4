// View models shared by several pages: plain Sendable structs whose field tables (see TemplateView) say what a
// template may name. A template that names a key not declared here is an error when the theme loads.

struct LinkView: TemplateView {
    var title: String
    var url: String

    static let fields = ViewFields<Self>([.text("title", \.title), .text("url", \.url)])
}

struct CrumbView: TemplateView {
    var title: String
    var url: String
    /// The page itself: shown as text with `aria-current`, not as a link to itself.
    var isPage: Bool

    static let fields = ViewFields<Self>([.text("title", \.title), .text("url", \.url), .flag("isPage", \.isPage)])
}

struct NavItemView: TemplateView {
    var title: String
    var url: String
    var current: Bool

    static let fields = ViewFields<Self>([.text("title", \.title), .text("url", \.url), .flag("current", \.current)])
}

struct StatusView: TemplateView {
    var code: String
    var label: String
    var symbol: String

    static let fields = ViewFields<Self>([.text("code", \.code), .text("label", \.label), .text("symbol", \.symbol)])
}

struct HeadCellView: TemplateView {
    var text: String
    var numeric: Bool

    static let fields = ViewFields<Self>([.text("text", \.text), .flag("numeric", \.numeric)])
}

struct CellView: TemplateView {
    var text: String
    var numeric: Bool
    var badge: StatusView?

    static let fields = ViewFields<Self>([
        .text("text", \.text), .flag("numeric", \.numeric), .optionalObject("badge", \.badge),
    ])
}

struct RowView: TemplateView {
    var header: String
    var headerURL: String?
    var cells: [CellView]

    static let fields = ViewFields<Self>([
        .text("header", \.header), .optionalText("headerURL", \.headerURL), .list("cells", \.cells),
    ])
}

struct TableView: TemplateView {
    var id: String
    var caption: String
    var head: [HeadCellView]
    var rows: [RowView]
    var downloads: [LinkView]
    var hasDownloads: Bool

    static let fields = ViewFields<Self>([
        .text("id", \.id), .text("caption", \.caption), .list("head", \.head), .list("rows", \.rows),
        .list("downloads", \.downloads), .flag("hasDownloads", \.hasDownloads),
    ])
}

struct FactView: TemplateView {
    var label: String
    var value: String

    static let fields = ViewFields<Self>([.text("label", \.label), .text("value", \.value)])
}

/// The language switch: the same page in the other language, or, when it has none, that language's home page.
struct LanguageSwitchView: TemplateView {
    /// The other language's code, for `lang` and `hreflang`.
    var lang: String
    /// The link's text, in the other language: its name, or its home page's name when the page has no translation.
    var label: String
    var url: String
    /// False when this page has no translation: the switch says so and links to the other language's home page.
    var available: Bool

    static let fields = ViewFields<Self>([
        .text("lang", \.lang), .text("label", \.label), .text("url", \.url), .flag("available", \.available),
    ])
}

struct AlternateView: TemplateView {
    var lang: String
    var url: String

    static let fields = ViewFields<Self>([.text("lang", \.lang), .text("url", \.url)])
}
