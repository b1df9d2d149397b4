import Foundation
import Testing
@testable import SiteBuilder

/// An output folder that is a symbolic link (`Output` → the web server's folder) is published into where it leads.
@Suite struct OutputLinkTests {
    @Test func aLinkedOutputStaysALinkAndItsFolderGetsTheSite() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let served = site.url("www/bao-cao")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.output.path, withDestinationPath: "www/bao-cao")
        try await site.build()
        // A second build, after an edit, publishes the next generation into the same folder.
        try site.replace(in: "Content/sections/02-yeu-cau.md", "order: 2\n---\n", with: "order: 2\n---\nĐoạn mới.\n")
        try await site.build()
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path)
        #expect(link == "www/bao-cao")
        let page = try String(contentsOf: served.appendingPathComponent("yeu-cau/index.html"), encoding: .utf8)
        #expect(page.contains("<p>Đoạn mới.</p>"))
        #expect(FileManager.default.fileExists(atPath: site.url("www/.bao-cao.tiendo-spare").path))
        #expect(!FileManager.default.fileExists(atPath: site.url(".Output.tiendo-spare").path))
    }

    @Test func aLinkToNoFolderIsAnError() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.output.path, withDestinationPath: "www/khong-co")
        let errors = await site.failures().map { $0.formatted(.en) }
        #expect(errors == ["\(site.output.path): error: is a symbolic link to 'www/khong-co', where there is no "
            + "folder; create that folder or fix the link"])
        #expect(!FileManager.default.fileExists(atPath: site.url("www").path))
    }
}
