import Foundation
import Testing
@testable import SiteBuilder

struct ExactTextTests {
    /// Every scalar `isSurelyNFC` accepts is its own NFC, alone and after any other accepted scalar (no pair
    /// composes), so byte equality is canonical equivalence for such texts.
    @Test func acceptedTextsAreInNFC() {
        let accepted = (0x20..<0x300).compactMap(Unicode.Scalar.init) + (0x1E00..<0x1F00).compactMap(Unicode.Scalar.init)
        let nfc = { (text: String) in text.precomposedStringWithCanonicalMapping }
        for scalar in accepted {
            let text = String(scalar)
            #expect(ExactText.isSurelyNFC(text))
            #expect(Array(nfc(text).utf8) == Array(text.utf8), "U+\(String(scalar.value, radix: 16))")
        }
        // Pairs: a base letter then each accepted scalar, and each accepted scalar after a Vietnamese letter.
        for scalar in accepted {
            for base in ["a", "ơ", "ư", "ế"] {
                let text = base + String(scalar)
                #expect(Array(nfc(text).utf8) == Array(text.utf8))
            }
        }
    }

    @Test func combiningMarksAndOtherScriptsAreNotSure() {
        #expect(!ExactText.isSurelyNFC("Mu\u{0323}c"))
        #expect(!ExactText.isSurelyNFC("Kế hoạch – 2025"))
        #expect(!ExactText.isSurelyNFC("한국"))
        #expect(!ExactText.isSurelyNFC("\u{2126}"))
        #expect(ExactText.isSurelyNFC("Kế hoạch số 288/KH-UBND: Đọc sách, Ưu tiên"))
        #expect(ExactText.isSurelyNFC(""))
    }

    @Test func equalityAndHashAreByBytes() {
        #expect(ExactText(text: "Mục tiêu") == ExactText(text: "Mục tiêu"))
        #expect(ExactText(text: "Mục tiêu") != ExactText(text: "Mục tiêu "))
        #expect(Set([ExactText(text: "a"), ExactText(text: "a"), ExactText(text: "b")]).count == 2)
    }
}

@Suite struct UTF8TextTests {
    /// Valid UTF-8 gives its text; anything the decoder would have to repair gives nil, like String(validating:).
    @Test func acceptsExactlyValidUTF8() {
        let samples: [[UInt8]] = [[], Array("p00001/index.html".utf8), Array("Thừa Thiên Huế".utf8),
                                  [0xF0, 0x9F, 0x98], [0xE2, 0x82], [0xC3], [0xFF], [0x61, 0xED, 0xA0, 0x80],
                                  [0xEF, 0xBF, 0xBD], [0x41, 0xC0, 0xAF], Array("ồ".utf8) + [0x80]]
        for bytes in samples {
            let expected = String(validating: bytes, as: UTF8.self)
            #expect(bytes.withUnsafeBufferPointer(UTF8Text.string) == expected, "\(bytes)")
        }
    }
}

/// Cells are trimmed of spaces by a fast path when there is nothing to trim: always what Foundation gives.
@Suite struct TrimmingTests {
    @Test func trimmingWhitespaceIsFoundationsTrimming() {
        let samples = ["", " ", "\t", "a", " a", "a ", "\ta\t", "a b", "\u{00A0}12\u{00A0}", "\u{3000}x", "x\u{2003}",
                       "\n12\n", "12\r", "có", " có ", "\u{0301}a", "a\u{0301}", "1.234,5", "\u{FEFF}x"]
        for sample in samples {
            #expect(sample.trimmingWhitespace == sample.trimmingCharacters(in: .whitespaces),
                    "\(Array(sample.unicodeScalars))")
        }
    }
}

