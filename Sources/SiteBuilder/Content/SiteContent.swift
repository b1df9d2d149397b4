import Foundation
public import Indicators

/// Everything read from `Content/`, checked. Indicators are optional: a site may be narrative only.
public struct SiteContent: Sendable {
    public var site: SiteConfig
    public var sections: [Section]
    /// English sections (`sections/en/`), each with the file name, slug and order of its Vietnamese section.
    public var englishSections: [Section] = []
    public var categories: Categories
    public var indicators: [IndicatorFile]
    public var dataset: Dataset
    /// The plan's tasks (`tasks.yaml`), in file order; empty without the file.
    public var tasks: [PlanTask]
    /// Reasons for corrections (`revisions.yaml`); empty without the file.
    var revisions: [RevisionNote]
    /// Raw data files, for the downloads.
    var tables: [CSVTable]
    /// The content folder, for section bodies read on demand.
    var folder: ProjectFolder
    /// For each of `sections`, the build cache's entry it was taken from unread (nil for one read now): found once
    /// here, so that the renderer does not look ten thousand paths up again (see `cacheEntry(ofSection:)`).
    var sectionEntries: [BuildCache.Entry?] = []

    /// The cache entry section `index` was taken from unread, when it was and is still that section's (checked by
    /// path: an edition's content may have other sections).
    func cacheEntry(ofSection index: Int) -> BuildCache.Entry? {
        guard index < sectionEntries.count, let entry = sectionEntries[index],
              entry.section.path == sections[index].path else { return nil }
        return entry
    }

    /// Reads and checks `Content/`, collecting every problem in `log`.
    static func load(from folder: ProjectFolder, cache: BuildCache? = nil, log: inout DiagnosticLog) -> SiteContent? {
        guard folder.exists else {
            log.error("không có thư mục nội dung này", en: "the content folder does not exist",
                      at: SourceLocation(path: folder.displayPath(folder.url)))
            return nil
        }
        var readErrors: [Diagnostic] = []
        defer { log.append(contentsOf: readErrors) }
        func read(_ url: URL) -> SourceFile? { folder.read(url, noting: &readErrors) }
        let siteURL = folder.url.appendingPathComponent("site.yaml")
        var site: SiteConfig?
        if FileManager.default.fileExists(atPath: siteURL.path) {
            if let file = read(siteURL) { site = SiteConfig.load(file, log: &log) }
        } else {
            log.error("thiếu tệp site.yaml; xem docs/content-format.md", en: "site.yaml is missing; see docs/content-format.md",
                      at: SourceLocation(path: folder.displayPath(siteURL)))
        }

        // The indicators and their data are read on another thread meanwhile (SiteContent+Indicators.swift).
        let loadedSite = site
        let indicatorPart = Background { loadIndicators(from: folder, site: loadedSite) }
        // The listing read with the stamps, when there is one (a second listing of ten thousand files cost time).
        let sectionFiles = cache?.sectionListing?.matching(Self.markdownExtensions)
            ?? folder.names(in: "sections", extensions: Self.markdownExtensions)
                .map { (name: $0, stamp: FileStamp?.none) }
        var sections: [Section] = []
        var entries: [BuildCache.Entry?] = []
        for loaded in loadSections(sectionFiles, from: folder, cache: cache) {
            log.append(contentsOf: loaded.diagnostics)
            if let section = loaded.section {
                sections.append(section)
                entries.append(loaded.entry)
            }
        }
        if sectionFiles.isEmpty {
            log.error("chưa có phần nội dung nào; hãy thêm tệp Markdown vào sections/",
                      en: "there are no sections; add Markdown files to sections/",
                      at: SourceLocation(path: folder.displayPath(folder.url.appendingPathComponent("sections"))))
        }
        // When no input file but the data tables changed since the last build (InputStamps), the sections are
        // the ones that build had, and it found none alike.
        if cache?.inputsUnchanged != true { checkUnique(sections, log: &log) }
        let englishSections = loadEnglishSections(from: folder, cache: cache, matching: sections, site: site, log: &log)
        for entry in site?.menu ?? [] where !sections.contains(where: { $0.fileName == entry }) {
            log.error(Message(vi: "'menu' ghi '\(entry)', nhưng sections/ không có tệp này",
                              en: "'menu' names '\(entry)', which is not a file in sections/")
                + Suggestion.didYouMean(entry, in: sections.map(\.fileName)),
                at: site?.menuLocation ?? SourceLocation(path: "site.yaml"))
        }
        // In reading order (a stable sort, as `sort` is), each section's cache entry beside it.
        let order = sections.indices.sorted {
            (sections[$0].order, sections[$0].fileName) < (sections[$1].order, sections[$1].fileName)
        }
        sections = order.map { sections[$0] }
        entries = order.map { entries[$0] }
        var tasks: [PlanTask] = []
        let tasksURL = folder.url.appendingPathComponent("tasks.yaml")
        if FileManager.default.fileExists(atPath: tasksURL.path), let file = read(tasksURL) {
            tasks = TaskFile.load(file, sections: sections.map(\.fileName), log: &log)
        }
        var revisions: [RevisionNote] = []
        let revisionsURL = folder.url.appendingPathComponent("revisions.yaml")
        if FileManager.default.fileExists(atPath: revisionsURL.path), let file = read(revisionsURL) {
            revisions = RevisionNote.load(file, log: &log)
        }

        let part = indicatorPart.value
        log.append(contentsOf: part.log.diagnostics)
        readErrors += part.readErrors
        guard let site, !log.hasErrors, readErrors.isEmpty else { return nil }
        return SiteContent(site: site, sections: sections, englishSections: englishSections,
                           categories: part.categories,
                           indicators: part.indicators.sorted { $0.definition.id < $1.definition.id },
                           dataset: part.dataset, tasks: tasks, revisions: revisions, tables: part.tables,
                           folder: folder, sectionEntries: entries)
    }

