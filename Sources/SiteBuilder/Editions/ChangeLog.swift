import Indicators

/// What changed in the published figures since the latest edition: every figure revised for a past year (old and
/// new value, with the department's reason when `revisions.yaml` gives one), every status that changed, every
/// new year of data and every changed target. Nothing is revised silently: each is on the changes page, in its
/// Atom feed and on the indicator's page.
struct ChangeLog: Sendable {
    struct Revision: Sendable {
        var year: Int
        var old: String
        var new: String
        var note: RevisionNote?
    }

    struct StatusChange: Sendable {
        var milestoneYear: Int
        var old: ProgressStatus?
        var new: ProgressStatus
    }

    struct Entry: Sendable {
        var id: String
        var title: String
        var isNew: Bool
        var revisions: [Revision]
        var newYears: [Int]
        var statusChanges: [StatusChange]
        var targetsChanged: Bool

        var isEmpty: Bool {
            !isNew && revisions.isEmpty && newYears.isEmpty && statusChanges.isEmpty && !targetsChanged
        }
    }

    /// The edition compared with.
    var editionYear: Int
    var entries: [Entry]
    /// The date of the current data (`updated` in site.yaml, or 31 December of `reporting_year`).
    var dataDate: String

    init(indicators: [ComputedIndicator], edition: PublishedEdition, content: SiteContent, log: inout DiagnosticLog) {
        editionYear = edition.year
        dataDate = content.site.updated ?? "\(content.site.reportingYear)-12-31"
        var notes = Dictionary(content.revisions.map { ("\($0.indicator.lowercased())|\($0.year)", $0) },
                               uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        for computed in indicators {
            let definition = computed.definition
            var entry = Entry(id: definition.id, title: computed.file.shortTitle, isNew: false, revisions: [],
                              newYears: [], statusChanges: [], targetsChanged: false)
            guard let old = edition.indicators[definition.id.lowercased()] else {
                entry.isNew = true
                entries.append(entry)
                continue
            }
            let numbers = NumberStyle.forLanguage(content.site.language)
            let text = { (value: Double?) in ValueText.value(value, definition: definition, numbers) }
            for point in computed.series.points {
                guard let known = old.values[point.year] else {
                    if point.value != nil { entry.newYears.append(point.year) }
                    continue
                }
                guard Self.differ(known, point.value) else { continue }
                let key = "\(definition.id.lowercased())|\(point.year)"
                entry.revisions.append(Revision(year: point.year, old: text(known), new: text(point.value),
                                                note: notes.removeValue(forKey: key)))
            }
            for assessment in computed.assessments {
                let before = old.statuses[assessment.milestone.year].flatMap(ProgressStatus.init(rawValue:))
                if before != assessment.status {
                    entry.statusChanges.append(StatusChange(milestoneYear: assessment.milestone.year, old: before,
                                                            new: assessment.status))
                }
            }
            entry.targetsChanged = Set(old.targets.keys) != Set(definition.milestones.map(\.year))
                || definition.milestones.contains { milestone in
                    old.targets[milestone.year] != Self.describe(milestone, baseline: computed.baselineValue)
                }
            if !entry.isEmpty { entries.append(entry) }
        }
        for note in notes.values.sorted(by: { ($0.location.path, $0.location.line) < ($1.location.path, $1.location.line) }) {
            log.warning("không có số liệu nào của '\(note.indicator)' năm \(note.year) khác với bản lưu trữ năm "
                            + "\(edition.year); ghi chú này không được hiển thị",
                        en: "no figure of '\(note.indicator)' for \(note.year) differs from the edition of "
                            + "\(edition.year); this note is not shown", at: note.location)
        }
        self.entries = entries
    }

    func entry(_ id: String) -> Entry? { entries.first { $0.id.lowercased() == id.lowercased() } }

    /// Values differ beyond the four decimals downloads keep.
    static func differ(_ old: Double?, _ new: Double?) -> Bool {
        switch (old, new) {
        case (nil, nil): false
        case let (a?, b?): abs(a - b) > 0.000_05 * max(1, abs(a))
        default: true
        }
    }

    /// A milestone's target in the words of the edition JSON (`Exports`), for comparing targets.
    static func describe(_ milestone: Milestone, baseline: Double?) -> String {
        let pairs: [(String, Double)] = switch milestone.target {
        case .value(let value): [("muc_tieu", value)]
        case let .range(min, max): [("muc_tieu_toi_thieu", min), ("muc_tieu_toi_da", max)]
        case .relative(let change):
            (baseline.map { [("muc_tieu", Milestone.level(change: change, from: $0))] } ?? [])
                + [("muc_tieu_thay_doi_phan_tram", change)]
        }
        return EditionIndicator.describe(pairs)
    }
}
