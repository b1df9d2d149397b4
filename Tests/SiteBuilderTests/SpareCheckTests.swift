import Foundation
import Testing
@testable import SiteBuilder

/// The spare's files are checked ahead, after rendering (OutputWriter.SpareCheck): each must be a regular file of
/// the size the spare's manifest records, and the result holds only for the manifest it was checked against.
@Suite struct SpareCheckTests {
    @Test func checksEachFileOfTheSparesManifestAndOnlyForThatManifest() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        try site.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn mới.\n\n## ")
        try await site.build()
        let spare = site.url(".Output.tiendo-spare")
        let expected = try site.snapshot()
        // Damage by hand: a file removed, one grown in place, one replaced by a link to a file of its size, one by
        // a folder (which the writer removes: the spare is Tiendo's own).
        try FileManager.default.removeItem(at: spare.appendingPathComponent("index.html"))
        let grown = try FileHandle(forWritingTo: spare.appendingPathComponent("assets/style.css"))
        try grown.seekToEnd()
        try grown.write(contentsOf: Data("/* sửa tay */".utf8))
        try grown.close()
        let page = spare.appendingPathComponent("chi-tieu/x-01/index.html")
        try FileManager.default.moveItem(at: page, to: site.url("x-01.html"))
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: site.url("x-01.html"))
        try FileManager.default.removeItem(at: spare.appendingPathComponent("404.html"))
        try FileManager.default.createDirectory(at: spare.appendingPathComponent("404.html/x"),
                                                withIntermediateDirectories: true)
        let held = try #require(Manifest.read(in: spare))
        let check = OutputWriter.SpareCheck(spare: spare)
        #expect(check.damaged(checking: held.stamp) == nil, "nothing before it is started")
        check.start()
        #expect(try #require(check.damaged(checking: held.stamp))
                == ["index.html", "assets/style.css", "chi-tieu/x-01/index.html", "404.html"])
        // Another manifest (the output folder's) is not the one checked.
        let other = try #require(Manifest.read(in: site.output))
        #expect(check.damaged(checking: other.stamp) == nil)
        // And the builds restore the damage (the generations share inodes: the file grown in place is grown in
        // the output folder too) before the exchange makes the spare the site.
        try site.replace(in: "Content/sections/02-yeu-cau.md", "Đoạn mới.", with: "Đoạn khác.")
        try await site.build()
        try site.replace(in: "Content/sections/02-yeu-cau.md", "Đoạn khác.", with: "Đoạn mới.")
        try await site.build()
        #expect(try site.snapshot() == expected)
    }
}
