/// What a page builder returns: the page's own view and template, and what the frame around it needs.
struct PageDraft: Sendable {
    var route: Route
    var body: any TemplateView
    var title: String
    var description: String
    /// Trail below the home page; empty for the home page and the 404 page.
    var breadcrumbs: [LinkView] = []
    var ogType: String = "article"
    var diagnostics: [Diagnostic] = []
    /// For a section page: what its body referred to, in order (see SectionRecipe).
    var dependencies: [String]? = nil
    /// For a section page: the ids a link may point to (headings, indicator blocks, the page's own landmarks).
    var anchors: [String] = []
    /// For a section page: its links to a place in a page, checked once every page's anchors are known.
    var fragmentLinks: [RenderedMarkdown.FragmentLink] = []
    /// For a section page: its text, for the search index.
    var searchText: String?
}
