import Foundation
import Indicators
import Mustache
import Yams

/// Interface text from the theme's `strings/<language>.yaml`: navigation, headings, status words and table
/// headers come from here, never from Swift literals. Templates read it as `{{text.KEY}}`.
struct InterfaceText: MustacheParent, Sendable {
    /// Keys Tiendo's own pages need; a strings file without one of them is an error when the theme loads.
    enum Key: String, CaseIterable, Sendable {
        case navHome = "nav_home", navIndicators = "nav_indicators", navData = "nav_data"
        case indicatorsTitle = "indicators_title", indicatorsDescription = "indicators_description"
        case groupDescription = "group_description", dataTitle = "data_title"
        case dataDescription = "data_description", notFoundTitle = "not_found_title"
        case notFoundDescription = "not_found_description"
        case factNumber = "fact_number", factType = "fact_type", factDate = "fact_date"
        case factEffectiveDate = "fact_effective_date", factIssuer = "fact_issuer", factSigner = "fact_signer"
        case factField = "fact_field"
        case statusMet = "status_met", statusOnTrack = "status_on_track"
        case statusNeedsAcceleration = "status_needs_acceleration", statusSlow = "status_slow"
        case statusDeclining = "status_declining", statusNotMet = "status_not_met"
        case statusInsufficientData = "status_insufficient_data"
        case overviewGroup = "overview_group", overviewAll = "overview_all", overviewTotal = "overview_total"
        case overviewCaption = "overview_caption"
        case summaryIndicator = "summary_indicator", summaryLatest = "summary_latest"
        case summaryTarget = "summary_target", summaryStatus = "summary_status", summaryCaption = "summary_caption"
        case tableYear = "table_year", tableShare = "table_share", tableValue = "table_value"
        case tableMet = "table_met", tableGrowth = "table_growth", tableBaselineYear = "table_baseline_year"
        case tableDistrict = "table_district", tableShareUnit = "table_share_unit"
        case yearTableCaption = "year_table_caption", districtTableCaption = "district_table_caption"
        case selectionAll = "selection_all", selectionIn = "selection_in"
        case figureNoData = "figure_no_data", figureYear = "figure_year"
        case downloadAllSeries = "download_all_series", downloadAllJSON = "download_all_json"
        case downloadIndicatorNote = "download_indicator_note", downloadRowsNote = "download_rows_note"
        case sentenceMet = "sentence_met", sentenceMetGrowth = "sentence_met_growth"
        case sentenceNotMet = "sentence_not_met", sentenceNotMetGrowth = "sentence_not_met_growth"
        case sentencePace = "sentence_pace", sentencePaceGrowth = "sentence_pace_growth"
        case sentenceRatio = "sentence_ratio", sentenceFell = "sentence_fell"
        case sentenceFellRequired = "sentence_fell_required", sentenceNoBaseline = "sentence_no_baseline"
        case sentenceZeroBaseline = "sentence_zero_baseline", sentenceNoLaterYear = "sentence_no_later_year"
        case sentenceMilestoneMissing = "sentence_milestone_missing"
        case rateUpPoints = "rate_up_points", rateDownPoints = "rate_down_points"
        case rateUpPercent = "rate_up_percent", rateDownPercent = "rate_down_percent"
        case rateUnchanged = "rate_unchanged", rateUpUnits = "rate_up_units", rateDownUnits = "rate_down_units"
        case targetGrowth = "target_growth", targetGrowthRange = "target_growth_range"
        case targetRelativeDown = "target_relative_down", targetRelativeUp = "target_relative_up"
        case targetRelativeLevel = "target_relative_level"
        case tableCoverage = "table_coverage", tableNote = "table_note"
        case noteNotCollected = "note_not_collected", noteNoReport = "note_no_report"
        case noteDifferentReporters = "note_different_reporters", noteSmallBase = "note_small_base"
        case notePartial = "note_partial", noteNoValue = "note_no_value"
        case noteCumulativeIncomplete = "note_cumulative_incomplete", notePlanBaseline = "note_plan_baseline"
        case notePlanBaselineValue = "note_plan_baseline_value", tableCumulative = "table_cumulative"
        case tablePlanBaselineYear = "table_plan_baseline_year"
        case navTasks = "nav_tasks", tasksTitle = "tasks_title", tasksDescription = "tasks_description"
        case taskNotStarted = "task_not_started", taskInProgress = "task_in_progress", taskDone = "task_done"
        case taskBehind = "task_behind", taskYearly = "task_yearly", taskGeneral = "task_general"
        case editionsTitle = "editions_title", editionsDescription = "editions_description"
        case changesTitle = "changes_title", changesDescription = "changes_description"
        case changeNewIndicator = "change_new_indicator", changeRevised = "change_revised"
        case changeReason = "change_reason", changeNewYears = "change_new_years", changeStatus = "change_status"
        case changeTargets = "change_targets", feedDataUpdate = "feed_data_update", feedCorrection = "feed_correction"
        case noteRevised = "note_revised", downloadCatalog = "download_catalog"
        case downloadCatalogNote = "download_catalog_note", searchTitle = "search_title"
        case searchDescription = "search_description", searchKindSection = "search_kind_section"
        case searchKindIndicator = "search_kind_indicator", searchKindTask = "search_kind_task"
        case searchKindData = "search_kind_data", feedDataYear = "feed_data_year", feedEdition = "feed_edition"
        case feedSection = "feed_section"
        case dateFormat = "date_format", monthNames = "month_names"
        case methodShareAll = "method_share_all", methodShareAny = "method_share_any", methodGrowth = "method_growth"
        case methodValue = "method_value", methodSeries = "method_series", methodCumulative = "method_cumulative"
        case methodRatioFacilities = "method_ratio_facilities", methodRatioSeries = "method_ratio_series"
        case chartTarget = "chart_target", chartTitle = "chart_title", chartYearValue = "chart_year_value"
        case chartDescription = "chart_description", chartNoData = "chart_no_data", chartValues = "chart_values"
        case chartGrowthNote = "chart_growth_note"
        case countIndicators = "count_indicators", countTasks = "count_tasks"
        case homeIndicatorsSentence = "home_indicators_sentence", homeTasksSentence = "home_tasks_sentence"
        case homeTasksOverdueClause = "home_tasks_overdue_clause", tasksLeadSentence = "tasks_lead_sentence"
        case tasksOverdueSummary = "tasks_overdue_summary"
    }

