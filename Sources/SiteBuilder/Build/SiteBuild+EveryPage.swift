import Foundation

extension SiteBuild {
    /// What an edition's rendered pages give: its files, cache entries and diagnostics (in route order, then the
    /// link check's and the search index's), and its sections' texts when the index was rebuilt.
    struct FinishedEdition: Sendable {
        var outputPrefix: String
        var files: [OutputFile]
        var entries: EditionEntries
        var diagnostics: [Diagnostic]
        var searchTexts: [String: String]?
        /// Those texts serialized and staged beside their file (SearchTexts.url), when they are kept there.
        var stagedTexts: Background<FileSystem.Staged?>?
    }

    /// The cache entries of an edition's pages: all of them, how many are the cache's own (reused as they were),
    /// and the others.
    struct EditionEntries: Sendable {
        var all: [BuildCache.Entry] = []
        var reused = 0
        var fresh: [BuildCache.Entry] = []

        init(_ rendered: [RouteRenderer.Rendered]) {
            for item in rendered {
                guard let entry = item.cacheEntry else { continue }
                all.append(entry)
                if item.reusedEntry { reused += 1 } else { fresh.append(entry) }
            }
        }
    }

    /// `textsPath`: where the sections' texts are kept for the next build (SearchTexts.url), when they are.
    static func finish(_ edition: SiteModel, rendered: [RouteRenderer.Rendered], previous: Manifest?,
                       cache: BuildCache?, textsPath: String? = nil) async -> FinishedEdition {
        // The links are checked on another core meanwhile.
        async let linkProblems = { () -> [Diagnostic] in
            var links = DiagnosticLog()
            LinkCheck(pages: rendered.compactMap(\.section)).check(log: &links)
            return links.diagnostics
        }()
        var log = DiagnosticLog()
        var made: [OutputFile] = []
        made.reserveCapacity(rendered.count)
        for item in rendered {
            log.append(contentsOf: item.diagnostics)
            if let file = item.file { made.append(file) }
        }
        // With nothing published before (a clean build), the search index is made again, from the texts of pages
        // all rendered now: they are serialized and staged for the next build on another core meanwhile, instead
        // of after it (a tenth of a second at the end of a clean build of 10,000 sections, mostly on one core).
        let known = previous == nil ? renderedTexts(edition, rendered: rendered) : nil
        func stage(_ texts: @escaping @Sendable () -> [String: String]) -> Background<FileSystem.Staged?>? {
            textsPath.map { path in Background { SearchTexts.stage(texts(), for: path) } }
        }
        let early = known.flatMap { known in stage { known.byPath.value } }
        var madeLog = DiagnosticLog()
        let (everyPage, texts) = madeFromEveryPage(edition, rendered: rendered, files: made, previous: previous,
                                                   cache: cache, log: &madeLog, known: known)
        log.append(contentsOf: await linkProblems)
        log.append(contentsOf: madeLog.diagnostics)
        if texts == nil { early?.value?.discard() }
        return FinishedEdition(outputPrefix: edition.outputPrefix, files: made + everyPage,
                               entries: EditionEntries(rendered), diagnostics: log.diagnostics,
                               searchTexts: texts, stagedTexts: texts.flatMap { texts in early ?? stage { texts } })
    }

    /// Every section's text, in the sections' order and by path (made on another thread: the index needs only the
    /// order, and ten thousand paths hashed into a dictionary were 0.01 s before the index could start).
    struct RenderedTexts: Sendable {
        var ordered: [String]
        var byPath: Background<[String: String]>
    }

    /// Every section's text, when each section's page was rendered now with its text: what `madeFromEveryPage`
    /// returns when it makes the index again.
    static func renderedTexts(_ model: SiteModel, rendered: [RouteRenderer.Rendered]) -> RenderedTexts? {
        let sections = model.content.sections
        var texts: [String] = []
        texts.reserveCapacity(sections.count)
        for item in rendered where item.section != nil && item.searchTextDigest != nil {
            guard texts.count < sections.count, let page = item.section,
                  page.fileName == sections[texts.count].fileName, let text = item.searchText else { return nil }
            texts.append(text)
        }
        guard texts.count == sections.count else { return nil }
        let paths = sections.map(\.path)
        return RenderedTexts(ordered: texts,
                             byPath: Background { [texts] in Dictionary(zip(paths, texts)) { first, _ in first } })
    }

