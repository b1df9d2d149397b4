import Foundation
import Indicators

/// The facility register (`co-so.csv`) and the yearly facts (every other CSV in `Content/data/`), read and checked.
struct DataFiles: Sendable {
    /// Name of the register file.
    static let registerName = "co-so.csv"
    static let registerColumns = ["ma", "ten", "loai", "cap", "dia_ban"]
    static let factKeyColumns = ["nam", "ma_co_so"]
    static let earliestYear = Limits.years.lowerBound

    var dataset: Dataset
    /// The raw files, as read, for the downloads.
    var tables: [CSVTable]

    /// - Parameters:
    ///   - flagColumns: yes/no columns some indicator uses, with where it names them.
    ///   - countColumns: count columns some indicator uses, with where it names them.
    ///   - allRead: every data file could be read; when one could not, its columns are not reported as missing.
    ///   - register: the register parsed (nil when no indicator needs one and there is none).
    ///   - facts: every other data table, parsed (a `.csv` file, or a sheet of an `.xlsx` workbook).
    ///   - rowIndicators: indicators whose figures come from long-format rows, by lowercased id.
    static func load(register: Result<CSVTable, BuildFailure>?, facts: [Result<CSVTable, BuildFailure>],
                     categories: Categories, reportingYear: Int, numberFormat: NumberFormat, allRead: Bool = true,
                     flagColumns: [String: SourceLocation], countColumns: [String: SourceLocation],
                     rowIndicators: [String: IndicatorFile] = [:], log: inout DiagnosticLog) -> DataFiles? {
        let before = log.errors.count
        var tables: [CSVTable] = []
        var facilities: [Facility] = []
        // Every id listed in the register, even on a row with other errors, so facts do not repeat those errors;
        // nil when the register itself could not be read, so its one error is not followed by one per fact row.
        var facilityIDs: Set<String>?
        switch register {
        case .success(let table)?:
            tables.append(table)
            let start = log.diagnostics.count
            defer { table.nameCells(from: start, in: &log) }
            if table.validate(required: registerColumns, log: &log), let idColumn = table.index(of: "ma") {
                facilities = readRegister(table, categories: categories, log: &log)
                facilityIDs = Set(table.rows.filter { $0.cells.count == table.header.count }
                    .map { $0.cells[idColumn].trimmingWhitespace })
            }
        case .failure(let failure)?:
            log.append(contentsOf: failure.diagnostics)
        case nil:
            break
        }
        var observations: [String: Observation] = [:]
        var columnOwner: [String: String] = [:]
        var complete = allRead
        let reader = FactReader(facilityIDs: facilityIDs, reportingYear: reportingYear, format: numberFormat,
                                flagColumns: flagColumns, countColumns: countColumns)
        var rows = SeriesReader(indicators: rowIndicators, districts: Set(categories.districts.map(\.code)),
                                reportingYear: reportingYear, format: numberFormat)
        for parsed in facts {
            do {
                let table = try parsed.get()
                tables.append(table)
                let start = log.diagnostics.count
                defer { table.nameCells(from: start, in: &log) }
                if table.header.contains(SeriesColumns.indicator) {
                    if !rows.read(table, log: &log) { complete = false }
                    continue
                }
                guard table.validate(required: factKeyColumns, log: &log) else {
                    complete = false
                    continue
                }
                for (index, name) in table.header.enumerated() where !factKeyColumns.contains(name) {
                    if let owner = columnOwner[name] {
                        log.error("cột '\(name)' đã có trong \(owner); mỗi cột chỉ được nằm trong một tệp",
                                  en: "column '\(name)' is already in \(owner); a column may live in one file only",
                                  at: table.location(line: 1, column: index, row: table.headerRow))
                    }
                    columnOwner[name] = table.path
                }
                reader.read(table, into: &observations, log: &log)
            } catch {
                complete = false
                log.append(contentsOf: error.diagnostics)
            }
        }
        // A file that could not be read hides its columns: saying they are missing would only mislead.
        for (column, location) in flagColumns.merging(countColumns, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key })
            where columnOwner[column] == nil && complete {
            log.error(Message(vi: "không tệp dữ liệu nào có cột '\(column)'", en: "no data file has a column '\(column)'")
                + Suggestion.didYouMean(column, in: columnOwner.keys), at: location)
        }
        for column in Set(flagColumns.keys).intersection(countColumns.keys).sorted() {
            if let location = countColumns[column] {
                log.error("cột '\(column)' vừa được dùng làm cột có/không (conditions) vừa làm cột số (column)",
                          en: "column '\(column)' is used both as yes/no (conditions) and as a count (column)",
                          at: location)
            }
        }
        if complete { rows.checkColumns(log: &log) }
        guard log.errors.count == before else { return nil }
        let sorted = observations.values.sorted { ($0.year, $0.facilityID) < ($1.year, $1.facilityID) }
        return DataFiles(dataset: Dataset(facilities: facilities, observations: sorted, series: rows.rows),
                         tables: tables)
    }

    private static func readRegister(_ table: CSVTable, categories: Categories,
                                     log: inout DiagnosticLog) -> [Facility] {
        let columns = registerColumns.map { table.index(of: $0) ?? 0 }
        var seen: [String: Int] = [:]
        var facilities: [Facility] = []
        for row in table.rows where row.cells.count == table.header.count {
            let values = columns.map { row.cells[$0].trimmingWhitespace }
            let (id, name, kind, level, district) = (values[0], values[1], values[2], values[3], values[4])
            var ok = true
            if id.isEmpty || name.isEmpty {
                let key = id.isEmpty ? "ma" : "ten"
                log.error("ô '\(key)' đang trống", en: "'\(key)' is empty",
                          at: table.location(of: row, column: columns[id.isEmpty ? 0 : 1]))
                ok = false
            } else if let first = seen[id] {
                log.error("cơ sở '\(id)' đã có ở dòng \(first)", en: "facility '\(id)' is already listed on line \(first)",
                          at: table.location(of: row, column: columns[0]))
                ok = false
            }
            let checks: [(String, Int, [Categories.Entry], String, String)] = [
                (kind, columns[2], categories.kinds, "kind", "loại"), (level, columns[3], categories.levels, "level", "cấp"),
                (district, columns[4], categories.districts, "district", "địa bàn"),
            ]
            for (code, index, entries, what, vi) in checks where !entries.contains(where: { $0.code == code }) {
                log.error(Message(vi: "không có \(vi) '\(code)'", en: "unknown \(what) '\(code)'")
                    + Suggestion.didYouMean(code, in: entries.map(\.code))
                    + Message(vi: "; các mã \(vi) được liệt kê trong categories.yaml",
                              en: "; \(what)s are listed in categories.yaml"),
                    at: table.location(of: row, column: index))
                ok = false
            }
            seen[id] = seen[id] ?? row.line
            if ok { facilities.append(Facility(id: id, name: name, kind: kind, level: level, district: district)) }
        }
        return facilities
    }
}
