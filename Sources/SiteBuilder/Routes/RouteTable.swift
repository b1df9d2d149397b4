/// Every route of a site, each output path claimed by exactly one owner. A second claim is an error that names
/// both sources, so nothing is ever silently published over something else.
struct RouteTable: Sendable {
    /// In a stable order: pages first (as listed below), then downloads, raw tables and assets.
    private(set) var routes: [Route] = []
    /// The owners of every path but the sections' pages.
    private var owners: [String: Owner] = [:]
    /// The sections whose indexes section owners hold.
    private var sections: [Section] = []
    /// A section's page is `slug/index.html`, and its claim is not put in `owners`: ten thousand insertions were
    /// most of a one-core stretch of every build. A later claim of such a path finds the section by its slug
    /// (`SectionIndexes`), unless that section's own claim failed.
    private var sectionSlugs: [String: Int] = [:]
    private var unclaimedSections: Set<Int> = []

    /// Who claimed a path. A section's owner is its index, described only when a clash needs the words: ten
    /// thousand sections claim their paths in every build and almost never clash, so no owner holds a copy of its
    /// section or a closure.
    enum Owner: Sendable {
        case declared(what: Message, location: SourceLocation)
        case section(index: Int)

        init(what: Message, location: SourceLocation) {
            self = .declared(what: what, location: location)
        }
    }

    /// What the owner is and where it is declared.
    private func described(_ owner: Owner) -> (what: Message, location: SourceLocation) {
        switch owner {
        case let .declared(what, location):
            return (what, location)
        case let .section(index):
            let section = sections[index]
            let location = section.keyLocations["slug"].flatMap { $0.line > 0 ? $0 : nil }
                ?? section.keyLocations["title"] ?? SourceLocation(path: section.path, line: 1, column: 1)
            return (Message(vi: "phần \(section.path)", en: "section \(section.path)"), location)
        }
    }

    static func make(content: SiteContent, indicators: [ComputedIndicator], theme: Theme, editions: [PublishedEdition],
                     sectionIndexes: SectionIndexes? = nil, log: inout DiagnosticLog) -> RouteTable {
        var table = RouteTable()
        let site = Self.tiendo
        func own(_ vi: String, _ en: String) -> Owner { Owner(what: Message(vi: vi, en: en), location: site) }
        // Tiendo's own addresses first, so that a clash is reported in the user's file, not at "Tiendo".
        table.claim(.home, own("trang chủ", "home page"), log: &log)
        table.claim(.notFound, own("trang báo địa chỉ không tồn tại", "page for missing addresses"), log: &log)
        table.claim(.sitemap, own("sơ đồ trang", "sitemap"), log: &log)
        table.claim(.robots, own("tệp robots.txt", "robots.txt"), log: &log)
        table.claim(.updatesFeed, own("nguồn tin cập nhật của báo cáo", "the report's updates feed"), log: &log)
        table.claim(.search, own("trang tìm kiếm", "search page"), log: &log)
        table.claim(.searchIndex, own("chỉ mục tìm kiếm", "search index"), log: &log)
        if !indicators.isEmpty {
            table.claim(.indicators, own("trang các chỉ tiêu", "indicators page"), log: &log)
            table.claim(.data, own("trang dữ liệu", "data page"), log: &log)
            table.claim(.combined(.csv), own("tệp tải về của mọi chỉ tiêu", "download of all indicators"), log: &log)
            table.claim(.combined(.json), own("tệp tải về của mọi chỉ tiêu", "download of all indicators"), log: &log)
            table.claim(.catalog, own("danh mục dữ liệu mở", "the open-data catalogue"), log: &log)
        }
        if !content.tasks.isEmpty {
            table.claim(.tasks, own("trang nhiệm vụ", "tasks page"), log: &log)
        }
        if !editions.isEmpty {
            table.claim(.editions, own("trang các kỳ báo cáo", "editions page"), log: &log)
            table.claim(.changes, own("trang thay đổi số liệu", "changes page"), log: &log)
            table.claim(.changesFeed, own("nguồn tin thay đổi số liệu", "changes feed"), log: &log)
        }
        for edition in editions {
            let owner = own("bản lưu trữ năm \(edition.year)", "edition of \(edition.year)")
            for path in edition.files.keys.sorted() where path != Manifest.fileName {
                table.claim(.editionFile(year: edition.year, path: path), owner, log: &log)
            }
        }
        table.routes.reserveCapacity(content.sections.count + 8 * indicators.count + 64)
        table.sections = content.sections
        table.sectionSlugs = (sectionIndexes ?? SectionIndexes(content.sections)).bySlug
        // The paths claimed so far that a section's page could clash with: `name/index.html`.
        var topLevelPages: Set<Substring> = []
        for path in table.owners.keys where path.hasSuffix(Self.pageFile) {
            let name = path.dropLast(Self.pageFile.count)
            if !name.contains("/") { topLevelPages.insert(name) }
        }
        for (index, section) in content.sections.enumerated() {
            let clashes = topLevelPages.contains(Substring(section.slug))
            table.claimSection(index, slug: section.slug, clashesWithOther: clashes, log: &log)
        }
        if !indicators.isEmpty {
            for group in content.categories.groups where indicators.contains(where: { $0.definition.group == group.code }) {
                let what = Message(vi: "trang nhóm '\(group.code)'", en: "the group page of '\(group.code)'")
                table.claim(.group(code: group.code), Owner(what: what, location: group.location), log: &log)
            }
            for computed in indicators {
                let id = computed.definition.id
                let location = computed.file.keyLocations["id"] ?? SourceLocation(path: computed.file.path)
                // One clash, one error: the indicator's other addresses are not claimed after the first fails.
                let page = Owner(what: Message(vi: "mã '\(id)'", en: "id '\(id)'"), location: location)
                guard table.claim(.indicator(id: id), page, log: &log) else { continue }
                let download = Owner(what: Message(vi: "tệp tải về của '\(id)'", en: "a download of '\(id)'"),
                                     location: location)
                var claimed = true
                for format in [Route.DownloadFormat.csv, .districtCSV, .json] where claimed {
                    claimed = table.claim(.download(id: id, format: format), download, log: &log)
                }
                if claimed { table.claim(.csvMetadata(id: id), download, log: &log) }
            }
            for raw in content.tables {
                let what = Message(vi: "bản sao của \(raw.path)", en: "the copy of \(raw.path)")
                table.claim(.rawTable(name: raw.downloadName), Owner(what: what, location: SourceLocation(path: raw.path)),
                            log: &log)
            }
        }
        for asset in theme.assets {
            let what = Message(vi: "tệp \(asset.source)", en: "the asset \(asset.source)")
            table.claim(.asset(path: asset.path), Owner(what: what, location: SourceLocation(path: asset.source)),
                        log: &log)
        }
        return table
    }

