import Synchronization

/// The frame around every page. `content` is the page's own template, rendered first.
///
/// A frame is made of two values and the content: `shared`, which depends only on the site and on how deep the
/// page is (made once per depth in a build), and `page`, what belongs to the page itself. Every field a template
/// reads is computed from these two, so the pair's fingerprint (`frameFingerprint`) stands for the whole frame.
struct LayoutView: TemplateView {
    var sharedRef: SharedFrameRef
    var page: PageFrameFields
    var content: HTML

    var shared: SharedFrame { sharedRef.frame }

    var nav: [NavItemView] {
        zip(sharedRef.frame.nav, page.currentNav).map { NavItemView(title: $0.title, url: $0.url, current: $1) }
    }

    /// Every field of the shared frame but its menu (whose current item is the page's), read through it: a
    /// template step that reads only these prints the same bytes on every page with the same frame (FrameProgram).
    private static let sharedFields = SharedFrame.fields.ordered.filter { $0.name != "nav" }
        .map { $0.reading { (view: LayoutView) in view.sharedRef.frame } }

    static let fields = ViewFields<Self>(sharedFields + [
        .text("pageTitle", \.page.pageTitle), .text("description", \.page.description),
        .text("canonicalURL", \.page.canonicalURL), .text("ogType", \.page.ogType), .list("nav", \.nav),
        .list("breadcrumbs", \.page.breadcrumbs), .flag("hasBreadcrumbs", { !$0.page.breadcrumbs.isEmpty }),
        .html("content", \.content), .optionalObject("archive", \.page.archive),
        .optionalObject("languageSwitch", \.page.languageSwitch), .list("alternates", \.page.alternates),
    ])

    /// The fields whose values are the same on every page with the same frame and the same current menu item
    /// (`frameKey`): the shared fields and the menu.
    static let sharedFieldIDs = Set((sharedFields.map(\.name) + ["nav"]).map { FieldName($0).id })

    /// What, besides the shared frame, the values of `sharedFieldIDs` depend on: which menu item is current.
    var frameKey: [Bool] { page.currentNav }

    /// A hash of everything but `content`: the shared part by its digest (hashed once per depth), then the page's
    /// own part.
    func frameFingerprint(into hasher: inout StableHasher) {
        hasher.combine("frame 1")
        hasher.combine(sharedRef.frame.digest)
        page.fingerprint(into: &hasher)
    }
}

/// A shared frame, passed by reference: every page copying its twenty texts (and counting references to them
/// on every core at once) cost more than hashing the page's own part.
final class SharedFrameRef: Sendable {
    let frame: SharedFrame
    /// Templates specialized for this frame, by name and LayoutView.frameKey (CompiledTheme.page), each made by
    /// the first page that needs it.
    private let programs = Mutex<[FrameProgramKey: FrameProgram]>([:])

    init(_ frame: SharedFrame) { self.frame = frame }

    /// The program specialized for this frame from `program`'s template `name`, made with `make` the first time.
    func program(_ key: FrameProgramKey, of program: TemplateProgram, make: () -> FrameProgram) -> FrameProgram {
        if let made = programs.withLock({ $0[key] }), made.program === program { return made }
        let made = make()
        programs.withLock { $0[key] = made }
        return made
    }
}

struct FrameProgramKey: Hashable, Sendable {
    var template: String
    var frameKey: [Bool]
}

/// What every page at one depth shows alike: the site's names, the menu's titles and links, the links to feeds
/// and assets. Made once per depth in a build (see PageFrame), and hashed then.
struct SharedFrame: TemplateView {
    var lang: String
    var siteTitle: String
    var planNumber: String
    var publisher: String
    var sampleData: Bool
    var reportingYear: Int
    var text: InterfaceText
    var root: String
    var homeURL: String
    var feedURL: String?
    var updatesFeedURL: String
    var editionsURL: String?
    var changesURL: String?
    var assetsRoot: String
    var nav: [LinkView]
    /// What each menu item stands for, which decides whether it is the current page (the page's own part holds the
    /// result); not a field.
    var navTargets: [NavTarget] = []
    /// The fingerprint of every field (`seal()`); not itself a field.
    private(set) var digest = ""

    static let fields = ViewFields<Self>([
        .text("lang", \.lang), .text("siteTitle", \.siteTitle), .text("planNumber", \.planNumber),
        .text("publisher", \.publisher), .flag("sampleData", \.sampleData), .number("reportingYear", \.reportingYear),
        .interfaceText("text", \.text), .text("root", \.root), .text("homeURL", \.homeURL),
        .optionalText("feedURL", \.feedURL), .text("updatesFeedURL", \.updatesFeedURL),
        .optionalText("editionsURL", \.editionsURL), .optionalText("changesURL", \.changesURL),
        .text("assetsRoot", \.assetsRoot), .list("nav", \.nav),
    ])

    mutating func seal() {
        var hasher = StableHasher()
        fingerprint(into: &hasher)
        digest = hasher.finalize()
    }
}

/// What the frame takes from the page itself.
struct PageFrameFields: TemplateView {
    var pageTitle: String
    var description: String
    var canonicalURL: String
    var ogType: String
    /// For each menu item of the shared frame: whether it is this page (or its part of the site).
    var currentNav: [Bool]
    var breadcrumbs: [CrumbView]
    /// On an edition's pages: the archive banner.
    var archive: ArchiveBannerView?
    /// The link to the same page in the other language; nil without an English edition.
    var languageSwitch: LanguageSwitchView?
    /// `<link rel="alternate" hreflang>`: this page and its translation, when it has one.
    var alternates: [AlternateView]

    static let fields = ViewFields<Self>([
        .text("pageTitle", \.pageTitle), .text("description", \.description), .text("canonicalURL", \.canonicalURL),
        .text("ogType", \.ogType),
        .text("currentNav", { String(decoding: $0.currentNav.map { $0 ? UInt8(0x31) : 0x30 }, as: UTF8.self) }),
        .list("breadcrumbs", \.breadcrumbs), .optionalObject("archive", \.archive),
        .optionalObject("languageSwitch", \.languageSwitch), .list("alternates", \.alternates),
    ])
}

/// What a menu item links to, which decides when it is the current page.
enum NavTarget: Sendable {
    case home, section(path: String, title: String), indicators, data, tasks

    func isCurrent(route: Route, path: String, absolute: Bool) -> Bool {
        switch self {
        case .home: route == .home
        case .section(let target, _): path == target && !absolute
        case .indicators: path.hasPrefix(Route.indicatorsFolder)
        case .data: route == .data
        case .tasks: route == .tasks
        }
    }
}
