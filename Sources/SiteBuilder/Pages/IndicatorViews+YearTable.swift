import Indicators

extension IndicatorViews {
    /// The table by year: the value, the met count (shares) or the growth, how many facilities it rests on, and
    /// the notes a reader needs (DataNotes). A baseline the plan states for a year before the data is its first
    /// row, marked as the plan's.
    func yearTable(_ computed: ComputedIndicator, downloads: [LinkView]) -> TableView {
        let definition = computed.definition
        let showMet = definition.method == .share
        let showGrowth = definition.hasYearOnYearGrowth
        let showCoverage = definition.usesFacilities
        let unitHeader = definition.method == .share ? text[.tableShare]
            : text.format(definition.cumulative ? .tableCumulative : .tableValue, ["unit": definition.unit])
        var head = [HeadCellView(text: text[.tableYear], numeric: false), HeadCellView(text: unitHeader, numeric: true)]
        if showMet { head.append(HeadCellView(text: text[.tableMet], numeric: true)) }
        if showGrowth { head.append(HeadCellView(text: text[.tableGrowth], numeric: true)) }
        if showCoverage { head.append(HeadCellView(text: text[.tableCoverage], numeric: true)) }
        head.append(HeadCellView(text: text[.tableNote], numeric: false))
        let notes = DataNotes(definition: definition, text: text)
        let points = computed.series.points
        var rows: [RowView] = []
        let planValue = definition.baselineValue.map { ValueText.bare($0, definition: definition, text.numbers) }
        if let planValue, !points.contains(where: { $0.year == definition.baseline }) {
            let blanks = [showMet, showGrowth, showCoverage].filter { $0 }.map { _ in
                CellView(text: "–", numeric: true, badge: nil)
            }
            rows.append(RowView(header: text.format(.tablePlanBaselineYear, ["year": String(definition.baseline)]),
                                headerURL: nil, cells: [CellView(text: planValue, numeric: true, badge: nil)] + blanks
                                    + [CellView(text: text[.notePlanBaseline], numeric: false, badge: nil)]))
        }
        for point in points {
            var cells = [CellView(text: ValueText.bare(point.value, definition: definition, text.numbers), numeric: true,
                                  badge: nil)]
            if showMet {
                cells.append(CellView(text: point.numerator.map(text.numbers.integer) ?? "–", numeric: true,
                                      badge: nil))
            }
            if showGrowth {
                cells.append(CellView(text: ValueText.growth(point.yearOnYearGrowth, text.numbers), numeric: true,
                                      badge: nil))
            }
            if showCoverage {
                let coverage = "\(text.numbers.integer(point.reporting))/\(text.numbers.integer(point.registered))"
                cells.append(CellView(text: point.collected ? coverage : "–", numeric: true, badge: nil))
            }
            var rowNotes = notes.notes(for: point, in: points)
            if point.year == definition.baseline, let planValue {
                rowNotes.insert(text.format(.notePlanBaselineValue, ["value": planValue]), at: 0)
            }
            if let changes = model.changes,
               let revision = changes.entry(definition.id)?.revisions.first(where: { $0.year == point.year }) {
                rowNotes.append(text.format(.noteRevised, ["edition": String(changes.editionYear), "old": revision.old]))
            }
            cells.append(CellView(text: rowNotes.joined(separator: " "), numeric: false, badge: nil))
            let header = point.year == definition.baseline
                ? text.format(.tableBaselineYear, ["year": String(point.year)]) : String(point.year)
            rows.append(RowView(header: header, headerURL: nil, cells: cells))
        }
        return TableView(id: Self.yearTableID(definition.id),
                         caption: text.format(.yearTableCaption, ["id": definition.id, "title": computed.file.shortTitle]),
                         head: head, rows: rows, downloads: downloads, hasDownloads: true)
    }
}
