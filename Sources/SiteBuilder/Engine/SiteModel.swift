/// Everything a page is built from, checked, computed and indexed once: page builders only read it.
struct SiteModel: Sendable {
    let content: SiteContent
    let indicators: [ComputedIndicator]
    let theme: Theme
    let text: InterfaceText
    let routes: [Route]
    /// The path part of the base URL (`/bao-cao/`), for the 404 page's links.
    let rootPath: String

    private let indicatorIndex: [String: Int]
    private let sectionIndex: [String: Int]
    private let slugIndex: [String: Int]
    let membersByGroup: [String: [ComputedIndicator]]
    /// Groups that have at least one indicator, in the order of categories.yaml.
    let groups: [Categories.Entry]
    /// Ids a section page gives other elements than headings: its landmarks and every indicator and group block's
    /// ids. Computed once; headings never take them.
    let reservedIDs: Set<String>
    /// Set when this build is a frozen edition.
    let edition: EditionStamp?
    /// The verified editions in `Archive/`, oldest first, published under `Output/YEAR/`.
    let editions: [PublishedEdition]
    /// What changed since the latest edition; nil without editions.
    let changes: ChangeLog?
    var site: SiteConfig { content.site }
    /// Where this model's files go in the output folder: `` for the main site, `en/` for the English edition.
    var outputPrefix = ""
    /// The main site's address, where the downloads, assets and catalogue every language shares are.
    var sharedBaseURL: String
    /// The same site in the other language, for the language switch and `hreflang`; nil without an English edition.
    var otherLanguage: OtherLanguage?
    /// In the English edition: the indicators left out for want of an English title (lowercased ids), and the
    /// sections left out for want of an English file (file name → the Vietnamese page's slug).
    var untranslatedIndicators: Set<String> = []
    var untranslatedSections: [String: String] = [:]
    /// In the English edition: the plan has tasks, but not every one has an English title, so none is shown.
    var tasksUntranslated = false

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
         routes: [Route], edition: EditionStamp? = nil, editions: [PublishedEdition] = [], changes: ChangeLog? = nil) {
        self.edition = edition
        self.editions = editions
        self.changes = changes
        self.content = content
        self.indicators = indicators
        self.theme = theme
        self.text = text
        self.routes = routes
        rootPath = PageFrame.rootPath(of: content.site.baseURL)
        sharedBaseURL = content.site.baseURL
        indicatorIndex = Self.firstIndex(indicators) { $0.definition.id.lowercased() }
        sectionIndex = Self.firstIndex(content.sections, by: \.fileName)
        slugIndex = Self.firstIndex(content.sections, by: \.slug)
        let members = Dictionary(grouping: indicators, by: \.definition.group)
        membersByGroup = members
        groups = content.categories.groups.filter { members[$0.code] != nil }
        reservedIDs = Markdown.reservedIDs
            .union(indicators.flatMap { IndicatorViews.blockIDs(ofIndicator: $0.definition.id) })
            .union(content.categories.groups.flatMap { IndicatorViews.blockIDs(ofGroup: $0.code) })
    }

    /// Position of the first item with each key (later duplicates are errors reported while loading).
    private static func firstIndex<Item>(_ items: [Item], by key: (Item) -> String) -> [String: Int] {
        var result: [String: Int] = [:]
        for (index, item) in items.enumerated() where result[key(item)] == nil {
            result[key(item)] = index
        }
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
