import Foundation

extension PageBuilder {
    /// A section page: its Markdown with links and inline figures resolved and indicator blocks filled in.
    func section(at index: Int) -> PageDraft {
        var section = model.content.sections[index]
        let route = Route.section(slug: section.slug)
        let path = route.path
        if section.body == nil {
            do throws(BuildFailure) {
                section = try section.loadingBody(from: model.content.folder)
            } catch {
                return sectionDraft(at: index, view: SectionView.empty, diagnostics: error.diagnostics)
            }
            if StableHasher.digest(Data((section.body ?? "").utf8)) != section.bodyDigest {
                return sectionDraft(at: index, view: SectionView.empty, diagnostics: [
                    Diagnostic(path: section.path, message: "changed while the site was being built; build again"),
                ])
            }
        }
        let references = FigureReferences(model: model, page: path)
        var dependencies: [String] = []
        let rendered = Markdown.render(section.body ?? "", path: section.path, firstLine: section.bodyFirstLine) {
            reference in
            dependencies.append(SectionRecipe.dependency(reference))
            return references.resolve(reference)
        }
        var diagnostics = rendered.diagnostics
        var body = ""
        for segment in rendered.segments {
            switch segment {
            case .html(let html):
                body += html
            case let .indicator(id, location):
                dependencies.append(SectionRecipe.indicatorBlock(id))
                guard let computed = model.indicator(id) else {
                    diagnostics.append(.error("unknown indicator '\(id)'"
                        + Suggestion.didYouMean(id, in: model.indicators.map(\.definition.id)), at: location))
                    continue
                }
                body += model.theme.render(views.indicatorView(computed, from: path), template: "indicator-block")
            case let .indicatorGroup(code, location):
                dependencies.append(SectionRecipe.groupBlock(code))
                guard let group = model.group(code) else {
                    diagnostics.append(.error("unknown indicator group '\(code)'"
                        + Suggestion.didYouMean(code, in: model.content.categories.groups.map(\.code)), at: location))
                    continue
                }
                body += model.theme.render(views.groupView(group, from: path), template: "group-summary")
            }
        }
        let toc = rendered.headings.filter { $0.level == 2 }.map { TocEntryView(text: $0.text, id: $0.id) }
        let (previous, next) = neighbours(of: index)
        let view = SectionView(title: section.title, summary: section.summary, toc: toc, hasToc: toc.count > 1,
                               body: body, previous: previous, next: next)
        var draft = sectionDraft(at: index, view: view, diagnostics: diagnostics)
        draft.dependencies = dependencies
        return draft
    }

    /// The links to the sections before and after, in reading order.
    func neighbours(of index: Int) -> (previous: LinkView?, next: LinkView?) {
        let sections = model.content.sections
        let path = Route.section(slug: sections[index].slug).path
        func link(_ other: Section) -> LinkView {
            LinkView(title: other.title, url: Route.section(slug: other.slug).url(from: path))
        }
        return (index > 0 ? link(sections[index - 1]) : nil, index + 1 < sections.count ? link(sections[index + 1]) : nil)
    }

    /// The draft of section `index` around a view: title, description and breadcrumbs come from the section.
    func sectionDraft(at index: Int, view: SectionView, diagnostics: [Diagnostic] = []) -> PageDraft {
        let section = model.content.sections[index]
        let route = Route.section(slug: section.slug)
        return PageDraft(route: route, body: view, title: section.title, description: section.summary ?? "",
                         breadcrumbs: [LinkView(title: section.title, url: route.path)], diagnostics: diagnostics)
    }
}

/// Resolves what a section's Markdown refers to: links to other sections by file name, and inline figures.
struct FigureReferences {
    let model: SiteModel
    /// The folder of the page the Markdown is rendered on.
    let page: String

    func resolve(_ reference: MarkdownReference) -> MarkdownResolution {
        switch reference {
        case let .sectionLink(fileName, fragment):
            guard let (_, target) = model.section(fileName: fileName) else {
                return .failure("link to a section that does not exist: '\(fileName)'"
                    + Suggestion.didYouMean(fileName, in: model.content.sections.map(\.fileName)))
            }
            return .url(Route.section(slug: target.slug).url(from: page) + (fragment.map { "#" + $0 } ?? ""))
        case .figure(let text):
            return figure(text)
        }
    }

    /// `ID` latest value, `ID@YEAR` value in a year, `ID:nam` latest year, `ID:trang-thai` status,
    /// `ID:muc-tieu-YEAR` the target for a year.
    private func figure(_ text: String) -> MarkdownResolution {
        let separators: Set<Character> = ["@", ":"]
        let idPart = String(text.prefix { !separators.contains($0) })
        let rest = text.dropFirst(idPart.count)
        guard let computed = model.indicator(idPart) else {
            return .failure("unknown indicator '\(idPart)' in `{\(text)}`"
                + Suggestion.didYouMean(idPart, in: model.indicators.map(\.definition.id)))
        }
        let definition = computed.definition
        let strings = model.text
        let url = Route.indicator(id: definition.id).url(from: page)
        let title = "\(definition.id): \(computed.file.shortTitle)"
        func inYear(_ year: Int) -> String { strings.format(.figureYear, ["title": title, "year": String(year)]) }
        if rest.isEmpty {
            guard let latest = computed.series.latest else {
                return .figure(text: strings[.figureNoData], url: url, title: title)
            }
            return .figure(text: ValueText.value(latest.value, definition: definition), url: url,
                           title: inYear(latest.year))
        }
        let key = String(rest.dropFirst())
        if rest.first == "@" {
            guard let year = Int(key) else { return .failure("'\(key)' is not a year in `{\(text)}`") }
            guard computed.series.point(in: year) != nil else {
                return .failure("\(definition.id) has no year \(year) in `{\(text)}`")
            }
            return .figure(text: ValueText.value(computed.series.value(in: year), definition: definition), url: url,
                           title: inYear(year))
        }
        switch key {
        case "nam":
            return .figure(text: computed.series.latest.map { String($0.year) } ?? "–", url: url, title: title)
        case "trang-thai":
            return .figure(text: computed.current.map { StatusText.label($0.status, strings) } ?? "–", url: url,
                           title: title)
        default:
            if key.hasPrefix("muc-tieu-"), let year = Int(key.dropFirst("muc-tieu-".count)),
               let milestone = definition.milestones.first(where: { $0.year == year }) {
                return .figure(text: ValueText.target(milestone, definition: definition), url: url, title: title)
            }
            return .failure("unknown figure '\(key)' in `{\(text)}`; use {ID}, {ID@2023}, {ID:nam}, "
                + "{ID:trang-thai} or {ID:muc-tieu-2025}")
        }
    }
}
