import Indicators
import Testing

/// Series, ratios, cumulative counts, plan baselines and relative targets, with hand-computed expectations.
@Suite struct RowMethodsTests {
    static func rows(_ id: String, _ values: [(Int, String?, [String: Double])]) -> Dataset {
        Dataset(facilities: [], observations: [], series: values.map {
            SeriesRow(indicatorID: id, year: $0.0, district: $0.1, values: $0.2)
        })
    }

    @Test func seriesProvinceIsItsOwnRowNeverASum() {
        let definition = IndicatorDefinition(id: "S", title: "S", group: "g", unit: "lượt", method: .series,
                                             baseline: 2021, milestones: [])
        let dataset = Self.rows("s", [(2021, nil, ["gia_tri": 40]), (2022, nil, ["gia_tri": 45]),
                                      (2022, "a", ["gia_tri": 30]), (2022, "b", ["gia_tri": 90])])
        let series = IndicatorCalculator.compute(definition, in: dataset, years: [2021, 2022])
        #expect(series.points.map(\.value) == [40, 45])
        #expect(series.byDistrict["a"]?.map(\.value) == [nil, 30])
        #expect(series.byDistrict["b"]?.map(\.value) == [nil, 90])
        // (45 / 40 − 1) × 100 = 12.5.
        #expect(series.points[1].yearOnYearGrowth == 12.5)
    }

    @Test func ratioOfSumsOverFacilitiesAndZeroDenominator() {
        let facilities = ["A", "B"].map { Facility(id: $0, name: $0, kind: "k", level: "l", district: "d") }
        let observations = [
            Observation(facilityID: "A", year: 2021, counts: ["tu": 30, "mau": 100]),
            Observation(facilityID: "B", year: 2021, counts: ["tu": 15, "mau": 50]),
            Observation(facilityID: "A", year: 2022, counts: ["tu": 0, "mau": 0]),
        ]
        let definition = IndicatorDefinition(id: "R", title: "R", group: "g", unit: "%", method: .ratio,
                                             numerator: "tu", denominator: "mau", scale: 100, baseline: 2021,
                                             milestones: [])
        let series = IndicatorCalculator.compute(definition, in: Dataset(facilities: facilities,
                                                                          observations: observations),
                                                 years: [2021, 2022])
        // (30 + 15) / (100 + 50) × 100 = 30; a zero denominator is no data.
        #expect(series.points[0].value == 30)
        #expect(series.points[0].reporting == 2)
        #expect(series.points[1].value == nil)
    }

    @Test func ratioFromSeriesRows() {
        let definition = IndicatorDefinition(id: "R", title: "R", group: "g", unit: "%", method: .ratio,
                                             numerator: "ho", denominator: "tong", scale: 100, rows: .series,
                                             baseline: 2021, milestones: [])
        let dataset = Self.rows("R", [(2021, nil, ["ho": 31_200, "tong": 104_000]),
                                      (2021, "a", ["ho": 15_000, "tong": 36_000])])
        let series = IndicatorCalculator.compute(definition, in: dataset, years: [2021])
        #expect(series.points[0].value == 30)
        #expect(abs((series.byDistrict["a"]?[0].value ?? 0) - 41.666_666_7) < 1e-6)
    }

    @Test func cumulativeFromAPlanBaselineWithAGap() {
        let definition = IndicatorDefinition(id: "C", title: "C", group: "g", unit: "công trình", method: .series,
                                             cumulative: true, baseline: 2020, baselineValue: 0,
                                             milestones: [Milestone(year: 2025, target: .value(60))])
        let dataset = Self.rows("C", [(2021, nil, ["gia_tri": 9]), (2022, nil, ["gia_tri": 12]),
                                      (2024, nil, ["gia_tri": 15])])
        let series = IndicatorCalculator.compute(definition, in: dataset, years: [2021, 2022, 2023, 2024])
        // 0 + 9 = 9; + 12 = 21; 2023 has no figure: still 21, incomplete; + 15 = 36.
        #expect(series.points.map(\.value) == [9, 21, 21, 36])
        #expect(series.points.map(\.cumulativeIncomplete) == [false, false, true, true])
        // Linear pace: observed (36 − 0) / 4 = 9 a year; required (60 − 0) / 5 = 12; ratio 0.75.
        let assessment = ProgressAssessor.assess(definition, series: series, milestone: definition.milestones[0])
        #expect(assessment.rateKind == .linear)
        #expect(assessment.observedRate == 9 && assessment.requiredRate == 12)
        #expect(assessment.status == .needsAcceleration)
    }

    @Test func relativeTargetFromThePlanBaseline() {
        // 42000 in 2020, 30% fewer by 2030 → 29400; lower is better.
        let definition = IndicatorDefinition(id: "H", title: "H", group: "g", unit: "hộ", method: .series,
                                             baseline: 2020, baselineValue: 42_000, direction: .lower,
                                             milestones: [Milestone(year: 2030, target: .relative(change: -30))])
        #expect(definition.milestones[0].threshold(for: .lower, baseline: 42_000) == 29_400)
        let series = IndicatorCalculator.compute(definition, in: Self.rows("H", [(2024, nil, ["gia_tri": 35_600])]),
                                                 years: [2024])
        let assessment = ProgressAssessor.assess(definition, series: series, milestone: definition.milestones[0])
        // Observed (35600 / 42000)^(1/4) − 1 = −4.0489%; required 0.7^(1/10) − 1 = −3.5039%; ratio 1.156.
        #expect(abs((assessment.observedRate ?? 0) + 4.048_9) < 1e-3)
        #expect(abs((assessment.requiredRate ?? 0) + 3.503_9) < 1e-3)
        #expect(assessment.status == .onTrack)
        // Without a baseline value a relative target cannot be judged.
        let unknown = IndicatorDefinition(id: "H", title: "H", group: "g", unit: "hộ", method: .series,
                                          baseline: 2020, direction: .lower,
                                          milestones: [Milestone(year: 2030, target: .relative(change: -30))])
        #expect(ProgressAssessor.assess(unknown, series: series, milestone: unknown.milestones[0]).status
            == .insufficientData)
    }
}
