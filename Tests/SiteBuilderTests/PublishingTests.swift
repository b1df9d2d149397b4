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
}
