import Foundation
import ZIPFoundation

/// Writes a small `.xlsx` workbook for tests, the way Excel stores one: text in shared strings, numbers as numbers.
enum XLSXFixture {
    enum Cell {
        case text(String)
        case number(Double)
        case raw(String, type: String)
    }

    static func workbook(sheets: [(name: String, rows: [[Cell?]])]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var shared: [String] = []
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        var parts: [(String, String)] = []
        for (index, sheet) in sheets.enumerated() {
            var xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            for (rowIndex, row) in sheet.rows.enumerated() {
                xml += "<row r=\"\(rowIndex + 1)\">"
                for (column, cell) in row.enumerated() {
                    guard let cell else { continue }
                    let reference = letters(column + 1) + String(rowIndex + 1)
                    switch cell {
                    case .text(let text):
                        shared.append(text)
                        xml += "<c r=\"\(reference)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
                    case .number(let value):
                        xml += "<c r=\"\(reference)\"><v>\(value.rounded() == value ? String(Int(value)) : String(value))</v></c>"
                    case let .raw(value, type):
                        xml += "<c r=\"\(reference)\" t=\"\(type)\"><v>\(escape(value))</v></c>"
                    }
                }
                xml += "</row>"
            }
            parts.append(("xl/worksheets/sheet\(index + 1).xml", xml + "</sheetData></worksheet>"))
        }
        let sheetList = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        let relations = sheets.indices.map { index in
            "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }.joined()
        parts += [
            ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + sheetList + "</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\">" + relations + "</Relationships>"),
            ("xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + shared.map { "<si><t>\(escape($0))</t></si>" }.joined() + "</sst>"),
        ]
        for (path, xml) in parts {
            let data = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// The cells of a CSV text, numbers where a cell reads as one.
    static func rows(fromCSV text: String) -> [[Cell?]] {
        text.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { cell -> Cell? in
                let text = String(cell)
                if text.isEmpty { return nil }
                if let value = Double(text), !text.contains("=") { return .number(value) }
                return .text(text)
            }
        }
    }

    private static func letters(_ column: Int) -> String {
        var column = column
        var text = ""
        while column > 0 {
            text = String(UnicodeScalar(UInt8(65 + (column - 1) % 26))) + text
            column = (column - 1) / 26
        }
        return text
    }
}
