import Foundation
import Indicators

/// Turns checked content and computed indicators into the files of the site. Pure: it reads no file and
/// writes none; the same inputs give byte-identical output.
struct SiteRenderer {
    var content: SiteContent
    var indicators: [ComputedIndicator]
    var theme: Theme
    /// Every template and asset file, relative to the project root: each page depends on them.
    var themeInputs: [String]

    /// Views each template was rendered with, for the key check.
    private var viewsByTemplate: [String: [Any]] = [:]
    private var diagnostics: [Diagnostic] = []

    init(content: SiteContent, indicators: [ComputedIndicator], theme: Theme, themeInputs: [String]) {
        self.content = content
        self.indicators = indicators
        self.theme = theme
        self.themeInputs = themeInputs
    }

    // MARK: - Paths

    static let indicatorsPath = "chi-tieu/"
    static let dataPath = "du-lieu/"

    static func sectionPath(_ section: Section) -> String { "\(section.slug)/" }
    static func indicatorPath(_ id: String) -> String { "chi-tieu/\(id.lowercased())/" }
    static func groupPath(_ code: String) -> String { "chi-tieu/\(code)/" }
    static func downloadPath(_ id: String, _ suffix: String) -> String { "du-lieu/\(id.lowercased())\(suffix)" }

    /// A link from the page at `page` (a folder path such as `muc-tieu/`, or `` for the home page) to `target`.
    static func relative(from page: String, to target: String) -> String {
        let depth = page.split(separator: "/").count
        let prefix = String(repeating: "../", count: depth)
        let url = prefix + target
        return url.isEmpty ? "./" : url
    }

    private var site: SiteConfig { content.site }
    private var siteInputs: [String] { ["Content/site.yaml"].filter { content.inputs.contains($0) } + themeInputs }
    private var dataInputs: [String] {
        content.inputs.filter { $0.hasPrefix("Content/data/") || $0 == "Content/categories.yaml" }
    }

    private func indicator(_ id: String) -> ComputedIndicator? {
        indicators.first { $0.definition.id.lowercased() == id.lowercased() }
    }

    // MARK: - Render

    /// Renders every file; template keys are checked against the views used. Errors go to `log`.
    mutating func render(log: inout DiagnosticLog) -> [OutputFile] {
        var files: [OutputFile] = []
        files.append(page("", template: "home", view: homeView(), title: site.title,
                          description: site.description, breadcrumbs: [], ogType: "website",
                          inputs: content.inputs))
        for (index, section) in content.sections.enumerated() {
            files.append(sectionPage(section, index: index))
        }
        if !indicators.isEmpty {
            files.append(contentsOf: indicatorPages())
            files.append(contentsOf: downloads())
        }
        files.append(notFoundPage())
        for asset in theme.assets {
            files.append(OutputFile(path: "assets/" + asset.path, data: asset.data, inputs: [asset.source]))
        }
        for (template, views) in viewsByTemplate.sorted(by: { $0.key < $1.key }) {
            log.append(contentsOf: theme.lint(template: template, views: views))
        }
        log.append(contentsOf: diagnostics)
        return files.sorted { $0.path < $1.path }
    }

    private mutating func renderTemplate(_ name: String, _ view: Any) -> String {
        viewsByTemplate[name, default: []].append(view)
        return theme.render(view, template: name)
    }

