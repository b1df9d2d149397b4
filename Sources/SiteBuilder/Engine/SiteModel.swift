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
    var site: SiteConfig { content.site }

    init(content: SiteContent, indicators: [ComputedIndicator], theme: Theme, text: InterfaceText,
         routes: [Route]) {
        self.content = content
        self.indicators = indicators
        self.theme = theme
        self.text = text
        self.routes = routes
        rootPath = PageFrame.rootPath(of: content.site.baseURL)
        var indicatorIndex: [String: Int] = [:]
        for (index, computed) in indicators.enumerated() where indicatorIndex[computed.definition.id.lowercased()] == nil {
            indicatorIndex[computed.definition.id.lowercased()] = index
        }
        self.indicatorIndex = indicatorIndex
        var sectionIndex: [String: Int] = [:]
        for (index, section) in content.sections.enumerated() where sectionIndex[section.fileName] == nil {
            sectionIndex[section.fileName] = index
        }
        self.sectionIndex = sectionIndex
        var slugIndex: [String: Int] = [:]
        for (index, section) in content.sections.enumerated() where slugIndex[section.slug] == nil {
            slugIndex[section.slug] = index
        }
        self.slugIndex = slugIndex
        let members = Dictionary(grouping: indicators, by: \.definition.group)
        membersByGroup = members
        groups = content.categories.groups.filter { members[$0.code] != nil }
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
