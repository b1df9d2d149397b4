/// `sitemap.xml` (sitemaps.org 0.9): every page of the current site, of its English edition and of each
/// edition, and only real pages (not
/// the 404 page). `lastmod` comes from the data (`updated` in site.yaml, or 31 December of `reporting_year`) and,
/// for an edition, from its freezing date; never from the clock.
struct Sitemap {
    let model: SiteModel

    func xml() -> String { xml(entries()) }

    /// A hash of exactly what `xml` writes (the entries; the text around them is fixed): a sitemap whose
    /// fingerprint is the published one's is not written again (ten thousand addresses sorted on every build).
    func fingerprint(_ entries: [(String, String)]) -> DigestValue {
        var hasher = StableHasher()
        hasher.combine("sitemap 1")
        hasher.combine(entries.count)
        for (url, date) in entries {
            hasher.combine(url)
            hasher.combine(date)
        }
        return hasher.finalizeDigest()
    }

    /// Every address with its date, in an order that is the same in every process (`xml` sorts them by address):
    /// the pages in route order, then the English edition's and each frozen edition's, sorted.
    func entries() -> [(String, String)] {
        let base = model.site.baseURL
        let updated = model.site.updated ?? "\(model.site.reportingYear)-12-31"
        var entries: [(String, String)] = model.routes.compactMap { route in
            guard route.template != nil, route != .notFound else { return nil }
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
