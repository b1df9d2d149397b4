import Foundation
import Testing
@testable import SiteBuilder

/// JSON string literals (JSONValue.appendQuoted), whose fast path takes eight bytes at a time.
struct JSONQuotingTests {
    @Test func quotesByTheRules() {
        #expect(JSONValue.quote("Tiến độ \"288\" \\ a\nb\tc\r\u{1}") == "\"Tiến độ \\\"288\\\" \\\\ a\\nb\\tc\\r\\u0001\"")
        #expect(JSONValue.quote("") == "\"\"")
        var bytes: [UInt8] = []
        JSONValue.appendQuoted("Thư viện tỉnh Thừa Thiên Huế", limit: 9, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"Thư viện \"")
    }

    /// The fast path against the rules written plainly over Unicode scalars, on random texts made of the pieces
    /// that matter (characters of one to four bytes, combining marks, quotes, backslashes, control characters),
    /// long enough to cross many eight-byte words, with limits that fall inside, at and past their ends.
    @Test func matchesTheRules() {
        let pieces = ["a", "b ", "Đ", "ế", "ệ", "€", "𝕏", "e\u{301}", "\"", "\\", "\n", "\t", "\r", "\u{1}", "\u{1F}",
                      "\u{7F}", " ", "abcdefgh", "Tiến độ thực hiện "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            let scalars = text.unicodeScalars.count
            let limit = Bool.random(using: &generator) ? Int.max : Int.random(in: 0...(scalars + 2), using: &generator)
            var bytes: [UInt8] = [0x41]
            JSONValue.appendQuoted(text, limit: limit, to: &bytes)
            #expect(bytes == [0x41] + Array(Self.reference(text, limit: limit).utf8), "\(text.debugDescription)")
        }
    }

    /// The JSON-LD of an indicator page sits in a script element: every `<` is escaped, nothing else changes.
    @Test func jsonInAScriptHasNoLessThan() {
        #expect(DataCatalog.escapingLessThan(#"{"a":"</script><b>"}"#) == #"{"a":"\u003c/script>\u003cb>"}"#)
        #expect(DataCatalog.escapingLessThan("Thư viện ≤ 5, é\u{301}<") == "Thư viện ≤ 5, é\u{301}\\u003c")
        let plain = #"{"name":"Chỉ tiêu 1"}"#
        #expect(DataCatalog.escapingLessThan(plain) == plain)
        #expect(DataCatalog.escapingLessThan("") == "")
    }

    static func reference(_ text: String, limit: Int) -> String {
        var out = "\""
        for scalar in text.unicodeScalars.prefix(limit) {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
