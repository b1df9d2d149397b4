import Foundation
import Testing
@testable import SiteBuilder

/// An incremental build (same output folder, previous manifest) must equal a clean build byte for byte, for
/// every kind of input, and must write only the files whose bytes changed.
@Suite struct IncrementalTests {
    typealias Change = @Sendable (TestSite) throws -> Void

    static let changes: [(String, Change)] = [
        ("a data cell", { try $0.replace(in: "Content/data/hoat-dong.csv", "2023,C,không,300", with: "2023,C,có,300") }),
        ("a section body", { try $0.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn mới.\n\n## ") }),
        ("a section title shown in the menu", {
            try $0.replace(in: "Content/sections/01-muc-dich.md", "title: Mục đích", with: "title: Mục đích chung")
        }),
        ("an indicator target", { try $0.replace(in: "Content/indicators/x-01.yaml", "value: 80", with: "value: 60") }),
        ("a category name", { try $0.replace(in: "Content/categories.yaml", "thu-vien: Thư viện\nkinds",
                                             with: "thu-vien: Hệ thống thư viện\nkinds") }),
        ("a template", { try $0.replace(in: "Templates/section.mustache", "<h1>{{title}}</h1>",
                                        with: "<h1 class=\"tieu-de\">{{title}}</h1>") }),
        ("a stylesheet", { try $0.replace(in: "Templates/assets/style.css", "}", with: "}\n/* đổi */") }),
        ("a string of the interface", { try $0.replace(in: "Templates/strings/vi.yaml", "nav_data: Dữ liệu",
                                                       with: "nav_data: Số liệu") }),
        ("a section body, the kept search texts gone", {
            try FileManager.default.removeItem(at: $0.url(".Output.tiendo-texts"))
            try $0.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn mới.\n\n## ")
        }),
        ("a section body, the kept search texts altered", {
            // A kept text that no longer matches its digest is not used: its section is rendered again.
            var bytes = [UInt8](try Data(contentsOf: $0.url(".Output.tiendo-texts")))
            if let last = bytes.lastIndex(where: { $0 >= 0x61 && $0 <= 0x7A }) {
                bytes[last] = bytes[last] == 0x61 ? 0x62 : 0x61
            }
            try Data(bytes).write(to: $0.url(".Output.tiendo-texts"))
            try $0.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn mới.\n\n## ")
        }),
        ("a new section", { try $0.write("Content/sections/03-moi.md", "---\ntitle: Phần mới\norder: 3\n---\nNội dung.\n") }),
        ("an English section body", { try $0.replace(in: "Content/sections/en/02-yeu-cau.md", "## ",
                                                    with: "A new paragraph.\n\n## ") }),
        ("an English indicator title", { try $0.replace(in: "Content/indicators/x-01.yaml", "with the service",
                                                        with: "offering the service") }),
        ("a string of the English interface", { try $0.replace(in: "Templates/strings/en.yaml", "nav_data: Data",
                                                               with: "nav_data: Figures") }),
        ("a removed section", { try FileManager.default.removeItem(at: $0.url("Content/sections/02-yeu-cau.md"))
            try FileManager.default.removeItem(at: $0.url("Content/sections/en/02-yeu-cau.md"))
            try $0.replace(in: "Content/site.yaml", ", 02-yeu-cau.md]", with: "]")
            try $0.replace(in: "Content/sections/01-muc-dich.md", "Xem [Yêu cầu](02-yeu-cau.md#chi-tieu). ", with: "")
        }),
    ]

    /// Gives the mini site a menu, so that section titles appear on every page, and an English edition.
    static func withMenu(_ site: TestSite) throws {
        try site.replace(in: "Content/site.yaml", "publisher:", with: "menu: [01-muc-dich.md, 02-yeu-cau.md]\npublisher:")
        try EnglishEditionTests.withEnglish(site)
    }

    @Test(arguments: changes.indices)
    func incrementalEqualsClean(_ index: Int) async throws {
        let (name, change) = Self.changes[index]
        let site = try TestSite()
        defer { site.remove() }
        try Self.withMenu(site)
        try await site.build()
        // A second build records the input files' digest (a first build reads no stamps), so that the build after
        // the change takes the data-only shortcut whenever it may (SectionRecipe.dataOnlyShortcut).
        try await site.build()
        let before = try site.snapshot()
        try change(site)
        let result = try await site.build()
        let incremental = try site.snapshot()

        let clean = try TestSite()
        defer { clean.remove() }
        try FileManager.default.removeItem(at: clean.url("Content"))
        try FileManager.default.removeItem(at: clean.url("Templates"))
        try FileManager.default.copyItem(at: site.url("Content"), to: clean.url("Content"))
        try FileManager.default.copyItem(at: site.url("Templates"), to: clean.url("Templates"))
        try await clean.build()
        let cleanFiles = try clean.snapshot()
        #expect(incremental == cleanFiles, "\(name): incremental build differs from a clean build")
        #expect(incremental != before, "\(name): the change changed nothing")
        let changed = Set(incremental.keys.filter { incremental[$0] != before[$0] }).subtracting([Manifest.fileName])
        #expect((result.written?.written ?? -1) == changed.count, "\(name): wrote other files than the changed ones")
    }

    /// A clean build keeps every section's text for the next build (staged while its search index is made): the
    /// texts its section pages give, by path, for the main site and its English edition.
    @Test func aCleanBuildKeepsEverySectionsText() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        try await site.build()
        var log = DiagnosticLog()
        var timer = StepTimer()
        let loaded = try await SiteBuild(paths: site.paths).load(cache: nil, log: &log, timer: &timer)
        let (main, english) = loaded.withEnglishEdition(log: &log)
        for model in [main] + (english.map { [$0] } ?? []) {
            let file = SearchTexts.url(beside: site.output, prefix: model.outputPrefix)
            let kept = try #require(SearchTexts.parse(try Data(contentsOf: file)), "\(file.lastPathComponent)")
            let builder = PageBuilder(model: model)
            let expected = Dictionary(uniqueKeysWithValues: model.content.sections.indices.map {
                (model.content.sections[$0].path, builder.section(at: $0).searchText ?? "")
            })
            #expect(kept == expected, "\(file.lastPathComponent)")
            #expect(kept.count == model.content.sections.count && kept.values.allSatisfy { !$0.isEmpty })
        }
    }

    @Test func dataCellRerendersOnlyPagesThatShowTheFigure() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        try site.replace(in: "Content/data/hoat-dong.csv", "2023,C,không,300", with: "2023,C,có,300")
        let result = try await site.build()
        // The section that cites the figure, the indicator, its group, the index and the home page's overview
        // change; the other section page does not (it has no figure).
        #expect(result.rendered < result.pages)
        let changedPages = Set(try site.snapshot().keys).filter { $0.hasSuffix(".html") }
        #expect(changedPages.contains("yeu-cau/index.html"))
    }

