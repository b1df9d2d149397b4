import Foundation

/// Turns one route into one file. A page whose fingerprint equals the previous build's is not rendered again:
/// its bytes are the previous bytes, by construction, because the fingerprint covers everything the templates
/// can read (the view models) and the templates themselves. A section page whose recipe (see SectionRecipe)
/// equals the cached one is not even built.
struct RouteRenderer: Sendable {
    let model: SiteModel
    let previous: Manifest?
    let cache: BuildCache?
    /// Where every section page's recipe starts (SectionRecipe.prefix), hashed once.
    let recipePrefix: StableHasher
    /// Whether a cached section page whose body refers to nothing is reused without its recipe
    /// (SectionRecipe.dataOnlyShortcut).
    let reusesPlainSections: Bool

    init(model: SiteModel, previous: Manifest?, cache: BuildCache?) {
        self.model = model
        self.previous = previous
        self.cache = cache
        recipePrefix = SectionRecipe.prefix(theme: model.theme)
        reusesPlainSections = SectionRecipe.dataOnlyShortcut(model: model, cache: cache, prefix: recipePrefix)
    }

    /// What fingerprints and recipes cannot see: Tiendo's own code that turns views and Markdown into HTML, and
    /// the libcmark it runs with. Bump `engineVersion` with any change that gives different HTML for the same
    /// views or Markdown (heading ids, link rewriting, the template engine); a new libcmark changes it by itself.
    static let engineVersion = "tiendo-engine-5"
    static let fingerprintVersion = engineVersion + "; cmark " + Markdown.libraryVersion

    /// A class: the build passes ten thousand of these between steps, and a copy is then one reference count.
    final class Rendered: Sendable {
        let file: OutputFile?
        let diagnostics: [Diagnostic]
        let cacheEntry: BuildCache.Entry?
        /// For a section page: its file name, the ids on it, and its links to places (see LinkCheck).
        let section: LinkCheck.Page?
        /// For a section page: its text for the search index (nil when the page was reused unbuilt) and the
        /// text's digest.
        let searchText: String?
        let searchTextDigest: DigestValue?
        /// Whether `cacheEntry` is the cache's own entry, reused as it was.
        let reusedEntry: Bool

        init(file: OutputFile?, diagnostics: [Diagnostic], cacheEntry: BuildCache.Entry? = nil,
             section: LinkCheck.Page? = nil, searchText: String? = nil, searchTextDigest: DigestValue? = nil,
             reusedEntry: Bool = false) {
            self.file = file
            self.diagnostics = diagnostics
            self.cacheEntry = cacheEntry
            self.section = section
            self.searchText = searchText
            self.searchTextDigest = searchTextDigest
            self.reusedEntry = reusedEntry
        }

        /// The same result with another file (the file once written: OutputWriter.FreshSpare).
        func with(file: OutputFile) -> Rendered {
            Rendered(file: file, diagnostics: diagnostics, cacheEntry: cacheEntry, section: section,
                     searchText: searchText, searchTextDigest: searchTextDigest, reusedEntry: reusedEntry)
        }
    }

