import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams a worksheet (`<sheetData><row r="2"><c r="B2" t="s" s="3"><v>0</v></c>…`) or the shared strings
/// (`<sst><si><t>…</t></si>…`) with Foundation's XMLParser, keeping only the cells.
final class XLSXSheetParser: NSObject, XMLParserDelegate {
    enum Cell {
        case text(String)
        /// A number and the cell's style index (to tell dates).
        case number(Double, style: Int)
    }

    struct Row {
        var number: Int
        var cells: [Int: Cell] = [:]
    }

    private var rows: [Row] = []
    private var strings: [String] = []
    private var sharedStrings: [String] = []
    private var problem: Message?
    // The cell being read.
    private var reference: String?
    private var type: String?
    private var style = 0
    private var text = ""
    private var inValue = false
    private var inText = false
    private var inPhonetic = false

    /// The rows of a sheet, or the first problem (a formula error, a shared string out of range, bad XML).
    static func cells(_ data: Data, sharedStrings: [String]) -> (rows: [Row], problem: Message?) {
        let delegate = XLSXSheetParser()
        delegate.sharedStrings = sharedStrings
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        if !parser.parse(), delegate.problem == nil {
            delegate.problem = Message(vi: "trang tính không đọc được (XML hỏng); hãy lưu lại bằng Excel",
                                       en: "the sheet cannot be read (damaged XML); save it again in Excel")
        }
        return (delegate.rows, delegate.problem)
    }

    /// The workbook's shared strings, rich text runs joined, phonetic runs left out.
    static func sharedStrings(_ data: Data) -> [String] {
        let delegate = XLSXSheetParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? ((rows.last?.number ?? 0) + 1)
            rows.append(Row(number: number))
        case "c":
            reference = attributes["r"]
            type = attributes["t"]
            style = attributes["s"].flatMap(Int.init) ?? 0
            text = ""
        case "v": inValue = true
        case "si": text = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue || inText { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v": inValue = false
        case "t": inText = false
        case "rPh": inPhonetic = false
        case "si": strings.append(text)
        case "c": endCell(parser)
        default: break
        }
    }

    private func endCell(_ parser: XMLParser) {
        defer { reference = nil }
        guard !rows.isEmpty else { return }
        let column = reference.flatMap(XLSXDate.column) ?? ((rows[rows.count - 1].cells.keys.max() ?? 0) + 1)
        let place = reference ?? "?"
        let cell: XLSXSheetParser.Cell?
        switch type {
        case "s":
            guard let index = Int(text), sharedStrings.indices.contains(index) else {
                fail(parser, Message(vi: "ô \(place) trỏ tới một chuỗi không có trong tệp", en: "cell \(place) refers "
                    + "to a missing shared string"))
                return
            }
            cell = .text(sharedStrings[index])
        case "str", "inlineStr": cell = .text(text)
        case "b": cell = .text(text == "1" ? "1" : "0")
        case "e":
            fail(parser, Message(vi: "ô \(place) có lỗi công thức \(text); hãy sửa công thức hoặc ghi giá trị",
                                 en: "cell \(place) holds the formula error \(text); fix the formula or type the value"))
            return
        default:
            if text.isEmpty { cell = nil } else if let value = Double(text), value.isFinite {
                cell = .number(value, style: style)
            } else {
                cell = .text(text)
            }
        }
        if let cell { rows[rows.count - 1].cells[column] = cell }
    }

    private func fail(_ parser: XMLParser, _ message: Message) {
        problem = message
        parser.abortParsing()
    }
}
