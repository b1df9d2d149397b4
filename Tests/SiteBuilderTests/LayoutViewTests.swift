import Testing
@testable import SiteBuilder

/// A page's fingerprint takes its frame as two values (see LayoutView): that stands for the whole frame only if
/// every value of each is one of its fields.
@Suite struct LayoutViewTests {
    static func storedNames(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    @Test func everyValueOfTheFramePartsIsHashed() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try EnglishEditionTests.withEnglish(site)
        var log = DiagnosticLog()
        var timer = StepTimer()
        let model = try await SiteBuild(paths: site.paths).load(cache: nil, log: &log, timer: &timer)
        let builder = PageBuilder(model: model)
        let draft = try #require(builder.draft(for: .home))
        let layout = PageFrame(model: model).layout(for: draft)
        // `digest` is the shared part's hash and `navTargets` what decides the page's own `currentNav` flags.
        #expect(Self.storedNames(layout.shared).subtracting(["digest", "navTargets"])
                    == Set(SharedFrame.fields.ordered.map(\.name)))
        #expect(Self.storedNames(layout.page) == Set(PageFrameFields.fields.ordered.map(\.name)))
        #expect(Self.storedNames(layout) == ["sharedRef", "page", "content"])
    }

    @Test func pagesAtOneDepthShareOneFrameAndDifferInTheirOwnPart() async throws {
        let site = try TestSite()
        defer { site.remove() }
        var log = DiagnosticLog()
        var timer = StepTimer()
        let model = try await SiteBuild(paths: site.paths).load(cache: nil, log: &log, timer: &timer)
        let builder = PageBuilder(model: model)
        let frame = PageFrame(model: model)
        let sections = model.content.sections.map { Route.section(slug: $0.slug) }
        let layouts = try sections.map { try #require(builder.draft(for: $0)) }.map(frame.layout(for:))
        #expect(Set(layouts.map(\.shared.digest)).count == 1)
        let home = try #require(builder.draft(for: .home))
        #expect(frame.layout(for: home).shared.digest != layouts[0].shared.digest)
        var hashes = Set<String>()
        for layout in layouts {
            var hasher = StableHasher()
            layout.frameFingerprint(into: &hasher)
            hashes.insert(hasher.finalize())
        }
        #expect(hashes.count == layouts.count)
    }
}
