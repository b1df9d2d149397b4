import Testing
@testable import SiteBuilder

@Suite struct LineChartTests {
    /// The y-axis labels get the usual 100 units unless the longest would not fit: 12.5 a digit, 6 a separator,
    /// 14 a percent sign, plus 16.
    @Test func leftMarginGrowsForLongLabels() {
        // "100%": 3 × 12.5 + 14 + 16 = 67.5 → the usual 100.
        #expect(LineChart.leftMargin(labels: ["0%", "25%", "100%"]) == 100)
        // "500.000": 6 × 12.5 + 6 + 16 = 97 → 100.
        #expect(LineChart.leftMargin(labels: ["0", "500.000"]) == 100)
        // "2.000.000": 7 × 12.5 + 2 × 6 + 16 = 115.5 → 116.
        #expect(LineChart.leftMargin(labels: ["0", "1.000.000", "2.000.000"]) == 116)
        // The English way is as wide: "2,000,000".
        #expect(LineChart.leftMargin(labels: ["2,000,000"]) == 116)
    }
}