    private mutating func page(_ path: String, template: String, view: Any, title: String, description: String,
                               breadcrumbs: [LinkView], ogType: String = "article", inputs: [String],
                               fileName: String = "index.html", absoluteRoot: Bool = false) -> OutputFile {
        let body = renderTemplate(template, view)
        let root = absoluteRoot ? (URL(string: site.baseURL)?.path ?? "/") : Self.relative(from: path, to: "")
        let rootPrefix = root == "./" ? "" : root.hasSuffix("/") ? root : root + "/"
        func link(_ target: String) -> String {
            absoluteRoot ? rootPrefix + target : Self.relative(from: path, to: target)
        }
        var nav = [NavItemView(title: "Trang chủ", url: link(""), current: path.isEmpty)]
        for menu in site.menu {
            if let section = content.sections.first(where: { $0.fileName == menu }) {
                let target = Self.sectionPath(section)
                nav.append(NavItemView(title: section.title, url: link(target), current: path == target))
            }
        }
        if !indicators.isEmpty {
            nav.append(NavItemView(title: "Chỉ tiêu", url: link(Self.indicatorsPath),
                                   current: path.hasPrefix(Self.indicatorsPath)))
            nav.append(NavItemView(title: "Dữ liệu", url: link(Self.dataPath), current: path == Self.dataPath))
        }
        let crumbs = breadcrumbs.isEmpty ? [] : [CrumbView(title: "Trang chủ", url: link(""), isPage: false)]
            + breadcrumbs.map { CrumbView(title: $0.title, url: link($0.url), isPage: $0.url == path) }
        let layout = LayoutView(
            lang: site.language, pageTitle: path.isEmpty ? site.title : "\(title) – \(site.title)",
            siteTitle: site.title, description: description.isEmpty ? site.description : description,
            canonicalURL: site.baseURL + (fileName == "index.html" ? path : fileName), ogType: ogType,
            root: rootPrefix, homeURL: link(""), planNumber: site.plan.number, publisher: site.publisher,
            sampleData: site.sampleData, nav: nav, breadcrumbs: crumbs, hasBreadcrumbs: !crumbs.isEmpty,
            content: body, reportingYear: site.reportingYear)
        let html = renderTemplate("layout", layout)
        return OutputFile(path: path + fileName, text: html, inputs: Array(Set(inputs + siteInputs)))
    }

    // MARK: - Home

    private mutating func homeView() -> HomeView {
        let plan = site.plan
        var facts = [
            FactView(label: "Số hiệu", value: plan.number),
            FactView(label: "Loại văn bản", value: plan.documentType),
            FactView(label: "Ngày ban hành", value: VietnameseDate.display(plan.date) ?? plan.date),
        ]
        if let effective = plan.effectiveDate {
            facts.append(FactView(label: "Ngày có hiệu lực", value: VietnameseDate.display(effective) ?? effective))
        }
        facts += [
            FactView(label: "Cơ quan ban hành", value: plan.issuer),
            FactView(label: "Người ký", value: plan.signer),
            FactView(label: "Lĩnh vực", value: plan.field),
        ]
        let sections = content.sections.map {
            SectionSummaryView(title: $0.title, url: Self.sectionPath($0), summary: $0.summary)
        }
        return HomeView(siteTitle: site.title, description: site.description, planTitle: plan.title, facts: facts,
                        sections: sections, hasIndicators: !indicators.isEmpty, indicatorCount: indicators.count,
                        statusCounts: StatusText.order.compactMap { status in
                            let count = indicators.filter { $0.current?.status == status }.count
                            return count == 0 ? nil : StatusCountView(status: self.status(status),
                                                                      count: VietnameseNumber.integer(count))
                        },
                        overview: overviewTable(from: ""), indicatorsURL: Self.indicatorsPath,
                        dataURL: Self.dataPath, reportingYear: site.reportingYear)
    }

    /// Groups × statuses: how many indicators stand in each status now.
    private func overviewTable(from page: String) -> TableView {
        let statuses = StatusText.order
        var rows: [RowView] = []
        for group in content.categories.groups {
            let members = indicators.filter { $0.definition.group == group.code }
            guard !members.isEmpty else { continue }
            let cells = statuses.map { status in
                CellView(text: VietnameseNumber.integer(members.filter { $0.current?.status == status }.count),
                         numeric: true, badge: nil)
            } + [CellView(text: VietnameseNumber.integer(members.count), numeric: true, badge: nil)]
            rows.append(RowView(header: group.name, headerURL: Self.relative(from: page, to: Self.groupPath(group.code)),
                                cells: cells))
        }
        let totals = statuses.map { status in
            CellView(text: VietnameseNumber.integer(indicators.filter { $0.current?.status == status }.count),
                     numeric: true, badge: nil)
        } + [CellView(text: VietnameseNumber.integer(indicators.count), numeric: true, badge: nil)]
        rows.append(RowView(header: "Tất cả", headerURL: nil, cells: totals))
        let head = [HeadCellView(text: "Nhóm chỉ tiêu", numeric: false)]
            + statuses.map { HeadCellView(text: "\(StatusText.symbol($0)) \(StatusText.label($0))", numeric: true) }
            + [HeadCellView(text: "Tổng số", numeric: true)]
        let milestoneYears = Set(indicators.compactMap { $0.current?.milestone.year }).sorted()
        let yearsText = milestoneYears.map(String.init).joined(separator: ", ")
        return TableView(id: "tong-quan", caption: "Số chỉ tiêu theo tình trạng so với mục tiêu năm \(yearsText) "
                            + "(số liệu đến năm \(site.reportingYear))",
                         head: head, rows: rows, downloads: combinedDownloads(from: page), hasDownloads: true)
    }

