import Foundation

/// `thay-doi/atom.xml` (RFC 4287): one entry per data update (new years of data) and one per corrected figure,
/// dated from the data (`updated` in site.yaml) or the correction's own date, never the clock.
struct AtomFeed {
    let model: SiteModel

    func xml() -> String {
        let site = model.site
        let base = site.baseURL
        let changes = model.changes
        let text = model.text
        var entries: [(id: String, title: String, date: String, summary: String, link: String)] = []
        let dataDate = changes?.dataDate ?? "\(site.reportingYear)-12-31"
        let pages = EditionPages(model: model)
        for entry in changes?.entries ?? [] {
            let link = base + Route.changes.path + "#" + IndicatorViews.anchor(ofIndicator: entry.id)
            if !entry.newYears.isEmpty || entry.isNew {
                let years = entry.newYears.map(String.init).joined(separator: ", ")
                entries.append((link + "-du-lieu-" + (years.isEmpty ? "moi" : years.replacingOccurrences(of: ", ", with: "-")),
                                text.format(.feedDataUpdate, ["id": entry.id, "title": entry.title, "years": years]),
                                dataDate, pages.lines(entry, edition: changes?.editionYear ?? 0).joined(separator: " "),
                                link))
            }
            for revision in entry.revisions {
                entries.append((link + "-\(revision.year)",
                                text.format(.feedCorrection, ["id": entry.id, "year": String(revision.year),
                                                              "old": revision.old, "new": revision.new]),
                                revision.note?.date ?? dataDate,
                                revision.note.map { text.format(.changeReason, ["reason": $0.reason,
                                                                                "date": text.date($0.date)]) }
                                    ?? "", link))
            }
        }
        return Self.document(id: base + Route.changes.path, title: text[.changesTitle] + " – " + site.title,
                             selfURL: base + Route.changesFeed.path, pageURL: base + Route.changes.path,
                             author: site.publisher.isEmpty ? site.title : site.publisher, fallbackDate: dataDate,
                             entries: entries, language: site.language)
    }

    typealias Entry = (id: String, title: String, date: String, summary: String, link: String)

    /// An Atom document: entries newest first, the feed dated by its newest entry.
    static func document(id: String, title: String, selfURL: String, pageURL: String, author: String,
                         fallbackDate: String, entries: [Entry], language: String) -> String {
        let entries = entries.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
        let updated = entries.map(\.date).max() ?? fallbackDate
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(language))\">\n"
        xml += "<id>\(escape(id))</id>\n<title>\(escape(title))</title>\n<updated>\(updated)T00:00:00Z</updated>\n"
        xml += "<link rel=\"self\" href=\"\(escape(selfURL))\"/>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(pageURL))\"/>\n"
        xml += "<author><name>\(escape(author))</name></author>\n"
        for entry in entries {
            xml += "<entry>\n<id>\(escape(entry.id))</id>\n<title>\(escape(entry.title))</title>\n"
            xml += "<updated>\(entry.date)T00:00:00Z</updated>\n<link href=\"\(escape(entry.link))\"/>\n"
            if !entry.summary.isEmpty { xml += "<summary>\(escape(entry.summary))</summary>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// XML text and attribute values: the theme's HTML escaping is also valid XML.
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}

/// `atom.xml`: the report's updates — its current data year, each frozen edition, and each section added since
/// the latest edition — dated from the data and the editions, never the clock.
struct ReportFeed {
    let model: SiteModel

    func xml() -> String {
        let site = model.site
        let base = site.baseURL
        let dataDate = site.updated ?? "\(site.reportingYear)-12-31"
        var entries: [AtomFeed.Entry] = [(base + "#so-lieu-\(site.reportingYear)",
                                          model.text.format(.feedDataYear, ["year": String(site.reportingYear)]),
                                          dataDate, site.description, base)]
        for edition in model.editions {
            let link = base + Route.editionFile(year: edition.year, path: "").path
            entries.append((link, model.text.format(.feedEdition, ["year": String(edition.year)]), edition.frozenOn,
                            "", link))
        }
        if let latest = model.editions.last {
            for section in model.content.sections where latest.files[Route.section(slug: section.slug).outputPath] == nil {
                let link = base + Route.section(slug: section.slug).path
                entries.append((link, model.text.format(.feedSection, ["title": section.title]), dataDate,
                                section.summary ?? "", link))
            }
        }
        return AtomFeed.document(id: base + Route.updatesFeed.path, title: site.title, selfURL: base + Route.updatesFeed.path,
                                 pageURL: base, author: site.publisher.isEmpty ? site.title : site.publisher,
                                 fallbackDate: dataDate, entries: entries, language: site.language)
    }
}
