import Testing
@testable import SiteBuilder

struct PlainTextTests {
    /// Hand-written cases: tags dropped and separating words, entities decoded, white space collapsed, the limit
    /// counted in characters (a space between words is one).
    @Test func plainTextOfHTML() {
        #expect(SearchIndex.plainText(HTML("<h2 id=\"a\">Mục tiêu</h2>\n<p>Đọc &amp; học &lt;ngay&gt;</p>"))
            == "Mục tiêu Đọc & học <ngay>")
        #expect(SearchIndex.plainText(HTML("<p>&quot;a&quot; &#39;b&#39; &amp c &x;</p>")) == "\"a\" 'b' &amp c &x;")
        #expect(SearchIndex.plainText(HTML("  a \t\n b  ")) == "a b")
        #expect(SearchIndex.plainText(HTML("<p>Tiến độ thực hiện</p>"), limit: 6) == "Tiến đ")
        #expect(SearchIndex.plainText(HTML("<p>abc<b"), limit: 10) == "abc")
        #expect(SearchIndex.plainText(HTML("&"), limit: 10) == "&")
        #expect(SearchIndex.plainText(HTML(""), limit: 10) == "")
    }

    /// The byte loop against a plain reference written from the rules, on random HTML made of the pieces that
    /// matter (tags, entities, cut entities, white space, letters of one to four bytes).
    @Test func plainTextMatchesTheRules() {
        let pieces = ["<p>", "</p>", "<a href=\"x\">", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&am", "&", "<",
                      ">", " ", "\n", "\t", "a", "Đ", "ế", "€", "𝕏", "e\u{301}", "&quot"]
        // Runs of letters eight bytes long and more, for the loop's eight-bytes-at-once path (a run cut by the
        // limit, or ending inside a letter of several bytes).
        let words = ["thư viện", "Bảo tàng", "abcdefghijklmnop", "ĐĐĐĐĐĐĐĐĐ", "x𝕏𝕏𝕏𝕏y", "1234567€",
                     "Bộ suốt di tiêu trực động", "a b c d e f g h i j", "xy  zw  uv", " lead", "trail "]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<6_000 {
            let long = round % 2 == 1
            let choices = long ? pieces + words + words : pieces
            let html = (0..<Int.random(in: 0...(long ? 60 : 30), using: &generator))
                .map { _ in choices[Int.random(in: 0..<choices.count, using: &generator)] }.joined()
            let limit = Int.random(in: 0...(long ? 120 : 20), using: &generator)
            #expect(SearchIndex.plainText(HTML(html), limit: limit) == Self.reference(html, limit: limit), "\(html)")
        }
    }

    /// The byte mask the loop finds spaces with, against the bytes one by one (words made of the bytes around a
    /// space, so that a borrow from one byte to the next would show).
    @Test func spacesAreFoundByteByByte() {
        let choices: [UInt8] = [0x20, 0x1F, 0x21, 0x00, 0xA0, 0x60, 0xFF, 0x41]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in choices[Int.random(in: 0..<choices.count, using: &generator)] }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
            let expected = bytes.enumerated().reduce(UInt64(0)) { $0 | ($1.element == 0x20 ? 0x80 << (8 * $1.offset) : 0) }
            #expect(ByteWord.bytes(of: word, equalTo: 0x20) == expected, "\(bytes)")
        }
    }

    /// The rules over Unicode scalars (never Characters, which would join a combining mark to a `>` or `;`).
    static func reference(_ html: String, limit: Int) -> String {
        let entities = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
            .map { (Array($0.0.unicodeScalars), $0.1) }
        var units: [String] = []
        var pendingSpace = false
        var rest = Array(html.unicodeScalars)[...]
        func add(_ unit: String) {
            if pendingSpace && !units.isEmpty { units.append(" ") }
            pendingSpace = false
            units.append(unit)
        }
        while let scalar = rest.first {
            if scalar == "<" {
                pendingSpace = true
                rest = rest.firstIndex(of: ">").map { rest[($0 + 1)...] } ?? []
                continue
            }
            if [" ", "\n", "\t", "\r"].contains(scalar) {
                pendingSpace = true
                rest = rest.dropFirst()
                continue
            }
            // The limit is checked before each scalar, counting the spaces put between words.
            if units.count >= limit { break }
            if let (name, character) = entities.first(where: { rest.starts(with: $0.0) }) {
                add(character)
                rest = rest.dropFirst(name.count)
                continue
            }
            add(String(scalar))
            rest = rest.dropFirst()
        }
        return units.joined()
    }
}
