import Indicators

/// Views of indicators shared by several pages: the indicator block, group summaries and the overview table.
struct IndicatorViews {
    let model: SiteModel
    var text: InterfaceText { model.text }

    /// The ids an indicator block puts on a page: its heading and its two tables with their captions.
    static func blockIDs(ofIndicator id: String) -> [String] {
        let tables = [yearTableID(id), districtTableID(id)]
        return [anchor(ofIndicator: id)] + tables + tables.map { $0 + "-tieu-de" }
    }

    /// The ids a group block puts on a page: its summary table and caption.
    static func blockIDs(ofGroup code: String) -> [String] { [summaryTableID(code), summaryTableID(code) + "-tieu-de"] }

    static func anchor(ofIndicator id: String) -> String { "chi-tieu-\(id.lowercased())" }
    static func yearTableID(_ id: String) -> String { "bang-\(id.lowercased())-theo-nam" }
    static func districtTableID(_ id: String) -> String { "bang-\(id.lowercased())-theo-dia-ban" }
    static func summaryTableID(_ code: String) -> String { "tom-tat-\(code)" }

    func status(_ status: ProgressStatus?) -> StatusView {
        let status = status ?? .insufficientData
        return StatusView(code: status.rawValue, label: StatusText.label(status, text), symbol: StatusText.symbol(status))
    }

    func indicatorView(_ computed: ComputedIndicator, from page: String) -> IndicatorView {
        let definition = computed.definition
        let id = definition.id
        let milestones = computed.assessments.map { assessment in
            MilestoneView(year: assessment.milestone.year,
                          target: ValueText.target(assessment.milestone, definition: definition, text,
                                                   baseline: computed.baselineValue),
                          status: status(assessment.status),
                          sentence: StatusText.sentence(assessment, definition: definition, text))
        }
        func download(_ format: Route.DownloadFormat) -> LinkView {
            let route = Route.download(id: id, format: format)
            let name = route.path.split(separator: "/").last.map(String.init) ?? route.path
            return LinkView(title: name.replacingOccurrences(of: id.lowercased(), with: id),
                            url: model.sharedURL(route, from: page))
        }
        let downloads = [download(.csv), download(.json)]
        let editions = model.editions.reversed().compactMap { edition -> EditionLinkView? in
            guard let old = edition.indicators[id.lowercased()] else { return nil }
            return EditionLinkView(
                year: edition.year, url: Route.editionFile(year: edition.year, path: Route.indicator(id: id).path)
                    .url(from: page),
                value: old.latestText.map { text in old.latestYear.map { "\(text) (\($0))" } ?? text } ?? "–",
                status: old.status.flatMap(ProgressStatus.init(rawValue:)).map(status))
        }
        let revisions = model.changes?.entry(id).map { entry in
            EditionPages(model: model).lines(entry, edition: model.changes?.editionYear ?? 0)
        } ?? []
        let notes = DataNotes(definition: definition, text: text)
        let latestNotes = computed.series.latest.map { notes.notes(for: $0, in: computed.series.points) } ?? []
        let districtDownloads = [download(.districtCSV)]
        return IndicatorView(
            id: id, anchor: Self.anchor(ofIndicator: id), title: definition.title,
            url: Route.indicator(id: id).url(from: page),
            groupName: model.content.categories.name(ofGroup: definition.group),
            groupURL: Route.group(code: definition.group).url(from: page), unit: definition.unit,
            method: ValueText.method(definition, text), description: computed.file.description,
            planText: computed.file.planText, selection: selectionText(definition), baseline: definition.baseline,
            latestValue: ValueText.value(computed.series.latest?.value, definition: definition, text.numbers),
            latestYear: computed.series.latest.map { String($0.year) } ?? "–",
            status: status(computed.current?.status),
            statusSentence: computed.current.map { StatusText.sentence($0, definition: definition, text) } ?? "",
            dataNotes: latestNotes, hasDataNotes: !latestNotes.isEmpty,
            currentMilestoneYear: computed.current?.milestone.year ?? 0, milestones: milestones,
            chart: LineChart(indicator: computed, text: text, idPrefix: "bieu-do-\(id.lowercased())").render(),
            yearTable: yearTable(computed, downloads: downloads),
            districtTable: districtTable(computed, downloads: districtDownloads),
            downloads: downloads + districtDownloads, agency: computed.file.agency, source: computed.file.source,
            footnotes: computed.file.footnotes, hasFootnotes: !computed.file.footnotes.isEmpty,
            editions: editions, hasEditions: !editions.isEmpty, revisions: revisions, hasRevisions: !revisions.isEmpty,
            changesURL: Route.changes.url(from: page) + "#" + Self.anchor(ofIndicator: id),
            jsonLD: DataCatalog(model: model).schemaOrg(computed))
    }

    private func selectionText(_ definition: IndicatorDefinition) -> String {
        let categories = model.content.categories
        var parts: [String] = []
        if !definition.selection.kinds.isEmpty {
            parts.append(definition.selection.kinds.map(categories.name(ofKind:)).joined(separator: ", "))
        }
        if !definition.selection.levels.isEmpty {
            parts.append(definition.selection.levels.map(categories.name(ofLevel:)).joined(separator: ", ").lowercased())
        }
        if !definition.selection.districts.isEmpty {
            let names = definition.selection.districts.map(categories.name(ofDistrict:)).joined(separator: ", ")
            parts.append(text.format(.selectionIn, ["districts": names]))
        }
        return parts.isEmpty ? text[.selectionAll] : parts.joined(separator: " – ")
    }

    private func districtTable(_ computed: ComputedIndicator, downloads: [LinkView]) -> TableView {
        let definition = computed.definition
        let years = computed.series.points.map(\.year)
        let head = [HeadCellView(text: text[.tableDistrict], numeric: false)]
            + years.map { HeadCellView(text: "\($0)\(definition.method == .share ? " (%)" : "")", numeric: true) }
        let rows = model.content.categories.districts.compactMap { district -> RowView? in
            guard let points = computed.series.byDistrict[district.code] else { return nil }
            return RowView(header: district.name, headerURL: nil, cells: points.map {
                CellView(text: ValueText.bare($0.value, definition: definition, text.numbers), numeric: true, badge: nil)
            })
        }
        let unit = definition.method == .share ? text[.tableShareUnit] : definition.unit
        return TableView(id: Self.districtTableID(definition.id),
                         caption: text.format(.districtTableCaption, ["id": definition.id, "unit": unit]),
                         head: head, rows: rows, downloads: downloads, hasDownloads: true)
    }
}
