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
    static func load(register: SourceFile, facts: [SourceFile], categories: Categories, reportingYear: Int,
                     flagColumns: [String: SourceLocation], countColumns: [String: SourceLocation],
                     log: inout DiagnosticLog) -> DataFiles? {
        let before = log.errors.count
        var tables: [CSVTable] = []
        var facilities: [Facility] = []
        // Every id listed in the register, even on a row with other errors, so facts do not repeat those errors.
        var facilityIDs: Set<String> = []
        do {
            let table = try CSVTable.parse(register)
            tables.append(table)
            if table.validate(required: registerColumns, log: &log), let idColumn = table.index(of: "ma") {
                facilities = readRegister(table, categories: categories, log: &log)
                facilityIDs = Set(table.rows.filter { $0.cells.count == table.header.count }
                    .map { $0.cells[idColumn].trimmingCharacters(in: .whitespaces) })
            }
        } catch {
            log.append(contentsOf: error.diagnostics)
        }
        var observations: [String: Observation] = [:]
        var columnOwner: [String: String] = [:]
        for file in facts {
            do {
                let table = try CSVTable.parse(file)
                tables.append(table)
                guard table.validate(required: factKeyColumns, log: &log) else { continue }
                for (index, name) in table.header.enumerated() where !factKeyColumns.contains(name) {
                    if let owner = columnOwner[name] {
                        log.error("column '\(name)' is already in \(owner); a column may live in one file only",
                                  at: table.location(line: 1, column: index, row: table.rows.first))
                    }
                    columnOwner[name] = file.path
                }
                readFacts(table, facilityIDs: facilityIDs, reportingYear: reportingYear, flagColumns: flagColumns,
                          countColumns: countColumns, into: &observations, log: &log)
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        for (column, location) in flagColumns.merging(countColumns, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key })
            where columnOwner[column] == nil && log.errors.count == before {
            let known = columnOwner.keys
            log.error("no data file has a column '\(column)'\(Suggestion.didYouMean(column, in: known))", at: location)
        }
        for column in Set(flagColumns.keys).intersection(countColumns.keys).sorted() {
            if let location = countColumns[column] {
                log.error("column '\(column)' is used both as yes/no (conditions) and as a count (column)",
                          at: location)
            }
        }
        guard log.errors.count == before else { return nil }
        let sorted = observations.values.sorted { ($0.year, $0.facilityID) < ($1.year, $1.facilityID) }
        return DataFiles(dataset: Dataset(facilities: facilities, observations: sorted), tables: tables)
    }

    private static func readRegister(_ table: CSVTable, categories: Categories,
                                     log: inout DiagnosticLog) -> [Facility] {
        let columns = registerColumns.map { table.index(of: $0) ?? 0 }
        var seen: [String: Int] = [:]
        var facilities: [Facility] = []
        for row in table.rows where row.cells.count == table.header.count {
            let values = columns.map { row.cells[$0].trimmingCharacters(in: .whitespaces) }
            let (id, name, kind, level, district) = (values[0], values[1], values[2], values[3], values[4])
            var ok = true
            if id.isEmpty || name.isEmpty {
                log.error("'\(id.isEmpty ? "ma" : "ten")' is empty", at: table.location(of: row, column: columns[id.isEmpty ? 0 : 1]))
                ok = false
            } else if let first = seen[id] {
                log.error("facility '\(id)' is already listed on line \(first)", at: table.location(of: row, column: columns[0]))
                ok = false
            }
            let checks: [(String, Int, [Categories.Entry], String)] = [
                (kind, columns[2], categories.kinds, "kind"), (level, columns[3], categories.levels, "level"),
                (district, columns[4], categories.districts, "district"),
            ]
            for (code, index, entries, what) in checks where !entries.contains(where: { $0.code == code }) {
                log.error("unknown \(what) '\(code)'\(Suggestion.didYouMean(code, in: entries.map(\.code)))"
                    + "; \(what)s are listed in categories.yaml", at: table.location(of: row, column: index))
                ok = false
            }
            seen[id] = seen[id] ?? row.line
            if ok { facilities.append(Facility(id: id, name: name, kind: kind, level: level, district: district)) }
        }
        return facilities
    }

    private static func readFacts(_ table: CSVTable, facilityIDs: Set<String>, reportingYear: Int,
                                  flagColumns: [String: SourceLocation], countColumns: [String: SourceLocation],
                                  into observations: inout [String: Observation], log: inout DiagnosticLog) {
        guard let yearIndex = table.index(of: "nam"), let idIndex = table.index(of: "ma_co_so") else { return }
        var seen: [String: Int] = [:]
        for row in table.rows where row.cells.count == table.header.count {
            let yearText = row.cells[yearIndex].trimmingCharacters(in: .whitespaces)
            let id = row.cells[idIndex].trimmingCharacters(in: .whitespaces)
            guard let year = Int(yearText) else {
                log.error("'nam' must be a year such as 2024, not '\(yearText)'",
                          at: table.location(of: row, column: yearIndex))
                continue
            }
            guard (earliestYear...reportingYear).contains(year) else {
                log.error("year \(year) is outside the data's range \(earliestYear)–\(reportingYear) "
                    + "(reporting_year in site.yaml)", at: table.location(of: row, column: yearIndex))
                continue
            }
            guard facilityIDs.contains(id) else {
                log.error("unknown facility '\(id)'\(Suggestion.didYouMean(id, in: facilityIDs)); facilities are "
                    + "listed in \(registerName)", at: table.location(of: row, column: idIndex))
                continue
            }
            let key = "\(year)|\(id)"
            if let first = seen[key] {
                log.error("facility '\(id)' already has a row for \(year) on line \(first)",
                          at: table.location(of: row, column: idIndex))
                continue
            }
            seen[key] = row.line
            var observation = observations[key] ?? Observation(facilityID: id, year: year)
            for (index, column) in table.header.enumerated() where index != yearIndex && index != idIndex {
                let text = row.cells[index].trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                if flagColumns[column] != nil {
                    guard let flag = YesNo.parse(text) else {
                        log.error("'\(column)' must be có or không (or yes/no, true/false), not '\(text)'",
                                  at: table.location(of: row, column: index))
                        continue
                    }
                    observation.flags[column] = flag
                } else if countColumns[column] != nil {
                    guard let count = Double(text.replacingOccurrences(of: "_", with: "")), count.isFinite else {
                        log.error("'\(column)' must be a number written with digits only (e.g. 12500), not '\(text)'",
                                  at: table.location(of: row, column: index))
                        continue
                    }
                    guard count >= 0 else {
                        log.error("'\(column)' cannot be negative", at: table.location(of: row, column: index))
                        continue
                    }
                    guard count <= Limits.largestValue else {
                        log.error("'\(column)' is too large: at most 1.000.000.000.000.000",
                                  at: table.location(of: row, column: index))
                        continue
                    }
                    observation.counts[column] = count
                }
            }
            observations[key] = observation
        }
    }
}

/// Yes/no cells: `có`/`không`, `yes`/`no`, `true`/`false`, `1`/`0`, in any case.
enum YesNo {
    static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "có", "co", "yes", "true", "1", "x": true
        case "không", "khong", "no", "false", "0": false
        default: nil
        }
    }
}
