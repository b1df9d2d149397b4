import Foundation
import Testing
@testable import SiteBuilder

/// The files a build keeps beside the output folder (cache, search texts, manifest) are read back on every build:
/// a damaged one is refused or read as far as it is sound, never a crash, and the next build still equals a clean
/// one.
@Suite struct SidecarFileTests {
    /// A small deterministic generator, so a failure can be reproduced.
    struct Mixer {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static func damaged(_ bytes: [UInt8], _ mixer: inout Mixer) -> Data {
        var copy = bytes
        switch mixer.next(4) {
        case 0: copy = Array(copy.prefix(mixer.next(copy.count)))
        case 1: copy[mixer.next(copy.count)] ^= UInt8(1 + mixer.next(255))
        case 2:
            // A length or count turned huge or negative.
            let start = mixer.next(max(copy.count - 8, 1))
            for index in start..<min(start + 8, copy.count) { copy[index] = mixer.next(2) == 0 ? 0xFF : 0x7F }
        default: copy.insert(UInt8(mixer.next(256)), at: mixer.next(copy.count))
        }
        return Data(copy)
    }

    @Test func damagedSidecarFilesAreRefusedWithoutACrash() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let cache = [UInt8](try Data(contentsOf: site.url(".Output.tiendo-cache")))
        let texts = [UInt8](try Data(contentsOf: site.url(".Output.tiendo-texts")))
        let manifest = [UInt8](try Data(contentsOf: site.url("Output/.tiendo-manifest")))
        #expect(BuildCache.parse(Data(cache)) != nil && SearchTexts.parse(Data(texts)) != nil)
        var mixer = Mixer(state: 288)
        var refused = 0
        for _ in 0..<3000 {
            if BuildCache.parse(Self.damaged(cache, &mixer)) == nil { refused += 1 }
            _ = SearchTexts.parse(Self.damaged(texts, &mixer))
            _ = Manifest.parse(Self.damaged(manifest, &mixer))
        }
        #expect(refused > 0)
    }

    /// A rebuild writes the cache entries it did not change as the bytes it read them from: the file must be
    /// exactly what encoding every entry afresh gives, and the cache of a clean build of the same content.
    @Test func aCacheWrittenFromReusedBytesIsTheCacheEncodedAfresh() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        try site.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn mới.\n\n## ")
        try site.replace(in: "Content/sections/01-muc-dich.md", "title: Mục đích", with: "title: Mục đích chung")
        try await site.build()
        let written = try Data(contentsOf: site.url(".Output.tiendo-cache"))
        let decoded = try #require(BuildCache.parse(written))
        #expect(decoded.serialized() == written)
        let clean = try TestSite()
        defer { clean.remove() }
        try clean.replace(in: "Content/sections/02-yeu-cau.md", "## ", with: "Đoạn mới.\n\n## ")
        try clean.replace(in: "Content/sections/01-muc-dich.md", "title: Mục đích", with: "title: Mục đích chung")
        try await clean.build()
        let cleanCache = try #require(BuildCache.parse(try Data(contentsOf: clean.url(".Output.tiendo-cache"))))
        #expect(Set(cleanCache.entries.keys) == Set(decoded.entries.keys))
        for (path, entry) in decoded.entries {
            let clean = try #require(cleanCache.entries[path])
            var section = clean.section
            section.stamp = entry.section.stamp
            let expected = BuildCache.Entry(section: section, warnings: clean.warnings,
                                            dependencies: clean.dependencies, recipe: clean.recipe,
                                            outputDigest: clean.outputDigest, anchors: clean.anchors,
                                            fragmentLinks: clean.fragmentLinks,
                                            searchTextDigest: clean.searchTextDigest)
            #expect(entry == expected, "\(path)")
        }
    }

    /// A clean build writes its cache while the search index is made (SiteBuild.earlyCache): the file must be the
    /// cache the build ended with, in both editions and with a section's warning in its entry.
    @Test func aCleanBuildWritesTheCacheItEndedWith() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        try site.replace(in: "Content/sections/en/03-muc-tieu.md", "title: II. Objectives",
                         with: "title: II. Objectives\norder: 7")
        let result = try await site.build()
        let written = try Data(contentsOf: site.url(".Output.tiendo-cache"))
        #expect(result.cache.serialized() == written)
        let entry = try #require(result.cache.entries.first { $0.key.hasSuffix("en/03-muc-tieu.md") }?.value)
        #expect(entry.warnings.count == 1)
        #expect(BuildCache.parse(written)?.entries.count == result.cache.entries.count)
    }

    @Test func aDamagedCacheStillGivesTheCleanBuild() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.build()
        let clean = try site.snapshot()
        var mixer = Mixer(state: 2030)
        let cache = [UInt8](try Data(contentsOf: site.url(".Output.tiendo-cache")))
        let texts = [UInt8](try Data(contentsOf: site.url(".Output.tiendo-texts")))
        for round in 0..<12 {
            // Half the rounds change one byte only: the cache still has its shape, and must still not be trusted.
            var damagedCache = Self.damaged(cache, &mixer)
            if round % 2 == 0 {
                var bytes = cache
                bytes[64 + mixer.next(bytes.count - 64)] ^= 0x01
                damagedCache = Data(bytes)
            }
            try damagedCache.write(to: site.url(".Output.tiendo-cache"))
            try Self.damaged(texts, &mixer).write(to: site.url(".Output.tiendo-texts"))
            try await site.build()
            #expect(try site.snapshot() == clean)
        }
    }

    /// The search texts are written beside their file while the build goes on; a build that fails after that (here
    /// at the link check, which runs with the search index) leaves neither them nor their temporary file.
    @Test func aBuildThatFailsAtTheLinkCheckLeavesNoSidecar() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.replace(in: "Content/sections/02-yeu-cau.md", "\n\n", with: "\n\n[Chỗ không có](#khong-co-cho-nay)\n\n")
        let errors = await site.failures().filter { $0.severity == .error }
        #expect(errors.contains { $0.formatted(.en).contains("khong-co-cho-nay") }, "\(errors)")
        // A file staged on another thread and not discarded would appear within milliseconds.
        try await Task.sleep(for: .milliseconds(300))
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(!beside.contains { $0.contains("tiendo-texts") || $0.contains("tiendo-tmp") }, "\(beside)")
    }
}
