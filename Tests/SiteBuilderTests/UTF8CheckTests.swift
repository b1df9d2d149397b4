import Testing
@testable import SiteBuilder

/// Tiendo's UTF-8 check against the standard library's, which it replaces when a section file is read.
struct UTF8CheckTests {
    static func standard(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// Every pair of bytes, and every lead and second byte with a few third and fourth bytes, alone and after
    /// eight ASCII bytes (the check skips ASCII eight bytes at a time).
    @Test func everyShortSequence() {
        let prefix = Array("abcdefgh".utf8)
        var differing: [[UInt8]] = []
        var valid = 0
        for first in 0...255 {
            for second in 0...255 {
                for tail in [[], [0x80, 0x80], [0xBF], [0x41]] as [[UInt8]] {
                    for bytes in [[UInt8(first), UInt8(second)] + tail, prefix + [UInt8(first), UInt8(second)] + tail] {
                        let expected = Self.standard(bytes)
                        if UTF8Check.isValid(bytes) != expected { differing.append(bytes) }
                        if expected { valid += 1 }
                    }
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        // Both answers occur (the loop is not vacuous).
        #expect(valid > 10_000 && valid < 600_000)
    }

    /// Random texts made of valid letters at the edges of each length, ASCII runs and bytes that break the rules
    /// (overlong forms, surrogates, beyond U+10FFFF, cut sequences, stray continuation bytes).
    @Test func randomTexts() {
        let letters: [[UInt8]] = ["a", "abcdefghijk", "Đ", "ế", "€", "𝕏", "\u{80}", "\u{7FF}", "\u{800}", "\u{D7FF}",
                                  "\u{E000}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}"].map { Array($0.utf8) }
        let broken: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
                                 [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80],
                                 [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
                                 [0xFF], [0xE1, 0x80], [0xF1, 0x80, 0x80], [0xC3]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                let pool = Int.random(in: 0..<6, using: &generator) == 0 ? broken : letters
                bytes += pool[Int.random(in: 0..<pool.count, using: &generator)]
            }
            #expect(UTF8Check.isValid(bytes) == Self.standard(bytes), "\(bytes)")
        }
    }
}
