import Foundation
import Testing
@testable import SiteBuilder

/// A build whose spare folder holds no generation writes each page as it renders it (OutputWriter.FreshSpare).
@Suite struct FreshSpareTests {
    @Test func aFirstBuildWritesWhileRenderingTheSameBytesAsTheModelIntoANewFolder() async throws {
        let site = try TestSite()
        defer { site.remove() }
        // The output folder's parent does not exist yet: the build makes it (it used to fail on its lock file).
        let output = site.url("publish/site/Output")
        let result = try await SiteBuild(paths: BuildPaths(root: site.root, output: output)).run()
        // Every page left memory once written; the files made from every page (search index, catalogue) after.
        #expect(result.files.filter { $0.path.hasSuffix(".html") }.allSatisfy { $0.data == nil && $0.written })
        #expect(result.rendered == result.pages)
        #expect(result.written?.written == result.files.count)
        let generated = try await SiteBuild(paths: site.paths).generate()
        for file in generated.files {
            #expect(try Data(contentsOf: output.appendingPathComponent(file.path)) == file.data, "\(file.path)")
        }
        #expect(FileSystem.regularFiles(below: output) == (generated.files.map(\.path) + [Manifest.fileName]).sorted())
        // The section pages' folders, made ahead on a thread of their own, are exactly the pages' folders.
        var folders: Set<String> = []
        for file in generated.files {
            var path = file.path
            while let slash = path.lastIndex(of: "/") {
                path = String(path[..<slash])
                folders.insert(path)
            }
        }
        let made = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? [])
            .filter { FileSystem.isFolder(output.appendingPathComponent($0).path) }
        #expect(Set(made) == folders)
        #expect(folders.isSuperset(of: ["muc-dich", "yeu-cau"]))
    }

    /// After a first build there is no spare (its folder became the output folder): a build that changes nothing
    /// must not make one either.
    @Test func aBuildThatChangesNothingMakesNoSpare() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let result = try await site.build()
        #expect(result.written?.swapped == false)
        #expect(!FileManager.default.fileExists(atPath: site.url(".Output.tiendo-spare").path))
    }

    @Test func aBuildFailingOnItsContentWritesNothing() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.replace(in: "Content/site.yaml", "title:", with: "title: [")
        #expect(await !site.failures().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(!FileManager.default.fileExists(atPath: site.url(".Output.tiendo-spare").path))
    }

    /// An error found only while rendering leaves pages in the spare, which no server reads; the output folder is
    /// as it was, and the next build starts the spare afresh and gives the clean build's bytes.
    @Test func aBuildFailingWhileRenderingLeavesTheOutputAsItWas() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let published = try site.snapshot()
        // A first build leaves no spare (its folder became the output folder): the next one starts it afresh.
        #expect(!FileManager.default.fileExists(atPath: site.url(".Output.tiendo-spare").path))
        try site.replace(in: "Content/sections/01-muc-dich.md", "02-yeu-cau.md#chi-tieu", with: "02-yeu-cau.md#khong-co")
        try site.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn mới.\n\n## ")
        #expect(await !site.failures().isEmpty)
        #expect(try site.snapshot() == published)
        #expect(!FileManager.default.fileExists(atPath: site.url(".Output.tiendo-spare/.tiendo-manifest").path))
        try site.replace(in: "Content/sections/01-muc-dich.md", "02-yeu-cau.md#khong-co", with: "02-yeu-cau.md#chi-tieu")
        try await site.build()
        let clean = try TestSite()
        defer { clean.remove() }
        try clean.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn mới.\n\n## ")
        try await clean.build()
        #expect(try site.snapshot() == clean.snapshot())
    }

    /// Files are read to their end whatever size `fstat` said (a file that grew is read whole), up to a limit.
    @Test func readToEndReadsWhatIsThereUpToTheLimit() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tiendo-read-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let content = (0..<10_000).map { UInt8(truncatingIfNeeded: $0) }
        for (written, size, limit, expected) in [(content, content.count, Int.max, Optional(content)),
                                                 (content, 10, Int.max, content), ([UInt8](), 0, Int.max, []),
                                                 (content, content.count, 9_999, nil)] {
            try Data(written).write(to: url)
            let descriptor = open(url.path, O_RDONLY)
            defer { close(descriptor) }
            #expect(try FileSystem.readToEnd(descriptor, size: size, limit: limit) == expected)
        }
        #expect(FileSystem.readBytes(url.path) == content)
    }
}
