import Foundation
import Indicators

/// Excel's cell references, serial dates and number formats.
enum XLSXDate {
    /// `B12` → 2 (the column, 1-based); nil when the reference has no letters.
    static func column(_ reference: String) -> Int? {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            column = column * 26 + Int(scalar.value - 64)
            if column > 16_384 { return nil }
        }
        return column > 0 ? column : nil
    }

    /// 2 → `B`, 28 → `AB`.
    static func letters(_ column: Int) -> String {
        var column = column
        var text = ""
        while column > 0 {
            let remainder = (column - 1) % 26
            text = String(UnicodeScalar(UInt8(65 + remainder))) + text
            column = (column - 1) / 26
        }
        return text
    }

    /// A number as plain text: whole numbers without decimals (`2024`), others with a dot (`12.5`).
    static func plain(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return VietnameseNumber.plain(value, maxFractionDigits: 6)
    }

    /// A serial date (days since 1899-12-30, or 1904-01-01) as `YYYY-MM-DD`.
    static func iso(serial: Double, date1904: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let origin = date1904 ? DateComponents(year: 1904, month: 1, day: 1) : DateComponents(year: 1899, month: 12, day: 30)
        guard let start = calendar.date(from: origin),
              let date = calendar.date(byAdding: .day, value: Int(serial.rounded(.down)), to: start) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Whether a custom number format shows a date: d, m or y outside quotes and brackets (`[$-409]`, `"kg"`).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        for character in code.lowercased() {
            switch character {
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "d", "m", "y": if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }
}
