import Indicators
import Testing

@Suite struct VietnameseNumberTests {
    @Test func groupsThousandsWithDots() {
        #expect(VietnameseNumber.integer(1_234_567) == "1.234.567")
        #expect(VietnameseNumber.integer(999) == "999")
        #expect(VietnameseNumber.integer(1000) == "1.000")
        #expect(VietnameseNumber.integer(-12_500) == "-12.500")
        #expect(VietnameseNumber.integer(0) == "0")
    }

    @Test func usesCommaForDecimals() {
        #expect(VietnameseNumber.format(1234.5) == "1.234,5")
        #expect(VietnameseNumber.format(72.5) == "72,5")
        #expect(VietnameseNumber.format(70) == "70")
        #expect(VietnameseNumber.format(66.666_666) == "66,7")
        #expect(VietnameseNumber.format(0.05) == "0,1")
        #expect(VietnameseNumber.format(2.25, maxFractionDigits: 1) == "2,3")
        #expect(VietnameseNumber.format(-0.04) == "0")
        #expect(VietnameseNumber.format(3.14159, maxFractionDigits: 3) == "3,142")
    }

    @Test func percentages() {
        #expect(VietnameseNumber.percent(70) == "70%")
        #expect(VietnameseNumber.percent(72.5) == "72,5%")
        #expect(VietnameseNumber.signedPercent(10.24) == "+10,2%")
        #expect(VietnameseNumber.signedPercent(-3) == "-3%")
        #expect(VietnameseNumber.signedPercent(0.01) == "0%")
    }

    @Test func plainMachineReadable() {
        #expect(VietnameseNumber.plain(1234.5) == "1234.5")
        #expect(VietnameseNumber.plain(66.666_666_7) == "66.6667")
        #expect(VietnameseNumber.plain(-2.5) == "-2.5")
        #expect(VietnameseNumber.plain(1_000_000) == "1000000")
    }

    @Test func nonFiniteIsADash() {
        #expect(VietnameseNumber.format(.nan) == "–")
        #expect(VietnameseNumber.format(.infinity) == "–")
    }

    /// Large values never trap and never lose digits to floating point (issue "Any input, bounded").
    @Test func largeValuesAreExactAndSafe() {
        #expect(VietnameseNumber.format(1e15) == "1.000.000.000.000.000")
        #expect(VietnameseNumber.plain(1_000_000_000_000_899) == "1000000000000899")
        #expect(VietnameseNumber.format(1_000_000_000_000.25, maxFractionDigits: 2) == "1.000.000.000.000,25")
        #expect(VietnameseNumber.format(1e20) == "100.000.000.000.000.000.000")
        #expect(VietnameseNumber.format(-1e300).hasPrefix("-1.000.000"))
        #expect(VietnameseNumber.integer(Int.min) == "-9.223.372.036.854.775.808")
        #expect(VietnameseNumber.format(.nan) == "–")
        #expect(VietnameseNumber.format(.infinity) == "–")
    }
}