    private struct LoadedSection: Sendable {
        var section: Section?
        var diagnostics: [Diagnostic]
        /// The cache's entry the section was taken from, unread.
        var entry: BuildCache.Entry?
    }

    /// The English sections in `sections/en/`: each must have a Vietnamese section of the same file name, whose
    /// slug and order it takes.
    private static func loadEnglishSections(from folder: ProjectFolder, cache: BuildCache?, matching sections: [Section],
                                            site: SiteConfig?, log: inout DiagnosticLog) -> [Section] {
        let files = folder.names(in: "sections/en", extensions: Self.markdownExtensions)
            .map { (name: $0, stamp: FileStamp?.none) }
        guard !files.isEmpty else { return [] }
        if let site, site.english == nil {
            log.warning("có sections/en/ nhưng site.yaml chưa có khối 'en:', nên chưa dựng bản tiếng Anh",
                        en: "sections/en/ exists but site.yaml has no 'en:' block, so no English edition is made",
                        at: SourceLocation(path: folder.displayPath(folder.url.appendingPathComponent("sections/en"))))
        }
        // Only the Vietnamese sections an English file names are kept by name (a dozen, not ten thousand).
        let named = Set(files.map(\.name))
        var byName: [String: Section] = [:]
        for section in sections where named.contains(section.fileName) && byName[section.fileName] == nil {
            byName[section.fileName] = section
        }
        var result: [Section] = []
        for loaded in loadSections(files, from: folder, cache: cache, subfolder: "sections/en", english: true) {
            log.append(contentsOf: loaded.diagnostics)
            guard var section = loaded.section else { continue }
            guard let original = byName[section.fileName] else {
                log.error(Message(vi: "bản tiếng Anh '\(section.fileName)' không có phần tiếng Việt cùng tên tệp trong "
                                      + "sections/", en: "the English section '\(section.fileName)' has no Vietnamese "
                                      + "section of the same file name in sections/")
                    + Suggestion.didYouMean(section.fileName, in: Array(Set(sections.map(\.fileName))).sorted()),
                    at: SourceLocation(path: section.path, line: 1, column: 1))
                continue
            }
            section.slug = original.slug
            section.order = original.order
            result.append(section)
        }
        return result.sorted { ($0.order, $0.fileName) < ($1.order, $1.fileName) }
    }

    /// Reads and parses every section on all cores; results in the order of `files`. A section whose file has
    /// the stamp the cache recorded is taken from the cache without reading it.
    static let markdownExtensions: Set<String> = ["md", "markdown"]

