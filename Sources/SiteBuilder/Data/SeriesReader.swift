import Indicators

/// Reads long-format tables: any data table with a column `ma_chi_tieu`. Each row is one indicator's figure for
/// one year (`nam`), for the whole province (`dia_ban` empty or absent) or one district (`dia_ban` a district
/// code); every other column holds numbers (`gia_tri`, or a ratio's numerator and denominator).
struct SeriesReader {
    static let required = [SeriesColumns.indicator, SeriesColumns.year]

    /// Indicators that take long-format rows, by lowercased id.
    let indicators: [String: IndicatorFile]
    let districts: Set<String>
    let reportingYear: Int
    let format: NumberFormat
    private(set) var rows: [SeriesRow] = []
    /// Where each (indicator, year, district) was first given, for duplicates.
    private var seen: [String: SourceLocation] = [:]
    /// Every column of every long-format table, for the check that a ratio's columns exist.
    private var columns: Set<String> = []

    init(indicators: [String: IndicatorFile], districts: Set<String>, reportingYear: Int, format: NumberFormat) {
        self.indicators = indicators
        self.districts = districts
        self.reportingYear = reportingYear
        self.format = format
    }

    /// False when the table's header is unusable (its rows are then not read).
    mutating func read(_ table: CSVTable, log: inout DiagnosticLog) -> Bool {
        guard table.validate(required: Self.required, log: &log),
              let idIndex = table.index(of: SeriesColumns.indicator), let yearIndex = table.index(of: SeriesColumns.year)
        else { return false }
        let districtIndex = table.index(of: SeriesColumns.district)
        columns.formUnion(table.header)
        for row in table.rows where row.cells.count == table.header.count {
            let cell = { (index: Int) in row.cells[index].trimmingWhitespace }
            let id = cell(idIndex)
            guard let indicator = indicators[id.lowercased()] else {
                let shown = CleanText.excerpt(id)
                log.error(Message(vi: "không có chỉ tiêu '\(shown)' lấy số liệu từ bảng dạng dài (method: series, "
                                      + "hoặc method: ratio với rows: series)",
                                  en: "no indicator '\(shown)' takes long-format rows (method: series, or method: "
                                      + "ratio with rows: series)")
                    + Suggestion.didYouMean(id, in: indicators.values.map(\.definition.id)),
                    at: table.location(of: row, column: idIndex))
                continue
            }
            let yearText = cell(yearIndex)
            guard let year = Int(yearText), yearText.allSatisfy(\.isASCIIDigit),
                  (DataFiles.earliestYear...reportingYear).contains(year) else {
                let shown = CleanText.excerpt(yearText)
                log.error("'nam' phải là một năm từ \(DataFiles.earliestYear) đến \(reportingYear) (reporting_year), "
                              + "không phải '\(shown)'",
                          en: "'nam' must be a year from \(DataFiles.earliestYear) to \(reportingYear) "
                              + "(reporting_year), not '\(shown)'", at: table.location(of: row, column: yearIndex))
                continue
            }
            var district: String?
            if let districtIndex, !cell(districtIndex).isEmpty {
                let code = cell(districtIndex)
                guard districts.contains(code) else {
                    log.error(Message(vi: "không có địa bàn '\(CleanText.excerpt(code))'",
                                      en: "unknown district '\(CleanText.excerpt(code))'")
                        + Suggestion.didYouMean(code, in: districts)
                        + Message(vi: "; để trống ô này cho số liệu toàn tỉnh",
                                  en: "; leave the cell empty for the whole province"),
                        at: table.location(of: row, column: districtIndex))
                    continue
                }
                district = code
            }
            let key = "\(id.lowercased())|\(year)|\(district ?? "")"
            let location = table.location(of: row, column: idIndex)
            if let first = seen[key] {
                let place = district.map { "địa bàn \($0)" } ?? "toàn tỉnh"
                log.error("chỉ tiêu '\(id)' đã có số liệu năm \(year) (\(place)) ở dòng \(first.line)",
                          en: "indicator '\(id)' already has a row for \(year) (\(district ?? "province")) on line "
                              + "\(first.line)", at: location)
                continue
            }
            seen[key] = location
            var values: [String: Double] = [:]
            for (index, name) in table.header.enumerated()
                where index != idIndex && index != yearIndex && index != districtIndex && !cell(index).isEmpty {
                let reading = row.numbers[index].map(NumberReader.Reading.value)
                    ?? NumberReader.read(cell(index), format: format)
                guard case .value(let value) = reading, value.isFinite, abs(value) <= Limits.largestValue else {
                    log.error(Message(vi: "'\(name)': ", en: "'\(name)': ")
                        + NumberReader.problem(cell(index), reading: reading, format: format),
                        at: table.location(of: row, column: index))
                    continue
                }
                if name == SeriesColumns.value, indicator.definition.isPercentage, !(0...100).contains(value) {
                    log.error("'\(name)' của chỉ tiêu '\(id)' là tỷ lệ phần trăm, phải từ 0 đến 100",
                              en: "'\(name)' of '\(id)' is a percentage and must be between 0 and 100",
                              at: table.location(of: row, column: index))
                    continue
                }
                values[name] = value
            }
            rows.append(SeriesRow(indicatorID: indicator.definition.id, year: year, district: district, values: values))
        }
        return true
    }

    /// Every row-based indicator's columns exist in some long-format table.
    func checkColumns(log: inout DiagnosticLog) {
        for indicator in indicators.values.sorted(by: { $0.path < $1.path }) {
            let definition = indicator.definition
            let needed: [(String, String)] = definition.method == .ratio
                ? [("numerator", definition.numerator ?? ""), ("denominator", definition.denominator ?? "")]
                : [("method", SeriesColumns.value)]
            for (key, column) in needed where !columns.contains(column) {
                log.error(Message(vi: "không bảng dạng dài nào (có cột ma_chi_tieu) có cột '\(column)'",
                                  en: "no long-format table (with a column ma_chi_tieu) has a column '\(column)'")
                    + Suggestion.didYouMean(column, in: columns),
                    at: indicator.keyLocations[key] ?? SourceLocation(path: indicator.path))
            }
        }
    }
}
