import Indicators

/// Builds a page's draft from the model: a pure function of (model, route), safe to call from any task.
struct PageBuilder {
    let model: SiteModel
    var views: IndicatorViews { IndicatorViews(model: model) }
    var text: InterfaceText { model.text }

    /// The draft of a page route; nil for routes that are files, not pages.
    func draft(for route: Route) -> PageDraft? {
        switch route {
        case .home: home()
        case .section(let slug): model.sectionIndex(slug: slug).map(section(at:))
        case .indicators: indicatorsIndex()
        case .group(let code): model.group(code).map(group)
        case .indicator(let id): model.indicator(id).map(indicator)
        case .data: dataPage()
        case .tasks: TaskViewBuilder(model: model).page()
        case .editions: EditionPages(model: model).editionsPage()
        case .changes: EditionPages(model: model).changesPage()
        case .notFound: notFound()
        case .search:
            PageDraft(route: .search, body: SearchPageView(
                indexURL: "chi-muc.json", contentsURL: "../",
                scriptURL: model.sharedURL(.asset(path: "search.js"), from: Route.search.path)),
                      title: text[.searchTitle], description: text[.searchDescription],
                      breadcrumbs: [LinkView(title: text[.searchTitle], url: Route.search.path)])
        case .download, .combined, .rawTable, .asset, .changesFeed, .editionFile, .sitemap, .robots, .catalog,
             .csvMetadata, .searchIndex, .updatesFeed: nil
        }
    }

    private func home() -> PageDraft {
        let site = model.site
        let plan = site.plan
        var facts = [
            FactView(label: text[.factNumber], value: plan.number),
            FactView(label: text[.factType], value: plan.documentType),
            FactView(label: text[.factDate], value: text.date(plan.date)),
        ]
        if let effective = plan.effectiveDate {
            facts.append(FactView(label: text[.factEffectiveDate], value: text.date(effective)))
        }
        facts += [
            FactView(label: text[.factIssuer], value: plan.issuer),
            FactView(label: text[.factSigner], value: plan.signer),
            FactView(label: text[.factField], value: plan.field),
        ]
        let sections = model.content.sections.map {
            SectionSummaryView(title: $0.title, url: Route.section(slug: $0.slug).path, summary: $0.summary)
        }
        let indicators = model.indicators
        let tasks = model.content.tasks
        let counts = StatusText.order.compactMap { status -> StatusCountView? in
            let count = indicators.filter { $0.current?.status == status }.count
            return count == 0 ? nil : StatusCountView(status: views.status(status), count: text.numbers.integer(count),
                                                       noun: text.plural(.countIndicators, count))
        }
        let overdue = tasks.filter { $0.isOverdue(reportingYear: site.reportingYear) }.count
        let overdueClause = overdue == 0 ? "" : text.format(.homeTasksOverdueClause, count: overdue)
        let view = HomeView(siteTitle: site.title, description: site.description, planTitle: plan.title, facts: facts,
                            sections: sections, hasIndicators: !indicators.isEmpty, indicatorCount: indicators.count,
                            statusCounts: counts, overview: views.overviewTable(from: ""),
                            indicatorsURL: Route.indicatorsFolder, dataURL: Route.dataFolder,
                            reportingYear: site.reportingYear, hasTasks: !tasks.isEmpty, taskCount: tasks.count,
                            taskCounts: TaskViewBuilder(model: model).counts(tasks),
                            overdueTasks: overdue, tasksURL: Route.tasks.path,
                            indicatorSentence: text.format(.homeIndicatorsSentence, count: indicators.count,
                                                           ["year": String(site.reportingYear)]),
                            tasksSentence: text.format(.homeTasksSentence, count: tasks.count,
                                                       ["overdue": overdueClause]))
        return PageDraft(route: .home, body: view, title: site.title, description: site.description, ogType: "website")
    }

    private func indicatorsIndex() -> PageDraft {
        let page = Route.indicators.path
        let methodology = model.content.sections.first { $0.slug == "phuong-phap-tinh" }?.fileName
            ?? model.untranslatedSections.fileName(slug: "phuong-phap-tinh")
        let view = IndicatorsIndexView(
            groups: model.groups.map { views.groupView($0, from: page) }, overview: views.overviewTable(from: page),
            methodologyURL: methodology.flatMap { model.sectionURL(fileName: $0, from: page) },
            reportingYear: model.site.reportingYear)
        return PageDraft(route: .indicators, body: view, title: text[.indicatorsTitle],
                         description: text[.indicatorsDescription],
                         breadcrumbs: [LinkView(title: text[.indicatorsTitle], url: page)])
    }

    private func group(_ group: Categories.Entry) -> PageDraft {
        let route = Route.group(code: group.code)
        return PageDraft(route: route, body: views.groupView(group, from: route.path), title: group.name,
                         description: text.format(.groupDescription, ["group": group.name.lowercased()]),
                         breadcrumbs: [LinkView(title: text[.indicatorsTitle], url: Route.indicators.path),
                                       LinkView(title: group.name, url: route.path)])
    }

    private func indicator(_ computed: ComputedIndicator) -> PageDraft {
        let definition = computed.definition
        let route = Route.indicator(id: definition.id)
        let groupName = model.content.categories.name(ofGroup: definition.group)
        return PageDraft(route: route, body: views.indicatorView(computed, from: route.path),
                         title: "\(definition.id): \(computed.file.shortTitle)", description: definition.title,
                         breadcrumbs: [LinkView(title: text[.indicatorsTitle], url: Route.indicators.path),
                                       LinkView(title: groupName, url: Route.group(code: definition.group).path),
                                       LinkView(title: definition.id, url: route.path)])
    }

    private func dataPage() -> PageDraft {
        let page = Route.data.path
        let downloads = model.indicators.map { computed in
            let id = computed.definition.id
            return DownloadView(title: "\(id): \(computed.file.shortTitle)",
                                url: model.sharedURL(.download(id: id, format: .csv), from: page), format: "CSV",
                                note: text.format(.downloadIndicatorNote, ["id": id]))
        }
        let raw = model.content.tables.map { table in
            let name = table.downloadName
            return DownloadView(title: name, url: model.sharedURL(.rawTable(name: name), from: page), format: "CSV",
                                note: text.format(.downloadRowsNote, ["rows": text.numbers.integer(table.rows.count)]))
        }
        let combined = [
            DownloadView(title: text[.downloadAllSeries], url: model.sharedURL(.combined(.csv), from: page), format: "CSV",
                         note: ""),
            DownloadView(title: text[.downloadAllJSON], url: model.sharedURL(.combined(.json), from: page), format: "JSON",
                         note: ""),
        ]
        let catalog = DownloadView(title: text[.downloadCatalog], url: model.sharedURL(.catalog, from: page),
                                   format: "JSON-LD", note: text[.downloadCatalogNote])
        return PageDraft(route: .data, body: DataView(downloads: downloads, raw: raw, combined: combined + [catalog]),
                         title: text[.dataTitle], description: text[.dataDescription],
                         breadcrumbs: [LinkView(title: text[.dataTitle], url: page)])
    }

    private func notFound() -> PageDraft {
        let root = model.rootPath
        let view = NotFoundView(homeURL: root, indicatorsURL: root + Route.indicatorsFolder)
        return PageDraft(route: .notFound, body: view, title: text[.notFoundTitle],
                         description: text[.notFoundDescription])
    }
}
