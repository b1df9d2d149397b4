import Foundation

/// How numbers are written for readers, with fixed rules that are the same on every platform. Vietnamese
/// groups thousands with `.` and marks decimals with `,` (`1.234.567`, `72,5`); English the other way round
/// (`1,234,567`, `72.5`). Percentages have no space in either (`70%`).
///
/// Foundation's `NumberFormatter` is not used on purpose: its output differs between platforms and ICU versions.
public struct NumberStyle: Sendable, Hashable {
    public let groupSeparator: Character
    public let decimalSeparator: Character

    public static let vietnamese = NumberStyle(groupSeparator: ".", decimalSeparator: ",")
    public static let english = NumberStyle(groupSeparator: ",", decimalSeparator: ".")

    /// The style of a language code: `en` writes numbers the English way, every other language the Vietnamese way.
    public static func forLanguage(_ code: String) -> NumberStyle { code == "en" ? .english : .vietnamese }

    /// `value` rounded half away from zero to at most `maxFractionDigits` digits, trailing zeros dropped.
    public func format(_ value: Double, maxFractionDigits: Int = 1, minFractionDigits: Int = 0) -> String {
        format(value, maxFractionDigits: maxFractionDigits, minFractionDigits: minFractionDigits, grouped: true)
    }

    /// The same, without thousands separators when `grouped` is false (numbers in SVG and data files).
    func format(_ value: Double, maxFractionDigits: Int, minFractionDigits: Int, grouped: Bool) -> String {
        guard value.isFinite else { return "–" }
        let group: (String) -> String = grouped ? { self.group(digits: $0) } : { $0 }
        var digits = max(0, min(maxFractionDigits, 6))
        // Fewer decimals for very large numbers, so that the scaled value stays below 2^53, where every whole
        // number is exact in a Double; beyond that the whole number is written out digit by digit.
        while digits > 0 && abs(value) * pow(10, Double(digits)) >= 9.0e15 { digits -= 1 }
        guard abs(value).rounded(.toNearestOrAwayFromZero) < 9.0e17 else {
            let whole = String(format: "%.0f", abs(value).rounded(.toNearestOrAwayFromZero))
            return (value < 0 ? "-" : "") + group(whole)
        }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        let units = Int64(scaled)
        let whole = units / scale
        var fraction = units % scale
        var fractionDigits = digits
        while fractionDigits > minFractionDigits && fraction % 10 == 0 && fractionDigits > 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        var text = group(String(whole))
        if fractionDigits > 0 {
            var fractionText = String(fraction)
            while fractionText.count < fractionDigits { fractionText = "0" + fractionText }
            text.append(decimalSeparator)
            text += fractionText
        }
        let isZero = whole == 0 && fraction == 0
        return value < 0 && !isZero ? "-" + text : text
    }

    /// A whole number with thousands separators: `1234567` → `1.234.567` (Vietnamese), `1,234,567` (English).
    public func integer(_ value: Int) -> String {
        (value < 0 ? "-" : "") + group(digits: String(value.magnitude))
    }

    /// `72.5` → `72,5%` (Vietnamese), `72.5%` (English).
    public func percent(_ value: Double, maxFractionDigits: Int = 1) -> String {
        format(value, maxFractionDigits: maxFractionDigits) + "%"
    }

    /// A signed change, e.g. `+10,2%` or `-3%`, for growth rates.
    public func signedPercent(_ value: Double, maxFractionDigits: Int = 1) -> String {
        let text = percent(value, maxFractionDigits: maxFractionDigits)
        return value > 0 && text != "0%" ? "+" + text : text
    }

    private func group(digits text: String) -> String {
        let digits = Array(text)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(groupSeparator) }
            result.append(digit)
        }
        return result
    }
}
