import Indicators

// View models of the editions page, the changes page, the archive banner and the edition links of an indicator.

struct EditionSummaryView: TemplateView {
    var year: Int
    var reportingYear: String
    var frozenOn: String
    var url: String

    static let fields = ViewFields<Self>([
        .number("year", \.year), .text("reportingYear", \.reportingYear), .text("frozenOn", \.frozenOn),
        .text("url", \.url),
    ])
}

/// `cac-ky-bao-cao/`: every frozen edition, newest first.
struct EditionsPageView: TemplateView {
    var editions: [EditionSummaryView]
    var changesURL: String

    static let fields = ViewFields<Self>([.list("editions", \.editions), .text("changesURL", \.changesURL)])
}

struct ChangeEntryView: TemplateView {
    var anchor: String
    var title: String
    var url: String
    /// Sentences: each revised figure (with its reason), each changed status, new years, changed targets.
    var lines: [String]

    static let fields = ViewFields<Self>([
        .text("anchor", \.anchor), .text("title", \.title), .text("url", \.url), .textList("lines", \.lines),
    ])
}

/// `thay-doi/`: what changed since the latest edition.
struct ChangesPageView: TemplateView {
    var editionYear: Int
    var editionURL: String
    var entries: [ChangeEntryView]
    var hasEntries: Bool
    var feedURL: String

    static let fields = ViewFields<Self>([
        .number("editionYear", \.editionYear), .text("editionURL", \.editionURL), .list("entries", \.entries),
        .flag("hasEntries", \.hasEntries), .text("feedURL", \.feedURL),
    ])
}

/// The banner on every page of an edition.
struct ArchiveBannerView: TemplateView {
    var year: Int
    var reportingYear: Int
    var currentURL: String

    static let fields = ViewFields<Self>([
        .number("year", \.year), .number("reportingYear", \.reportingYear), .text("currentURL", \.currentURL),
    ])
}

/// The same indicator in one edition, on the current indicator page.
struct EditionLinkView: TemplateView {
    var year: Int
    var url: String
    var value: String
    var status: StatusView?

    static let fields = ViewFields<Self>([
        .number("year", \.year), .text("url", \.url), .text("value", \.value), .optionalObject("status", \.status),
    ])
}