    @Test func noOpRebuildTouchesNothing() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let before = try Self.stamps(site.output)
        let result = try await site.build()
        #expect(result.written?.swapped == false)
        #expect(result.rendered == 0)
        #expect(try Self.stamps(site.output) == before)
    }

    @Test func unchangedFilesKeepTheirInodeAndTime() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let before = try Self.stamps(site.output)
        try site.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn mới.\n\n## ")
        try await site.build()
        let after = try Self.stamps(site.output)
        #expect(after["yeu-cau/index.html"] != before["yeu-cau/index.html"])
        #expect(after["chi-tieu/x-01/index.html"] == before["chi-tieu/x-01/index.html"])
        #expect(after["assets/style.css"] == before["assets/style.css"])
    }

    @Test func filesRemovedByHandAreRestored() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let before = try site.snapshot()
        try FileManager.default.removeItem(at: site.url("Output/chi-tieu/x-01/index.html"))
        try site.write("Output/du-lieu/x-01.csv", "sửa tay")
        try await site.build()
        #expect(try site.snapshot() == before)
    }

    /// The writer checks each file where it takes it from: the spare (kept), the output folder (linked) or, for a
    /// build that changes nothing, the output folder as it stands. Damage in either generation is built again.
    @Test func filesChangedByHandInEitherGenerationAreRestored() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        try site.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn mới.\n\n## ")
        try await site.build()
        let expected = try site.snapshot()
        // After two builds most files are one inode in both generations: changed in place, both see it.
        let shared = try FileHandle(forWritingTo: site.url("Output/chi-tieu/x-01/index.html"))
        try shared.seekToEnd()
        try shared.write(contentsOf: Data("<!-- sửa tay -->".utf8))
        try shared.close()
        try FileManager.default.removeItem(at: site.url("Output/assets/style.css"))
        try FileManager.default.removeItem(at: site.url(".Output.tiendo-spare/index.html"))
        try await site.build()
        #expect(try site.snapshot() == expected)
        // The same damage before a build that changes a page.
        try site.write("Output/chi-tieu/x-01/index.html", "sửa tay")
        try FileManager.default.removeItem(at: site.url(".Output.tiendo-spare/index.html"))
        try site.replace(in: "Content/sections/02-yeu-cau.md", "Đoạn mới.", with: "Đoạn khác.")
        try await site.build()
        let rebuilt = try site.snapshot()
        let clean = try TestSite()
        defer { clean.remove() }
        try clean.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn khác.\n\n## ")
        try await clean.build()
        #expect(rebuilt == (try clean.snapshot()))
    }

    /// Inode and modification time of every file below `folder`.
    static func stamps(_ folder: URL) throws -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            var info = stat()
            guard lstat(folder.appendingPathComponent(relative).path, &info) == 0,
                  (info.st_mode & S_IFMT) == S_IFREG else { continue }
            result[relative] = [Int(info.st_ino), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        }
        return result
    }
}
