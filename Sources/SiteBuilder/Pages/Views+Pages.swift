// The view model of each page kind's own template (the layout wraps it; see Views+Common).

struct SectionSummaryView: TemplateView {
    var title: String
    var url: String
    var summary: String?

    static let fields = ViewFields<Self>([
        .text("title", \.title), .text("url", \.url), .optionalText("summary", \.summary),
    ])
}

struct StatusCountView: TemplateView {
    var status: StatusView
    var count: String
    /// What is counted: "chỉ tiêu", "nhiệm vụ"; "indicator" or "indicators", "task" or "tasks".
    var noun: String

    static let fields = ViewFields<Self>([.object("status", \.status), .text("count", \.count), .text("noun", \.noun)])
}

struct HomeView: TemplateView {
    var siteTitle: String
    var description: String
    var planTitle: String
    var facts: [FactView]
    var sections: [SectionSummaryView]
    var hasIndicators: Bool
    var indicatorCount: Int
    var statusCounts: [StatusCountView]
    var overview: TableView
    var indicatorsURL: String
    var dataURL: String
    var reportingYear: Int
    var hasTasks: Bool
    var taskCount: Int
    var taskCounts: [StatusCountView]
    var overdueTasks: Int
    var tasksURL: String
    /// "11 chỉ tiêu của Kế hoạch được tính …", and the tasks' sentence with the overdue ones.
    var indicatorSentence: String
    var tasksSentence: String

    static let fields = ViewFields<Self>([
        .text("siteTitle", \.siteTitle), .text("description", \.description), .text("planTitle", \.planTitle),
        .list("facts", \.facts), .list("sections", \.sections), .flag("hasIndicators", \.hasIndicators),
        .number("indicatorCount", \.indicatorCount), .list("statusCounts", \.statusCounts),
        .object("overview", \.overview), .text("indicatorsURL", \.indicatorsURL), .text("dataURL", \.dataURL),
        .number("reportingYear", \.reportingYear), .flag("hasTasks", \.hasTasks), .number("taskCount", \.taskCount),
        .list("taskCounts", \.taskCounts), .number("overdueTasks", \.overdueTasks), .text("tasksURL", \.tasksURL),
        .text("indicatorSentence", \.indicatorSentence), .text("tasksSentence", \.tasksSentence),
    ])
}

struct TocEntryView: TemplateView {
    var text: String
    var id: String

    static let fields = ViewFields<Self>([.text("text", \.text), .text("id", \.id)])
}

struct SectionView: TemplateView {
    var title: String
    var summary: String?
    var toc: [TocEntryView]
    var hasToc: Bool
    var body: HTML
    var previous: LinkView?
    var next: LinkView?

    static let empty = SectionView(title: "", summary: nil, toc: [], hasToc: false, body: HTML(), previous: nil, next: nil)

    static let fields = ViewFields<Self>([
        .text("title", \.title), .optionalText("summary", \.summary), .list("toc", \.toc),
        .flag("hasToc", \.hasToc), .html("body", \.body), .optionalObject("previous", \.previous),
        .optionalObject("next", \.next),
    ])
}

struct MilestoneView: TemplateView {
    var year: Int
    var target: String
    var status: StatusView
    var sentence: String

    static let fields = ViewFields<Self>([
        .number("year", \.year), .text("target", \.target), .object("status", \.status),
        .text("sentence", \.sentence),
    ])
}

struct IndicatorView: TemplateView {
    var id: String
    var anchor: String
    var title: String
    var url: String
    var groupName: String
    var groupURL: String
    var unit: String
    var method: String
    var description: String?
    var planText: String?
    var selection: String
    var baseline: Int
    var latestValue: String
    var latestYear: String
    var status: StatusView
    var statusSentence: String
    /// How far the latest figure can be trusted: few facilities, a different set of reporters, partial coverage.
    var dataNotes: [String]
    var hasDataNotes: Bool
    var currentMilestoneYear: Int
    var milestones: [MilestoneView]
    var chart: String
    var yearTable: TableView
    var districtTable: TableView
    var downloads: [LinkView]
    var agency: String
    var source: String
    var footnotes: [String]
    var hasFootnotes: Bool
    /// The same indicator in each edition that has it, newest first.
    var editions: [EditionLinkView]
    var hasEditions: Bool
    /// Figures revised since the latest edition, and where the changes are explained.
    var revisions: [String]
    var hasRevisions: Bool
    var changesURL: String
    /// schema.org `Dataset` in JSON-LD (raw: it is escaped for a `<script>` data block).
    var jsonLD: String

    static let fields = ViewFields<Self>([
        .text("id", \.id), .text("anchor", \.anchor), .text("title", \.title), .text("url", \.url),
        .text("groupName", \.groupName), .text("groupURL", \.groupURL), .text("unit", \.unit),
        .text("method", \.method), .optionalText("description", \.description),
        .optionalText("planText", \.planText), .text("selection", \.selection), .number("baseline", \.baseline),
        .text("latestValue", \.latestValue), .text("latestYear", \.latestYear), .object("status", \.status),
        .text("statusSentence", \.statusSentence), .textList("dataNotes", \.dataNotes),
        .flag("hasDataNotes", \.hasDataNotes), .number("currentMilestoneYear", \.currentMilestoneYear),
        .list("milestones", \.milestones), .text("chart", \.chart), .object("yearTable", \.yearTable),
        .object("districtTable", \.districtTable), .list("downloads", \.downloads), .text("agency", \.agency),
        .text("source", \.source), .textList("footnotes", \.footnotes), .flag("hasFootnotes", \.hasFootnotes),
        .list("editions", \.editions), .flag("hasEditions", \.hasEditions), .textList("revisions", \.revisions),
        .flag("hasRevisions", \.hasRevisions), .text("changesURL", \.changesURL), .text("jsonLD", \.jsonLD),
    ])
}

struct GroupView: TemplateView {
    var code: String
    var name: String
    var url: String
    var summary: TableView
    var indicators: [LinkView]

    static let fields = ViewFields<Self>([
        .text("code", \.code), .text("name", \.name), .text("url", \.url), .object("summary", \.summary),
        .list("indicators", \.indicators),
    ])
}

struct IndicatorsIndexView: TemplateView {
    var groups: [GroupView]
    var overview: TableView
    var methodologyURL: String?
    var reportingYear: Int

    static let fields = ViewFields<Self>([
        .list("groups", \.groups), .object("overview", \.overview),
        .optionalText("methodologyURL", \.methodologyURL), .number("reportingYear", \.reportingYear),
    ])
}

struct DownloadView: TemplateView {
    var title: String
    var url: String
    var format: String
    var note: String

    static let fields = ViewFields<Self>([
        .text("title", \.title), .text("url", \.url), .text("format", \.format), .text("note", \.note),
    ])
}

struct DataView: TemplateView {
    var downloads: [DownloadView]
    var raw: [DownloadView]
    var combined: [DownloadView]

    static let fields = ViewFields<Self>([
        .list("downloads", \.downloads), .list("raw", \.raw), .list("combined", \.combined),
    ])
}

struct NotFoundView: TemplateView {
    var homeURL: String
    var indicatorsURL: String

    static let fields = ViewFields<Self>([.text("homeURL", \.homeURL), .text("indicatorsURL", \.indicatorsURL)])
}
