import Foundation
import Testing
@testable import SiteBuilder

/// The English edition (`en:` blocks and `sections/en/`): what it publishes, how it links to the Vietnamese pages,
/// how it writes numbers, and the errors a translator can make.
@Suite struct EnglishEditionTests {
    /// Gives the mini site an English edition: the site's and X-01's English text, and one translated section.
    static func withEnglish(_ site: TestSite) throws {
        try site.write("Content/site.yaml", try site.read("Content/site.yaml") + """
            en:
              title: Test report
              description: A small test site.
              plan:
                title: Test plan
            """ + "\n")
        try site.write("Content/indicators/x-01.yaml", try site.read("Content/indicators/x-01.yaml") + """
            en:
              title: Share of libraries with the service
              footnotes: [Counted once a year.]
            """ + "\n")
        try FileManager.default.createDirectory(at: site.url("Content/sections/en"), withIntermediateDirectories: true)
        try site.write("Content/sections/en/02-yeu-cau.md", """
            ---
            title: Requirements
            ---

            ## Indicators

            The share is `{X-01}` in `{X-01:nam}`; see [the purpose](01-muc-dich.md) (in Vietnamese).

            ```indicator X-01
            ```
            """ + "\n")
    }

    @Test func publishesTranslatedPagesUnderEnOnly() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try Self.withEnglish(site)
        try await site.build()
        let files = try site.snapshot()
        for page in ["en/index.html", "en/yeu-cau/index.html", "en/chi-tieu/index.html", "en/chi-tieu/x-01/index.html",
                     "en/chi-tieu/thu-vien/index.html", "en/du-lieu/index.html", "en/tim-kiem/index.html",
                     "en/tim-kiem/chi-muc.json", "en/atom.xml"] {
            #expect(files[page] != nil, "missing \(page)")
        }
        // Not translated, or shared with the main site.
        for absent in ["en/muc-dich/index.html", "en/404.html", "en/du-lieu/x-01.csv", "en/assets/style.css",
                       "en/sitemap.xml"] {
            #expect(files[absent] == nil, "\(absent) should not be published")
        }
        let english = try site.read("Output/en/yeu-cau/index.html")
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("<h1>Requirements</h1>"))
        #expect(english.contains("href=\"../../assets/style.css\""))
        #expect(english.contains("<link rel=\"alternate\" hreflang=\"vi\" href=\"https://example.gov.vn/bao-cao/yeu-cau/\">"))
        #expect(english.contains("<a href=\"../../yeu-cau/\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>"))
        // A link to an untranslated section goes to its Vietnamese page.
        #expect(english.contains("href=\"../../muc-dich/\""))
        // 2021: 1 of 4 libraries (25%); 2023: 2 of 4 (50%): 12.5 points a year, written the English way.
        #expect(english.contains("a rise of 12.5 percentage points"), "\(english)")
        let vietnamese = try site.read("Output/yeu-cau/index.html")
        #expect(vietnamese.contains("tăng 12,5 điểm phần trăm"))
        #expect(vietnamese.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.vn/bao-cao/en/yeu-cau/\">"))
        #expect(vietnamese.contains("<a href=\"../en/yeu-cau/\" hreflang=\"en\" lang=\"en\">English</a>"))
        // A page without a translation says so and links to the English home page.
        let untranslated = try site.read("Output/muc-dich/index.html")
        #expect(untranslated.contains("Trang này chưa có bản tiếng Anh."))
        #expect(untranslated.contains("<a href=\"../en/\" hreflang=\"en\" lang=\"en\">Home page in English</a>"))
        #expect(!untranslated.contains("hreflang=\"en\" href="))
        let home = try site.read("Output/en/index.html")
        #expect(home.contains("2 January 2023"), "plan date written the English way")
        #expect(home.contains("Test plan"))
        // One indicator: the English singular, from count_indicators_one and home_indicators_sentence_one.
        #expect(home.contains("1 indicator of the Plan is computed from data up to 2023"), "\(home)")
        #expect(home.contains("<strong>1</strong> indicator</li>"))
        #expect(try site.read("Output/index.html").contains("1 chỉ tiêu của Kế hoạch được tính từ số liệu đến năm 2023"))
        let indicator = try site.read("Output/en/chi-tieu/x-01/index.html")
        #expect(indicator.contains("Share of libraries with the service"))
        #expect(indicator.contains("Counted once a year."))
        #expect(indicator.contains("href=\"../../../du-lieu/x-01.csv\""), "downloads are the main site's")
        let sitemap = try site.read("Output/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.gov.vn/bao-cao/en/yeu-cau/</loc>"))
        #expect(!sitemap.contains("/en/muc-dich/"))
    }

    @Test func withoutAnEnBlockThereIsNoEnglishEdition() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let files = try site.snapshot()
        #expect(!files.keys.contains { $0.hasPrefix("en/") })
        #expect(!(try site.read("Output/index.html")).contains("language-switch"))
    }

    @Test func translatorMistakesAreLocatedErrors() async throws {
        let untranslatedFigure = try await TestSite.errors { site in
            try Self.withEnglish(site)
            try site.replace(in: "Content/indicators/x-01.yaml", "  title: Share of libraries with the service\n",
                             with: "  short_title: Libraries\n")
        }
        #expect(untranslatedFigure.contains { $0.contains("x-01.yaml") && $0.contains("needs a 'title'") },
                "\(untranslatedFigure)")
        let unknownKey = try await TestSite.errors { site in
            try Self.withEnglish(site)
            try site.replace(in: "Content/indicators/x-01.yaml", "  footnotes:", with: "  footnote:")
        }
        #expect(unknownKey.contains { $0.contains("unknown key 'footnote'") && $0.contains("footnotes") },
                "\(unknownKey)")
        let orphan = try await TestSite.errors { site in
            try Self.withEnglish(site)
            try site.write("Content/sections/en/03-khac.md", "---\ntitle: Other\n---\nText.\n")
        }
        #expect(orphan.contains { $0.contains("sections/en/03-khac.md:1:1") && $0.contains("no Vietnamese section") },
                "\(orphan)")
        let slug = try await TestSite.errors { site in
            try site.replace(in: "Content/sections/01-muc-dich.md", "order: 1", with: "order: 1\nslug: en")
        }
        #expect(slug.contains { $0.contains("01-muc-dich.md") && $0.contains("slug 'en'") }, "\(slug)")
    }

    @Test func anEnglishSectionCannotShowAnUntranslatedIndicator() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try Self.withEnglish(site)
        try site.replace(in: "Content/indicators/x-01.yaml", "en:\n  title: Share of libraries with the service\n"
                         + "  footnotes: [Counted once a year.]\n", with: "")
        let errors = await site.failures().filter { $0.severity == .error }.map { $0.formatted(.en) }
        #expect(errors.contains { $0.contains("sections/en/02-yeu-cau.md") && $0.contains("has no English title") },
                "\(errors)")
    }
}
