import Foundation

/// Writes CSV that is safe to open in a spreadsheet.
///
/// A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return could run as a formula; it gets a leading
/// `'` so the spreadsheet shows it as text. A plain number such as `-3.5` is a number, not a formula, and is
/// written as is so it stays a number. A cell holding a comma, a double quote or a line break is quoted, each of
/// those bytes looked for in its UTF-8 (so a line break written CR LF, or a comma followed by a combining mark, is
/// quoted too: as characters, they are neither), and its double quotes doubled.
enum CSVWriter {
    static func write(header: [String], rows: [[String]]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (rows.count + 1))
        for row in CollectionOfOne(header) + rows {
            for (index, value) in row.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendCell(value, to: &bytes)
            }
            bytes.append(contentsOf: [0x0D, 0x0A])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func neutralise(_ value: String) -> String {
        guard let first = value.utf8.first, formulaStarts.contains(first), !isPlainNumber(value) else { return value }
        return "'" + value
    }

    /// The first bytes that make a cell a formula (`=`, `+`, `-`, `@`, tab, carriage return).
    private static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    private static func appendCell(_ value: String, to bytes: inout [UInt8]) {
        let safe = neutralise(value).utf8
        guard safe.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return bytes.append(contentsOf: safe)
        }
        bytes.append(0x22)
        for byte in safe {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
    }

    private static func isPlainNumber(_ value: String) -> Bool {
        var body = Substring(value)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