    /// Links to the files that hold every indicator's figures, for the summary tables.
    private func combinedDownloads(from page: String) -> [LinkView] {
        [LinkView(title: "tat-ca-chi-tieu.csv", url: Self.relative(from: page, to: "du-lieu/tat-ca-chi-tieu.csv")),
         LinkView(title: "tat-ca-chi-tieu.json", url: Self.relative(from: page, to: "du-lieu/tat-ca-chi-tieu.json"))]
    }

    // MARK: - Sections

    private mutating func sectionPage(_ section: Section, index: Int) -> OutputFile {
        let path = Self.sectionPath(section)
        var usedIndicators: Set<String> = []
        let rendered = Markdown.render(section.body, path: section.path, firstLine: section.bodyFirstLine) {
            reference in
            resolve(reference, from: path, used: &usedIndicators)
        }
        diagnostics.append(contentsOf: rendered.diagnostics)
        var body = ""
        for segment in rendered.segments {
            switch segment {
            case .html(let html):
                body += html
            case let .indicator(id, location):
                guard let computed = indicator(id) else {
                    diagnostics.append(.error("unknown indicator '\(id)'"
                        + Suggestion.didYouMean(id, in: indicators.map(\.definition.id)), at: location))
                    continue
                }
                usedIndicators.insert(computed.definition.id)
                body += renderTemplate("indicator-block", indicatorView(computed, from: path))
            case let .indicatorGroup(code, location):
                guard let group = content.categories.groups.first(where: { $0.code == code }) else {
                    diagnostics.append(.error("unknown indicator group '\(code)'"
                        + Suggestion.didYouMean(code, in: content.categories.groups.map(\.code)), at: location))
                    continue
                }
                usedIndicators.formUnion(indicators.filter { $0.definition.group == code }.map(\.definition.id))
                body += renderTemplate("group-summary", groupView(group, from: path))
            }
        }
        let sections = content.sections
        let previous = index > 0 ? sections[index - 1] : nil
        let next = index + 1 < sections.count ? sections[index + 1] : nil
        func link(_ other: Section?) -> LinkView? {
            other.map { LinkView(title: $0.title, url: Self.relative(from: path, to: Self.sectionPath($0))) }
        }
        let toc = rendered.headings.filter { $0.level == 2 }.map { TocEntryView(text: $0.text, id: $0.id) }
        let view = SectionView(title: section.title, summary: section.summary, toc: toc, hasToc: toc.count > 1,
                               body: body, previous: link(previous), next: link(next))
        var inputs = content.sections.map(\.path)
        if !usedIndicators.isEmpty {
            inputs += indicators.filter { usedIndicators.contains($0.definition.id) }.map(\.file.path) + dataInputs
        }
        return page(path, template: "section", view: view, title: section.title, description: section.summary ?? "",
                    breadcrumbs: [LinkView(title: section.title, url: path)], inputs: inputs)
    }

    private func resolve(_ reference: MarkdownReference, from page: String,
                         used: inout Set<String>) -> MarkdownResolution {
        switch reference {
        case let .sectionLink(fileName, fragment):
            guard let target = content.sections.first(where: { $0.fileName == fileName }) else {
                return .failure("link to a section that does not exist: '\(fileName)'"
                    + Suggestion.didYouMean(fileName, in: content.sections.map(\.fileName)))
            }
            return .url(Self.relative(from: page, to: Self.sectionPath(target)) + (fragment.map { "#" + $0 } ?? ""))
        case .figure(let text):
            return figure(text, from: page, used: &used)
        }
    }

