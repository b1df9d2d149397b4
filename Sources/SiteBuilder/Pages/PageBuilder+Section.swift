import Foundation

extension PageBuilder {
    /// A section page: its Markdown with links and inline figures resolved and indicator blocks filled in.
    func section(at index: Int) -> PageDraft {
        var section = model.content.sections[index]
        let route = Route.section(slug: section.slug)
        let path = route.path
        if section.bodyBytes == nil {
            do throws(BuildFailure) {
                section = try section.loadingBody(from: model.content.folder)
            } catch {
                return sectionDraft(at: index, view: SectionView.empty, diagnostics: error.diagnostics)
            }
            if StableHasher.digest(section.bodyBytes ?? []) != section.bodyDigest {
                return sectionDraft(at: index, view: SectionView.empty, diagnostics: [
                    Diagnostic(path: section.path, "tệp đã thay đổi trong khi dựng trang; hãy dựng lại",
                               en: "changed while the site was being built; build again"),
                ])
            }
        }
        let references = FigureReferences(model: model, page: path)
        var dependencies: [String] = []
        let rendered = Markdown.render(bytes: section.bodyBytes ?? [], path: section.path, firstLine: section.bodyFirstLine,
                                       reserved: model.reservedIDs) { reference in
            dependencies.append(SectionRecipe.dependency(reference))
            return references.resolve(reference)
        }
        var diagnostics = rendered.diagnostics
        var body = HTML()
        var prose = HTML()
        // The page's landmarks (Markdown.reservedIDs) are added by LinkCheck; they are the same on every page.
        var anchors = rendered.headings.map(\.id)
        var placed: [String: Int] = [:]
        func placeOnce(_ name: String, _ location: SourceLocation) -> Bool {
            if let line = placed[name] {
                diagnostics.append(.error("'\(name)' đã được chèn vào trang này ở dòng \(line); mỗi khối chỉ chèn một lần",
                                          en: "'\(name)' is already placed on this page on line \(line); place each "
                                              + "block once", at: location))
                return false
            }
            placed[name] = location.line
            return true
        }
        for segment in rendered.segments {
            switch segment {
            case .html(let html):
                body += html
                prose += html
            case let .indicator(id, location):
                dependencies.append(SectionRecipe.indicatorBlock(id))
                guard let computed = model.indicator(id) else {
                    diagnostics.append(.error(model.untranslatedIndicatorMessage(id)
                        ?? Message(vi: "không có chỉ tiêu '\(id)'", en: "unknown indicator '\(id)'")
                        + Suggestion.didYouMean(id, in: model.indicators.map(\.definition.id)), at: location))
                    continue
                }
                guard placeOnce(computed.definition.id, location) else { continue }
                anchors += IndicatorViews.blockIDs(ofIndicator: computed.definition.id)
                body += model.theme.html(views.indicatorView(computed, from: path), template: "indicator-block",
                                           text: model.text)
            case let .indicatorGroup(code, location):
                dependencies.append(SectionRecipe.groupBlock(code))
                guard let group = model.group(code) else {
                    diagnostics.append(.error(Message(vi: "không có nhóm chỉ tiêu '\(code)'",
                                                      en: "unknown indicator group '\(code)'")
                        + Suggestion.didYouMean(code, in: model.content.categories.groups.map(\.code)), at: location))
                    continue
                }
                guard placeOnce(code, location) else { continue }
                anchors += IndicatorViews.blockIDs(ofGroup: code)
                body += model.theme.html(views.groupView(group, from: path), template: "group-summary", text: model.text)
            case let .taskList(fileName, location):
                dependencies.append(SectionRecipe.taskBlock(fileName))
                if model.tasksUntranslated {
                    diagnostics.append(.error("bản tiếng Anh chưa có các nhiệm vụ nên không có khối 'tasks': mọi nhiệm "
                                                  + "vụ trong tasks.yaml cần 'en: title:' và mọi phần có nhiệm vụ cần "
                                                  + "bản tiếng Anh trong sections/en/",
                                              en: "the English edition has no tasks, so no 'tasks' block: every task in "
                                                  + "tasks.yaml needs 'en: title:', and every section with tasks an "
                                                  + "English file in sections/en/", at: location))
                    continue
                }
                guard model.section(fileName: fileName) != nil || model.untranslatedSections[fileName] != nil else {
                    diagnostics.append(.error(Message(vi: "khối 'tasks' ghi '\(fileName)', nhưng sections/ không có tệp này",
                                                      en: "the 'tasks' block names '\(fileName)', which is not a file "
                                                          + "in sections/")
                        + Suggestion.didYouMean(fileName, in: model.content.sections.map(\.fileName)), at: location))
                    continue
                }
                guard placeOnce("tasks " + fileName, location) else { continue }
                // Problems in a task's progress text are reported once, by the tasks page.
                let list = TaskViewBuilder(model: model).list(section: fileName, from: path)
                body += model.theme.html(list.view, template: "task-list", text: model.text)
            }
        }
        let toc = rendered.headings.filter { $0.level == 2 }.map { TocEntryView(text: $0.text, id: $0.id) }
        let (previous, next) = neighbours(of: index)
        let view = SectionView(title: section.title, summary: section.summary, toc: toc, hasToc: toc.count > 1,
                               body: body, previous: previous, next: next)
        var draft = sectionDraft(at: index, view: view, diagnostics: diagnostics)
        draft.dependencies = dependencies
        // Sorted, each once (a list: hashing a handful of ids into a set for every page cost more than this).
        draft.anchors = []
        for id in anchors.sorted() where draft.anchors.last != id { draft.anchors.append(id) }
        draft.fragmentLinks = rendered.fragmentLinks
        draft.searchText = SearchIndex.plainText(prose)
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
