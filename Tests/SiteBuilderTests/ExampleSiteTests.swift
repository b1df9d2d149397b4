import Foundation
import Testing
@testable import SiteBuilder

/// The example report of Plan 288 in Content/.
@Suite struct ExampleSiteTests {
    @Test func rendersAllElevenIndicatorsWithDifferentStatuses() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        try await site.build()
        let json = try site.read("Output/du-lieu/tat-ca-chi-tieu.json")
        for id in ["TV-01", "TV-02", "TV-03", "TV-04", "TV-05", "TV-06", "TV-07", "BT-01", "BT-02", "VH-01", "VH-02"] {
            #expect(json.contains("\"ma\": \"\(id)\""))
            #expect(FileManager.default.fileExists(atPath: site.url("Output/chi-tieu/\(id.lowercased())/index.html").path))
        }
        let goals = try site.read("Output/muc-tieu/index.html")
        for status in ["dat", "dung-tien-do", "can-day-nhanh", "cham", "di-xuong", "chua-du-du-lieu"] {
            #expect(goals.contains("status--\(status)"), "section II shows no '\(status)'")
        }
        #expect(goals.contains("role=\"img\""))
        let home = try site.read("Output/index.html")
        for slug in ["thong-tin-chung", "muc-dich-yeu-cau", "muc-tieu", "noi-dung-thuc-hien", "phuong-phap-tinh"] {
            #expect(home.contains("href=\"\(slug)/\""))
        }
        #expect(try site.read("Output/noi-dung-thuc-hien/index.html").contains("Văn bản bị cắt ngắn"))
    }

    /// Changing one facility's row changes exactly the files that depend on it, and nothing about other indicators.
    @Test func oneRowChangesOnlyDependentFigures() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        try await site.build()
        let before = try site.snapshot()
        let tv02 = try site.read("Output/chi-tieu/tv-02/index.html")
        #expect(tv02.contains("66,7%"))
        // TVH-02 (a district library) reports no service in 2024 instead of yes: 5 of 9 = 55,6%.
        let data = try site.read("Content/data/hoat-dong.csv")
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let target = try #require(lines.firstIndex { $0.hasPrefix("2024,TVH-") && $0.contains(",có,") })
        let facility = lines[target].split(separator: ",")[1]
        var changed = lines
        changed[target] = lines[target].replacingOccurrences(of: ",có,", with: ",không,")
        try site.write("Content/data/hoat-dong.csv", changed.joined(separator: "\n"))
        try await site.build()
        let after = try site.snapshot()
        let differing = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(try site.read("Output/chi-tieu/tv-02/index.html").contains("55,6%"), "\(facility)")
        for unaffected in ["chi-tieu/tv-01/index.html", "chi-tieu/tv-07/index.html", "chi-tieu/bt-01/index.html",
                           "du-lieu/tv-01.csv", "du-lieu/vh-01.json", "muc-dich-yeu-cau/index.html"] {
            #expect(!differing.contains(unaffected), "\(unaffected) changed")
        }
        for affected in ["chi-tieu/tv-02/index.html", "du-lieu/tv-02.csv", "du-lieu/tv-02.json",
                         "muc-tieu/index.html", "du-lieu/goc/hoat-dong.csv"] {
            #expect(differing.contains(affected), "\(affected) did not change")
        }
    }
}
