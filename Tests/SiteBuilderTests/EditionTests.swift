import Foundation
import Testing
@testable import SiteBuilder

/// Yearly editions: frozen as BagIt bags, verified before every build, published byte for byte, never re-rendered;
/// corrections since the latest edition published on `thay-doi/` and in its feed.
@Suite struct EditionTests {
    static func archive(_ site: TestSite, year: Int = 2024, replace: Bool = false) async throws(BuildFailure)
        -> Archiver.Result {
        try await Archiver(paths: site.paths).archive(year: year, date: "2025-03-31", replace: replace)
    }

    static func files(below url: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in FileSystem.regularFiles(below: url) {
            result[path] = try Data(contentsOf: url.appendingPathComponent(path))
        }
        return result
    }

    @Test func anEditionIsAVerifiableBagAndTheSameSourcesGiveTheSameBytes() async throws {
        let first = try TestSite("example")
        let second = try TestSite("example")
        defer { first.remove(); second.remove() }
        _ = try await Self.archive(first)
        _ = try await Self.archive(second)
        let bag = try Self.files(below: first.url("Archive/2024"))
        #expect(try bag == Self.files(below: second.url("Archive/2024")), "two freezes of the same sources differ")
        #expect(String(decoding: bag["bagit.txt"] ?? Data(), as: UTF8.self)
            == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        let info = String(decoding: bag["bag-info.txt"] ?? Data(), as: UTF8.self)
        #expect(info.contains("Bagging-Date: 2025-03-31\n") && info.contains("Tiendo-Edition-Year: 2024\n"))
        #expect(info.contains("Source-Organization: Sở Văn hóa và Thể thao tỉnh Thừa Thiên Huế\n"))
        #expect(bag["data/sources/Content/data/hoat-dong.csv"] != nil && bag["data/sources/Templates/layout.mustache"] != nil)
        let page = String(decoding: bag["data/site/chi-tieu/tv-07/index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<strong>Bản lưu trữ năm 2024</strong> — số liệu đến năm 2024; <a href=\"../../../chi-tieu/tv-07/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://hoctapsuotdoi.thuathienhue.gov.vn/2024/chi-tieu/tv-07/\">"))
        // Every payload file is in the manifest with its SHA-256.
        let manifest = String(decoding: bag["manifest-sha256.txt"] ?? Data(), as: UTF8.self)
        let payload = bag.keys.filter { $0.hasPrefix("data/") }
        #expect(manifest.split(separator: "\n").count == payload.count)
        #expect(try await Archiver(paths: first.paths).verify(rebuild: true) == [2024])
    }

    @Test func editionsArePublishedByteForByteWhateverChanges() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        _ = try await Self.archive(site)
        // A new theme, a changed section, changed data: the edition must not move.
        try site.replace(in: "Templates/layout.mustache", "<main id=\"noi-dung\"", with: "<main data-moi=\"1\" id=\"noi-dung\"")
        try site.replace(in: "Content/sections/03-muc-tieu.md", "## 1.", with: "## 1 (sửa).")
        try site.replace(in: "Content/data/hoat-dong.csv", "2023,TVH-01,có,", with: "2023,TVH-01,có,1")
        try await site.build()
        #expect(try Self.files(below: site.url("Output/2024")) == Self.files(below: site.url("Archive/2024/data/site")))
        let current = try site.read("Output/chi-tieu/tv-07/index.html")
        #expect(current.contains("data-moi=\"1\"") && current.contains("Báo cáo năm 2024</a>: 585.040 lượt (2024)"))
        #expect(try site.read("Output/cac-ky-bao-cao/index.html").contains("<a href=\"../2024/\">Báo cáo năm 2024</a>"))
    }

    @Test func aFlippedByteStopsTheBuildAndVerify() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        _ = try await Self.archive(site)
        try await site.build()
        let before = try site.snapshot()
        let target = site.url("Archive/2024/data/site/index.html")
        var bytes = try Data(contentsOf: target)
        bytes[200] ^= 0x01
        try bytes.write(to: target)
        let errors = await site.failures().map { $0.formatted(.en) }
        #expect(errors == ["Archive/2024/data/site/index.html: error: the file was changed: its SHA-256 does not match "
            + "manifest-sha256.txt"])
        #expect(try site.snapshot() == before, "a failed build leaves Output/ as it was")
        do {
            _ = try await Archiver(paths: site.paths).verify(rebuild: false)
            Issue.record("verify must fail")
        } catch {
            #expect(error.diagnostics.map { $0.path } == ["Archive/2024/data/site/index.html"])
        }
    }

    @Test func anEditionIsNotOverwrittenWithoutReplace() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        _ = try await Self.archive(site)
        do {
            _ = try await Self.archive(site)
            Issue.record("a second archive of 2024 must be refused")
        } catch {
            #expect(error.diagnostics.first?.formatted(.vi) == "Archive/2024: error: đã có bản lưu trữ năm 2024; bản lưu "
                + "trữ không bị ghi đè (dùng --replace nếu thật sự muốn thay)")
        }
        #expect(try await Self.archive(site, replace: true).files > 100)
    }

    @Test func aRevisedCountIsPublishedWithItsOldAndNewValueAndReason() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        _ = try await Self.archive(site)
        try site.replace(in: "Content/data/hoat-dong.csv", "2023,TVH-01,có,", with: "2023,TVH-01,có,1")
        try site.write("Content/revisions.yaml", """
            - indicator: TV-07
              year: 2023
              date: 2025-04-10
              reason: Báo cáo bổ sung của quý IV.
            """)
        try await site.build()
        // 518.820 + 100.000 (a leading 1 on TVH-01's 2023 count) = 618.820.
        let changes = try site.read("Output/thay-doi/index.html")
        #expect(changes.contains("Số liệu năm 2023 đã điều chỉnh: 518.820 lượt → 618.820 lượt (so với bản lưu trữ năm "
            + "2024). Lý do: Báo cáo bổ sung của quý IV. (ngày 10/04/2025)."))
        let feed = try site.read("Output/thay-doi/atom.xml")
        #expect(feed.contains("<title>TV-07: điều chỉnh số liệu năm 2023, 518.820 lượt → 618.820 lượt</title>"))
        #expect(feed.contains("<updated>2025-04-10T00:00:00Z</updated>"))
        let page = try site.read("Output/chi-tieu/tv-07/index.html")
        #expect(page.contains("Đã điều chỉnh so với bản lưu trữ năm 2024 (trước đây 518.820 lượt)."))
        #expect(page.contains("href=\"../../thay-doi/#chi-tieu-tv-07\""))
        #expect(try site.read("Output/index.html").contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
    }
}
