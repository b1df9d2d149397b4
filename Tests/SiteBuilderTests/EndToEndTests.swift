import Foundation
import Testing
@testable import SiteBuilder

@Suite struct EndToEndTests {
    /// Golden HTML: the exact bytes of two pages. Set TIENDO_UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
    @Test(arguments: ["yeu-cau/index.html", "chi-tieu/x-01/index.html", "index.html"])
    func goldenPages(_ page: String) async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let actual = try site.read("Output/" + page)
        let golden = TestSite.fixtures.appendingPathComponent("golden")
            .appendingPathComponent(page.replacingOccurrences(of: "/", with: "_"))
        if ProcessInfo.processInfo.environment["TIENDO_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "Output/\(page) differs from \(golden.lastPathComponent)")
    }

    @Test func miniSiteHasEveryPageAndComputedFigures() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = try await site.build()
        let files = try site.snapshot()
        for page in ["index.html", "404.html", "muc-dich/index.html", "yeu-cau/index.html", "chi-tieu/index.html",
                     "chi-tieu/thu-vien/index.html", "chi-tieu/x-01/index.html", "du-lieu/index.html",
                     "du-lieu/x-01.csv", "du-lieu/x-01.json", "du-lieu/x-01-theo-dia-ban.csv", "du-lieu/goc/co-so.csv",
                     "assets/style.css", ".tiendo-manifest"] {
            #expect(files[page] != nil, "missing \(page)")
        }
        #expect(result.pages == 9)
        let home = try site.read("Output/index.html")
        #expect(home.contains("<html lang=\"vi\">"))
        #expect(home.contains("href=\"muc-dich/\""))
        #expect(home.contains("Số liệu minh họa — không phải số liệu chính thức"))
        let section = try site.read("Output/muc-dich/index.html")
        // 2021: 1 of 4 (25%); 2023: 2 of 4 (50%).
        #expect(section.contains(">50%</a>"))
        #expect(section.contains("href=\"../yeu-cau/#chi-tieu\""))
        #expect(section.contains("id=\"day-manh-2\""))
        #expect(!section.contains("<script"))
        // (50 − 25) / 2 = 12.5 pp/yr against (80 − 25) / 4 = 13.75: ratio 0.909 → needs acceleration.
        let indicator = try site.read("Output/chi-tieu/x-01/index.html")
        #expect(indicator.contains("status--can-day-nhanh"))
        #expect(indicator.contains("Tốc độ hiện nay bằng 91% tốc độ cần thiết"))
        let csv = try site.read("Output/du-lieu/x-01.csv")
        #expect(csv.contains("2021,25,%,1,4,0,,4,true,,so-lieu\r\n"))
        #expect(csv.contains("2022,,%,,0,4,,4,true,,so-lieu\r\n"))
        let raw = try site.read("Output/du-lieu/goc/hoat-dong.csv")
        #expect(raw.contains("2023,D,không,\"'=HYPERLINK(\"\"x\"\")\"\r\n"))
    }

    @Test func sameInputsGiveIdenticalBytes() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let first = try site.snapshot()
        try await site.build()
        #expect(try site.snapshot() == first)
    }

    @Test func failedBuildLeavesOutputExactlyAsItWas() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let before = try site.snapshot()
        try site.replace(in: "Content/site.yaml", "title: Báo cáo thử", with: "title: [")
        #expect(await site.failures().isEmpty == false)
        #expect(try site.snapshot() == before)
        // The spare generation, the lock and the build cache sit beside Output/ by design; nothing else is left.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
            .filter { $0.contains("tiendo-") }
            .filter { ![".Output.tiendo-spare", ".Output.tiendo-lock", ".Output.tiendo-cache", ".Output.tiendo-texts",
                        ".Output.tiendo-cache-changes"].contains($0) }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesToReplaceAForeignFolder() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try site.write("Output/important.txt", "keep me")
        let errors = await site.failures()
        #expect(errors.first?.message.en.contains("was not written by Tiendo") == true)
        #expect(try site.read("Output/important.txt") == "keep me")
    }

    @Test func changingOneRowChangesTheFigureAndStatus() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        try site.replace(in: "Content/data/hoat-dong.csv", "2023,C,không,300", with: "2023,C,có,300")
        try await site.build()
        // 3 of 4 = 75%: (75 − 25) / 2 = 25 pp/yr ≥ 13.75 → on track.
        let section = try site.read("Output/muc-dich/index.html")
        #expect(section.contains(">75%</a>"))
        #expect(try site.read("Output/chi-tieu/x-01/index.html").contains("status--dung-tien-do"))
    }
}
