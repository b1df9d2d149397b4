import Foundation
import Testing
@testable import SiteBuilder

/// Links and ids: a link to a place that does not exist is an error at the link, whether the target page was
/// rendered in this build or reused; headings never take an id an indicator block uses.
@Suite struct LinkGuardTests {
    @Test func linkToAMissingHeadingIsAnError() async throws {
        let errors = try await TestSite.errors(.vi) {
            try $0.replace(in: "Content/sections/01-muc-dich.md", "02-yeu-cau.md#chi-tieu", with: "02-yeu-cau.md#khong-co")
        }
        #expect(errors == ["Content/sections/01-muc-dich.md:9:5: error: liên kết tới '#khong-co': 02-yeu-cau.md không có "
            + "đề mục hay khối nào có mã 'khong-co'"])
    }

    @Test func linkOnTheSamePageIsChecked() async throws {
        let errors = try await TestSite.errors(.en) { site in
            try site.write("Content/sections/01-muc-dich.md",
                           try site.read("Content/sections/01-muc-dich.md") + "\n[lên](#day-manh) [sai](#day-mạnh-9)\n")
        }
        #expect(errors == ["Content/sections/01-muc-dich.md:17:18: error: link to '#day-mạnh-9': 01-muc-dich.md has no "
            + "heading or block with the id 'day-mạnh-9' (did you mean 'day-manh-2'?)"])
    }

    @Test func removingTheTargetHeadingFailsTheNextIncrementalBuild() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let before = try site.snapshot()
        // Only the target changes: the linking section is reused from the cache, and its link is still checked.
        let target = try site.read("Content/sections/02-yeu-cau.md")
        let heading = try #require(target.range(of: "## Chỉ tiêu"))
        try site.write("Content/sections/02-yeu-cau.md", target.replacingCharacters(in: heading, with: "## Khác"))
        let errors = await site.failures().map { $0.formatted(.en) }
        #expect(errors.contains { $0.hasPrefix("Content/sections/01-muc-dich.md:9:5: error: link to '#chi-tieu'") },
                "\(errors)")
        #expect(try site.snapshot() == before, "a failed build leaves Output/ as it was")
    }

    @Test func headingsNeverTakeABlockID() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("Content/sections/02-yeu-cau.md", try site.read("Content/sections/02-yeu-cau.md")
            + "\n## Chỉ tiêu X-01\n\nĐoạn văn.\n")
        try await site.build()
        let page = try site.read("Output/yeu-cau/index.html")
        #expect(page.contains("<h2 id=\"chi-tieu-x-01-2\">Chỉ tiêu X-01</h2>"), "\(page)")
        #expect(page.components(separatedBy: "id=\"chi-tieu-x-01\"").count == 2, "the block's id appears once")
    }

    @Test func aBlockPlacedTwiceIsAnError() async throws {
        let errors = try await TestSite.errors(.en) { site in
            try site.write("Content/sections/02-yeu-cau.md", try site.read("Content/sections/02-yeu-cau.md")
                + "\n```indicator x-01\n```\n")
        }
        #expect(errors.count == 1 && errors.first?.contains("'X-01' is already placed on this page on line") == true,
                "\(errors)")
    }

    @Test func contentFolderOutsideTheRootIsReadNotCalledASymlink() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("tiendo-outside-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.moveItem(at: site.url("Content"), to: outside)
        try await SiteBuild(paths: BuildPaths(root: site.root, content: outside)).run()
        #expect(FileManager.default.fileExists(atPath: site.url("Output/index.html").path))
    }

    @Test func readOnlyOutputIsReplacedAndLeavesNothingBehind() async throws {
        let site = try TestSite()
        defer {
            chmod(site.url("Output").path, 0o755)
            chmod(site.url(".Output.tiendo-spare").path, 0o755)
            site.remove()
        }
        try await site.build()
        chmod(site.url("Output").path, 0o555)
        for (old, new) in [("2023,C,không", "2023,C,có"), ("2023,C,có", "2023,C,không")] {
            try site.replace(in: "Content/data/hoat-dong.csv", old, with: new)
            #expect(try await site.build().written?.swapped == true)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
            .filter { $0 != ".Output.tiendo-cache-changes" }
        #expect(names == [".Output.tiendo-cache", ".Output.tiendo-lock", ".Output.tiendo-spare", ".Output.tiendo-texts",
                          "Content", "Output", "Templates"])
    }
}
