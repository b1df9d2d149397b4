import Foundation

/// Formats numbers the Vietnamese way with fixed rules, the same on every platform:
/// `.` groups thousands, `,` marks decimals (`1.234.567`, `72,5`), and percentages have no space (`70%`).
///
/// Foundation's `NumberFormatter` is not used on purpose: its output differs between platforms and ICU versions.
public enum VietnameseNumber {
    /// `value` rounded half away from zero to at most `maxFractionDigits` digits, trailing zeros dropped.
    public static func format(_ value: Double, maxFractionDigits: Int = 1, minFractionDigits: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        var digits = max(0, min(maxFractionDigits, 6))
        // Fewer decimals for very large numbers, so that the scaled value stays below 2^53, where every whole
        // number is exact in a Double; beyond that the whole number is written out digit by digit.
        while digits > 0 && abs(value) * pow(10, Double(digits)) >= 9.0e15 { digits -= 1 }
        guard abs(value).rounded(.toNearestOrAwayFromZero) < 9.0e17 else {
            let whole = String(format: "%.0f", abs(value).rounded(.toNearestOrAwayFromZero))
            return (value < 0 ? "-" : "") + group(digits: whole)
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
        var text = group(whole)
        if fractionDigits > 0 {
            var fractionText = String(fraction)
            while fractionText.count < fractionDigits { fractionText = "0" + fractionText }
            text += "," + fractionText
        }
        let isZero = whole == 0 && fraction == 0
        return value < 0 && !isZero ? "-" + text : text
    }

    /// A whole number with thousands separators: `1234567` → `1.234.567`.
    public static func integer(_ value: Int) -> String {
        (value < 0 ? "-" : "") + group(digits: String(value.magnitude))
    }

    /// `72.5` → `72,5%`.
    public static func percent(_ value: Double, maxFractionDigits: Int = 1) -> String {
        format(value, maxFractionDigits: maxFractionDigits) + "%"
    }

    /// A signed change, e.g. `+10,2%` or `-3%`, for growth rates.
    public static func signedPercent(_ value: Double, maxFractionDigits: Int = 1) -> String {
        let text = percent(value, maxFractionDigits: maxFractionDigits)
        return value > 0 && text != "0%" ? "+" + text : text
    }

    /// Machine-readable decimal with a dot and at most `maxFractionDigits` digits, for CSV and JSON downloads.
    public static func plain(_ value: Double, maxFractionDigits: Int = 4) -> String {
        format(value, maxFractionDigits: maxFractionDigits)
            .replacingOccurrences(of: ".", with: "")
            .replacingOccurrences(of: ",", with: ".")
    }

    private static func group(_ value: Int64) -> String {
        group(digits: String(value))
    }

    private static func group(digits text: String) -> String {
        let digits = Array(text)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }
}
