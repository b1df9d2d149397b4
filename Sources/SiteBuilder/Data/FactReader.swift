import Indicators

/// Reads the rows of one yearly-facts table into observations, checking every cell.
struct FactReader {
    /// The register's ids; nil when the register could not be read (facility ids are then not checked).
    var facilityIDs: Set<String>?
    var reportingYear: Int
    var format: NumberFormat
    /// Yes/no columns some indicator uses, with where it names them.
    var flagColumns: [String: SourceLocation]
    /// Count columns some indicator uses, with where it names them.
    var countColumns: [String: SourceLocation]

    func read(_ table: CSVTable, into observations: inout [String: Observation], log: inout DiagnosticLog) {
        guard let yearIndex = table.index(of: "nam"), let idIndex = table.index(of: "ma_co_so") else { return }
        var seen: [String: Int] = [:]
        for row in table.rows where row.cells.count == table.header.count {
            let yearText = row.cells[yearIndex].trimmingWhitespace
            let id = row.cells[idIndex].trimmingWhitespace
            let shownYear = CleanText.excerpt(yearText)
            guard let year = Int(yearText), yearText.allSatisfy(\.isASCIIDigit) else {
                log.error("'nam' phải là một năm viết bằng chữ số, ví dụ 2024, không phải '\(shownYear)'",
                          en: "'nam' must be a year such as 2024, not '\(shownYear)'",
                          at: table.location(of: row, column: yearIndex))
                continue
            }
            let earliest = DataFiles.earliestYear
            guard (earliest...reportingYear).contains(year) else {
                log.error("năm \(year) nằm ngoài khoảng \(earliest)–\(reportingYear) của số liệu (reporting_year "
                              + "trong site.yaml)",
                          en: "year \(year) is outside the data's range \(earliest)–\(reportingYear) "
                              + "(reporting_year in site.yaml)", at: table.location(of: row, column: yearIndex))
                continue
            }
            if let facilityIDs, !facilityIDs.contains(id) {
                let shown = CleanText.excerpt(id)
                log.error(Message(vi: "không có cơ sở '\(shown)'", en: "unknown facility '\(shown)'")
                    + Suggestion.didYouMean(id, in: facilityIDs)
                    + Message(vi: "; các cơ sở được liệt kê trong \(DataFiles.registerName)",
                              en: "; facilities are listed in \(DataFiles.registerName)"),
                    at: table.location(of: row, column: idIndex))
                continue
            }
            let key = "\(year)|\(id)"
            if let first = seen[key] {
                log.error("cơ sở '\(id)' đã có một dòng cho năm \(year) ở dòng \(first)",
                          en: "facility '\(id)' already has a row for \(year) on line \(first)",
                          at: table.location(of: row, column: idIndex))
                continue
            }
            seen[key] = row.line
            var observation = observations[key] ?? Observation(facilityID: id, year: year)
            for (index, column) in table.header.enumerated() where index != yearIndex && index != idIndex {
                let text = row.cells[index].trimmingWhitespace
                if text.isEmpty { continue }
                let location = table.location(of: row, column: index)
                if flagColumns[column] != nil {
                    guard let flag = YesNo.parse(text) else {
                        log.error(YesNo.problem(column: column, text: text), at: location)
                        continue
                    }
                    observation.flags[column] = flag
                } else if countColumns[column] != nil,
                          let count = count(text, typed: row.numbers[index], column: column, at: location, log: &log) {
                    observation.counts[column] = count
                }
            }
            observations[key] = observation
        }
    }

    /// A count: a number in the site's number format, not negative, at most Limits.largestValue.
    /// `typed`: the number a workbook stores in the cell, read as it is.
    private func count(_ text: String, typed: Double?, column: String, at location: SourceLocation,
                       log: inout DiagnosticLog) -> Double? {
        let reading = typed.map(NumberReader.Reading.value) ?? NumberReader.read(text, format: format)
        guard case .value(let count) = reading, count.isFinite else {
            log.error(Message(vi: "'\(column)': ", en: "'\(column)': ")
                + NumberReader.problem(text, reading: reading, format: format), at: location)
            return nil
        }
        guard count >= 0 else {
            log.error("'\(column)' không được là số âm", en: "'\(column)' cannot be negative", at: location)
            return nil
        }
        guard count <= Limits.largestValue else {
            log.error("'\(column)' quá lớn: tối đa 1.000.000.000.000.000",
                      en: "'\(column)' is too large: at most 1.000.000.000.000.000", at: location)
            return nil
        }
        return count
    }
}