    /// `ID` latest value, `ID@YEAR` value in a year, `ID:nam` latest year, `ID:trang-thai` status,
    /// `ID:muc-tieu-YEAR` the target for a year.
    private func figure(_ text: String, from page: String, used: inout Set<String>) -> MarkdownResolution {
        let separators: Set<Character> = ["@", ":"]
        let idPart = String(text.prefix { !separators.contains($0) })
        let rest = text.dropFirst(idPart.count)
        guard let computed = indicator(idPart) else {
            return .failure("unknown indicator '\(idPart)' in `{\(text)}`"
                + Suggestion.didYouMean(idPart, in: indicators.map(\.definition.id)))
        }
        used.insert(computed.definition.id)
        let definition = computed.definition
        let url = Self.relative(from: page, to: Self.indicatorPath(definition.id))
        let title = "\(definition.id): \(computed.file.shortTitle)"
        if rest.isEmpty {
            guard let latest = computed.series.latest else { return .figure(text: "chưa có số liệu", url: url, title: title) }
            return .figure(text: ValueText.value(latest.value, definition: definition), url: url,
                           title: "\(title), năm \(latest.year)")
        }
        let key = String(rest.dropFirst())
        if rest.first == "@" {
            guard let year = Int(key) else { return .failure("'\(key)' is not a year in `{\(text)}`") }
            guard computed.series.point(in: year) != nil else {
                return .failure("\(definition.id) has no year \(year) in `{\(text)}`")
            }
            return .figure(text: ValueText.value(computed.series.value(in: year), definition: definition), url: url,
                           title: "\(title), năm \(year)")
        }
        switch key {
        case "nam":
            return .figure(text: computed.series.latest.map { String($0.year) } ?? "–", url: url, title: title)
        case "trang-thai":
            return .figure(text: computed.current.map { StatusText.label($0.status) } ?? "–", url: url, title: title)
        default:
            if key.hasPrefix("muc-tieu-"), let year = Int(key.dropFirst("muc-tieu-".count)),
               let milestone = definition.milestones.first(where: { $0.year == year }) {
                return .figure(text: ValueText.target(milestone, definition: definition), url: url, title: title)
            }
            return .failure("unknown figure '\(key)' in `{\(text)}`; use {ID}, {ID@2023}, {ID:nam}, "
                + "{ID:trang-thai} or {ID:muc-tieu-2025}")
        }
    }

    // MARK: - Indicators

    private func status(_ status: ProgressStatus?) -> StatusView {
        let status = status ?? .insufficientData
        return StatusView(code: status.rawValue, label: StatusText.label(status), symbol: StatusText.symbol(status))
    }

    private func selectionText(_ definition: IndicatorDefinition) -> String {
        let categories = content.categories
        var parts: [String] = []
        if !definition.selection.kinds.isEmpty {
            parts.append(definition.selection.kinds.map(categories.name(ofKind:)).joined(separator: ", "))
        }
        if !definition.selection.levels.isEmpty {
            parts.append(definition.selection.levels.map(categories.name(ofLevel:)).joined(separator: ", ").lowercased())
        }
        if !definition.selection.districts.isEmpty {
            parts.append("tại " + definition.selection.districts.map(categories.name(ofDistrict:)).joined(separator: ", "))
        }
        return parts.isEmpty ? "Tất cả cơ sở" : parts.joined(separator: " – ")
    }

