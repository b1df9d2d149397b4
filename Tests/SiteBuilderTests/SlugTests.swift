import Foundation
import Testing
@testable import SiteBuilder

@Suite struct SlugTests {
    @Test(arguments: [
        ("Mục đích", "muc-dich"),
        ("Đẩy mạnh", "day-manh"),
        ("I. Mục đích, yêu cầu", "i-muc-dich-yeu-cau"),
        ("Thừa Thiên Huế", "thua-thien-hue"),
        ("  Hệ thống   thư viện! ", "he-thong-thu-vien"),
        ("ĐỒNG ý 2030", "dong-y-2030"),
        ("Quỹ — “Học tập” suốt đời", "quy-hoc-tap-suot-doi"),
        ("!!!", ""),
    ])
    func vietnameseSlugs(_ text: String, _ slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test func collisionsGetNumbers() {
        var registry = SlugRegistry(reserved: ["noi-dung"])
        #expect(registry.unique(for: "Mục đích") == "muc-dich")
        #expect(registry.unique(for: "Mục đích") == "muc-dich-2")
        #expect(registry.unique(for: "Mục  Đích") == "muc-dich-3")
        #expect(registry.unique(for: "Nội dung") == "noi-dung-2")
        #expect(registry.unique(for: "???") == "muc")
    }

    /// Past the registry's short list (sixteen ids) the ids are the same as with a plain set: the rule as first
    /// written, run beside it over 60 headings that repeat, collide with numbered ones and with a reserved id.
    @Test func manyHeadingsGetTheSameIDsAsWithASet() {
        var registry = SlugRegistry(reserved: ["noi-dung", "muc-3"])
        var used: Set<String> = []
        var next: [String: Int] = [:]
        let reserved: Set<String> = ["noi-dung", "muc-3"]
        for index in 0..<60 {
            let text = ["Mục", "Mục 2", "Nội dung", "Phần \(index % 7)", "???", "Mục \(index)"][index % 6]
            let base = Slug.make(text).isEmpty ? "muc" : Slug.make(text)
            var candidate = base
            var counter = next[base] ?? 2
            while used.contains(candidate) || reserved.contains(candidate) {
                candidate = "\(base)-\(counter)"
                counter += 1
            }
            next[base] = counter
            used.insert(candidate)
            #expect(registry.unique(for: text) == candidate, "heading \(index): \(text)")
        }
        #expect(used.count == 60)
    }

    /// The slug rule as first written: the whole text decomposed at once. Folding scalar by scalar (with a table
    /// for Latin letters) must give the same slugs.
    static func reference(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let mapped = scalar == "đ" || scalar == "Đ" ? "d" : String(scalar).lowercased()
            for character in mapped.unicodeScalars {
                if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
                    if pendingDash && !result.isEmpty { result.append("-") }
                    pendingDash = false
                    result.unicodeScalars.append(character)
                } else {
                    pendingDash = true
                }
            }
        }
        return result
    }

    @Test(arguments: [
        "Mục đích, yêu cầu", "ẮẰẲẴẶ ắằẳẵặ ỨỪỬỮỰ ứừửữự Đđ", "e\u{301}e\u{323}\u{302} a\u{300}", "\u{301}Đầu",
        "Straße İstanbul ǅemal Ŀl", "한국어 제목", "ﬁ ligature ① ⅸ", "Ωmega Ελληνικά", "emoji 👍🏽 text",
        "x\u{0903}y", "ÀÁÂÃÄÅÆÇÈÉ àáâãäåæçèé ıĳ", "tab\tand\nnewline", "",
    ])
    func scalarByScalarFoldingEqualsTheWholeText(_ text: String) {
        #expect(Slug.make(text) == Self.reference(text))
    }

    /// Slugs are made on bytes with a table of Latin letters: every letter of the table's ranges, and those around
    /// them, between ASCII letters and alone, gives what the rule gives.
    @Test func everyLatinLetterOnItsOwnAndBetweenWords() {
        for value in Array(0x0080...0x02FF) + Array(0x1DF0...0x1F0F) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            for text in ["Ab\(scalar)cd", "\(scalar)", "x \(scalar) 9", "\(scalar)\(scalar)Z"] {
                #expect(Slug.make(text) == Self.reference(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func aHeadingThatStartsWithAMarkStillGetsItsID() {
        let rendered = Markdown.render("## \u{301}Đầu\n", path: "a.md", firstLine: 1, reserved: []) { _ in .url("") }
        #expect(rendered.headings.first?.id == "dau")
        guard case .html(let html)? = rendered.segments.first else {
            Issue.record("no HTML")
            return
        }
        #expect(html.bytes.starts(with: "<h2 id=\"dau\">".utf8))
    }
}
