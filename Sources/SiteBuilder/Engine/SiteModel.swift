import Foundation

/// Everything a page is built from, checked, computed and indexed once: page builders only read it.
struct SiteModel: Sendable {
    /// The model's values, in one immutable box: every page builder holds a copy of the model, so a copy is one
    /// reference count, not dozens touched from every core at once. Setting a value (only while the English
    /// edition's model is made) replaces the box.
    private struct Fields: Sendable {
        var content: SiteContent
        var indicators: [ComputedIndicator]
        var theme: Theme
        var text: InterfaceText
        var routes: [Route]
        var rootPath: String
        var indicatorIndex: [String: Int]
        var sectionIndexes: SectionIndexes
        var sectionRoutesStart: Int?
        var membersByGroup: [String: [ComputedIndicator]]
        var groups: [Categories.Entry]
        var reservedIDs: Set<String>
        var edition: EditionStamp?
        var editions: [PublishedEdition]
        var changes: ChangeLog?
        var outputPrefix: String = ""
        var sharedBaseURL: String
        var otherLanguage: OtherLanguage?
        var untranslatedIndicators: Set<String> = []
        var untranslatedSections = UntranslatedSections.none
        var tasksUntranslated: Bool = false
        /// The shared part of page frames, made once per depth (see PageFrame); made afresh with any change.
        var frames = FrameMemo()
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        fields.frames = FrameMemo()
        box = Box(fields)
    }

    var content: SiteContent { box.fields.content }
    var indicators: [ComputedIndicator] { box.fields.indicators }
    var theme: Theme { box.fields.theme }
    var text: InterfaceText { box.fields.text }
    var routes: [Route] { box.fields.routes }
    /// The path part of the base URL (`/bao-cao/`), for the 404 page's links.
    var rootPath: String { box.fields.rootPath }
    private var indicatorIndex: [String: Int] { box.fields.indicatorIndex }
    private var sectionIndex: [String: Int] { box.fields.sectionIndexes.byFileName }
    private var slugIndex: [String: Int] { box.fields.sectionIndexes.bySlug }
    var membersByGroup: [String: [ComputedIndicator]] { box.fields.membersByGroup }
    /// Groups that have at least one indicator, in the order of categories.yaml.
    var groups: [Categories.Entry] { box.fields.groups }
    /// Ids a section page gives other elements than headings: its landmarks and every indicator and group block's
    /// ids. Computed once; headings never take them.
    var reservedIDs: Set<String> { box.fields.reservedIDs }
    /// Set when this build is a frozen edition.
    var edition: EditionStamp? { box.fields.edition }
    /// The verified editions in `Archive/`, oldest first, published under `Output/YEAR/`.
    var editions: [PublishedEdition] { box.fields.editions }
    /// What changed since the latest edition; nil without editions.
    var changes: ChangeLog? { box.fields.changes }
    var site: SiteConfig { content.site }
    var frames: FrameMemo { box.fields.frames }
    /// Where this model's files go in the output folder: `` for the main site, `en/` for the English edition.
    var outputPrefix: String {
        get { box.fields.outputPrefix }
        set { update { $0.outputPrefix = newValue } }
    }
    /// The main site's address, where the downloads, assets and catalogue every language shares are.
    var sharedBaseURL: String {
        get { box.fields.sharedBaseURL }
        set { update { $0.sharedBaseURL = newValue } }
    }
    /// The same site in the other language, for the language switch and `hreflang`; nil without an English edition.
    var otherLanguage: OtherLanguage? {
        get { box.fields.otherLanguage }
        set { update { $0.otherLanguage = newValue } }
    }
    /// In the English edition: the indicators left out for want of an English title (lowercased ids), and the
    /// sections left out for want of an English file (file name → the Vietnamese page's slug).
    var untranslatedIndicators: Set<String> {
        get { box.fields.untranslatedIndicators }
        set { update { $0.untranslatedIndicators = newValue } }
    }
    var untranslatedSections: UntranslatedSections {
        get { box.fields.untranslatedSections }
        set { update { $0.untranslatedSections = newValue } }
    }
    /// In the English edition: the plan has tasks, but not every one has an English title, so none is shown.
    var tasksUntranslated: Bool {
        get { box.fields.tasksUntranslated }
        set { update { $0.tasksUntranslated = newValue } }
    }

    /// The link to the section whose file in `sections/` is `fileName`: its page here, or, in the English edition,
    /// the Vietnamese page of a section that has no English text; nil when there is no such section.
    func sectionURL(fileName: String, from page: String) -> String? {
        if let (_, section) = section(fileName: fileName) { return Route.section(slug: section.slug).url(from: page) }
        return untranslatedSections[fileName].map { sharedURL(.section(slug: $0), from: page) }
    }

