import Indicators

extension IndicatorViews {
    /// Groups × statuses: how many indicators stand in each status now.
    func overviewTable(from page: String) -> TableView {
        let statuses = StatusText.order
        let indicators = model.indicators
        func count(_ list: [ComputedIndicator], _ status: ProgressStatus) -> CellView {
            CellView(text: text.numbers.integer(list.filter { $0.current?.status == status }.count),
                     numeric: true, badge: nil)
        }
        var rows: [RowView] = []
        for group in model.groups {
            let members = model.members(of: group.code)
            let cells = statuses.map { count(members, $0) }
                + [CellView(text: text.numbers.integer(members.count), numeric: true, badge: nil)]
            rows.append(RowView(header: group.name, headerURL: Route.group(code: group.code).url(from: page),
                                cells: cells))
        }
        let totals = statuses.map { count(indicators, $0) }
            + [CellView(text: text.numbers.integer(indicators.count), numeric: true, badge: nil)]
        rows.append(RowView(header: text[.overviewAll], headerURL: nil, cells: totals))
        let head = [HeadCellView(text: text[.overviewGroup], numeric: false)]
            + statuses.map { HeadCellView(text: "\(StatusText.symbol($0)) \(StatusText.label($0, text))", numeric: true) }
            + [HeadCellView(text: text[.overviewTotal], numeric: true)]
        let milestoneYears = Set(indicators.compactMap { $0.current?.milestone.year }).sorted()
        let caption = text.format(.overviewCaption, [
            "years": milestoneYears.map(String.init).joined(separator: ", "),
            "year": String(model.site.reportingYear),
        ])
        return TableView(id: "tong-quan", caption: caption, head: head, rows: rows,
                         downloads: combinedDownloads(from: page), hasDownloads: true)
    }

    /// Links to the files that hold every indicator's figures, for the summary tables.
    func combinedDownloads(from page: String) -> [LinkView] {
        [Route.combined(.csv), Route.combined(.json)].map { route in
            LinkView(title: route.path.split(separator: "/").last.map(String.init) ?? route.path,
                     url: model.sharedURL(route, from: page))
        }
    }

    func groupView(_ group: Categories.Entry, from page: String) -> GroupView {
        let members = model.members(of: group.code)
        let years = Array(Set(members.flatMap { $0.definition.milestones.map(\.year) })).sorted()
        let head = [HeadCellView(text: text[.summaryIndicator], numeric: false),
                    HeadCellView(text: text[.summaryLatest], numeric: true)]
            + years.map { HeadCellView(text: text.format(.summaryTarget, ["year": String($0)]), numeric: true) }
            + [HeadCellView(text: text[.summaryStatus], numeric: false)]
        let rows = members.map { computed -> RowView in
            let definition = computed.definition
            let latest = computed.series.latest.map {
                "\(ValueText.value($0.value, definition: definition, text.numbers)) (\($0.year))"
            } ?? "–"
            let targets = years.map { year in
                CellView(text: definition.milestones.first { $0.year == year }
                    .map { ValueText.target($0, definition: definition, text, baseline: computed.baselineValue) } ?? "–",
                    numeric: true, badge: nil)
            }
            return RowView(header: "\(definition.id): \(computed.file.shortTitle)",
                           headerURL: Route.indicator(id: definition.id).url(from: page),
                           cells: [CellView(text: latest, numeric: true, badge: nil)] + targets
                               + [CellView(text: "", numeric: false, badge: status(computed.current?.status))])
        }
        let summary = TableView(id: IndicatorViews.summaryTableID(group.code),
                                caption: text.format(.summaryCaption, ["group": group.name]),
                                head: head, rows: rows, downloads: combinedDownloads(from: page), hasDownloads: true)
        return GroupView(code: group.code, name: group.name, url: Route.group(code: group.code).url(from: page),
                         summary: summary, indicators: members.map {
                             LinkView(title: "\($0.definition.id): \($0.file.shortTitle)",
                                      url: Route.indicator(id: $0.definition.id).url(from: page))
                         })
    }
}
