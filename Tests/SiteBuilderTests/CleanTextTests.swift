import Foundation
import Testing
@testable import SiteBuilder

@Suite struct CleanTextTests {
    /// The trim used for YAML values drops exactly what Foundation's `.whitespacesAndNewlines` drops: every scalar
    /// alone and between letters, at each end and inside.
    @Test func trimmingWhitespaceIsFoundationsTrim() {
        var checked = 0
        for value in UInt32(0)...0x3_1000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let mark = String(Character(scalar))
            for text in [mark, mark + "a" + mark, "a" + mark + "b", " \t" + mark + "\n", mark + mark + "ạ"] {
                #expect(CleanText.trimmingWhitespace(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                        "U+\(String(value, radix: 16))")
            }
            checked += 1
        }
        #expect(checked > 190_000)
        for text in ["", " ", "\n\n", "  Mục đích  ", "\u{3000}Tiêu đề\u{2028}", "e\u{301} ", " \u{301}x"] {
            #expect(CleanText.trimmingWhitespace(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
