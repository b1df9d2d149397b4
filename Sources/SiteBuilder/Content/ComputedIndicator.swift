public import Indicators

/// An indicator with its series and its status against each milestone.
public struct ComputedIndicator: Sendable {
    public var file: IndicatorFile
    public var series: IndicatorSeries
    public var assessments: [MilestoneAssessment]
    /// The assessment of the milestone the report is judged on now.
    public var current: MilestoneAssessment?

    public var definition: IndicatorDefinition { file.definition }

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
            if series.selectedFacilities == 0 {
                log.error("'facilities' không chọn được cơ sở nào trong danh sách cơ sở",
                          en: "'facilities' selects no facility in the register",
                          at: file.keyLocations["facilities"] ?? SourceLocation(path: file.path))
                continue
            }
            if !(first...last).contains(definition.baseline) {
                log.error("năm gốc \(definition.baseline) nằm ngoài các năm có số liệu \(first)–\(last)",
                          en: "baseline \(definition.baseline) is outside the data's years \(first)–\(last)",
                          at: file.keyLocations["baseline"] ?? SourceLocation(path: file.path))
                continue
            }
            let assessments = ProgressAssessor.assessAll(definition, series: series,
                                                         reportingYear: content.site.reportingYear)
            let milestone = definition.currentMilestone(in: content.site.reportingYear)
            let current = assessments.first { $0.milestone == milestone }
            result.append(ComputedIndicator(file: file, series: series, assessments: assessments, current: current))
        }
        return result
    }
}
