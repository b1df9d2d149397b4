import Indicators

/// Builds the task views from the model, with links relative to the page they appear on.
struct TaskViewBuilder {
    let model: SiteModel
    var text: InterfaceText { model.text }

    static let order: [PlanTask.Status] = [.done, .inProgress, .behind, .notStarted]

    func status(_ status: PlanTask.Status) -> StatusView {
        let (key, symbol): (InterfaceText.Key, String) = switch status {
        case .notStarted: (.taskNotStarted, "○")
        case .inProgress: (.taskInProgress, "◐")
        case .done: (.taskDone, "✓")
        case .behind: (.taskBehind, "■")
        }
        return StatusView(code: "nv-" + status.rawValue, label: text[key], symbol: symbol)
    }

    func task(_ task: PlanTask, from page: String) -> (view: TaskView, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let progress = task.progress.map { markdown in
            let references = FigureReferences(model: model, page: page)
            let rendered = Markdown.render(markdown, path: task.location.path, firstLine: task.location.line,
                                           resolve: references.resolve)
            diagnostics = rendered.diagnostics
            return rendered.segments.compactMap { if case .html(let html) = $0 { html.text } else { nil } }.joined()
        }
        let deadline: String = switch task.deadline {
        case .year(let year): String(year)
        case .date(let date): text.date(date)
        case .yearly: text[.taskYearly]
        }
        let view = TaskView(id: task.id, title: task.title, lead: task.lead,
                            partners: task.partners.isEmpty ? nil : task.partners.joined(separator: ", "),
                            deadline: deadline, status: status(task.status),
                            overdue: task.isOverdue(reportingYear: model.site.reportingYear), progress: progress,
                            updated: task.updated.map { text.date($0) })
        return (view, diagnostics)
    }

    func counts(_ tasks: [PlanTask]) -> [StatusCountView] {
        Self.order.compactMap { status in
            let count = tasks.filter { $0.status == status }.count
            return count == 0 ? nil : StatusCountView(status: self.status(status), count: text.numbers.integer(count),
                                                       noun: text.plural(.countTasks, count))
        }
    }

    /// The tasks page: tasks grouped by section in reading order, then those without a section.
    func page() -> PageDraft {
        let page = Route.tasks.path
        let tasks = model.content.tasks
        var diagnostics: [Diagnostic] = []
        var groups: [TaskGroupView] = []
        for section in model.content.sections {
            let own = tasks.filter { $0.section == section.fileName }
            guard !own.isEmpty else { continue }
            let views = own.map { task(_: $0, from: page) }
            diagnostics += views.flatMap(\.diagnostics)
            groups.append(TaskGroupView(title: section.title, url: Route.section(slug: section.slug).url(from: page),
                                        tasks: views.map(\.view)))
        }
        let loose = tasks.filter { $0.section == nil }
        if !loose.isEmpty {
            let views = loose.map { task(_: $0, from: page) }
            diagnostics += views.flatMap(\.diagnostics)
            groups.append(TaskGroupView(title: text[.taskGeneral], url: nil, tasks: views.map(\.view)))
        }
        let overdue = tasks.filter { $0.isOverdue(reportingYear: model.site.reportingYear) }.count
        let view = TasksPageView(total: tasks.count, counts: counts(tasks), overdueCount: overdue,
                                 hasOverdue: overdue > 0, reportingYear: model.site.reportingYear, groups: groups,
                                 lead: text.format(.tasksLeadSentence, count: tasks.count,
                                                   ["year": String(model.site.reportingYear)]),
                                 overdueNoun: text.plural(.tasksOverdueSummary, overdue))
        return PageDraft(route: .tasks, body: view, title: text[.tasksTitle], description: text[.tasksDescription],
                         breadcrumbs: [LinkView(title: text[.tasksTitle], url: page)], diagnostics: diagnostics)
    }

    /// The block of one section's tasks, on the page at `page`.
    func list(section fileName: String, from page: String) -> (view: TaskListView, diagnostics: [Diagnostic]) {
        let views = model.content.tasks.filter { $0.section == fileName }.map { task(_: $0, from: page) }
        return (TaskListView(tasks: views.map(\.view), pageURL: Route.tasks.url(from: page)),
                views.flatMap(\.diagnostics))
    }
}
