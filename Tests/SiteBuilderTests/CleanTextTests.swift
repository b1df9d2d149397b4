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

    /// The scan (eight bytes at a time, then byte by byte) finds the first scalar `isControl` says is one (tab and
    /// newline allowed), at its first byte; texts of up to 40 pieces put controls in every place of a word.
    @Test func firstControlOffsetIsTheFirstControlScalar() {
        let pieces = ["Mục tiêu", " ", "\t", "\n", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{C2}", "ơ", "ế",
                      "\u{0}", "a", "€", "𝕏", "\u{2028}", "\u{80}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            let bytes = Array(text.utf8)
            var expected: Int?
            var offset = 0
            for scalar in text.unicodeScalars {
                if CleanText.isControl(scalar) {
                    expected = offset
                    break
                }
                offset += String(scalar).utf8.count
            }
            #expect(CleanText.firstControlOffset(in: bytes) == expected, "\(bytes)")
        }
    }
}
