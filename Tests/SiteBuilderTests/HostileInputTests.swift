import Foundation
import Testing
@testable import SiteBuilder

/// Issue "Any input, bounded": each class of hostile or accidental input ends in one located error (or a correct
/// build), never a crash, a hang or a blow-up.
@Suite struct HostileInputTests {
    func errors(_ change: (TestSite) throws -> Void) async throws -> [String] {
        try await TestSite.errors(after: change)
    }

    static let countIndicator = """
        id: X-02
        title: Lượt phục vụ
        group: thu-vien
        unit: lượt
        method: growth
        facilities:
          kinds: [thu-vien]
        column: luot
        baseline: 2021
        milestones:
          - {year: 2025, value: 10}
        agency: Sở Thử
        source: Báo cáo thử

        """

    /// X-02 sums the `luot` column; the fixture's formula cell in it becomes a number.
    static func addCountIndicator(_ site: TestSite) throws {
        try site.write("Content/indicators/x-02.yaml", countIndicator)
        try site.replace(in: "Content/data/hoat-dong.csv", "2023,D,không,=HYPERLINK(\"x\")", with: "2023,D,không,5")
    }

    @Test func twentyDigitCountIsAnError() async throws {
        let errors = try await errors { site in
            try Self.addCountIndicator(site)
            try site.replace(in: "Content/data/hoat-dong.csv", "2021,A,có,100", with: "2021,A,có,12345678901234567890")
        }
        #expect(errors == ["Content/data/hoat-dong.csv:2:11: error: 'luot' is too large: at most 1.000.000.000.000.000"])
    }

