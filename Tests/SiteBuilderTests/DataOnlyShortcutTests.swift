import Foundation
import Testing
@testable import SiteBuilder

/// When nothing but data tables changed, section pages whose bodies refer to nothing are reused without their
/// recipes (SectionRecipe.dataOnlyShortcut); any other change, or a sampled recipe that differs, turns it off.
@Suite struct DataOnlyShortcutTests {
    /// Whether a build of `site` now would reuse plain section pages without their recipes.
    static func takesShortcut(_ site: TestSite, tamper: (inout BuildCache) -> Void = { _ in }) async throws -> Bool {
        var cache = try #require(BuildCache.load(beside: site.output))
        let listing = FileStamp.all(in: site.url("Content/sections").path)
        cache.sectionListing = listing
        cache.currentInputs = InputStamps.digest(content: site.url("Content"), templates: site.url("Templates"),
                                                 sections: listing)
        tamper(&cache)
        var log = DiagnosticLog()
        var timer = StepTimer()
        let model = try await SiteBuild(paths: site.paths).load(cache: cache, log: &log, timer: &timer)
        return RouteRenderer(model: model, previous: Manifest.read(in: site.output), cache: cache).reusesPlainSections
    }

    /// A page just built gives its recipe its own neighbours and frame (RouteRenderer); the recipe is the one
    /// made from the model alone, which a later build compares it with, for every section of the example site
    /// (links, figures, indicator and group blocks, tasks) and of its English edition.
    @Test func builtPagesGiveTheRecipesTheModelGives() async throws {
        let site = try TestSite("example")
        defer { site.remove() }
        var log = DiagnosticLog()
        var timer = StepTimer()
        let loaded = try await SiteBuild(paths: site.paths).load(cache: nil, log: &log, timer: &timer)
        let (main, english) = loaded.withEnglishEdition(log: &log)
        var compared = 0
        let models = [main] + (english.map { [$0] } ?? [])
        for model in models {
            let builder = PageBuilder(model: model)
            let prefix = SectionRecipe.prefix(theme: model.theme)
            for index in model.content.sections.indices {
                let draft = builder.section(at: index)
                guard let dependencies = draft.dependencies, let view = draft.body as? SectionView else { continue }
                let layout = PageFrame(model: model).layout(for: draft)
                let built = SectionRecipe.recipe(at: index, dependencies: dependencies, builder: builder,
                                                 prefix: prefix, built: (view, layout))
                #expect(built == SectionRecipe.recipe(at: index, dependencies: dependencies, builder: builder,
                                                      prefix: prefix), "\(model.content.sections[index].path)")
                compared += 1
            }
        }
        #expect(compared == models.reduce(0) { $0 + $1.content.sections.count } && compared == 8)
    }

    @Test func onlyADataChangeTakesTheShortcut() async throws {
        let site = try CacheChangesTests.site()
        defer { site.remove() }
        try await site.build()
        #expect(try await !Self.takesShortcut(site), "a first build records no input digest")
        try await site.build()
        #expect(try await Self.takesShortcut(site))
        try site.replace(in: "Content/data/hoat-dong.csv", "2023,C,không,300", with: "2023,C,có,300")
        #expect(try await Self.takesShortcut(site))
        try await site.build()
        for change in [
            { try site.replace(in: "Content/sections/503-phan.md", "Đoạn 3", with: "Đoạn ba") },
            { try site.write("Content/sections/599-moi.md", "---\ntitle: Mới\norder: 99\n---\nMới.\n") },
            { try site.replace(in: "Templates/section.mustache", "<h1>", with: "<h1 class=\"x\">") },
            { try site.replace(in: "Content/site.yaml", "publisher:", with: "menu: [503-phan.md]\npublisher:") },
            { try site.replace(in: "Content/indicators/x-01.yaml", "value: 80", with: "value: 60") },
        ] as [() throws -> Void] {
            try change()
            #expect(try await !Self.takesShortcut(site))
            try await site.build()
            #expect(try await Self.takesShortcut(site))
        }
    }

    /// The guard: recipes that no longer match (as if the frame showed a figure) turn the shortcut off.
    @Test func aSampledRecipeThatDiffersTurnsItOff() async throws {
        let site = try CacheChangesTests.site()
        defer { site.remove() }
        try await site.build()
        try await site.build()
        #expect(try await Self.takesShortcut(site))
        let off = try await Self.takesShortcut(site) { cache in
            for (path, entry) in cache.entries where entry.dependencies.isEmpty {
                cache.entries[path] = BuildCache.Entry(section: entry.section, warnings: entry.warnings,
                                                       dependencies: [],
                                                       recipe: StableHasher.sha256("x" + entry.recipe.hex),
                                                       outputDigest: entry.outputDigest, anchors: entry.anchors,
                                                       fragmentLinks: entry.fragmentLinks,
                                                       searchTextDigest: entry.searchTextDigest)
            }
        }
        #expect(!off)
    }

    /// The sections' check for duplicates is skipped only while no input but the data changed: a title made
    /// equal to another's is an error in the next build, whatever came before.
    @Test func aDuplicateTitleIsFoundAfterDataOnlyBuilds() async throws {
        let site = try CacheChangesTests.site()
        defer { site.remove() }
        try await site.build()
        try await site.build()
        try site.replace(in: "Content/data/hoat-dong.csv", "2023,C,không,300", with: "2023,C,có,300")
        try await site.build()
        try site.replace(in: "Content/sections/504-phan.md", "title: Phần 4", with: "title: Phần 3")
        let errors = await site.failures().map { $0.formatted(.en) }
        #expect(errors.contains { $0.contains("504-phan.md") && $0.contains("duplicate title 'Phần 3'") }, "\(errors)")
    }

    /// Templates the last successful build read are not parsed by swift-mustache again (Theme.library is nil);
    /// a template broken after that is parsed again, and its error reported at its place.
    @Test func unchangedTemplatesAreNotParsedAgainButABrokenOneIsFound() async throws {
        let site = try CacheChangesTests.site()
        defer { site.remove() }
        try await site.build()
        try await site.build()
        func theme() async throws -> Theme {
            var cache = try #require(BuildCache.load(beside: site.output))
            let listing = FileStamp.all(in: site.url("Content/sections").path)
            cache.currentInputs = InputStamps.digest(content: site.url("Content"), templates: site.url("Templates"),
                                                     sections: listing)
            var log = DiagnosticLog()
            var timer = StepTimer()
            return try await SiteBuild(paths: site.paths).load(cache: cache, log: &log, timer: &timer).theme
        }
        #expect(try await theme().library == nil)
        #expect(try await theme().compiled != nil)
        try site.replace(in: "Templates/section.mustache", "<h1>", with: "<h1 class=\"x\">")
        #expect(try await theme().library != nil, "a template changed: parsed again")
        try await site.build()
        #expect(try await theme().library == nil)
        try site.replace(in: "Templates/section.mustache", "<h1 class=\"x\">", with: "{{#title}}<h1>")
        let errors = await site.failures().map { $0.formatted(.en) }
        #expect(errors.contains { $0.contains("section.mustache") && $0.contains("never closed") }, "\(errors)")
    }

    /// Links that lead back up (into the folder itself or its parent) end the input digest's walk: each folder is
    /// entered once, so the digest is made however many such links there are, and is the same each time.
    @Test(.timeLimit(.minutes(1))) func linksBackUpDoNotMultiplyTheWalk() async throws {
        let site = try TestSite()
        defer { site.remove() }
        for (link, target) in [("Templates/loop", "."), ("Templates/up", ".."), ("Templates/partials/back", ".."),
                               ("Content/up", ".."), ("Content/indicators/again", "../..")] {
            try FileManager.default.createSymbolicLink(atPath: site.url(link).path, withDestinationPath: target)
        }
        let listing = FileStamp.all(in: site.url("Content/sections").path)
        let digest = { InputStamps.digest(content: site.url("Content"), templates: site.url("Templates"),
                                          sections: listing) }
        #expect(digest() == digest())
        // The links reach the project folder, whose output changes with every build: no shortcut, but builds.
        try await site.build()
        let second = try await site.build()
        #expect(second.written?.swapped == false)
    }
}
