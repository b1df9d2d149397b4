/// Decides, without reading or rendering a section, whether its page would come out as last time.
///
/// A section page is a function of its body text, of how each thing the body refers to resolves (links to other
/// sections, inline figures, indicator and group blocks), of its title, summary and neighbours, of the frame
/// around it and of the templates. When the page is rendered, the builder records the body's references in
/// order; the recipe hashes the body's digest with each recorded reference resolved against the current model,
/// and the section's view and frame with the body replaced by that hash. Equal recipes mean equal pages, so the
/// page's published bytes are reused. A changed body changes the digest; a reference added to the body changes
/// the digest too, so the recorded list is always complete for an unchanged body.
enum SectionRecipe {
    static func dependency(_ reference: MarkdownReference) -> String {
        switch reference {
        case let .sectionLink(fileName, fragment): "L" + fileName + (fragment.map { "#" + $0 } ?? "")
        case .figure(let text): "F" + text
        }
    }

    static func indicatorBlock(_ id: String) -> String { "I" + id }
    static func groupBlock(_ code: String) -> String { "G" + code }
    static func taskBlock(_ fileName: String) -> String { "T" + fileName }

    /// What every section page's recipe starts with (the engine and the templates a section page can use), hashed
    /// once per build: `recipe` continues from a copy of it.
    static func prefix(theme: Theme) -> StableHasher {
        var hasher = StableHasher()
        hasher.combine(RouteRenderer.fingerprintVersion)
        hasher.combine("section-recipe")
        for template in ["section", "layout", "indicator-block", "group-summary", "task-list"] {
            hasher.combine(theme.templateDigests[template] ?? "")
        }
        return hasher.hashedSoFar()
    }

    /// `built` is the page just built from the section, when there is one: its neighbours and its frame are the
    /// ones the recipe would make (a section's frame depends on its route, title and summary, not on its body),
    /// so they are not made again.
    static func recipe(at index: Int, dependencies: [String], builder: PageBuilder, prefix: StableHasher,
                       built: (view: SectionView, layout: LayoutView)? = nil) -> DigestValue {
        let model = builder.model
        let section = model.content.sections[index]
        let (previous, next) = built.map { ($0.view.previous, $0.view.next) } ?? builder.neighbours(of: index)
        let bodyKey = self.bodyKey(section, dependencies: dependencies, builder: builder)
        let shallow = SectionView(title: section.title, summary: section.summary, toc: [], hasToc: false,
                                  body: HTML(bodyKey), previous: previous, next: next)
        let layout = built?.layout
            ?? PageFrame(model: model).layout(for: builder.sectionDraft(at: index, view: shallow))
        var hasher = prefix.continued()
        shallow.fingerprint(into: &hasher)
        layout.frameFingerprint(into: &hasher)
        return hasher.finalizeDigest()
    }

    /// Whether a section page whose body refers to nothing may be reused without computing its recipe: when no
    /// input file but the data tables changed since the cache was written (InputStamps), such a page is made
    /// from its own file, its neighbours', the site's settings, the interface text and the theme, all unchanged,
    /// so its recipe is the one recorded. As a guard against anything else reaching every such page (the frame
    /// showing a figure, say), the recipes of up to 16 of them, spread over the sections, are computed and must
    /// equal the recorded ones.
    static func dataOnlyShortcut(model: SiteModel, cache: BuildCache?, prefix: StableHasher) -> Bool {
        guard let cache, cache.inputsUnchanged else { return false }
        let sections = model.content.sections
        let builder = PageBuilder(model: model)
        var sampled = 0
        for index in stride(from: 0, to: sections.count, by: max(1, sections.count / 16)) {
            let section = sections[index]
            guard let stamp = section.stamp, let cached = cache.entries[section.path], cached.section.stamp == stamp,
                  cached.dependencies.isEmpty else { continue }
            guard recipe(at: index, dependencies: [], builder: builder, prefix: prefix) == cached.recipe else {
                return false
            }
            sampled += 1
        }
        return sampled > 0
    }

    /// What the page's body is made from. Without references the body stands for itself (its digest and path);
    /// with them, a hash of the digest and each reference resolved against the current model.
    private static func bodyKey(_ section: Section, dependencies: [String], builder: PageBuilder) -> String {
        if dependencies.isEmpty { return "D" + section.bodyDigest + "|" + section.path }
        let model = builder.model
        let path = Route.section(slug: section.slug).path
        let references = FigureReferences(model: model, page: path)
        var body = StableHasher()
        body.combine(section.bodyDigest)
        body.combine(section.path)
        for dependency in dependencies {
            body.combine(dependency)
            let rest = String(dependency.dropFirst())
            switch dependency.first {
            case "L":
                let parts = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                combine(references.resolve(.sectionLink(fileName: String(parts[0]), fragment: fragment)), into: &body)
            case "F":
                combine(references.resolve(.figure(rest)), into: &body)
            case "I":
                if let computed = model.indicator(rest) {
                    builder.views.indicatorView(computed, from: path).fingerprint(into: &body)
                } else {
                    body.tag(0)
                }
            case "G":
                if let group = model.group(rest) {
                    builder.views.groupView(group, from: path).fingerprint(into: &body)
                } else {
                    body.tag(0)
                }
            case "T":
                TaskViewBuilder(model: model).list(section: rest, from: path).view.fingerprint(into: &body)
            default:
                body.tag(9)
            }
        }
        return "H" + body.finalize()
    }

    private static func combine(_ resolution: MarkdownResolution, into hasher: inout StableHasher) {
        switch resolution {
        case .url(let url):
            hasher.tag(1)
            hasher.combine(url)
        case let .figure(text, url, title):
            hasher.tag(2)
            hasher.combine(text)
            hasher.combine(url)
            hasher.combine(title)
        case .failure(let message):
            hasher.tag(3)
            hasher.combine(message.vi)
            hasher.combine(message.en)
        }
    }
}