    @Test func hugeMilestoneValueAndImplausibleYears() async throws {
        let errors = try await errors { site in
            try site.replace(in: "Content/indicators/x-01.yaml", "- {year: 2025, value: 80}",
                             with: "- {year: 2025, value: 1e300}\n  - {year: 99999, value: 90}\n  - {year: 3000, value: 95}")
        }
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.contains { $0.contains("'value': '1e300' is not a number") && $0.contains("do not use exponents") })
        #expect(errors.contains { $0.contains("'year' 99999 is not a plausible year (1990–2100)") })
        #expect(errors.contains { $0.contains("'year' 3000 is not a plausible year (1990–2100)") })
    }

    @Test func largeButAllowedValuesBuildWithoutTrapping() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try Self.addCountIndicator(site)
        try site.replace(in: "Content/data/hoat-dong.csv", "2021,A,có,100", with: "2021,A,có,999999999999999")
        try await site.build()
        // 999.999.999.999.999 + 200 + 300 + 400 visits in 2021.
        #expect(try site.read("Output/du-lieu/x-02.csv").contains("2021,1000000000000899,"))
        #expect(try site.read("Output/chi-tieu/x-02/index.html").contains("1.000.000.000.000.899"))
    }

    @Test func manyEqualHeadingsAreLinearAndBounded() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("Content/sections/03-nhieu.md", "---\ntitle: Nhiều\norder: 3\n---\n"
            + String(repeating: "## Mục\n\n", count: 9_000))
        try await site.build()
        let page = try site.read("Output/nhieu/index.html")
        #expect(page.contains("id=\"muc-9000\""))
        let errors = try await errors { site in
            try site.write("Content/sections/03-nhieu.md", "---\ntitle: Nhiều\norder: 3\n---\n"
                + String(repeating: "## Mục\n\n", count: 70_000))
        }
        #expect(errors == ["Content/sections/03-nhieu.md:20005:1: error: more than 10000 headings in one section; "
            + "split it into several sections"])
    }

    @Test func yamlAliasesThatMultiplyAreRefused() async throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...6 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let text = yaml
        let errors = try await errors { site in
            try site.write("Content/indicators/x-01.yaml", text + (try site.read("Content/indicators/x-01.yaml")))
        }
        #expect(errors == ["Content/indicators/x-01.yaml:1:1: error: the file holds more than 100000 values or 8 MB of "
            + "text once its aliases (*name) are expanded; write the values out instead"])
        let big = String(repeating: "x", count: 200_000)
        let sized = try await self.errors { site in
            try site.write("Content/indicators/x-01.yaml", "big: &b \(big)\nfootnotes: [" + Array(repeating: "*b", count: 60)
                .joined(separator: ", ") + "]\n" + (try site.read("Content/indicators/x-01.yaml")))
        }
        #expect(sized.count == 1)
        #expect(sized.first?.contains("8 MB of text once its aliases") == true, "\(sized)")
    }

    @Test func idsFollowOneGrammar() async throws {
        #expect(Slug.isIdentifier("TV-02"))
        #expect(Slug.isIdentifier("thu-vien"))
        for bad in ["", "-", "---", "TV--02", "-TV", "TV-", "TV 02", "TV_02", "Thư-viện"] {
            #expect(!Slug.isIdentifier(bad), "\(bad)")
        }
        let errors = try await errors { site in
            try site.replace(in: "Content/indicators/x-01.yaml", "id: X-01", with: "id: \"---\"")
        }
        #expect(errors.contains("Content/indicators/x-01.yaml:1:1: error: 'id' must be letters A–Z and digits in "
            + "groups joined by single dashes, e.g. TV-02"), "\(errors)")
    }

    @Test func nullTitleAndControlCharacters() async throws {
        let null = try await errors { site in
            try site.replace(in: "Content/indicators/x-01.yaml", "title: Tỷ lệ thư viện có dịch vụ", with: "title: ~")
        }
        #expect(null == ["Content/indicators/x-01.yaml:2:8: error: 'title' is empty"])
        let escaped = try await errors { site in
            try site.replace(in: "Content/indicators/x-01.yaml", "title: Tỷ lệ thư viện có dịch vụ",
                             with: "title: \"Tỷ lệ\\e thư viện\"")
        }
        #expect(escaped == ["Content/indicators/x-01.yaml:2:8: error: 'title' contains the control character U+001B; "
            + "remove it"])
        let raw = try await errors { site in
            try site.replace(in: "Content/sections/01-muc-dich.md", "## Đẩy mạnh", with: "## Đẩy\u{0} mạnh")
        }
        #expect(raw == ["Content/sections/01-muc-dich.md:7:7: error: the file contains the control character U+0000 "
            + "here; remove it (only tabs and line ends are allowed)"])
    }

    @Test func messagesQuoteOnlyAnExcerpt() async throws {
        let long = String(repeating: "rất dài ", count: 200_000)
        let errors = try await errors { site in
            try Self.addCountIndicator(site)
            try site.replace(in: "Content/data/hoat-dong.csv", "2021,A,có,100", with: "2021,A,có,\"\(long)\"")
        }
        #expect(errors.count == 1)
        #expect((errors.first?.count ?? 0) < 400, "\(errors.first?.count ?? 0) characters")
        #expect(errors.first?.contains("…") == true)
    }

    @Test func baseURLMustBeAnAddress() async throws {
        let errors = try await errors { site in
            try site.replace(in: "Content/site.yaml", "base_url: https://example.gov.vn/bao-cao/",
                             with: "base_url: https://example.gov.vn/bao cao/?x=1")
        }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("'base_url' must be an absolute http(s) address") == true)
    }

    @Test func filesOverTheirLimitAndNonRegularFiles() async throws {
        let errors = try await errors { site in
            let big = Data(repeating: UInt8(ascii: "a"), count: Limits.sectionBytes + 1)
            try big.write(to: site.url("Content/sections/09-lon.md"))
            mkfifo(site.url("Content/sections/08-fifo.md").path, 0o644)
        }
        #expect(errors.contains("Content/sections/09-lon.md: error: is 6 MB; a section may be at most 5 MB"), "\(errors)")
        #expect(errors.contains("Content/sections/08-fifo.md: error: is not a regular file"), "\(errors)")
    }

    /// A partial that includes itself, here through another, would be filled forever (it crashed the build).
    @Test func aPartialThatIncludesItselfIsAnError() async throws {
        let errors = try await errors { site in
            try site.replace(in: "Templates/partials/nav.mustache", "</nav>", with: "</nav>\n{{> partials/footer}}")
            try site.replace(in: "Templates/partials/footer.mustache", "</footer>", with: "</footer>\n{{> partials/nav}}")
        }
        #expect(errors == ["Templates/partials/footer.mustache:12:1: error: 'partials/nav' includes itself "
            + "(partials/nav → partials/footer → partials/nav), so the page would never end; remove this include"])
    }

    /// Sections nested in sections, or partials in partials, a hundred deep and more, ran every parser out of stack
    /// (a crash); the depth is now counted before any parser sees them.
    @Test func templatesNestedTooDeepAreAnError() async throws {
        let deep = try await errors { site in
            let nested = String(repeating: "{{#sampleData}}", count: 101) + "x"
                + String(repeating: "{{/sampleData}}", count: 101)
            try site.replace(in: "Templates/partials/footer.mustache", "</footer>", with: "</footer>\n" + nested)
        }
        // The footer is one level down (the layout includes it), so its 100th section is the 101st level.
        #expect(deep == ["Templates/partials/footer.mustache:12:\(1 + 15 * 99): error: sections and partials are "
            + "nested more than 100 deep here; nest them less"])
        let chain = try await errors { site in
            for index in 0..<120 {
                try site.write("Templates/partials/c\(index).mustache", index < 119 ? "{{> partials/c\(index + 1)}}" : "")
            }
            try site.replace(in: "Templates/partials/footer.mustache", "</footer>", with: "</footer>\n{{> partials/c0}}")
        }
        #expect(chain == ["Templates/partials/c98.mustache:1:1: error: sections and partials are nested more than "
            + "100 deep here; nest them less"])
    }

    /// A list iterated inside itself (the inner name falls through to the outer list) multiplies the page by the
    /// list's length at every level: ten levels of a six-item menu would print it sixty million times per page.
    @Test func aListIteratedInsideItselfIsAnError() async throws {
        let errors = try await errors { site in
            try site.replace(in: "Templates/partials/footer.mustache", "</footer>",
                             with: "</footer>\n{{#nav}}{{#nav}}{{title}}{{/nav}}{{/nav}}")
        }
        #expect(errors == ["Templates/partials/footer.mustache:12:9: error: the list 'nav' is iterated inside itself, "
            + "which multiplies the page; close the outer {{/nav}} first"])
    }
}