    /// `files` are names from the folder's own listing, each with its stamp when it was read with the listing.
    private static func loadSections(_ files: [(name: String, stamp: FileStamp?)], from folder: ProjectFolder,
                                     cache: BuildCache?,
                                     subfolder: String = "sections", english: Bool = false) -> [LoadedSection] {
        let displayFolder = folder.displayPath(folder.url.appendingPathComponent(subfolder, isDirectory: true))
        // Every file is in one folder: each is looked at from the open folder, not walked to from the root.
        let folderURL = folder.url.appendingPathComponent(subfolder, isDirectory: true)
        let folderDescriptor = open(folderURL.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folderDescriptor >= 0 { close(folderDescriptor) } }
        // Files are read from the open folder (ProjectFolder.readSection) when the folder itself is inside the
        // project; otherwise each goes through the checks of `read(_:)`, which report it.
        let folderIsInside = folderDescriptor >= 0 && (try? folder.checkInsideRoot(folderURL)) != nil
        let folderPath = folderURL.path.hasSuffix("/") ? folderURL.path : folderURL.path + "/"
        // One worker per core when the files are in memory, eight when they must come from the disk (see
        // FileSystem.looksCached).
        let cached = FileSystem.looksCached(files.lazy.map(\.name), in: folderDescriptor)
        let loaded = try? FileSystem.concurrently(files, waitingWorkers: cached ? nil : 8) { file -> LoadedSection in
            var log = DiagnosticLog()
            let (name, known) = file
            // Without a cache there is nothing to compare a stamp with: the file is read, and stamped as read.
            let stamp = cache == nil ? nil : known
                ?? (folderDescriptor >= 0 ? FileStamp.of(name, in: folderDescriptor) : FileStamp.of(folderPath + name))
            let path = displayFolder + "/" + name
            if let stamp, let entry = cache?.entries[path], entry.section.stamp == stamp,
               entry.section.fileName == name {
                return LoadedSection(section: entry.section, diagnostics: entry.warnings, entry: entry)
            }
            do throws(BuildFailure) {
                let read = folderIsInside ? try folder.readSection(name, in: folderDescriptor, displayPath: path) : nil
                var section: Section?
                if let read {
                    section = Section.load(read.bytes, path: path, fileName: name, english: english, log: &log)
                } else {
                    let file = try folder.read(URL(fileURLWithPath: folderPath + name, isDirectory: false))
                    section = Section.load(file, fileName: name, english: english, log: &log)
                }
                // The stamp of what was read, when the file was read from its open descriptor.
                section?.stamp = read.map(\.stamp) ?? stamp
                return LoadedSection(section: section, diagnostics: log.diagnostics)
            } catch {
                return LoadedSection(section: nil, diagnostics: error.diagnostics)
            }
        }
        return loaded ?? []
    }

    private static func checkUnique(_ sections: [Section], log: inout DiagnosticLog) {
        // `sections` come in file-name order (the folder listing is sorted), so "the first" is well defined.
        // Titles are compared as Swift compares texts (canonical equivalence); by their bytes when that is the
        // same thing and much faster (see ExactText). Slugs are ASCII (Slug.make), which Swift hashes as bytes.
        let exactTitles = sections.allSatisfy { ExactText.isSurelyNFC($0.title) }
        let titles = exactTitles ? duplicates(sections.count) { ExactText(text: sections[$0].title) }
            : duplicates(sections.count) { sections[$0].title }
        let orders = duplicates(sections.count) { sections[$0].order }
        let slugs = duplicates(sections.count) { sections[$0].slug }
        for index in Set(titles.keys).union(orders.keys).union(slugs.keys).sorted() {
            let section = sections[index]
            for (key, value, first) in [("title", section.title, titles[index]),
                                        ("order", String(section.order), orders[index]),
                                        ("slug", section.slug, slugs[index])] {
                guard let first else { continue }
                let other = sections[first].path
                log.error("\(key) '\(value)' bị trùng: \(other) cũng dùng",
                          en: "duplicate \(key) '\(value)': \(other) has it too",
                          at: section.keyLocations[key == "slug" ? "title" : key]
                            ?? SourceLocation(path: section.path, line: 1, column: 1))
            }
        }
        for section in sections where Route.reservedSlugs.contains(section.slug) {
            log.error("slug '\(section.slug)' đã được Tiendo dùng cho trang riêng; hãy chọn 'slug' khác",
                      en: "slug '\(section.slug)' is used by Tiendo's own pages; choose another 'slug'",
                      at: section.keyLocations["slug"] ?? SourceLocation(path: section.path, line: 1, column: 1))
        }
    }

    /// For each item whose key an earlier item has: the earlier item's index (one hash per item).
    private static func duplicates<Key: Hashable>(_ count: Int, key: (Int) -> Key) -> [Int: Int] {
        var firsts = [Key: Int](minimumCapacity: count)
        var result: [Int: Int] = [:]
        for index in 0..<count {
            let value = key(index)
            if let first = firsts.updateValue(index, forKey: value) {
                firsts[value] = first
                result[index] = first
            }
        }
        return result
    }
}
