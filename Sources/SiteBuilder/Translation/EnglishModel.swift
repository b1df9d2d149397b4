/// The English edition as a second model over the same figures: its pages are published under `en/`, link to
/// the main site's downloads, assets and catalogue, and each main page and its translation link to each other.
extension SiteModel {
    /// What the English edition publishes of the routes a site has: its pages, its search index and its updates
    /// feed. Downloads, assets, the catalogue, the sitemap and robots.txt are the main site's; a server shows only
    /// the main 404 page; editions and the changes page are not translated.
    static func isPublishedInEnglish(_ route: Route) -> Bool {
        switch route {
        case .home, .section, .indicators, .group, .indicator, .data, .tasks, .search, .searchIndex, .updatesFeed: true
        default: false
        }
    }

    /// The English edition of this (main) model, and this model with the language switch to it; this model
    /// unchanged and nil when site.yaml has no `en:` block.
    func withEnglishEdition(log: inout DiagnosticLog) -> (main: SiteModel, english: SiteModel?) {
        if site.language == "en", let english = site.english {
            log.warning("trang đã viết bằng tiếng Anh (language: en), nên khối 'en:' bị bỏ qua",
                        en: "the site is already in English (language: en), so the 'en:' block is ignored",
                        at: english.location)
            return (self, nil)
        }
        guard let content = content.englishEdition() else { return (self, nil) }
        guard let strings = theme.strings["en"] else {
            log.error("site.yaml có khối 'en:' nhưng giao diện chưa có chữ tiếng Anh (thêm strings/en.yaml vào thư mục "
                          + "mẫu trang)",
                      en: "site.yaml has an 'en:' block but the theme has no English interface text (add "
                          + "strings/en.yaml to the templates folder)",
                      at: site.english?.location ?? SourceLocation(path: "site.yaml"))
            return (self, nil)
        }
        let indicators = self.indicators.compactMap { $0.englishVersion() }
        // The routes are those of the main site, whose clashes were reported there.
        var unused = DiagnosticLog()
        let table = RouteTable.make(content: content, indicators: indicators, theme: theme, editions: [], log: &unused)
        var english = SiteModel(content: content, indicators: indicators, theme: theme, text: strings,
                                routes: table.routes.filter(Self.isPublishedInEnglish), edition: edition)
        english.outputPrefix = SiteContent.englishPrefix
        english.sharedBaseURL = site.baseURL
        let translatedIDs = Set(indicators.map { $0.definition.id.lowercased() })
        english.untranslatedIndicators = Set(self.indicators.map { $0.definition.id.lowercased() })
            .subtracting(translatedIDs)
        english.untranslatedSections = UntranslatedSections(main: self,
                                                            translated: Set(content.sections.map(\.fileName)))
        english.tasksUntranslated = content.tasks.isEmpty && !self.content.tasks.isEmpty
        // An English page asks only whether its own path is a page of the main site: those are all it needs.
        let englishPages = Self.pagePaths(english.routes)
        english.otherLanguage = OtherLanguage(code: site.language, text: text, baseURL: site.baseURL, root: "../",
                                              pages: englishPages.filter(pageTest()))
        var main = self
        main.otherLanguage = OtherLanguage(code: "en", text: strings, baseURL: english.site.baseURL,
                                           root: SiteContent.englishPrefix, pages: englishPages)
        return (main, english)
    }

    /// The paths of the pages among `routes` (not the 404 page).
    static func pagePaths(_ routes: [Route]) -> Set<String> {
        Set(routes.filter(\.isListedPage).map(\.path))
    }

    /// Whether this model publishes a page at a path (one of `pagePaths(routes)`), without making that set of
    /// ten thousand paths: a section's page by its slug (every section has its route), any other page among the
    /// few other routes.
    func pageTest() -> (String) -> Bool {
        let others = Self.pagePaths(routes.filter { if case .section = $0 { false } else { true } })
        return { path in
            others.contains(path) || path.hasSuffix("/") && sectionIndex(slug: String(path.dropLast())) != nil
        }
    }
}
