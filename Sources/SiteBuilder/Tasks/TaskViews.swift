// View models of the tasks page, the tasks block in a section and the counts on the home page.

struct TaskView: TemplateView {
    var id: String
    var title: String
    var lead: String
    var partners: String?
    var deadline: String
    var status: StatusView
    var overdue: Bool
    /// Rendered Markdown (safe mode).
    var progress: String?
    var updated: String?

    static let fields = ViewFields<Self>([
        .text("id", \.id), .text("title", \.title), .text("lead", \.lead), .optionalText("partners", \.partners),
        .text("deadline", \.deadline), .object("status", \.status), .flag("overdue", \.overdue),
        .optionalText("progress", \.progress), .optionalText("updated", \.updated),
    ])
}

struct TaskGroupView: TemplateView {
    var title: String
    var url: String?
    var tasks: [TaskView]

    static let fields = ViewFields<Self>([
        .text("title", \.title), .optionalText("url", \.url), .list("tasks", \.tasks),
    ])
}

/// `nhiem-vu/`: every task by section, with the count per status.
struct TasksPageView: TemplateView {
    var total: Int
    var counts: [StatusCountView]
    var overdueCount: Int
    var hasOverdue: Bool
    var reportingYear: Int
    var groups: [TaskGroupView]
    var lead: String
    var overdueNoun: String

    static let fields = ViewFields<Self>([
        .text("lead", \.lead), .text("overdueNoun", \.overdueNoun),
        .number("total", \.total), .list("counts", \.counts), .number("overdueCount", \.overdueCount),
        .flag("hasOverdue", \.hasOverdue), .number("reportingYear", \.reportingYear), .list("groups", \.groups),
    ])
}

/// A ```` ```tasks 04-noi-dung-thuc-hien.md ```` block: that section's tasks.
struct TaskListView: TemplateView {
    var tasks: [TaskView]
    var pageURL: String

    static let fields = ViewFields<Self>([.list("tasks", \.tasks), .text("pageURL", \.pageURL)])
}
