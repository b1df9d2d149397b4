// View models: plain Sendable structs that templates render by name. A template that names a key not
// declared here is an error at build time (see TemplateLint).

struct LinkView: Sendable {
    var title: String
    var url: String
}

struct CrumbView: Sendable {
    var title: String
    var url: String
    /// The page itself: shown as text with `aria-current`, not as a link to itself.
    var isPage: Bool
}

struct NavItemView: Sendable {
    var title: String
    var url: String
    var current: Bool
}

struct StatusView: Sendable {
    var code: String
    var label: String
    var symbol: String
}

struct HeadCellView: Sendable {
    var text: String
    var numeric: Bool
}

struct CellView: Sendable {
    var text: String
    var numeric: Bool
    var badge: StatusView?
}

struct RowView: Sendable {
    var header: String
    var headerURL: String?
    var cells: [CellView]
}

struct TableView: Sendable {
    var id: String
    var caption: String
    var head: [HeadCellView]
    var rows: [RowView]
    var downloads: [LinkView]
    var hasDownloads: Bool
}

struct FactView: Sendable {
    var label: String
    var value: String
}

/// The frame around every page.
struct LayoutView: Sendable {
    var lang: String
    var pageTitle: String
    var siteTitle: String
    var description: String
    var canonicalURL: String
    var ogType: String
    var root: String
    var homeURL: String
    var planNumber: String
    var publisher: String
    var sampleData: Bool
    var nav: [NavItemView]
    var breadcrumbs: [CrumbView]
    var hasBreadcrumbs: Bool
    var content: String
    var reportingYear: Int
}

struct SectionSummaryView: Sendable {
    var title: String
    var url: String
    var summary: String?
}

struct StatusCountView: Sendable {
    var status: StatusView
    var count: String
}

struct HomeView: Sendable {
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
}

struct TocEntryView: Sendable {
    var text: String
    var id: String
}

struct SectionView: Sendable {
    var title: String
    var summary: String?
    var toc: [TocEntryView]
    var hasToc: Bool
    var body: String
    var previous: LinkView?
    var next: LinkView?
}

struct MilestoneView: Sendable {
    var year: Int
    var target: String
    var status: StatusView
    var sentence: String
}

struct IndicatorView: Sendable {
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
}

struct GroupView: Sendable {
    var code: String
    var name: String
    var url: String
    var summary: TableView
    var indicators: [LinkView]
}

struct IndicatorsIndexView: Sendable {
    var groups: [GroupView]
    var overview: TableView
    var methodologyURL: String?
    var reportingYear: Int
}

struct DownloadView: Sendable {
    var title: String
    var url: String
    var format: String
    var note: String
}

struct DataView: Sendable {
    var downloads: [DownloadView]
    var raw: [DownloadView]
    var combined: [DownloadView]
}

struct NotFoundView: Sendable {
    var homeURL: String
    var indicatorsURL: String
}