    func indicatorView(_ computed: ComputedIndicator, from page: String) -> IndicatorView {
        let definition = computed.definition
        let id = definition.id
        let link = { (target: String) in Self.relative(from: page, to: target) }
        let milestones = computed.assessments.map { assessment in
            MilestoneView(year: assessment.milestone.year,
                          target: ValueText.target(assessment.milestone, definition: definition),
                          status: status(assessment.status),
                          sentence: StatusText.sentence(assessment, definition: definition))
        }
        let downloads = [
            LinkView(title: "\(id).csv", url: link(Self.downloadPath(id, ".csv"))),
            LinkView(title: "\(id).json", url: link(Self.downloadPath(id, ".json"))),
        ]
        let districtDownloads = [
            LinkView(title: "\(id)-theo-dia-ban.csv", url: link(Self.downloadPath(id, "-theo-dia-ban.csv"))),
        ]
        return IndicatorView(
            id: id, anchor: "chi-tieu-\(id.lowercased())", title: definition.title,
            url: link(Self.indicatorPath(id)), groupName: content.categories.name(ofGroup: definition.group),
            groupURL: link(Self.groupPath(definition.group)), unit: definition.unit,
            method: ValueText.method(definition), description: computed.file.description,
            planText: computed.file.planText, selection: selectionText(definition), baseline: definition.baseline,
            latestValue: ValueText.value(computed.series.latest?.value, definition: definition),
            latestYear: computed.series.latest.map { String($0.year) } ?? "–",
            status: status(computed.current?.status),
            statusSentence: computed.current.map { StatusText.sentence($0, definition: definition) } ?? "",
            currentMilestoneYear: computed.current?.milestone.year ?? 0, milestones: milestones,
            chart: LineChart(indicator: computed, idPrefix: "bieu-do-\(id.lowercased())").render(),
            yearTable: yearTable(computed, downloads: downloads),
            districtTable: districtTable(computed, downloads: districtDownloads), downloads: downloads + districtDownloads,
            agency: computed.file.agency, source: computed.file.source, footnotes: computed.file.footnotes,
            hasFootnotes: !computed.file.footnotes.isEmpty)
    }

    private func unitHeader(_ definition: IndicatorDefinition) -> String {
        definition.method == .share ? "Tỷ lệ (%)" : "Giá trị (\(definition.unit))"
    }

    private func yearTable(_ computed: ComputedIndicator, downloads: [LinkView]) -> TableView {
        let definition = computed.definition
        var head = [HeadCellView(text: "Năm", numeric: false), HeadCellView(text: unitHeader(definition), numeric: true)]
        switch definition.method {
        case .share:
            head += [HeadCellView(text: "Số cơ sở đạt", numeric: true),
                     HeadCellView(text: "Số cơ sở có báo cáo", numeric: true)]
        case .growth:
            head += [HeadCellView(text: "Tăng so với năm trước (%)", numeric: true),
                     HeadCellView(text: "Số cơ sở có báo cáo", numeric: true)]
        case .value:
            head += [HeadCellView(text: "Số cơ sở có báo cáo", numeric: true)]
        }
        head.append(HeadCellView(text: "Số cơ sở chưa báo cáo", numeric: true))
        let rows = computed.series.points.map { point in
            var cells = [CellView(text: ValueText.bare(point.value, definition: definition), numeric: true, badge: nil)]
            switch definition.method {
            case .share:
                cells.append(CellView(text: point.numerator.map(VietnameseNumber.integer) ?? "–", numeric: true,
                                      badge: nil))
            case .growth:
                cells.append(CellView(text: ValueText.growth(point.yearOnYearGrowth), numeric: true, badge: nil))
            case .value:
                break
            }
            cells.append(CellView(text: VietnameseNumber.integer(point.reporting), numeric: true, badge: nil))
            cells.append(CellView(text: VietnameseNumber.integer(point.missing), numeric: true, badge: nil))
            return RowView(header: String(point.year) + (point.year == definition.baseline ? " (năm gốc)" : ""),
                           headerURL: nil, cells: cells)
        }
        return TableView(id: "bang-\(definition.id.lowercased())-theo-nam",
                         caption: "\(definition.id) theo năm: \(computed.file.shortTitle)", head: head, rows: rows,
                         downloads: downloads, hasDownloads: true)
    }