    /// The file of the model's route at `position` (in `model.routes`).
    func render(at position: Int) -> Rendered {
        let route = model.routes[position]
        var sectionIndex: Int?
        if case .section(let slug) = route { sectionIndex = model.sectionIndex(slug: slug, routeAt: position) }
        let path = model.outputPrefix.isEmpty ? route.outputPath : model.outputPrefix + route.outputPath
        guard let template = route.template else {
            if route == .sitemap { return Rendered(file: sitemap(at: path), diagnostics: []) }
            return Rendered(file: Exports(model: model).data(for: route).map { OutputFile(path: path, data: $0) },
                            diagnostics: [])
        }
        let builder = PageBuilder(model: model)
        if let index = sectionIndex, let reused = reuseSection(at: index, path: path, builder: builder) {
            return reused
        }
        guard let draft = builder.draft(for: route) else { return Rendered(file: nil, diagnostics: []) }
        var layout = PageFrame(model: model).layout(for: draft)
        let theme = model.theme
        let hasErrors = draft.diagnostics.contains { $0.severity == .error }
        // A section page's recipe stands for everything it is made from (SectionRecipe), so it is the page's
        // fingerprint too: hashing the rendered body again would only repeat it.
        var recipe: DigestValue?
        if let index = sectionIndex, let dependencies = draft.dependencies, !hasErrors {
            recipe = SectionRecipe.recipe(at: index, dependencies: dependencies, builder: builder,
                                          prefix: recipePrefix,
                                          built: (draft.body as? SectionView).map { ($0, layout) })
        }
        let fingerprint: DigestValue
        if let recipe {
            fingerprint = recipe
        } else {
            var hasher = StableHasher()
            hasher.combine(Self.fingerprintVersion)
            hasher.combine(template)
            hasher.combine(theme.templateDigests[template] ?? "")
            hasher.combine(theme.templateDigests["layout"] ?? "")
            draft.body.fingerprint(into: &hasher)
            layout.frameFingerprint(into: &hasher)
            fingerprint = hasher.finalizeDigest()
        }
        let file: OutputFile
        if let entry = previous?.entries[path], entry.fingerprint == fingerprint {
            file = OutputFile(path: path, reusing: entry)
        } else {
            layout.content = theme.html(draft.body, template: template, text: model.text)
            file = OutputFile(path: path, bytes: theme.renderPage(layout, text: model.text),
                              fingerprint: fingerprint)
        }
        let searchTextDigest = sectionIndex.map { _ in SearchTexts.digest(draft.searchText ?? "") }
        var entry: BuildCache.Entry?
        if let index = sectionIndex, let searchTextDigest, let dependencies = draft.dependencies, let recipe {
            var section = model.content.sections[index]
            section.bodyBytes = nil
            entry = BuildCache.Entry(section: section, warnings: [], dependencies: dependencies, recipe: recipe,
                                     outputDigest: file.digest, anchors: draft.anchors,
                                     fragmentLinks: draft.fragmentLinks, searchTextDigest: searchTextDigest)
        }
        let page = sectionIndex.map {
            LinkCheck.Page(fileName: model.content.sections[$0].fileName, anchors: draft.anchors,
                           links: draft.fragmentLinks)
        }
        return Rendered(file: file, diagnostics: draft.diagnostics, cacheEntry: entry, section: page,
                        searchText: sectionIndex == nil ? nil : draft.searchText ?? "",
                        searchTextDigest: searchTextDigest)
    }

    /// The sitemap, reused when what its entries are made from is what it was made from (Sitemap.fingerprint).
    private func sitemap(at path: String) -> OutputFile {
        let sitemap = Sitemap(model: model)
        let fingerprint = sitemap.fingerprint()
        if let published = previous?.entries[path], published.fingerprint == fingerprint {
            return OutputFile(path: path, reusing: published)
        }
        return OutputFile(path: path, bytes: Array(sitemap.xml().utf8), fingerprint: fingerprint)
    }

    /// The published page of section `index`, when the cache says nothing it is made from has changed.
    private func reuseSection(at index: Int, path: String, builder: PageBuilder) -> Rendered? {
        let content = model.content
        let section = content.sections[index]
        guard let stamp = section.stamp,
              let cached = content.cacheEntry(ofSection: index) ?? cache?.entries[section.path],
              cached.section.stamp == stamp,
              let published = previous?.entries[path], published.digest == cached.outputDigest,
              reusesPlainSections && cached.dependencies.isEmpty
                || SectionRecipe.recipe(at: index, dependencies: cached.dependencies, builder: builder,
                                        prefix: recipePrefix) == cached.recipe
        else { return nil }
        return Rendered(file: OutputFile(path: path, reusing: published), diagnostics: [], cacheEntry: cached,
                        section: LinkCheck.Page(fileName: section.fileName, cached: cached), searchText: nil,
                        searchTextDigest: cached.searchTextDigest, reusedEntry: true)
    }
}
