public import Foundation

/// Where a build reads and writes.
public struct BuildPaths: Sendable {
    public var root: URL
    public var content: URL
    public var templates: URL
    public var output: URL
    /// The frozen editions, one bag per year (`Archive/2024/`).
    public var archive: URL

    public init(root: URL, content: URL? = nil, templates: URL? = nil, output: URL? = nil, archive: URL? = nil) {
        self.root = root.standardizedFileURL
        self.content = (content ?? root.appendingPathComponent("Content")).standardizedFileURL
        self.templates = (templates ?? root.appendingPathComponent("Templates")).standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("Output")).standardizedFileURL
        self.archive = (archive ?? root.appendingPathComponent("Archive")).standardizedFileURL
    }
}

/// What a build produced: every file of the site (bytes only for those rendered anew) and its manifest.
public struct BuildResult: Sendable {
    public var files: [OutputFile]
    public var manifest: Manifest
    public var pages: Int
    /// Pages rendered anew (the others matched the previous build's fingerprint).
    public var rendered: Int
    public var warnings: [Diagnostic]
    /// What the next build may reuse without reading or rendering (see BuildCache).
    public var cache: BuildCache
    /// False when the cache is what the build was given (nothing to save).
    public var cacheChanged: Bool
    /// Each section's text for the search index, by edition prefix and section path, for the editions whose
    /// index was rebuilt (`run()` keeps them beside the output folder).
    public var searchTexts: [String: [String: String]] = [:]
    /// With `run()`: the search texts being written beside the output folder (see FileSystem.stage), started as
    /// soon as each edition's index was made.
    var stagedTexts: [Background<FileSystem.Staged?>] = []
    /// With `run()` and nothing published before: the cache being written beside the output folder, started as
    /// soon as the pages were rendered (see SiteBuild.earlyCache); nil when `run()` writes it itself.
    var stagedCache: Background<FileSystem.Staged?>?
    /// Set by `run()`: what the writer changed in the output folder.
    public var written: OutputWriter.Summary?
    /// The site settings the build read (for an edition's bag).
    public var site: SiteConfig
    /// What the build rendered and `run()` read (manifests, cache), released with the result: freeing ten
    /// thousand entries one by one took longer than the rest of writing, and `tiendo build` exits without freeing
    /// them.
    var keptUntilExit: [any Sendable] = []
}

/// A build as named steps over one context: load content and theme → compute indicators → route → render (in
/// parallel) → write. Full and incremental builds are the same function: given the previous manifest, pages
/// whose fingerprint did not change are not rendered again. The first step with errors stops the build before
/// anything is written.
public struct SiteBuild: Sendable {
    public var paths: BuildPaths
    /// Set to render a frozen edition (`tiendo archive`): every page for `<base_url>/YEAR/`, with the archive
    /// banner; editions and the changes page are not part of an edition.
    public var edition: EditionStamp?

    public init(paths: BuildPaths, edition: EditionStamp? = nil) {
        self.paths = paths
        self.edition = edition
    }

    /// Runs every step but writing. `previous` is the manifest of the site the result will replace.
    public func generate(previous: Manifest? = nil, cache: BuildCache? = nil) async throws(BuildFailure) -> BuildResult {
        try await generate(previous: previous, cache: cache, fresh: nil)
    }