    /// Claims `route` for `owner`; false (and an error naming both) when another owner has its path.
    @discardableResult
    private mutating func claim(_ route: Route, _ owner: Owner, log: inout DiagnosticLog) -> Bool {
        let path = route.outputPath
        if let firstOwner = owners[path] ?? sectionOwner(of: path) {
            report(route, path: path, owner: owner, firstOwner: firstOwner, log: &log)
            return false
        }
        owners[path] = owner
        routes.append(route)
        return true
    }

    /// Claims the page of section `index` (`slug/index.html`), after every claim but the sections' and before
    /// any other: it may clash with an earlier section of the same slug, or with a path claimed before
    /// (`clashesWithOther`).
    private mutating func claimSection(_ index: Int, slug: String, clashesWithOther: Bool, log: inout DiagnosticLog) {
        let first = sectionSlugs[slug] ?? index
        guard clashesWithOther || first != index else {
            routes.append(.section(slug: slug))
            return
        }
        unclaimedSections.insert(index)
        let route = Route.section(slug: slug)
        let path = route.outputPath
        guard let firstOwner = owners[path] ?? sectionOwner(of: path) else { return }
        report(route, path: path, owner: .section(index: index), firstOwner: firstOwner, log: &log)
    }

    /// The section whose claimed page is `path`, if any.
    private func sectionOwner(of path: String) -> Owner? {
        guard !sectionSlugs.isEmpty, path.hasSuffix(Self.pageFile) else { return nil }
        let slug = String(path.dropLast(Self.pageFile.count))
        guard let index = sectionSlugs[slug], !unclaimedSections.contains(index) else { return nil }
        return .section(index: index)
    }

    /// The error for `owner`'s claim of `path`, which `firstOwner` has.
    private func report(_ route: Route, path: String, owner: Owner, firstOwner: Owner, log: inout DiagnosticLog) {
        let first = described(firstOwner)
        let owner = described(owner)
        let shown = route.template == nil ? path : route.path
        if first.location.path == Self.tiendo.path {
            log.error("\(owner.what.vi) sẽ được xuất ra \(shown), trùng với \(first.what.vi) của Tiendo; hãy chọn "
                          + "mã khác",
                      en: "\(owner.what.en) would publish at \(shown), which is Tiendo's \(first.what.en); choose "
                          + "another id", at: owner.location)
        } else {
            let whereFirst = first.location.line > 0
                ? "\(first.location.path):\(first.location.line):\(max(first.location.column, 1))"
                : first.location.path
            log.error("\(owner.what.vi) sẽ được xuất ra \(shown), trùng với \(first.what.vi) (\(whereFirst))",
                      en: "\(owner.what.en) would publish at \(shown), which is \(first.what.en) (\(whereFirst))",
                      at: owner.location)
        }
    }

    private static let pageFile = "/index.html"

    /// The owner location of Tiendo's own pages and files.
    static let tiendo = SourceLocation(path: "Tiendo")
}
