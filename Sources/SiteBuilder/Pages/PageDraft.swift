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
}