    /// The same, and with `fresh` (`run()`), once the content has loaded without errors, the spare started afresh:
    /// each file is written there as soon as it is rendered (see OutputWriter.FreshSpare).
    /// With `textsBeside`, the texts of each edition whose search index was rebuilt are staged beside that folder
    /// (SearchTexts.url) as soon as its index is made, on another thread (`stagedTexts`).
    func generate(previous: Manifest?, cache: BuildCache?, fresh start: OutputWriter.FreshSpareStart?,
                  textsBeside output: URL? = nil) async throws(BuildFailure) -> BuildResult {
        var log = DiagnosticLog()
        var timer = StepTimer()
        let loaded = try await load(cache: previous == nil ? nil : cache, log: &log, timer: &timer)
        let (model, english) = loaded.withEnglishEdition(log: &log)
        guard !log.hasErrors else { throw BuildFailure(diagnostics: log.sorted) }
        let fresh = try start?.start(published: previous)
        var files: [OutputFile] = []
        var searchTexts: [String: [String: String]] = [:]
        // The main site first, then its English edition (under en/), each rendered on all cores. What is made
        // from an edition's pages all at once (links checked, search index, catalogue) is made on another core
        // while the next edition renders.
        var finishing: [Task<FinishedEdition, Never>] = []
        // The rendered pages are kept with the result (freeing them is the caller's, or never: see keptUntilExit).
        var renderedEditions: [[RouteRenderer.Rendered]] = []
        for edition in [model] + (english.map { [$0] } ?? []) {
            let renderer = RouteRenderer(model: edition, previous: previous, cache: cache)
            StepTimer.note("\(edition.outputPrefix.isEmpty ? "" : "(\(edition.site.language)) ")sections reused without "
                               + "their recipes: \(renderer.reusesPlainSections ? "yes" : "no")")
            let rendered = await Self.renderAll(with: renderer, writingInto: fresh)
            timer.lap("render" + (edition.outputPrefix.isEmpty ? "" : " (\(edition.site.language))"))
            renderedEditions.append(rendered)
            let textsPath = output.map { SearchTexts.url(beside: $0, prefix: edition.outputPrefix).path }
            finishing.append(Task {
                await Self.finish(edition, rendered: rendered, previous: previous, cache: cache, textsPath: textsPath)
            })
        }
        let earlyCache = previous == nil ? output.map { output in
            Self.earlyCache(renderedEditions, warnings: log.warnings, cache: cache, beside: output)
        } : nil
        var finished: [FinishedEdition] = []
        var stagedTexts: [Background<FileSystem.Staged?>] = []
        for task in finishing {
            let edition = await task.value
            log.append(contentsOf: edition.diagnostics)
            files += edition.files
            if let texts = edition.searchTexts { searchTexts[edition.outputPrefix] = texts }
            if let staged = edition.stagedTexts { stagedTexts.append(staged) }
            finished.append(edition)
        }
        timer.lap("link check, search index and catalogue")
        guard !log.hasErrors else {
            stagedTexts.forEach { $0.value?.discard() }
            earlyCache?.staged.value?.discard()
            throw BuildFailure(diagnostics: log.sorted)
        }
        // The cache's entries are collected on another core while the files are sorted and the manifest made.
        let warnings = log.warnings
        let collecting = Background { [finished] in
            Self.cacheEntries(finished.map(\.entries), cache: cache, warnings: warnings)
        }
        files.sort { $0.path < $1.path }
        var manifest = Self.manifest(of: files, previous: previous)
        manifest.sortedEntries = files.map { ($0.path, $0.manifestEntry) }
        manifest.basis = previous?.lines
        var (cacheEntries, cacheChanged) = collecting.value
        cacheChanged = cacheChanged || cache?.inputs != cache?.currentInputs
        let pages = files.filter { $0.path.hasSuffix(".html") }
        timer.lap("collect")
        var newCache = BuildCache(entries: cacheEntries, following: cache)
        newCache.texts = (cache?.texts ?? SearchTexts(source: .memory([:]))).updated(with: searchTexts)
        var result = BuildResult(files: files, manifest: manifest, pages: pages.count,
                                 rendered: pages.filter { $0.bytes != nil || $0.written }.count, warnings: log.sorted,
                                 cache: newCache, cacheChanged: cacheChanged, searchTexts: searchTexts,
                                 site: model.site)
        result.stagedTexts = stagedTexts
        if let earlyCache {
            if earlyCache.warnings == warnings && cacheChanged {
                result.stagedCache = earlyCache.staged
            } else {
                earlyCache.staged.value?.discard()
            }
        }
        // The model too: freeing it took a few milliseconds at the end of a rebuild of 10,000 sections.
        result.keptUntilExit = [renderedEditions, finished, loaded, model, english]
        return result
    }

