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
