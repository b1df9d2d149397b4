import Foundation

/// A CSV file (RFC 4180: commas, double-quoted fields, `""` for a quote inside one), with the line each
/// record starts on. The header is line 1.
///
/// Written here rather than taken from SwiftCSV or CSV.swift because every error must name the line and
/// column of the cell at fault, and neither library reports positions.
struct CSVTable: Sendable {
    struct Row: Sendable {
        var line: Int
        var cells: [String]
        /// Column (in Unicode scalars) where each cell starts.
        var columns: [Int]
        /// Cells a workbook stores as numbers, by index: read as they are, whatever `number_format` says.
        var numbers: [Int: Double] = [:]
    }

    var path: String
    /// The sheet of an `.xlsx` workbook this table comes from; nil for a CSV file.
    var sheet: String?
    /// The name of its copy in `du-lieu/goc/`: the CSV file's name, or the workbook's name with `.csv` (and the
    /// sheet's slug for a sheet other than the first).
    var downloadName: String
    var header: [String]
    /// The header as a row, for the columns of its cells.
    var headerRow: Row
    var rows: [Row]

    static func parse(_ file: SourceFile) throws(BuildFailure) -> CSVTable {
        var records: [Row] = []
        var cells: [String] = []
        var columns: [Int] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var column = 1
        var recordLine = 1
        var cellColumn = 1
        var quoteLine = 1
        var quoteColumn = 1
        var afterQuote = false
        var diagnostics: [Diagnostic] = []

        func endCell() {
            cells.append(cell)
            columns.append(cellColumn)
            cell = ""
            afterQuote = false
        }
        var scalars = file.text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        cell.unicodeScalars.append("\"")
                        pending = scalars.next()
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty && !afterQuote:
                inQuotes = true
                quoteLine = line
                quoteColumn = column
            case ",":
                endCell()
                cellColumn = column + 1
            case "\n":
                endCell()
                if !(cells.count == 1 && cells[0].isEmpty) {
                    records.append(Row(line: recordLine, cells: cells, columns: columns))
                }
                cells = []
                columns = []
                line += 1
                column = 0
                recordLine = line
                cellColumn = 1
            case "\r":
                break
            default:
                if afterQuote {
                    diagnostics.append(Diagnostic(
                        path: file.path, line: line, column: column,
                        "có chữ sau dấu ngoặc kép đóng; hãy đặt cả ô trong ngoặc kép",
                        en: "text after a closing quote; put the whole cell in quotes"))
                    afterQuote = false
                }
                cell.unicodeScalars.append(scalar)
            }
            column += 1
        }
        if inQuotes {
            diagnostics.append(Diagnostic(path: file.path, line: quoteLine, column: quoteColumn,
                                          "ô mở ngoặc kép ở đây nhưng không đóng ngoặc",
                                          en: "a quoted cell is never closed with \""))
        } else if !cell.isEmpty || !cells.isEmpty || afterQuote {
            endCell()
            records.append(Row(line: recordLine, cells: cells, columns: columns))
        }
        if let first = records.first, let separator = wrongSeparator(in: first.cells) {
            // One root cause, one error: every other row would fail the same way.
            throw BuildFailure(diagnostics: [Diagnostic(path: file.path, line: first.line, column: 1,
                                                        message: separator)])
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        guard let first = records.first else {
            throw BuildFailure(diagnostics: [Diagnostic(path: file.path, line: 1, column: 1,
                                                        "tệp đang trống; dòng đầu phải là dòng tiêu đề cột",
                                                        en: "the file is empty; it needs a header row")])
        }
        let header = first.cells.map { $0.trimmingWhitespace }
        // Rows whose cells are all blank (spreadsheets leave them at the end) carry nothing: skipped.
        let rows = records.dropFirst().filter { row in
            !row.cells.allSatisfy { $0.trimmingWhitespace.isEmpty }
        }
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        return CSVTable(path: file.path, sheet: nil, downloadName: name, header: header, headerRow: first, rows: rows)
    }

    /// A header of one cell that holds `;` or a tab: the file was saved with another separator.
    private static func wrongSeparator(in header: [String]) -> Message? {
        guard header.count == 1, let cell = header.first else { return nil }
        if cell.contains(";") {
            return Message(vi: "dòng này dùng dấu chấm phẩy (;) để ngăn cách ô; hãy lưu lại dưới dạng CSV UTF-8 "
                               + "(dấu phẩy)",
                           en: "this line separates cells with semicolons (;); save the file again as CSV UTF-8 "
                               + "(comma delimited)")
        }
        if cell.contains("\t") {
            return Message(vi: "dòng này dùng dấu Tab để ngăn cách ô; hãy lưu lại dưới dạng CSV UTF-8 (dấu phẩy)",
                           en: "this line separates cells with tabs; save the file again as CSV UTF-8 "
                               + "(comma delimited)")
        }
        return nil
    }

    /// Checks the header has each required column once, and every row has as many cells as the header.
    func validate(required: [String], log: inout DiagnosticLog) -> Bool {
        let before = log.errors.count
        var seen: Set<String> = []
        for (index, name) in header.enumerated() where !seen.insert(name).inserted {
            log.error("cột '\(name)' xuất hiện hai lần ở dòng tiêu đề", en: "column '\(name)' appears twice in the header",
                      at: location(line: 1, column: index, row: headerRow))
        }
        for name in required where !header.contains(name) {
            let missing = Message(vi: "dòng tiêu đề không có cột '\(name)'", en: "the header has no column '\(name)'")
            if let near = Suggestion.nearest(to: name, in: header.filter { !required.contains($0) }),
               let index = header.firstIndex(of: near) {
                log.error(missing + Message(vi: "; hãy đổi tên cột '\(near)' thành '\(name)' (chữ thường, không dấu)",
                                            en: "; rename the column '\(near)' to '\(name)' (lower case, no accents)"),
                          at: location(line: 1, column: index, row: headerRow))
            } else {
                log.error(missing, at: SourceLocation(path: path, line: 1, column: 1))
            }
        }
        for row in rows where row.cells.count != header.count {
            log.error("dòng này có \(row.cells.count) ô nhưng dòng tiêu đề có \(header.count) cột",
                      en: "this row has \(row.cells.count) cells but the header has \(header.count) columns",
                      at: SourceLocation(path: path, line: row.line, column: 1))
        }
        return log.errors.count == before
    }

    func index(of column: String) -> Int? { header.firstIndex(of: column) }

    func location(line: Int, column index: Int, row: Row?) -> SourceLocation {
        SourceLocation(path: path, line: line, column: row.map { index < $0.columns.count ? $0.columns[index] : 1 }
            ?? 1)
    }

    func location(of row: Row, column index: Int) -> SourceLocation {
        location(line: row.line, column: index, row: row)
    }

    /// For a workbook sheet, adds the cell's A1 name and the sheet to each diagnostic at a cell of this table
    /// recorded since `start`: `… (ô B5, trang tính 'Số liệu')`. A CSV file's diagnostics stay as they are.
    func nameCells(from start: Int, in log: inout DiagnosticLog) {
        guard let sheet else { return }
        log.amend(from: start) { diagnostic in
            guard diagnostic.path == path, diagnostic.line > 0, diagnostic.column > 0 else { return }
            let cell = XLSXDate.letters(diagnostic.column) + String(diagnostic.line)
            diagnostic.message = diagnostic.message
                + Message(vi: " (ô \(cell), trang tính '\(sheet)')", en: " (cell \(cell), sheet '\(sheet)')")
        }
    }
}