    private func districtTable(_ computed: ComputedIndicator, downloads: [LinkView]) -> TableView {
        let definition = computed.definition
        let years = computed.series.points.map(\.year)
        let head = [HeadCellView(text: "Địa bàn", numeric: false)]
            + years.map { HeadCellView(text: "\($0)\(definition.method == .share ? " (%)" : "")", numeric: true) }
        let rows = content.categories.districts.compactMap { district -> RowView? in
            guard let points = computed.series.byDistrict[district.code] else { return nil }
            return RowView(header: district.name, headerURL: nil, cells: points.map {
                CellView(text: ValueText.bare($0.value, definition: definition), numeric: true, badge: nil)
            })
        }
        return TableView(id: "bang-\(definition.id.lowercased())-theo-dia-ban",
                         caption: "\(definition.id) theo địa bàn (\(definition.method == .share ? "tỷ lệ %" : definition.unit))",
                         head: head, rows: rows, downloads: downloads, hasDownloads: true)
    }

    private func groupView(_ group: Categories.Entry, from page: String) -> GroupView {
        let members = indicators.filter { $0.definition.group == group.code }
        let years = Array(Set(members.flatMap { $0.definition.milestones.map(\.year) })).sorted()
        let head = [HeadCellView(text: "Chỉ tiêu", numeric: false), HeadCellView(text: "Giá trị mới nhất", numeric: true)]
            + years.map { HeadCellView(text: "Mục tiêu \($0)", numeric: true) }
            + [HeadCellView(text: "Tình trạng", numeric: false)]
        let rows = members.map { computed -> RowView in
            let definition = computed.definition
            let latest = computed.series.latest.map {
                "\(ValueText.value($0.value, definition: definition)) (\($0.year))"
            } ?? "–"
            let targets = years.map { year in
                CellView(text: definition.milestones.first { $0.year == year }
                    .map { ValueText.target($0, definition: definition) } ?? "–", numeric: true, badge: nil)
            }
            return RowView(header: "\(definition.id): \(computed.file.shortTitle)",
                           headerURL: Self.relative(from: page, to: Self.indicatorPath(definition.id)),
                           cells: [CellView(text: latest, numeric: true, badge: nil)] + targets
                               + [CellView(text: "", numeric: false, badge: status(computed.current?.status))])
        }
        let summary = TableView(id: "tom-tat-\(group.code)", caption: "\(group.name): giá trị, mục tiêu và tình trạng",
                                head: head, rows: rows, downloads: combinedDownloads(from: page), hasDownloads: true)
        return GroupView(code: group.code, name: group.name,
                         url: Self.relative(from: page, to: Self.groupPath(group.code)), summary: summary,
                         indicators: members.map {
                             LinkView(title: "\($0.definition.id): \($0.file.shortTitle)",
                                      url: Self.relative(from: page, to: Self.indicatorPath($0.definition.id)))
                         })
    }

    private mutating func indicatorPages() -> [OutputFile] {
        var files: [OutputFile] = []
        let groups = content.categories.groups.filter { group in indicators.contains { $0.definition.group == group.code } }
        let allInputs = indicators.map(\.file.path) + dataInputs
        let methodology = content.sections.first { $0.slug == "phuong-phap-tinh" }
        let index = IndicatorsIndexView(
            groups: groups.map { groupView($0, from: Self.indicatorsPath) }, overview: overviewTable(from: Self.indicatorsPath),
            methodologyURL: methodology.map { Self.relative(from: Self.indicatorsPath, to: Self.sectionPath($0)) },
            reportingYear: site.reportingYear)
        files.append(page(Self.indicatorsPath, template: "indicators", view: index, title: "Chỉ tiêu",
                          description: "Các chỉ tiêu của kế hoạch, giá trị mới nhất và tình trạng so với mục tiêu.",
                          breadcrumbs: [LinkView(title: "Chỉ tiêu", url: Self.indicatorsPath)], inputs: allInputs))
        for group in groups {
            let path = Self.groupPath(group.code)
            let inputs = indicators.filter { $0.definition.group == group.code }.map(\.file.path) + dataInputs
            files.append(page(path, template: "group", view: groupView(group, from: path), title: group.name,
                              description: "Các chỉ tiêu nhóm \(group.name.lowercased()).",
                              breadcrumbs: [LinkView(title: "Chỉ tiêu", url: Self.indicatorsPath),
                                            LinkView(title: group.name, url: path)], inputs: inputs))
        }
        for computed in indicators {
            let definition = computed.definition
            let path = Self.indicatorPath(definition.id)
            let groupName = content.categories.name(ofGroup: definition.group)
            files.append(page(path, template: "indicator", view: indicatorView(computed, from: path),
                              title: "\(definition.id): \(computed.file.shortTitle)", description: definition.title,
                              breadcrumbs: [LinkView(title: "Chỉ tiêu", url: Self.indicatorsPath),
                                            LinkView(title: groupName, url: Self.groupPath(definition.group)),
                                            LinkView(title: definition.id, url: path)],
                              inputs: [computed.file.path] + dataInputs))
        }
        return files
    }

