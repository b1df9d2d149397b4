/// The layout around a page: head, navigation, breadcrumbs, footer. Links are relative to the page, except on
/// the 404 page, which the server shows at any address and so links from the site's root path.
struct PageFrame {
    let model: SiteModel

    func layout(for draft: PageDraft) -> LayoutView {
        let site = model.site
        let route = draft.route
        let path = route.path
        let absolute = route == .notFound
        let rootPath = model.rootPath
        func link(_ target: String) -> String {
            absolute ? rootPath + target : Route.relative(from: path, to: target)
        }
        // Keyed by what the shared frame depends on: the 404 page, the home page, or the depth of any other page.
        let key = absolute ? -1 : path.isEmpty ? 0 : 1 + Route.depth(of: path)
        let shared = model.frames.frame(key) { sharedFrame(page: path, absolute: absolute) }
        let text = model.text
        let crumbs = draft.breadcrumbs.isEmpty ? [] : [CrumbView(title: text[.navHome], url: link(""), isPage: false)]
            + draft.breadcrumbs.map { CrumbView(title: $0.title, url: link($0.url), isPage: $0.url == path) }
        let page = PageFrameFields(
            pageTitle: route == .home ? site.title : "\(draft.title) – \(site.title)",
            description: draft.description.isEmpty ? site.description : draft.description,
            canonicalURL: site.baseURL + (route == .notFound ? route.outputPath : path), ogType: draft.ogType,
            currentNav: shared.frame.navTargets.map { $0.isCurrent(route: route, path: path, absolute: absolute) },
            breadcrumbs: crumbs,
            archive: model.edition.map { edition in
                // The same page of the current site: one level above the edition's root.
                ArchiveBannerView(year: edition.year, reportingYear: site.reportingYear,
                                  currentURL: absolute ? PageFrame.parent(of: rootPath)
                                      : link(model.sharedPrefix + "../" + model.outputPrefix + path))
            },
            languageSwitch: absolute ? nil : languageSwitch(path: path, link: link),
            alternates: absolute ? [] : alternates(path: path))
        return LayoutView(sharedRef: shared, page: page, content: HTML())
    }

    private var navTargets: [NavTarget] {
        var targets: [NavTarget] = [.home]
        for menu in model.site.menu {
            if let (_, section) = model.section(fileName: menu) {
                targets.append(.section(path: Route.section(slug: section.slug).path, title: section.title))
            }
        }
        if !model.indicators.isEmpty { targets += [.indicators, .data] }
        if !model.content.tasks.isEmpty { targets.append(.tasks) }
        return targets
    }

    /// The frame every page at the depth of `page` shares (`absolute`: the 404 page, linked from the root path).
    private func sharedFrame(page path: String, absolute: Bool) -> SharedFrame {
        let site = model.site
        let text = model.text
        let rootPath = model.rootPath
        let rootPrefix = absolute ? rootPath : (path.isEmpty ? "" : Route.relative(from: path, to: ""))
        func link(_ target: String) -> String {
            absolute ? rootPath + target : Route.relative(from: path, to: target)
        }
        let targets = navTargets
        let nav = targets.map { target -> LinkView in
            switch target {
            case .home: LinkView(title: text[.navHome], url: link(""))
            case let .section(target, title): LinkView(title: title, url: link(target))
            case .indicators: LinkView(title: text[.navIndicators], url: link(Route.indicatorsFolder))
            case .data: LinkView(title: text[.navData], url: link(Route.dataFolder))
            case .tasks: LinkView(title: text[.navTasks], url: link(Route.tasksFolder))
            }
        }
        var frame = SharedFrame(
            lang: site.language, siteTitle: site.title, planNumber: site.plan.number, publisher: site.publisher,
            sampleData: site.sampleData, reportingYear: site.reportingYear, text: text, root: rootPrefix,
            homeURL: link(""), feedURL: model.changes == nil ? nil : link(Route.changesFeed.path),
            updatesFeedURL: link(Route.updatesFeed.path),
            editionsURL: model.editions.isEmpty ? nil : link(Route.editionsFolder),
            changesURL: model.changes == nil ? nil : link(Route.changesFolder),
            assetsRoot: absolute ? rootPath
                : model.sharedPrefix.isEmpty ? rootPrefix : Route.relative(from: path, to: model.sharedPrefix),
            nav: nav, navTargets: targets)
        frame.seal()
        return frame
    }

    private func languageSwitch(path: String, link: (String) -> String) -> LanguageSwitchView? {
        guard let other = model.otherLanguage else { return nil }
        let available = other.pages.contains(path)
        return LanguageSwitchView(lang: other.code, label: other.text.entries[available ? "language_name" : "language_home"]
                                      ?? other.code,
                                  url: link(other.root + (available ? path : "")), available: available)
    }

    /// Both languages' addresses of a page that has a translation, in language order; none without one.
    private func alternates(path: String) -> [AlternateView] {
        guard let other = model.otherLanguage, other.pages.contains(path) else { return [] }
        return [AlternateView(lang: model.site.language, url: model.site.baseURL + path),
                AlternateView(lang: other.code, url: other.baseURL + path)].sorted { $0.lang < $1.lang }
    }

    /// `/bao-cao/2024/` → `/bao-cao/`.
    static func parent(of rootPath: String) -> String {
        let parts = rootPath.split(separator: "/").dropLast()
        return "/" + parts.map { $0 + "/" }.joined()
    }

    /// The path part of the base URL, ending in `/`: `https://x.gov.vn/bao-cao/` → `/bao-cao/`.
    static func rootPath(of baseURL: String) -> String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = String(rest[slash...].prefix { $0 != "?" && $0 != "#" })
        return path.hasSuffix("/") ? path : path + "/"
    }
}
