import Foundation
import SWXMLHash
import ZIPFoundation

/// An `.xlsx` workbook read as data tables: each sheet becomes a table like a CSV file, with cells as Excel stores
/// them (text, shared strings, numbers, booleans as 1/0, dates as YYYY-MM-DD) and each row at its Excel row number,
/// so errors point at `file.xlsx:ROW:COLUMN`. Read with ZIPFoundation; the small parts (workbook, relationships,
/// styles) with SWXMLHash, the sheets and shared strings with Foundation's streaming XMLParser (XLSXSheetParser),
/// because a tree of a large sheet would take hundreds of megabytes.
struct XLSXWorkbook {
    let path: String
    private let archive: Archive
    /// Sheet names in workbook order, with the part each is stored in.
    let sheets: [(name: String, part: String)]
    private let sharedStrings: [String]
    /// Style index → whether the cell's number format shows a date.
    private let dateStyles: Set<Int>
    private let date1904: Bool

    /// - Parameter url: the workbook, read from the file: ZIPFoundation's in-memory archives crash on some damaged
    ///   files (a range fault in `MemoryFile.readData`), its file-backed ones report an error.
    init(url: URL, path: String) throws(BuildFailure) {
        self.path = path
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw Self.failure(path, Message(vi: "không mở được tệp Excel này (tệp .xlsx hỏng hoặc không phải .xlsx); "
                                                 + "hãy lưu lại bằng Excel dưới dạng \"Excel Workbook (.xlsx)\"",
                                             en: "this Excel file cannot be opened (a damaged or not an .xlsx file); "
                                                 + "save it again in Excel as \"Excel Workbook (.xlsx)\""))
        }
        let workbook = XMLHash.parse(try Self.part("xl/workbook.xml", of: archive, path: path, required: true))
        let relations = XMLHash.parse(try Self.part("xl/_rels/workbook.xml.rels", of: archive, path: path, required: true))
        var targets: [String: String] = [:]
        for relation in relations["Relationships"]["Relationship"].all {
            guard let id = relation.element?.attribute(by: "Id")?.text,
                  let target = relation.element?.attribute(by: "Target")?.text else { continue }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        sheets = workbook["workbook"]["sheets"]["sheet"].all.compactMap { sheet in
            guard let name = sheet.element?.attribute(by: "name")?.text,
                  let id = sheet.element?.attribute(by: "r:id")?.text, let part = targets[id] else { return nil }
            return (name, part)
        }
        date1904 = ["1", "true"].contains(workbook["workbook"]["workbookPr"].element?.attribute(by: "date1904")?.text)
        let strings = try Self.part("xl/sharedStrings.xml", of: archive, path: path, required: false)
        sharedStrings = strings.isEmpty ? [] : XLSXSheetParser.sharedStrings(strings)
        let styles = try Self.part("xl/styles.xml", of: archive, path: path, required: false)
        dateStyles = styles.isEmpty ? [] : Self.dateStyles(XMLHash.parse(styles))
    }

    /// The sheets whose names are in `named` (those an indicator names with `sheet:`), or when the workbook has
    /// none of them, its first sheet (when `first`), as tables.
    func tables(first: Bool, named: Set<String>) -> [Result<CSVTable, BuildFailure>] {
        let chosen = sheets.contains { named.contains($0.name) }
        return sheets.enumerated().filter { chosen ? named.contains($0.element.name) : first && $0.offset == 0 }
            .map { _, sheet in
            do throws(BuildFailure) {
                return .success(try table(sheet.name, part: sheet.part))
            } catch {
                return .failure(error)
            }
        }
    }

