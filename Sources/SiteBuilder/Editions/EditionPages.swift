import Indicators

/// Builds the editions page, the changes page and its lines, from the model.
struct EditionPages {
    let model: SiteModel
    var text: InterfaceText { model.text }

    func editionsPage() -> PageDraft {
        let page = Route.editions.path
        let editions = model.editions.reversed().map { edition in
            EditionSummaryView(year: edition.year, reportingYear: edition.reportingYear,
                               frozenOn: text.date(edition.frozenOn),
                               url: Route.editionFile(year: edition.year, path: "").url(from: page))
        }
        let view = EditionsPageView(editions: editions, changesURL: Route.changes.url(from: page))
        return PageDraft(route: .editions, body: view, title: text[.editionsTitle],
                         description: text[.editionsDescription],
                         breadcrumbs: [LinkView(title: text[.editionsTitle], url: page)])
    }

    func changesPage() -> PageDraft {
        let page = Route.changes.path
        let year = model.changes?.editionYear ?? 0
        let entries = (model.changes?.entries ?? []).map { entry in
            ChangeEntryView(anchor: IndicatorViews.anchor(ofIndicator: entry.id), title: "\(entry.id): \(entry.title)",
                            url: Route.indicator(id: entry.id).url(from: page), lines: lines(entry, edition: year))
        }
        let view = ChangesPageView(editionYear: year, editionURL: Route.editionFile(year: year, path: "").url(from: page),
                                   entries: entries, hasEntries: !entries.isEmpty,
                                   feedURL: Route.changesFeed.url(from: page))
        return PageDraft(route: .changes, body: view, title: text[.changesTitle], description: text[.changesDescription],
                         breadcrumbs: [LinkView(title: text[.changesTitle], url: page)])
    }

    /// One sentence per change of an indicator, in the theme's words (`change_*`).
    func lines(_ entry: ChangeLog.Entry, edition: Int) -> [String] {
        var lines: [String] = []
        if entry.isNew { lines.append(text.format(.changeNewIndicator, ["edition": String(edition)])) }
        for revision in entry.revisions {
            var line = text.format(.changeRevised, ["year": String(revision.year), "old": revision.old,
                                                    "new": revision.new, "edition": String(edition)])
            if let note = revision.note {
                line += " " + text.format(.changeReason, ["reason": note.reason,
                                                          "date": text.date(note.date)])
            }
            lines.append(line)
        }
        if !entry.newYears.isEmpty {
            lines.append(text.format(.changeNewYears, ["years": entry.newYears.map(String.init).joined(separator: ", ")]))
        }
        for change in entry.statusChanges {
            lines.append(text.format(.changeStatus, [
                "year": String(change.milestoneYear),
                "old": change.old.map { StatusText.label($0, text) } ?? "–", "new": StatusText.label(change.new, text),
            ]))
        }
        if entry.targetsChanged { lines.append(text.format(.changeTargets, ["edition": String(edition)])) }
        return lines
    }
}
