public import Indicators

/// An indicator with its series and its status against each milestone.
public struct ComputedIndicator: Sendable {
    public var file: IndicatorFile
    public var series: IndicatorSeries
    public var assessments: [MilestoneAssessment]
    /// The assessment of the milestone the report is judged on now.
    public var current: MilestoneAssessment?

    public var definition: IndicatorDefinition { file.definition }

    /// The value progress is measured from: the plan's, or the data's in the baseline year.
    public var baselineValue: Double? { definition.baselineValue ?? series.value(in: definition.baseline) }

    /// Computes every indicator; an indicator that selects no facility, or a baseline outside the data's years,
    /// is an error at its definition.
    static func computeAll(_ content: SiteContent, log: inout DiagnosticLog) -> [ComputedIndicator] {
        let dataYears = content.dataset.years
        guard let first = dataYears.first, let last = dataYears.last else {
            if !content.indicators.isEmpty {
                log.error("các tệp dữ liệu chưa có dòng số liệu nào theo năm; các chỉ tiêu cần số liệu",
                          en: "the data files have no yearly rows; indicators need data",
                          at: SourceLocation(path: "Content/data"))
            }
            return []
        }
        let years = Array(first...last)
        var result: [ComputedIndicator] = []
        for file in content.indicators {
            let definition = file.definition
            let series = IndicatorCalculator.compute(definition, in: content.dataset, years: years)
            guard check(file, series: series, dataset: content.dataset, years: first...last, log: &log) else { continue }
            let assessments = ProgressAssessor.assessAll(definition, series: series,
                                                         reportingYear: content.site.reportingYear)
            let milestone = definition.currentMilestone(in: content.site.reportingYear)
            let current = assessments.first { $0.milestone == milestone }
            result.append(ComputedIndicator(file: file, series: series, assessments: assessments, current: current))
        }
        return result
    }

    /// What makes a computed series unpublishable: no facility selected, no rows, a baseline without a value, a
    /// rate that would be added up, a percentage outside 0–100.
    private static func check(_ file: IndicatorFile, series: IndicatorSeries, dataset: Dataset,
                              years: ClosedRange<Int>, log: inout DiagnosticLog) -> Bool {
        let definition = file.definition
        let at = { (key: String) in file.keyLocations[key] ?? SourceLocation(path: file.path) }
        if definition.usesFacilities && series.selectedFacilities == 0 {
            log.error("'facilities' không chọn được cơ sở nào trong danh sách cơ sở",
                      en: "'facilities' selects no facility in the register", at: at("facilities"))
            return false
        }
        if !definition.usesFacilities && dataset.rows(of: definition.id).isEmpty {
            log.error("không có dòng số liệu nào của chỉ tiêu '\(definition.id)': thêm các dòng có ma_chi_tieu = "
                          + "\(definition.id) vào một bảng dạng dài (cột ma_chi_tieu, nam, gia_tri, dia_ban)",
                      en: "no rows for '\(definition.id)': add rows with ma_chi_tieu = \(definition.id) to a long-format "
                          + "table (columns ma_chi_tieu, nam, gia_tri, dia_ban)", at: at("id"))
            return false
        }
        if definition.baselineValue == nil && !years.contains(definition.baseline) {
            log.error("năm gốc \(definition.baseline) nằm ngoài các năm có số liệu \(years.lowerBound)–\(years.upperBound); "
                          + "nếu Kế hoạch nêu giá trị năm gốc, hãy viết baseline: {year: \(definition.baseline), value: …}",
                      en: "baseline \(definition.baseline) is outside the data's years \(years.lowerBound)–"
                          + "\(years.upperBound); if the plan states the baseline value, write baseline: "
                          + "{year: \(definition.baseline), value: …}", at: at("baseline"))
            return false
        }
        // A rate reported by several facilities cannot be added up: 65% + 64,1% is not 129,1%.
        if definition.method == .value && definition.isPercentage,
           let point = series.points.first(where: { $0.reporting > 1 }) {
            log.error("chỉ tiêu '\(definition.id)' tính bằng %, nhưng năm \(point.year) có \(point.reporting) cơ sở báo "
                          + "cáo; không thể cộng các tỷ lệ. Hãy chọn đúng một cơ sở bằng 'facilities', hoặc dùng "
                          + "method: ratio (tử số và mẫu số) hay method: series (số liệu tổng hợp)",
                      en: "'\(definition.id)' is in %, but \(point.reporting) facilities reported in \(point.year); rates "
                          + "cannot be added up. Select exactly one facility with 'facilities', or use method: ratio "
                          + "(numerator and denominator) or method: series (a reported total)", at: at("method"))
            return false
        }
        if definition.isPercentage, let point = (series.points + series.byDistrict.values.flatMap { $0 })
            .first(where: { ($0.value ?? 0) > 100 || ($0.value ?? 0) < 0 }), let value = point.value {
            log.error("chỉ tiêu '\(definition.id)' là tỷ lệ phần trăm nhưng năm \(point.year) tính ra "
                          + "\(VietnameseNumber.percent(value)); tỷ lệ phải từ 0 đến 100% (kiểm tra tử số và mẫu số)",
                      en: "'\(definition.id)' is a percentage but \(point.year) gives \(VietnameseNumber.percent(value)); "
                          + "a percentage must be between 0 and 100% (check the numerator and denominator)",
                      at: at(definition.method == .ratio ? "numerator" : "method"))
            return false
        }
        return true
    }
}
