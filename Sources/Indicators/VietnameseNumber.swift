/// Numbers written the Vietnamese way (`NumberStyle.vietnamese`), and the machine-readable form of downloads.
public enum VietnameseNumber {
    /// `value` rounded half away from zero to at most `maxFractionDigits` digits, trailing zeros dropped.
    public static func format(_ value: Double, maxFractionDigits: Int = 1, minFractionDigits: Int = 0) -> String {
        NumberStyle.vietnamese.format(value, maxFractionDigits: maxFractionDigits, minFractionDigits: minFractionDigits)
    }

    /// A whole number with thousands separators: `1234567` → `1.234.567`.
    public static func integer(_ value: Int) -> String { NumberStyle.vietnamese.integer(value) }

    /// `72.5` → `72,5%`.
    public static func percent(_ value: Double, maxFractionDigits: Int = 1) -> String {
        NumberStyle.vietnamese.percent(value, maxFractionDigits: maxFractionDigits)
    }

    /// A signed change, e.g. `+10,2%` or `-3%`, for growth rates.
    public static func signedPercent(_ value: Double, maxFractionDigits: Int = 1) -> String {
        NumberStyle.vietnamese.signedPercent(value, maxFractionDigits: maxFractionDigits)
    }

    /// Machine-readable decimal with a dot and at most `maxFractionDigits` digits, for CSV and JSON downloads.
    public static func plain(_ value: Double, maxFractionDigits: Int = 4) -> String {
        NumberStyle.english.format(value, maxFractionDigits: maxFractionDigits, minFractionDigits: 0, grouped: false)
    }
}
