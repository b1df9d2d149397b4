import Foundation
import Testing
@testable import SiteBuilder

/// Being found: the sitemap lists every page of the site and of each edition, and only real pages.
@Suite struct PublishingTests {
    @Test func sitemapListsEveryRealPageAndNothingElse() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        _ = try await Archiver(paths: site.paths).archive(year: 2024, date: "2025-03-31", replace: false)
        try await site.build()
        let sitemap = try site.read("Output/sitemap.xml")
        let base = "https://hoctapsuotdoi.thuathienhue.gov.vn/"
        let locs = sitemap.components(separatedBy: "<loc>").dropFirst().compactMap { $0.components(separatedBy: "</loc>").first }
        let pages = FileSystem.regularFiles(below: site.output)
            .filter { $0.hasSuffix(".html") && !$0.hasSuffix("404.html") }
            .map { base + ($0.hasSuffix("index.html") ? String($0.dropLast("index.html".count)) : $0) }
        #expect(Set(locs) == Set(pages))
        #expect(locs.count == pages.count)
        #expect(sitemap.contains("<url><loc>\(base)2024/</loc><lastmod>2025-03-31</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>\(base)</loc><lastmod>2024-12-31</lastmod></url>"))
        #expect(try site.read("Output/robots.txt") == "User-agent: *\nAllow: /\nSitemap: \(base)sitemap.xml\n")
    }

    @Test func searchIndexHasEverySectionIndicatorAndTaskAndSurvivesTheCache() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        func entries() throws -> [[String: String]] {
            let data = try Data(contentsOf: site.url("Output/tim-kiem/chi-muc.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
        }
        let first = try entries()
        #expect(first.contains { $0["u"] == "muc-dich/" && $0["x"]?.contains("Đẩy mạnh") == true && $0["k"] == "Phần" })
        #expect(first.contains { $0["u"] == "chi-tieu/x-01/" && $0["t"] == "X-01: Tỷ lệ thư viện có dịch vụ" })
        #expect(first.contains { $0["u"] == "du-lieu/goc/hoat-dong.csv" })
        // Only data changes: unchanged sections come from the build cache and keep their text in the index; the
        // section quoting the figure has the new one (2 of 4 → 3 of 4 in 2023: 75%).
        try site.replace(in: "Content/data/hoat-dong.csv", "2023,C,không", with: "2023,C,có")
        let result = try await site.build()
        #expect(result.rendered < result.pages)
        let second = try entries()
        #expect(second.count == first.count)
        #expect(second.first { $0["u"] == "yeu-cau/" }?["x"] == first.first { $0["u"] == "yeu-cau/" }?["x"])
        #expect(second.first { $0["u"] == "yeu-cau/" }?["x"]?.isEmpty == false)
        #expect(second.first { $0["u"] == "muc-dich/" }?["x"]?.contains("Tỷ lệ hiện nay: 75%") == true)
        // A new last section: the first one is reused from the cache, unread, and its text is still indexed.
        try site.write("Content/sections/03-moi.md", "---\ntitle: Phần mới\norder: 3\n---\n\nNội dung mới.\n")
        try await site.build()
        let third = try entries()
        #expect(third.first { $0["u"] == "muc-dich/" }?["x"] == second.first { $0["u"] == "muc-dich/" }?["x"])
        #expect(third.contains { $0["u"] == "phan-moi/" && $0["x"] == "Nội dung mới." })
    }

    @Test func theReportsUpdatesFeedListsItsDataYearEditionsAndNewSections() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        _ = try await Archiver(paths: site.paths).archive(year: 2024, date: "2025-03-31", replace: false)
        try site.write("Content/sections/06-moi.md", "---\ntitle: Kết quả năm 2025\norder: 6\n---\n\nNội dung.\n")
        try await site.build()
        let feed = try site.read("Output/atom.xml")
        let base = "https://hoctapsuotdoi.thuathienhue.gov.vn/"
        #expect(feed.contains("<id>\(base)#so-lieu-2024</id>\n<title>Số liệu đến năm 2024</title>\n"
            + "<updated>2024-12-31T00:00:00Z</updated>"))
        #expect(feed.contains("<id>\(base)2024/</id>\n<title>Bản lưu trữ năm 2024</title>\n<updated>2025-03-31T00:00:00Z"))
        #expect(feed.contains("<title>Phần mới: Kết quả năm 2025</title>"))
        #expect(feed.components(separatedBy: "<entry>").count == 4)
        #expect(try site.read("Output/muc-tieu/index.html").contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Cập nhật của báo cáo\" href=\"../atom.xml\">"))
    }
}
