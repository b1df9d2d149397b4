import Testing
@testable import SiteBuilder

struct SimpleFrontMatterTests {
    static func split(_ lines: [String]) throws -> (FrontMatter, SourceFile) {
        let file = SourceFile(path: "Content/sections/01-a.md", text: "---\n" + lines.joined(separator: "\n")
            + "\n---\n## Mục\n\nNội dung.\n")
        return (try FrontMatter.split(file), file)
    }

    /// The front matter staff write is read without Yams, with the keys' places Yams would give.
    @Test func commonFrontMatterTakesTheSimplePath() throws {
        let (split, file) = try Self.split(["title: \"Phần 1: Mục tiêu\"", "order: 10", "summary: Đẩy mạnh (2023-2030)"])
        let simple = try #require(Section.loadSimple(split, path: file.path, fileName: "01-a.md", english: false))
        #expect(simple.title == "Phần 1: Mục tiêu")
        #expect(simple.order == 10)
        #expect(simple.summary == "Đẩy mạnh (2023-2030)")
        #expect(simple.slug == "phan-1-muc-tieu")
        #expect(simple.keyLocations["order"] == SourceLocation(path: file.path, line: 3, column: 1))
        #expect(simple.keyLocations["slug"] == SourceLocation(path: file.path, line: 2, column: 1))
        #expect(SimpleFrontMatter.entries("title: a # b") == nil)
        #expect(SimpleFrontMatter.entries("title: 'a'") == nil)
        #expect(SimpleFrontMatter.entries("title: null") == nil)
    }

    /// On random front matters, in and out of the simple form, the simple path gives a section only where Yams
    /// reports nothing, and then the same section (title, order, summary, slug, body, key places).
    @Test func simplePathIsYamsResult() throws {
        let keys = ["title", "order", "summary", "slug", "titel", "Title", "tags", "x-1", "_a", "1a"]
        let separators = [": ", ":  ", ":", ": \t", " : "]
        let values = ["\"Phần 1: Mục tiêu\"", "Mục tiêu", "9510", "\"9510\"", " 12", "p01", "P01", "\"\"", "null",
                      "~", "\"a # b\"", "a # b", "a: b", "\"a\\\"b\"", "'x'", "[1, 2]", "Đẩy mạnh (2023-2030)", "x ",
                      "-x", "\"  spaced  \"", "1.5", "e\u{301}", "a\u{2028}b", "\u{FEFF}x", "\u{A0}x", "a\tb",
                      "\"a\tb\"", "|", ">", "&a x", "*a", "!!str x", "Phần 2", "\"😀\"", "+7", "007", "a,b", "a/b",
                      "phan-1", "\"p-1\"", "Tiến độ", "\"null\"", "a  b", "\"\\n\""]
        let otherLines = ["", "# comment", "  title: x", "- a", "title:", "order: 3 # c"]
        var generator = SystemRandomNumberGenerator()
        var simple = 0
        for _ in 0..<5_000 {
            func pick(_ list: [String]) -> String { list[Int.random(in: 0..<list.count, using: &generator)] }
            func line() -> String {
                if Int.random(in: 0..<12, using: &generator) == 0 { return pick(otherLines) }
                // Mostly the real keys, written the usual way, so that many cases take the simple path.
                let key = Int.random(in: 0..<3, using: &generator) == 0 ? pick(keys) : pick(Array(keys[0..<4]))
                let separator = Int.random(in: 0..<4, using: &generator) == 0 ? pick(separators) : ": "
                return key + separator + pick(values)
            }
            // A usual front matter (a title, an order) with lines added or replaced, or only random lines.
            var lines = ["title: " + pick(["\"Phần 1\"", "Mục tiêu", "\"Phần 2: Nhiệm vụ\"", "Tiến độ"]),
                         "order: " + pick(["1", "20", "007", "+3"])]
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: lines = (0..<Int.random(in: 1...5, using: &generator)).map { _ in line() }
            case 1: lines[Int.random(in: 0..<2, using: &generator)] = line()
            case 2: break
            case 3: lines.insert(line(), at: Int.random(in: 0...2, using: &generator))
            default:
                lines.insert(pick(["summary", "slug"]) + ": " + pick(values), at: Int.random(in: 0...2, using: &generator))
            }
            let (split, file) = try Self.split(lines)
            let english = Int.random(in: 0..<4, using: &generator) == 0
            var log = DiagnosticLog()
            let yams = Section.loadWithYAML(split, path: file.path, fileName: "01-a.md", english: english, log: &log)
            guard let fast = Section.loadSimple(split, path: file.path, fileName: "01-a.md", english: english) else { continue }
            simple += 1
            #expect(log.diagnostics.isEmpty, "\(lines)")
            #expect(fast == yams, "\(lines)")
            #expect(fast.keyLocations == yams?.keyLocations, "\(lines)")
        }
        #expect(simple > 500, "too few cases took the simple path to compare")
    }
}