    /// Load, compute and route: the checked, indexed model every page is built from.
    func load(cache: BuildCache?, log: inout DiagnosticLog, timer: inout StepTimer) async throws(BuildFailure)
        -> SiteModel {
        try checkOutputLocation()
        // The editions in Archive/ are verified on another thread meanwhile (their checksums took a few milliseconds
        // of a rebuild's one-core stretch); their diagnostics follow the indicators'.
        let (archive, root) = (paths.archive, paths.root)
        let editionsPart = edition != nil ? nil : Background { () -> ([PublishedEdition], DiagnosticLog) in
            var editionsLog = DiagnosticLog()
            return (EditionStore.load(from: archive, root: root, log: &editionsLog), editionsLog)
        }
        // The theme is read on another core while the content loads; its diagnostics follow the content's.
        let templates = ProjectFolder(root: paths.root, url: paths.templates)
        // Templates that are the ones the last successful build read (InputStamps) are not parsed again by
        // swift-mustache unless it renders them.
        let trusted = cache?.inputsUnchanged == true
        async let loadedTheme = { () -> (Theme?, DiagnosticLog) in
            var themeLog = DiagnosticLog()
            return (Theme.load(from: templates, log: &themeLog, trusted: trusted), themeLog)
        }()
        let content = SiteContent.load(from: ProjectFolder(root: paths.root, url: paths.content), cache: cache,
                                       log: &log)
        timer.lap("load content")
        let (theme, themeLog) = await loadedTheme
        log.append(contentsOf: themeLog.diagnostics)
        timer.lap("load theme")
        guard var content, let theme, !log.hasErrors else { throw BuildFailure(diagnostics: log.sorted) }
        if let edition { content.site.baseURL += "\(edition.year)/" }
        // The sections are indexed on another core while the indicators are computed.
        let sections = content.sections
        let indexing = Background { SectionIndexes(sections) }
        let indicators = ComputedIndicator.computeAll(content, log: &log)
        let (editions, editionsLog) = editionsPart?.value ?? ([], DiagnosticLog())
        log.append(contentsOf: editionsLog.diagnostics)
        timer.lap("verify editions")
        guard let text = theme.strings[content.site.language] else {
            let language = content.site.language
            log.error("giao diện chưa có chữ cho ngôn ngữ '\(language)' (thêm strings/\(language).yaml vào thư mục "
                          + "mẫu trang)",
                      en: "the theme has no interface text for language '\(language)' (add strings/\(language).yaml "
                          + "to the templates folder)",
                at: content.site.languageLocation)
            throw BuildFailure(diagnostics: log.sorted)
        }
        let changes = editions.last.map { ChangeLog(indicators: indicators, edition: $0, content: content, log: &log) }
        let sectionIndexes = indexing.value
        let table = RouteTable.make(content: content, indicators: indicators, theme: theme, editions: editions,
                                    sectionIndexes: sectionIndexes, log: &log)
        guard !log.hasErrors else { throw BuildFailure(diagnostics: log.sorted) }
        timer.lap("compute and route")
        return SiteModel(content: content, indicators: indicators, theme: theme, text: text, routes: table.routes,
                         edition: edition, editions: editions, changes: changes, sectionIndexes: sectionIndexes)
    }

    /// Renders every route of the renderer's model on all cores; results come back in route order, whatever order
    /// tasks finish in. With `fresh`, each file is written there as soon as it is made and comes back without its
    /// bytes.
    static func renderAll(with renderer: RouteRenderer,
                          writingInto fresh: OutputWriter.FreshSpare? = nil) async -> [RouteRenderer.Rendered] {
        let routes = renderer.model.routes
        // Small runs (a few milliseconds each), so that no core waits long for the last one.
        let chunks = FileSystem.chunks(of: routes.count, perCore: 64)
        var results = [[RouteRenderer.Rendered]](repeating: [], count: chunks.count)
        await withTaskGroup(of: (Int, [RouteRenderer.Rendered]).self) { group in
            // The longest routes first: the home page (the first route) lists every section, and the downloads
            // and exports come last.
            let order = chunks.indices.prefix(1) + chunks.indices.dropFirst().reversed()
            // The section pages' folders are made ahead, in the order the pages will be written.
            fresh?.makeFolders {
                order.flatMap { chunk in
                    routes[chunks[chunk]].compactMap { route in
                        guard case .section = route else { return nil }
                        return String((renderer.model.outputPrefix + route.path).dropLast())
                    }
                }
            }
            for chunk in order {
                let range = chunks[chunk]
                guard !range.isEmpty else { continue }
                group.addTask {
                    // A run's pages are rendered, then written together: rendering and the file system's work
                    // take turns less often on a core.
                    let made = range.map(renderer.render(at:))
                    guard let fresh else { return (chunk, made) }
                    return (chunk, made.map { item in
                        guard let file = item.file, file.bytes != nil else { return item }
                        return item.with(file: fresh.write(file))
                    })
                }
            }
            for await (chunk, chunkResults) in group { results[chunk] = chunkResults }
        }
        return results.flatMap { $0 }
    }

    /// The output folder must not be the project root, nor hold or sit inside Content/ or Templates/.
    public func checkOutputLocation() throws(BuildFailure) {
        let output = paths.output.path
        let names = [Message(vi: "thư mục dự án", en: "the project root"),
                     Message(vi: "thư mục nội dung", en: "the content folder"),
                     Message(vi: "thư mục mẫu trang", en: "the templates folder"),
                     Message(vi: "thư mục lưu trữ", en: "the archive folder")]
        for (name, folder) in zip(names, [paths.root, paths.content, paths.templates, paths.archive]) {
            let path = folder.path
            let outputInside = output.hasPrefix(path + "/") && folder != paths.root
            if output == path || path.hasPrefix(output + "/") || outputInside {
                throw BuildFailure(diagnostics: [
                    Diagnostic(path: output, "thư mục xuất trùng với \(name.vi); hãy chọn --output khác",
                               en: "the output folder overlaps \(name.en); choose another --output"),
                ])
            }
        }
    }
}
