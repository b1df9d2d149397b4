import Foundation
import Testing
@testable import SiteBuilder

/// A rebuild that changes a few cache entries writes them to `.Output.tiendo-cache-changes` instead of the whole
/// cache; read back, cache file and changes file give the cache a clean build makes, and a changes file that does
/// not fit is ignored without harm.
@Suite struct CacheChangesTests {
    /// The mini site with `extra` more sections, so that a change to one is a small part of the cache.
    static func site(extra: Int = 12) throws -> TestSite {
        let site = try TestSite()
        for number in 0..<extra {
            try site.write("Content/sections/5\(number / 10)\(number % 10)-phan.md",
                           "---\ntitle: Phần \(number)\norder: \(10 + number)\n---\n\nĐoạn \(number) của kế hoạch.\n")
        }
        return site
    }

    static func cacheFiles(_ site: TestSite) -> (base: Data?, changes: Data?) {
        (try? Data(contentsOf: site.url(".Output.tiendo-cache")),
         try? Data(contentsOf: site.url(".Output.tiendo-cache-changes")))
    }

    /// Every entry of `cache` equals the clean build's, apart from the file stamps (another copy of the files).
    static func expectEqual(_ cache: BuildCache, toCleanBuildOf change: (TestSite) throws -> Void) async throws {
        let clean = try site()
        defer { clean.remove() }
        try change(clean)
        try await clean.build()
        let cleanCache = try #require(BuildCache.load(beside: clean.output))
        #expect(Set(cleanCache.entries.keys) == Set(cache.entries.keys))
        for (path, entry) in cache.entries {
            let expected = try #require(cleanCache.entries[path])
            var section = expected.section
            section.stamp = entry.section.stamp
            #expect(entry == BuildCache.Entry(section: section, warnings: expected.warnings,
                                              dependencies: expected.dependencies, recipe: expected.recipe,
                                              outputDigest: expected.outputDigest, anchors: expected.anchors,
                                              fragmentLinks: expected.fragmentLinks,
                                              searchTextDigest: expected.searchTextDigest), "\(path)")
        }
    }

    @Test func aSmallChangeWritesOnlyTheChangedEntries() async throws {
        let site = try Self.site()
        defer { site.remove() }
        try await site.build()
        let (base, none) = Self.cacheFiles(site)
        #expect(base != nil && none == nil)
        let change: (TestSite) throws -> Void = { site in
            try site.replace(in: "Content/sections/503-phan.md", "Đoạn 3", with: "Đoạn ba, đã sửa")
            try FileManager.default.removeItem(at: site.url("Content/sections/507-phan.md"))
        }
        try change(site)
        try await site.build()
        let (sameBase, changes) = Self.cacheFiles(site)
        #expect(sameBase == base, "the cache file is left as it was")
        let changesSize = try #require(changes).count
        let baseSize = try #require(base).count
        #expect(changesSize * 4 <= baseSize)
        let loaded = try #require(BuildCache.load(beside: site.output))
        #expect(loaded.entries["Content/sections/507-phan.md"] == nil)
        #expect(loaded.entries["Content/sections/503-phan.md"]?.encoded?.source !== loaded.base?.source)
        try await Self.expectEqual(loaded, toCleanBuildOf: change)
        // Read back, the changes file is written again as it is, and the next build is a no-op.
        #expect(loaded.changesBytes() == changes.map { [UInt8]($0) })
        let again = try await site.build()
        #expect(again.written?.swapped == false && again.rendered == 0)
    }

    @Test func manyChangesWriteTheWholeCacheAgain() async throws {
        let site = try Self.site()
        defer { site.remove() }
        try await site.build()
        try site.replace(in: "Content/sections/503-phan.md", "Đoạn 3", with: "Đoạn ba")
        try await site.build()
        #expect(Self.cacheFiles(site).changes != nil)
        let change: (TestSite) throws -> Void = { site in
            try site.replace(in: "Content/sections/503-phan.md", "Đoạn 3", with: "Đoạn ba")
            for number in [0, 1, 2, 4, 5, 6] {
                try site.replace(in: "Content/sections/50\(number)-phan.md", "title: Phần", with: "title: Mục")
            }
        }
        for number in [0, 1, 2, 4, 5, 6] {
            try site.replace(in: "Content/sections/50\(number)-phan.md", "title: Phần", with: "title: Mục")
        }
        try await site.build()
        let (base, changes) = Self.cacheFiles(site)
        #expect(changes == nil, "the changes file is gone once the whole cache is written")
        let baseBytes = try #require(base)
        let cache = try #require(BuildCache.parse(baseBytes))
        #expect(cache.serialized() == base)
        try await Self.expectEqual(cache, toCleanBuildOf: change)
    }

    @Test func aChangesFileThatDoesNotFitIsIgnored() async throws {
        let site = try Self.site()
        defer { site.remove() }
        try await site.build()
        let firstBase = try #require(Self.cacheFiles(site).base)
        try site.replace(in: "Content/sections/503-phan.md", "Đoạn 3", with: "Đoạn ba")
        try await site.build()
        let changes = try #require(Self.cacheFiles(site).changes)
        let base = try #require(BuildCache.parse(firstBase))
        var applied = base
        let didApply = applied.apply([UInt8](changes))
        #expect(didApply)
        let edited = "Content/sections/503-phan.md"
        #expect(applied.entries.count == base.entries.count)
        #expect(applied.entries[edited]?.recipe != base.entries[edited]?.recipe)
        var mixer = SidecarFileTests.Mixer(state: 503)
        for _ in 0..<500 {
            var damaged = base
            let didApplyDamaged = damaged.apply([UInt8](SidecarFileTests.damaged([UInt8](changes), &mixer)))
            #expect(!didApplyDamaged)
            #expect(damaged.entries.count == base.entries.count)
        }
        // Against another cache file (here one with a section more) it does not apply either.
        let other = try Self.site(extra: 13)
        defer { other.remove() }
        try await other.build()
        let otherBytes = try #require(Self.cacheFiles(other).base)
        let otherBase = try #require(BuildCache.parse(otherBytes))
        var otherApplied = otherBase
        let didApplyOther = otherApplied.apply([UInt8](changes))
        #expect(!didApplyOther)
        // A build with a damaged changes file still equals a clean build.
        var bytes = [UInt8](changes)
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: site.url(".Output.tiendo-cache-changes"))
        try site.replace(in: "Content/sections/504-phan.md", "Đoạn 4", with: "Đoạn bốn")
        try await site.build()
        let clean = try Self.site()
        defer { clean.remove() }
        try clean.replace(in: "Content/sections/503-phan.md", "Đoạn 3", with: "Đoạn ba")
        try clean.replace(in: "Content/sections/504-phan.md", "Đoạn 4", with: "Đoạn bốn")
        try await clean.build()
        #expect(try site.snapshot() == clean.snapshot())
    }
}