    /// The error for an indicator an English section names but the English edition left out.
    func untranslatedIndicatorMessage(_ id: String) -> Message? {
        guard untranslatedIndicators.contains(id.lowercased()) else { return nil }
        return Message(vi: "chỉ tiêu '\(id)' chưa có tên tiếng Anh nên không có trong bản tiếng Anh; hãy thêm 'en: title:' "
                           + "vào định nghĩa của nó",
                       en: "indicator '\(id)' has no English title, so it is not in the English edition; add 'en: title:' "
                           + "to its definition")
    }

    /// From this model's root to the main site's root, for the files every language shares.
    var sharedPrefix: String { outputPrefix.isEmpty ? "" : "../" }

    /// A link from the page at `page` to a file every language shares (a download, an asset, the catalogue).
    func sharedURL(_ route: Route, from page: String) -> String {
        Route.relative(from: page, to: sharedPrefix + route.path)
    }

    init(content: SiteContent, indicators: [ComputedIndicator], theme: Theme, text: InterfaceText,
         routes: [Route], edition: EditionStamp? = nil, editions: [PublishedEdition] = [], changes: ChangeLog? = nil,
         sectionIndexes: SectionIndexes? = nil) {
        let members = Dictionary(grouping: indicators, by: \.definition.group)
        box = Box(Fields(
            content: content, indicators: indicators, theme: theme, text: text, routes: routes,
            rootPath: PageFrame.rootPath(of: content.site.baseURL),
            indicatorIndex: Self.firstIndex(indicators) { $0.definition.id.lowercased() },
            sectionIndexes: sectionIndexes ?? SectionIndexes(content.sections),
            sectionRoutesStart: Self.sectionRoutesStart(routes, sections: content.sections),
            membersByGroup: members,
            groups: content.categories.groups.filter { members[$0.code] != nil },
            reservedIDs: Markdown.reservedIDs
                .union(indicators.flatMap { IndicatorViews.blockIDs(ofIndicator: $0.definition.id) })
                .union(content.categories.groups.flatMap { IndicatorViews.blockIDs(ofGroup: $0.code) }),
            edition: edition, editions: editions, changes: changes, sharedBaseURL: content.site.baseURL))
    }

    /// Position of the first item with each key (later duplicates are errors reported while loading).
    private static func firstIndex<Item>(_ items: [Item], by key: (Item) -> String) -> [String: Int] {
        var result = [String: Int](minimumCapacity: items.count)
        // Last to first, so that the first item with a key is the one kept: one hash per item.
        for index in items.indices.reversed() { result[key(items[index])] = index }
        return result
    }

    func indicator(_ id: String) -> ComputedIndicator? {
        indicatorIndex[id.lowercased()].map { indicators[$0] }
    }

    /// The section in `sections/` with this file name, and its place in reading order.
    func section(fileName: String) -> (index: Int, section: Section)? {
        sectionIndex[fileName].map { ($0, content.sections[$0]) }
    }

    /// The index in reading order of the section published at `slug/`.
    func sectionIndex(slug: String) -> Int? { slugIndex[slug] }

    /// The index in reading order of the section whose route is `routes[position]`: found from the position when
    /// the sections' routes come together in reading order (as RouteTable lists them), else by its slug.
    func sectionIndex(slug: String, routeAt position: Int) -> Int? {
        if let start = box.fields.sectionRoutesStart, position >= start, position - start < content.sections.count {
            return position - start
        }
        return slugIndex[slug]
    }

    /// Where the sections' routes start in `routes`, when every section has one there, in reading order and
    /// together: a route's section is then its position less this (ten thousand slugs are not looked up).
    private static func sectionRoutesStart(_ routes: [Route], sections: [Section]) -> Int? {
        guard let start = routes.firstIndex(where: { if case .section = $0 { true } else { false } }),
              routes.count - start >= sections.count else { return nil }
        for (offset, section) in sections.enumerated() {
            guard case .section(let slug) = routes[start + offset], slug == section.slug else { return nil }
        }
        return start
    }

    func members(of group: String) -> [ComputedIndicator] { membersByGroup[group] ?? [] }

    func group(_ code: String) -> Categories.Entry? { content.categories.groups.first { $0.code == code } }
}

/// The site in the other language, as the language switch and `hreflang` links need it.
struct OtherLanguage: Sendable {
    /// Its language code (`en`, `vi`).
    var code: String
    /// Its interface text: the switch names it in its own words.
    var text: InterfaceText
    /// Its address (`…/en/`).
    var baseURL: String
    /// From this model's root to its root: `en/` or `../`.
    var root: String
    /// The paths (`muc-tieu/`) of the pages it publishes.
    var pages: Set<String>
}

/// The shared frames of one model's pages, by depth, made by the first page that needs one (pages are built on
/// every core at once).
final class FrameMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var frames: [Int: SharedFrameRef] = [:]

    func frame(_ key: Int, make: () -> SharedFrame) -> SharedFrameRef {
        if let frame = lock.withLock({ frames[key] }) { return frame }
        let frame = SharedFrameRef(make())
        return lock.withLock {
            if let made = frames[key] { return made }
            frames[key] = frame
            return frame
        }
    }
}