    private func table(_ name: String, part: String) throws(BuildFailure) -> CSVTable {
        let xml = try Self.part(part, of: archive, path: path, required: true)
        let parsed = XLSXSheetParser.cells(xml, sharedStrings: sharedStrings)
        if let problem = parsed.problem { throw Self.failure(path, problem) }
        var rows = parsed.rows.map { row -> CSVTable.Row in
            var result = CSVTable.Row(line: row.number, cells: [], columns: [])
            let width = (row.cells.keys.max() ?? 0)
            for column in 1...max(width, 1) {
                var text = ""
                if let cell = row.cells[column] {
                    switch cell {
                    case .text(let value): text = value
                    case .number(let value, let style):
                        if dateStyles.contains(style), let date = XLSXDate.iso(serial: value, date1904: date1904) {
                            text = date
                        } else {
                            text = XLSXDate.plain(value)
                            result.numbers[column - 1] = value
                        }
                    }
                }
                result.cells.append(text)
                result.columns.append(column)
            }
            return result
        }
        rows.removeAll { $0.cells.allSatisfy { $0.trimmingWhitespace.isEmpty } }
        guard let headerRow = rows.first else {
            throw Self.failure(path, Message(vi: "trang tính '\(name)' trống; dòng đầu phải là dòng tiêu đề cột",
                                             en: "the sheet '\(name)' is empty; it needs a header row"))
        }
        // Cells right of the header's last name are trailing blanks unless they hold something.
        let header = headerRow.cells.map { $0.trimmingWhitespace }
        let width = (header.lastIndex { !$0.isEmpty } ?? 0) + 1
        let body = rows.dropFirst().map { row -> CSVTable.Row in
            var row = row
            while row.cells.count > width, row.cells.last?.trimmingWhitespace.isEmpty == true {
                row.cells.removeLast()
                row.columns.removeLast()
            }
            while row.cells.count < width {
                row.cells.append("")
                row.columns.append(row.cells.count)
            }
            return row
        }
        let stem = ((path.split(separator: "/").last.map(String.init) ?? path) as NSString).deletingPathExtension
        let first = sheets.first?.name == name
        return CSVTable(path: path, sheet: name, downloadName: stem + (first ? "" : "-" + Slug.make(name)) + ".csv",
                        header: Array(header.prefix(width)), headerRow: headerRow, rows: Array(body))
    }

    /// One part of the archive, unzipped, at most Limits.workbookPartBytes; empty when absent and not required.
    private static func part(_ name: String, of archive: Archive, path: String,
                             required: Bool) throws(BuildFailure) -> Data {
        guard let entry = archive[name] else {
            if !required { return Data() }
            throw failure(path, Message(vi: "tệp Excel thiếu phần '\(name)'; hãy lưu lại bằng Excel dưới dạng .xlsx",
                                        en: "the Excel file lacks its part '\(name)'; save it again in Excel as .xlsx"))
        }
        guard entry.uncompressedSize <= UInt64(Limits.workbookPartBytes) else {
            throw failure(path, Message(vi: "một trang tính quá lớn khi giải nén (hơn "
                                            + "\(Limits.megabytes(Limits.workbookPartBytes)))",
                                        en: "a sheet is too large once unzipped (over "
                                            + "\(Limits.megabytes(Limits.workbookPartBytes)))"))
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if data.count > Limits.workbookPartBytes { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            throw failure(path, Message(vi: "không giải nén được phần '\(name)' của tệp Excel",
                                        en: "the part '\(name)' of the Excel file cannot be unzipped"))
        }
        // Foundation's XMLParser traps on element names that are not UTF-8; Excel writes every part in UTF-8.
        guard String(validating: data, as: UTF8.self) != nil else {
            throw failure(path, Message(vi: "phần '\(name)' của tệp Excel bị hỏng (không phải văn bản UTF-8); hãy lưu "
                                            + "lại bằng Excel",
                                        en: "the part '\(name)' of the Excel file is damaged (not UTF-8 text); save it "
                                            + "again in Excel"))
        }
        return data
    }

    /// Styles (`cellXfs` indexes) whose number format is a date: the built-in date formats and custom formats
    /// with day, month or year codes outside quotes and brackets.
    private static func dateStyles(_ styles: XMLIndexer) -> Set<Int> {
        var custom: [Int: String] = [:]
        for format in styles["styleSheet"]["numFmts"]["numFmt"].all {
            if let id = format.element?.attribute(by: "numFmtId").flatMap({ Int($0.text) }),
               let code = format.element?.attribute(by: "formatCode")?.text { custom[id] = code }
        }
        var result: Set<Int> = []
        for (index, xf) in styles["styleSheet"]["cellXfs"]["xf"].all.enumerated() {
            guard let id = xf.element?.attribute(by: "numFmtId").flatMap({ Int($0.text) }) else { continue }
            if (14...22).contains(id) || (45...47).contains(id) || custom[id].map(XLSXDate.isDateFormat) == true {
                result.insert(index)
            }
        }
        return result
    }

    static func failure(_ path: String, _ message: Message) -> BuildFailure {
        BuildFailure(diagnostics: [Diagnostic(path: path, line: 0, column: 0, message: message)])
    }
}
