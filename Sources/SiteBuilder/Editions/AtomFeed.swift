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
                                                                                "date": VietnameseDate.display($0.date) ?? $0.date]) }
                                    ?? "", link))
            }
        }
        entries.sort { ($0.date, $0.id) > ($1.date, $1.id) }
        let updated = entries.map(\.date).max() ?? dataDate
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"
        xml += "<id>\(escape(base + Route.changes.path))</id>\n<title>\(escape(text[.changesTitle] + " – " + site.title))</title>\n"
        xml += "<updated>\(updated)T00:00:00Z</updated>\n"
        xml += "<link rel=\"self\" href=\"\(escape(base + Route.changesFeed.path))\"/>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(base + Route.changes.path))\"/>\n"
        xml += "<author><name>\(escape(site.publisher.isEmpty ? site.title : site.publisher))</name></author>\n"
        for entry in entries {
            xml += "<entry>\n<id>\(escape(entry.id))</id>\n<title>\(escape(entry.title))</title>\n"
            xml += "<updated>\(entry.date)T00:00:00Z</updated>\n<link href=\"\(escape(entry.link))\"/>\n"
            if !entry.summary.isEmpty { xml += "<summary>\(escape(entry.summary))</summary>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