    /// The files made from every page at once, after rendering: the search index (rebuilt only when an entry
    /// changed, from each section's text: rendered now, kept in SearchTexts, or made again) and the catalogue,
    /// whose byte sizes are those of the files just made or reused, never made again. Also returns every
    /// section's text by path when the index was rebuilt (to keep for the next build).
    /// `known`: those texts, when they are known already (`renderedTexts`).
    static func madeFromEveryPage(_ model: SiteModel, rendered: [RouteRenderer.Rendered], files: [OutputFile],
                                  previous: Manifest?, cache: BuildCache?, log: inout DiagnosticLog,
                                  known: RenderedTexts? = nil)
        -> (files: [OutputFile], texts: [String: String]?) {
        let pages = rendered.filter { $0.section != nil && $0.searchTextDigest != nil }
        func sectionTexts() -> [String: SearchIndex.SectionText] {
            var sections: [String: SearchIndex.SectionText] = [:]
            sections.reserveCapacity(pages.count)
            for item in pages {
                if let page = item.section, let digest = item.searchTextDigest {
                    sections[page.fileName] = SearchIndex.SectionText(digest: digest, text: item.searchText)
                }
            }
            return sections
        }
        // The digests in the sections' order: the pages come in it (routes list sections in order); checked.
        let inOrder = pages.count == model.content.sections.count
            && zip(pages, model.content.sections).allSatisfy { $0.section?.fileName == $1.fileName }
        let digests = inOrder ? pages.map { $0.searchTextDigest ?? .missing } : { () -> [DigestValue] in
            let byName = sectionTexts()
            return model.content.sections.map { byName[$0.fileName]?.digest ?? .missing }
        }()
        var problems: [Diagnostic] = []
        var sections: [String: SearchIndex.SectionText] = [:]
        let (index, texts) = SearchIndex(model: model).file(
            path: model.outputPrefix + Route.searchIndex.outputPath, digests: digests,
            sections: { sections = sectionTexts(); return sections }, previous: previous,
            orderedTexts: known?.ordered
        ) { missing in
            let stored = cache?.texts.texts(prefix: model.outputPrefix) ?? [:]
            let builder = PageBuilder(model: model)
            var found: [String: String] = [:]
            for fileName in missing {
                guard let (position, section) = model.section(fileName: fileName) else { continue }
                if let text = stored[section.path], SearchTexts.digest(text) == sections[fileName]?.digest {
                    found[fileName] = text
                } else {
                    let draft = builder.section(at: position)
                    problems += draft.diagnostics.filter { $0.severity == .error }
                    found[fileName] = draft.searchText ?? ""
                }
            }
            return found
        }
        log.append(contentsOf: problems)
        var made = [index]
        if !model.indicators.isEmpty, model.outputPrefix.isEmpty {
            // The catalogue lists data files only: ten thousand pages need not be looked up.
            let sizes = Dictionary(files.lazy.filter { !$0.path.hasSuffix(".html") }.map { ($0.path, $0.size) },
                                   uniquingKeysWith: { first, _ in first })
            let catalog = DataCatalog(model: model).catalog(sizes: sizes).serialized() + "\n"
            made.append(OutputFile(path: Route.catalog.outputPath, bytes: Array(catalog.utf8)))
        }
        let byPath = texts.map { texts in
            known?.byPath.value ?? Dictionary(uniqueKeysWithValues: model.content.sections.map {
                ($0.path, texts[$0.fileName] ?? "")
            })
        }
        return (made, byPath)
    }

    /// The cache a clean build will write, written beside `output` on another thread while the search index is made
    /// (staged only: `run()` puts it in place once the site is published). Its entries take `warnings` (what the
    /// content's loading gave) and the pages' own warnings; it is the cache the build ends with when the link check,
    /// index and catalogue add no warning (the caller compares), which is what a clean build usually gives: writing
    /// it after them kept one core busy for the last 0.05 s of a clean build of 10,000 sections.
    static func earlyCache(_ editions: [[RouteRenderer.Rendered]], warnings: [Diagnostic], cache: BuildCache?,
                           beside output: URL) -> (warnings: [Diagnostic], staged: Background<FileSystem.Staged?>) {
        let warnings = warnings + editions.flatMap { $0.flatMap(\.diagnostics) }.filter { $0.severity == .warning }
        let staged = Background { () -> FileSystem.Staged? in
            let entries = cacheEntries(editions.map(EditionEntries.init), cache: cache, warnings: warnings).entries
            return BuildCache(entries: entries, following: cache).stage(beside: output)
        }
        return (warnings, staged)
    }

    /// The new cache's entries, and whether they differ from the cache's. When every entry is the cache's own
    /// or replaces one of them, the cache's dictionary is taken and only the new ones are put in (ten thousand
    /// insertions cost more than the rest of collecting); entries get this build's warnings for their files.
    static func cacheEntries(_ editions: [EditionEntries], cache: BuildCache?, warnings: [Diagnostic])
        -> (entries: [String: BuildCache.Entry], changed: Bool) {
        let fresh = editions.flatMap(\.fresh)
        let reused = editions.reduce(0) { $0 + $1.reused }
        var entries: [String: BuildCache.Entry]
        var changed = false
        if let cache, reused + fresh.count == cache.entries.count,
           Set(fresh.map(\.section.path)).count == fresh.count,
           fresh.allSatisfy({ cache.entries[$0.section.path] != nil }) {
            entries = cache.entries
            for entry in fresh {
                if let before = entries.updateValue(entry, forKey: entry.section.path),
                   before.recipe == entry.recipe, before.section.stamp == entry.section.stamp,
                   before.outputDigest == entry.outputDigest {
                    continue
                }
                changed = true
            }
        } else {
            entries = [:]
            entries.reserveCapacity(reused + fresh.count)
            for edition in editions {
                for entry in edition.all { entries[entry.section.path] = entry }
            }
            changed = true
        }
        let warningsByPath = Dictionary(grouping: warnings, by: \.path)
        for (path, entry) in entries where !entry.warnings.isEmpty
            || (!warningsByPath.isEmpty && warningsByPath[path] != nil) {
            entries[path] = entry.with(warnings: warningsByPath[path] ?? [])
        }
        return (entries, changed)
    }

    /// The manifest of `files`: the previous one with the entries of the files made now put in, when the site
    /// has the same paths (a reused file has its previous entry), else made afresh.
    static func manifest(of files: [OutputFile], previous: Manifest?) -> Manifest {
        if let previous, files.count == previous.entries.count {
            var entries = previous.entries
            var samePaths = true
            for file in files where file.bytes != nil || file.written {
                if entries.updateValue(file.manifestEntry, forKey: file.path) == nil {
                    samePaths = false
                    break
                }
            }
            if samePaths { return Manifest(entries: entries) }
        }
        return Manifest(entries: Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.manifestEntry) }))
    }
}