    // MARK: - Downloads

    private mutating func downloads() -> [OutputFile] {
        var files: [OutputFile] = []
        var indicatorDownloads: [DownloadView] = []
        var allRows: [[String]] = []
        var allJSON: [JSONValue] = []
        for computed in indicators {
            let definition = computed.definition
            let id = definition.id
            let inputs = [computed.file.path] + dataInputs
            let rows = seriesRows(computed)
            allRows += rows.map { [id] + $0 }
            files.append(OutputFile(path: Self.downloadPath(id, ".csv"),
                                    text: CSVWriter.write(header: Self.seriesHeader, rows: rows), inputs: inputs))
            let districtRows = content.categories.districts.flatMap { district -> [[String]] in
                (computed.series.byDistrict[district.code] ?? []).map {
                    [district.code, district.name] + pointCells($0, definition: definition)
                }
            }
            files.append(OutputFile(path: Self.downloadPath(id, "-theo-dia-ban.csv"),
                                    text: CSVWriter.write(header: ["ma_dia_ban", "dia_ban"] + Self.seriesHeader,
                                                          rows: districtRows), inputs: inputs))
            let json = indicatorJSON(computed)
            allJSON.append(json)
            files.append(OutputFile(path: Self.downloadPath(id, ".json"), text: json.serialized() + "\n", inputs: inputs))
            indicatorDownloads.append(DownloadView(title: "\(id): \(computed.file.shortTitle)",
                                                   url: Self.downloadPath(id, ".csv"), format: "CSV",
                                                   note: "theo năm; \(id)-theo-dia-ban.csv theo địa bàn; \(id).json"))
        }
        let allInputs = indicators.map(\.file.path) + dataInputs
        files.append(OutputFile(path: "du-lieu/tat-ca-chi-tieu.csv",
                                text: CSVWriter.write(header: ["ma_chi_tieu"] + Self.seriesHeader, rows: allRows),
                                inputs: allInputs))
        files.append(OutputFile(path: "du-lieu/tat-ca-chi-tieu.json",
                                text: JSONValue.object([
                                    "bao_cao": .string(site.title), "nam_bao_cao": .integer(site.reportingYear),
                                    "so_lieu_minh_hoa": .bool(site.sampleData), "chi_tieu": .array(allJSON),
                                ]).serialized() + "\n", inputs: allInputs))
        var raw: [DownloadView] = []
        for table in content.tables {
            let name = (table.path as NSString).lastPathComponent
            files.append(OutputFile(path: "du-lieu/goc/\(name)",
                                    text: CSVWriter.write(header: table.header, rows: table.rows.map(\.cells)),
                                    inputs: [table.path]))
            raw.append(DownloadView(title: name, url: "du-lieu/goc/\(name)", format: "CSV",
                                    note: "\(VietnameseNumber.integer(table.rows.count)) dòng số liệu"))
        }
        let page = Self.dataPath
        func relative(_ list: [DownloadView]) -> [DownloadView] {
            list.map { DownloadView(title: $0.title, url: Self.relative(from: page, to: $0.url), format: $0.format,
                                    note: $0.note) }
        }
        let combined = [
            DownloadView(title: "Tất cả chỉ tiêu theo năm", url: "du-lieu/tat-ca-chi-tieu.csv", format: "CSV", note: ""),
            DownloadView(title: "Tất cả chỉ tiêu, định nghĩa, mục tiêu và tình trạng", url: "du-lieu/tat-ca-chi-tieu.json",
                         format: "JSON", note: ""),
        ]
        let view = DataView(downloads: relative(indicatorDownloads), raw: relative(raw), combined: relative(combined))
        files.append(self.page(page, template: "data", view: view, title: "Dữ liệu",
                               description: "Tải số liệu các chỉ tiêu và số liệu gốc dưới dạng CSV và JSON.",
                               breadcrumbs: [LinkView(title: "Dữ liệu", url: page)], inputs: allInputs))
        return files
    }

