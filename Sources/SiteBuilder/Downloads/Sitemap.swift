/// `sitemap.xml` (sitemaps.org 0.9): every page of the current site, of its English edition and of each
/// edition, and only real pages (not
/// the 404 page). `lastmod` comes from the data (`updated` in site.yaml, or 31 December of `reporting_year`) and,
/// for an edition, from its freezing date; never from the clock.
struct Sitemap {
    let model: SiteModel

    func xml() -> String { xml(entries()) }

    /// A hash of exactly what `entries` are made from (the base URL, the date, each page route's folder, the
    /// English edition's pages and each edition's files and date; the text around them is fixed), without making
    /// them: a sitemap whose fingerprint is the published one's is not made again (ten thousand addresses built
    /// and hashed on every build).
    func fingerprint() -> DigestValue {
        var hasher = StableHasher()
        hasher.combine("sitemap 2")
        hasher.combine(model.site.baseURL)
        hasher.combine(updated)
        for route in model.routes where route.isListedPage {
            // A section's folder is its slug and `/`: the slug stands for it (no string made).
            if case .section(let slug) = route {
                hasher.tag(1)
                hasher.combine(slug)
            } else {
                hasher.tag(2)
                hasher.combine(route.path)
            }
        }
        hasher.tag(3)
        if let english = model.otherLanguage, model.outputPrefix.isEmpty {
            hasher.combine(english.baseURL)
            hasher.combine(english.pages.count)
            for page in english.pages.sorted() { hasher.combine(page) }
        }
        hasher.tag(4)
        for edition in model.editions {
            hasher.combine(edition.year)
            hasher.combine(edition.frozenOn)
            hasher.combine(edition.files.count)
            for path in edition.files.keys.sorted() { hasher.combine(path) }
        }
        return hasher.finalizeDigest()
    }

    /// `updated` in site.yaml, or 31 December of `reporting_year`.
    private var updated: String { model.site.updated ?? "\(model.site.reportingYear)-12-31" }

    /// Every address with its date, in an order that is the same in every process (`xml` sorts them by address):
    /// the pages in route order, then the English edition's and each frozen edition's, sorted.
    func entries() -> [(String, String)] {
        let base = model.site.baseURL
        let updated = updated
        var entries: [(String, String)] = model.routes.compactMap { route in
            guard route.isListedPage else { return nil }
            return (base + route.path, updated)
        }
        if let english = model.otherLanguage, model.outputPrefix.isEmpty {
            entries += english.pages.sorted().map { (english.baseURL + $0, updated) }
        }
        for edition in model.editions {
            for path in edition.files.keys.sorted() where path.hasSuffix(".html") && path != "404.html" {
                let page = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
                entries.append((base + "\(edition.year)/" + page, edition.frozenOn))
            }
        }
        return entries
    }

    func xml(_ entries: [(String, String)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        // One string grown in place: ten thousand pages, on every build.
        xml.reserveCapacity(entries.count * (model.site.baseURL.utf8.count + 80))
        for (url, date) in entries.sorted(by: { $0.0 < $1.0 }) {
            xml.append("<url><loc>")
            xml.append(AtomFeed.escape(url))
            xml.append("</loc><lastmod>")
            xml.append(date)
            xml.append("</lastmod></url>\n")
        }
        return xml + "</urlset>\n"
    }
}
