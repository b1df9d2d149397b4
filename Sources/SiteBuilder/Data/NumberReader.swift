import Indicators

/// How numbers in data tables and YAML are written (`number_format` in site.yaml).
public enum NumberFormat: String, Sendable, Hashable, CaseIterable {
    /// Either way, as long as only one reading fits: `1.234.567`, `12,5`, `12.5`, `1,234.5`; `158.340` is refused.
    case auto
    /// Vietnamese: `.` groups thousands, `,` marks decimals (`1.234,5`).
    case vi
    /// International: `,` groups thousands, `.` marks decimals (`1,234.5`).
    case international
}

/// Reads a number exactly as written, or says why it cannot.
///
/// A number is digits with an optional minus sign, optional thousands groups (the first group 1–3 digits and not
/// starting with 0, then groups of exactly 3) and an optional decimal part. No exponents, spaces, `+`, `%` or units.
enum NumberReader {
    enum Reading: Equatable {
        case value(Double)
        /// Both readings fit and they differ.
        case ambiguous(decimalDot: Double, groupingDot: Double)
        case invalid
    }

    static func read(_ text: String, format: NumberFormat) -> Reading {
        let international = parse(text, decimal: ".", grouping: ",")
        let vietnamese = parse(text, decimal: ",", grouping: ".")
        switch format {
        case .vi: return vietnamese.map(Reading.value) ?? .invalid
        case .international: return international.map(Reading.value) ?? .invalid
        case .auto:
            switch (international, vietnamese) {
            case let (a?, b?) where a != b:
                // `158.340` (dot) or `1,234` (comma): report the dot reading and the grouping reading.
                return text.contains(".") ? .ambiguous(decimalDot: a, groupingDot: b)
                    : .ambiguous(decimalDot: b, groupingDot: a)
            case let (a?, _): return .value(a)
            case let (nil, b?): return .value(b)
            case (nil, nil): return .invalid
            }
        }
    }

    /// The value under one reading, or nil when the text does not fit it.
    static func parse(_ text: String, decimal: Character, grouping: Character) -> Double? {
        var characters = Substring(text)
        var negative = false
        if characters.first == "-" {
            negative = true
            characters = characters.dropFirst()
        }
        let parts = characters.split(separator: decimal, maxSplits: 1, omittingEmptySubsequences: false)
        guard let integerPart = parts.first else { return nil }
        let groups = integerPart.split(separator: grouping, omittingEmptySubsequences: false)
        guard let head = groups.first, (1...(groups.count > 1 ? 3 : 400)).contains(head.count),
              head.allSatisfy(\.isASCIIDigit) else { return nil }
        if groups.count > 1 {
            guard head.first != "0", groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) })
            else { return nil }
        }
        var normalized = (negative ? "-" : "") + groups.joined()
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 400, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            normalized += "." + fraction
        }
        return Double(normalized)
    }

    /// The error for a number that cannot be read, with the fix.
    static func problem(_ text: String, reading: Reading, format: NumberFormat) -> Message {
        let shown = CleanText.excerpt(text)
        if case let .ambiguous(decimal, grouping) = reading {
            let whole = VietnameseNumber.format(grouping, maxFractionDigits: 6).replacingOccurrences(of: ".", with: "")
            let decimalVI = VietnameseNumber.format(decimal, maxFractionDigits: 6)
            let groupingVI = VietnameseNumber.format(grouping, maxFractionDigits: 6)
            return Message(
                vi: "'\(shown)' có hai cách hiểu: \(decimalVI) (dấu chấm là dấu thập phân) hoặc \(groupingVI) (dấu "
                    + "chấm ngăn cách hàng nghìn); hãy viết \(whole) nếu là số nguyên, \(unambiguous(decimal)) nếu là "
                    + "số thập phân, hoặc thêm 'number_format: vi' vào site.yaml nếu dấu chấm luôn ngăn cách hàng nghìn",
                en: "'\(shown)' can be read two ways: \(VietnameseNumber.plain(decimal, maxFractionDigits: 6)) (dot as "
                    + "decimal mark) or \(whole) (dot as thousands separator); write \(whole) for the whole number, "
                    + "\(unambiguous(decimal)) for the decimal, or add 'number_format: vi' to site.yaml if a dot "
                    + "always separates thousands")
        }
        let hint: Message
        if text.contains(where: { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" }) {
            hint = Message(vi: "; bỏ dấu cách trong số", en: "; remove the spaces inside the number")
        } else if text.contains("%") {
            hint = Message(vi: "; bỏ dấu %", en: "; leave out the % sign")
        } else if text.lowercased().contains("e"), text.contains(where: \.isASCIIDigit) {
            hint = Message(vi: "; không dùng dạng lũy thừa như 1e6, hãy viết đủ các chữ số",
                           en: "; do not use exponents such as 1e6, write all the digits")
        } else {
            hint = .empty
        }
        let rule: Message = switch format {
        case .vi: Message(vi: "theo number_format: vi, dấu chấm ngăn cách hàng nghìn và dấu phẩy là dấu thập phân, "
                              + "ví dụ 12.500 hoặc 12,5",
                          en: "with number_format: vi a dot separates thousands and a comma marks decimals, e.g. "
                              + "12.500 or 12,5")
        case .international: Message(vi: "theo number_format: international, dấu phẩy ngăn cách hàng nghìn và dấu chấm "
                                         + "là dấu thập phân, ví dụ 12,500 hoặc 12.5",
                                     en: "with number_format: international a comma separates thousands and a dot "
                                         + "marks decimals, e.g. 12,500 or 12.5")
        case .auto: Message(vi: "hãy viết bằng chữ số, ví dụ 12500, 12.500 hoặc 12,5",
                            en: "write it with digits, e.g. 12500, 12.500 or 12,5")
        }
        return Message(vi: "'\(shown)' không phải là một số; ", en: "'\(shown)' is not a number; ") + rule + hint
    }

    /// A decimal written so that `auto` reads it one way only: a dot, and never exactly three decimals.
    private static func unambiguous(_ value: Double) -> String {
        var text = VietnameseNumber.plain(value, maxFractionDigits: 6)
        if let dot = text.firstIndex(of: "."), text[text.index(after: dot)...].count == 3 { text += "0" }
        return text
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