    static let seriesHeader = ["nam", "gia_tri", "don_vi", "so_co_so_dat", "so_co_so_bao_cao", "so_co_so_chua_bao_cao",
                               "tang_so_voi_nam_truoc_phan_tram"]

    private func pointCells(_ point: IndicatorSeries.Point, definition: IndicatorDefinition) -> [String] {
        [String(point.year), point.value.map { VietnameseNumber.plain($0) } ?? "", definition.unit,
         point.numerator.map(String.init) ?? "", String(point.reporting), String(point.missing),
         point.yearOnYearGrowth.map { VietnameseNumber.plain($0) } ?? ""]
    }

    private func seriesRows(_ computed: ComputedIndicator) -> [[String]] {
        computed.series.points.map { pointCells($0, definition: computed.definition) }
    }

    private func indicatorJSON(_ computed: ComputedIndicator) -> JSONValue {
        let definition = computed.definition
        func point(_ point: IndicatorSeries.Point) -> JSONValue {
            .object([
                "nam": .integer(point.year), "gia_tri": point.value.map(JSONValue.number) ?? .null,
                "so_co_so_dat": point.numerator.map(JSONValue.integer) ?? .null,
                "so_co_so_bao_cao": .integer(point.reporting), "so_co_so_chua_bao_cao": .integer(point.missing),
                "tang_so_voi_nam_truoc_phan_tram": point.yearOnYearGrowth.map(JSONValue.number) ?? .null,
            ])
        }
        let milestones: [JSONValue] = computed.assessments.map { assessment in
            var fields: [String: JSONValue] = [
                "nam": .integer(assessment.milestone.year),
                "tinh_trang": .string(assessment.status.rawValue),
                "tinh_trang_chu": .string(StatusText.label(assessment.status)),
                "giai_thich": .string(StatusText.sentence(assessment, definition: definition)),
                "ty_so_toc_do": assessment.ratio.map(JSONValue.number) ?? .null,
            ]
            switch assessment.milestone.target {
            case .value(let value): fields["muc_tieu"] = .number(value)
            case let .range(min, max):
                fields["muc_tieu_toi_thieu"] = .number(min)
                fields["muc_tieu_toi_da"] = .number(max)
            }
            return .object(fields)
        }
        var districts: [String: JSONValue] = [:]
        for (code, points) in computed.series.byDistrict { districts[code] = .array(points.map(point)) }
        return .object([
            "ma": .string(definition.id), "ten": .string(definition.title), "nhom": .string(definition.group),
            "don_vi": .string(definition.unit), "phuong_phap": .string(definition.method.rawValue),
            "loai_muc_tieu": .string(definition.targetType.rawValue), "nam_goc": .integer(definition.baseline),
            "huong": .string(definition.direction.rawValue), "co_quan": .string(computed.file.agency),
            "nguon": .string(computed.file.source), "theo_nam": .array(computed.series.points.map(point)),
            "theo_dia_ban": .object(districts), "muc_tieu": .array(milestones),
        ])
    }

    // MARK: - 404

    private mutating func notFoundPage() -> OutputFile {
        let root = URL(string: site.baseURL)?.path ?? "/"
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let view = NotFoundView(homeURL: prefix, indicatorsURL: prefix + Self.indicatorsPath)
        return page("", template: "not-found", view: view, title: "Không tìm thấy trang",
                    description: "Không tìm thấy trang bạn yêu cầu.", breadcrumbs: [], inputs: [],
                    fileName: "404.html", absoluteRoot: true)
    }
}