    /// Everything below in one object, so that a copy (a template value, say: `{{text.KEY}}` on every page) is one
    /// reference count, not five.
    private final class Storage: Sendable {
        let language: String
        let entries: [String: String]
        let byName: FieldTable<String>
        let numbers: NumberStyle
        let digest: String

        init(language: String, entries: [String: String]) {
            self.language = language
            self.entries = entries
            byName = FieldTable(entries.map { (FieldName($0.key), $0.value) })
            numbers = NumberStyle.forLanguage(language)
            var hasher = StableHasher()
            for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
                hasher.combine(key)
                hasher.combine(value)
            }
            hasher.combine(language)
            digest = hasher.finalize()
        }
    }

    private let storage: Storage

    var language: String { storage.language }
    var entries: [String: String] { storage.entries }
    /// How numbers are written in this language (`1.234,5` in Vietnamese, `1,234.5` in English).
    var numbers: NumberStyle { storage.numbers }
    /// A stable hash of every entry: what a page's fingerprint takes instead of the whole table.
    var digest: String { storage.digest }

    init(language: String, entries: [String: String]) {
        storage = Storage(language: language, entries: entries)
    }

    func child(named name: String) -> Any? { entries[name] }

    /// The entries by name number, for the compiled templates (`{{text.KEY}}`).
    subscript(name: Int) -> String? { storage.byName[name] }

    subscript(key: Key) -> String { entries[key.rawValue] ?? key.rawValue }

    /// The text of `key` for `count` things: `KEY_one` when the count is 1 and the strings file has it (English
    /// singulars; Vietnamese needs none), else `KEY`.
    func plural(_ key: Key, _ count: Int) -> String {
        (count == 1 ? entries[key.rawValue + "_one"] : nil) ?? self[key]
    }

    /// `plural(key, count)` with `{count}` written in this language's numbers and each other `{name}` filled in.
    func format(_ key: Key, count: Int, _ values: [String: String] = [:]) -> String {
        fill(plural(key, count), values.merging(["count": numbers.integer(count)]) { given, _ in given })
    }

    /// The text of `key` with each `{name}` replaced by its value.
    func format(_ key: Key, _ values: [String: String]) -> String {
        fill(self[key], values)
    }

    /// One pass over the template's bytes, so a value that itself holds `{name}` is never replaced again.
    private func fill(_ template: String, _ values: [String: String]) -> String {
        let (open, close) = (UInt8(ascii: "{"), UInt8(ascii: "}"))
        guard template.utf8.contains(open) else { return template }
        let bytes = Array(template.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + 32)
        var start = 0
        while let brace = bytes[start...].firstIndex(of: open) {
            text.append(contentsOf: bytes[start..<brace])
            if let end = bytes[(brace + 1)...].firstIndex(of: close),
               let value = values[String(decoding: bytes[(brace + 1)..<end], as: UTF8.self)] {
                text.append(contentsOf: value.utf8)
                start = end + 1
            } else {
                text.append(open)
                start = brace + 1
            }
        }
        text.append(contentsOf: bytes[start...])
        return String(decoding: text, as: UTF8.self)
    }

    /// A `YYYY-MM-DD` date written with `date_format` (`{dd}`, `{mm}`, `{d}`, `{month}`, `{yyyy}`, where
    /// `{month}` is one of the twelve comma-separated `month_names`); the text itself when it is not such a date.
    func date(_ iso: String) -> String {
        guard let (year, month, day) = VietnameseDate.parts(iso) else { return iso }
        let months = self[.monthNames].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let two = { (value: Int) in value < 10 ? "0\(value)" : String(value) }
        return format(.dateFormat, ["dd": two(day), "mm": two(month), "d": String(day), "yyyy": String(year),
                                    "month": months.count == 12 ? months[month - 1] : String(month)])
    }

    /// Reads one strings file; every required key must be there, and every value must be text.
    static func load(_ file: SourceFile, language: String, log: inout DiagnosticLog) -> InterfaceText? {
        let reader = YAMLReader(path: file.path)
        let what = Message(vi: "tệp chữ giao diện", en: "the strings file")
        do {
            guard let node = try reader.parse(file.text) else {
                log.error("tệp chữ giao diện đang trống", en: "the strings file is empty",
                          at: SourceLocation(path: file.path, line: 1, column: 1))
                return nil
            }
            let object = try YAMLObject(node, reader: reader, what: what)
            let before = log.errors.count
            var entries: [String: String] = [:]
            for entry in object.entries {
                if let text = object.string(entry.value, key: entry.key, log: &log) { entries[entry.key] = text }
            }
            for key in Key.allCases where entries[key.rawValue] == nil {
                log.error(Message(vi: "thiếu khóa '\(key.rawValue)' trong ", en: "missing key '\(key.rawValue)' in ") + what,
                          at: object.location)
            }
            guard log.errors.count == before else { return nil }
            return InterfaceText(language: language, entries: entries)
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
    }
}

extension ViewField {
    static func interfaceText(_ name: String, _ get: @escaping @Sendable (View) -> InterfaceText) -> Self {
        Self(name: name, schema: .interfaceText, value: { get($0) }, hash: { view, hasher in
            hasher.combine(get(view).digest)
        }, typed: { .interfaceText(get($0)) })
    }
}
