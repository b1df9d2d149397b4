import Foundation
import Indicators

extension SiteContent {
    /// Reads `data/`: the register `co-so.csv` (or `co-so.xlsx`) when an indicator selects facilities, and every
    /// other `.csv` file and `.xlsx` workbook (its first sheet, and any sheet an indicator names with `sheet:`).
    static func loadData(folder: ProjectFolder, indicators: [IndicatorFile], categories: Categories,
                         site: SiteConfig, log: inout DiagnosticLog) -> DataFiles? {
        let dataFiles = folder.files(in: "data", extensions: ["csv", "xlsx"])
        let facilityIndicators = indicators.filter(\.definition.usesFacilities)
        let rowIndicators = Dictionary(indicators.filter { !$0.definition.usesFacilities }
            .map { ($0.definition.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let registerStem = (DataFiles.registerName as NSString).deletingPathExtension
        let registerURL = dataFiles.first { ($0.lastPathComponent as NSString).deletingPathExtension == registerStem }
        if registerURL == nil && !facilityIndicators.isEmpty {
            log.error("thiếu danh sách cơ sở \(DataFiles.registerName)",
                      en: "the facility register \(DataFiles.registerName) is missing",
                      at: SourceLocation(path: folder.displayPath(folder.url.appendingPathComponent("data"))))
            return nil
        }
        var flags: [String: SourceLocation] = [:]
        var counts: [String: SourceLocation] = [:]
        for indicator in facilityIndicators {
            let definition = indicator.definition
            for condition in definition.conditions where flags[condition] == nil {
                flags[condition] = indicator.keyLocations["conditions"]
            }
            let countKeys = [("column", definition.column), ("numerator", definition.numerator),
                             ("denominator", definition.denominator)]
            for case let (key, column?) in countKeys where counts[column] == nil {
                counts[column] = indicator.keyLocations[key]
            }
        }
        let sheets = Set(indicators.compactMap(\.sheet))
        let register = registerURL.flatMap { tables(at: $0, folder: folder, sheets: []).first }
        let facts = dataFiles.filter { $0 != registerURL }.flatMap { tables(at: $0, folder: folder, sheets: sheets) }
        let allRead = facts.allSatisfy { if case .success = $0 { true } else { false } }
        return DataFiles.load(register: register, facts: facts, categories: categories,
                              reportingYear: site.reportingYear, numberFormat: site.numberFormat, allRead: allRead,
                              flagColumns: flags, countColumns: counts, rowIndicators: rowIndicators, log: &log)
    }

    /// The tables of one data file: a CSV file's one table, or the first sheet of a workbook and the named sheets
    /// it has.
    static func tables(at url: URL, folder: ProjectFolder, sheets: Set<String>) -> [Result<CSVTable, BuildFailure>] {
        do throws(BuildFailure) {
            if url.pathExtension.lowercased() == "xlsx" {
                try folder.checkReadable(url)
                let workbook = try XLSXWorkbook(url: url, path: folder.displayPath(url))
                return workbook.tables(first: true, named: sheets)
            }
            return [.success(try CSVTable.parse(folder.read(url)))]
        } catch {
            return [.failure(error)]
        }
    }
}
