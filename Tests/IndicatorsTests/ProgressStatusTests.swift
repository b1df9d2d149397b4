import Indicators
import Testing

/// Status against milestones, each expectation computed by hand.
@Suite struct ProgressStatusTests {
    static func share(_ values: [Int: Double?], target: Double = 70, year: Int = 2025, baseline: Int = 2021,
                      direction: IndicatorDefinition.Direction = .higher,
                      milestone: Milestone.Target? = nil) -> (IndicatorDefinition, IndicatorSeries) {
        let definition = IndicatorDefinition(
            id: "S", title: "S", group: "g", unit: "%", method: .share, conditions: ["ok"], baseline: baseline,
            direction: direction, milestones: [Milestone(year: year, target: milestone ?? .value(target))])
        let points = values.keys.sorted().map { year in
            IndicatorSeries.Point(year: year, value: values[year] ?? nil, reporting: 1, missing: 0)
        }
        return (definition, IndicatorSeries(points: points, byDistrict: [:], selectedFacilities: 1))
    }

    static func assess(_ pair: (IndicatorDefinition, IndicatorSeries)) -> MilestoneAssessment {
        ProgressAssessor.assess(pair.0, series: pair.1, milestone: pair.0.milestones[0])
    }

    @Test func thresholds() {
        #expect(ProgressStatus.forRatio(1.21) == .onTrack)
        #expect(ProgressStatus.forRatio(0.95) == .onTrack)
        #expect(ProgressStatus.forRatio(0.949) == .needsAcceleration)
        #expect(ProgressStatus.forRatio(0.6) == .needsAcceleration)
        #expect(ProgressStatus.forRatio(0.59) == .slow)
        #expect(ProgressStatus.forRatio(0) == .slow)
        #expect(ProgressStatus.forRatio(-0.01) == .declining)
    }

    /// The worked example of docs/methodology.md: 3/9 in 2021, 6/9 in 2024, target 70% in 2025.
    @Test func workedExampleShareIsOnTrack() {
        let result = Self.assess(Self.share([2021: 100.0 / 3, 2022: 400.0 / 9, 2023: 500.0 / 9, 2024: 200.0 / 3]))
        // observed (66.67 − 33.33) / 3 = 11.11 pp/year; required (70 − 33.33) / 4 = 9.17; ratio 1.2121.
        #expect(abs((result.observedRate ?? 0) - 11.111_111) < 1e-5)
        #expect(abs((result.requiredRate ?? 0) - 9.166_667) < 1e-5)
        #expect(abs((result.ratio ?? 0) - 1.212_121) < 1e-5)
        #expect(result.status == .onTrack)
        #expect(result.rateKind == .percentagePoints)
    }

    @Test func zeroBaselineShareUsesPercentagePoints() {
        // 0% → 20% in 2 years: 10 pp/year; need 70 in 4: 17.5 pp/year; ratio 0.5714 → slow.
        let result = Self.assess(Self.share([2021: 0, 2022: 10, 2023: 20]))
        #expect(abs((result.ratio ?? 0) - 0.571_428_6) < 1e-6)
        #expect(result.status == .slow)
    }

    @Test func needsAccelerationAndDeclining() {
        // 40 → 52 over 3 years = 4 pp/yr; need (70 − 40) / 4 = 7.5; ratio 0.5333 → slow.
        #expect(Self.assess(Self.share([2021: 40, 2024: 52])).status == .slow)
        // 40 → 58 over 3 years = 6; ratio 0.8 → needs acceleration.
        #expect(Self.assess(Self.share([2021: 40, 2024: 58])).status == .needsAcceleration)
        // 50 → 43.3 goes away from 70 → declining.
        #expect(Self.assess(Self.share([2021: 50, 2024: 43.3])).status == .declining)
    }

    @Test func metBeforeTheYear() {
        let result = Self.assess(Self.share([2021: 60, 2022: 80]))
        #expect(result.status == .met)
        #expect(result.judgedYear == 2022)
        #expect(result.judgedValue == 80)
    }

    @Test func oneYearOnlyIsInsufficient() {
        #expect(Self.assess(Self.share([2024: 60], baseline: 2024)).status == .insufficientData)
        // No value in the baseline year.
        let noBaseline = Self.assess(Self.share([2021: nil, 2022: 30, 2023: 40]))
        #expect(noBaseline.status == .insufficientData)
        #expect(noBaseline.baselineValue == nil)
    }

    @Test func missingYearsUseLatestObservation() {
        // 2022 and 2023 missing: 30 → 54 over 3 years = 8 pp/yr; need (70 − 30)/4 = 10; ratio 0.8.
        let result = Self.assess(Self.share([2021: 30, 2022: nil, 2023: nil, 2024: 54]))
        #expect(abs((result.ratio ?? 0) - 0.8) < 1e-9)
        #expect(result.status == .needsAcceleration)
    }

    @Test func milestoneAlreadyPassed() {
        // Target 70 in 2023; data to 2024: judged on 2023's 65 → not met, even though 2024 reaches 75.
        let notMet = Self.assess(Self.share([2021: 50, 2023: 65, 2024: 75], year: 2023))
        #expect(notMet.status == .notMet)
        #expect(notMet.judgedYear == 2023)
        let met = Self.assess(Self.share([2021: 50, 2022: 71, 2024: 60], year: 2023))
        #expect(met.status == .met)
    }

    @Test func lowerIsBetter() {
        // 20% → 14% over 3 years = −2 pp/yr; target 10% by 2025 needs −2.5 pp/yr; ratio 0.8.
        let result = Self.assess(Self.share([2021: 20, 2024: 14], target: 10, direction: .lower))
        #expect(abs((result.ratio ?? 0) - 0.8) < 1e-9)
        #expect(result.status == .needsAcceleration)
        #expect(Self.assess(Self.share([2021: 20, 2024: 9], target: 10, direction: .lower)).status == .met)
    }

    @Test func rangeTargetIsJudgedOnItsLowerEnd() {
        let range = Self.assess(Self.share([2021: 40, 2024: 61], milestone: .range(min: 60, max: 80)))
        #expect(range.status == .met)
    }

    static func growth(_ values: [Int: Double], target: Milestone.Target,
                       year: Int = 2025) -> (IndicatorDefinition, IndicatorSeries) {
        let definition = IndicatorDefinition(
            id: "G", title: "G", group: "g", unit: "lượt", method: .growth, column: "v", baseline: 2021,
            milestones: [Milestone(year: year, target: target)])
        let points = values.keys.sorted().map {
            IndicatorSeries.Point(year: $0, value: values[$0], reporting: 1, missing: 0)
        }
        return (definition, IndicatorSeries(points: points, byDistrict: [:], selectedFacilities: 1))
    }

    /// The worked example: 100 000 → 130 000 over 3 years = 9.14%/year against a 10%/year target.
    @Test func workedExampleGrowthNeedsAcceleration() {
        let result = Self.assess(Self.growth([2021: 100_000, 2024: 130_000], target: .value(10)))
        #expect(abs((result.observedRate ?? 0) - 9.139_288) < 1e-5)
        #expect(abs((result.ratio ?? 0) - 0.913_928_8) < 1e-6)
        #expect(result.status == .needsAcceleration)
        #expect(result.rateKind == .annualGrowth)
    }

    @Test func growthRangeAndPassedMilestone() {
        // 100 → 121 in 2 years is exactly 10%/year: meets the lower end of 10–15%.
        let onTrack = Self.assess(Self.growth([2021: 100, 2023: 121], target: .range(min: 10, max: 15)))
        #expect(abs((onTrack.ratio ?? 0) - 1) < 1e-9)
        #expect(onTrack.status == .onTrack)
        // Milestone 2023 reached in the data: 10%/yr ≥ 10 → met; 5%/yr target 8 → not met.
        #expect(Self.assess(Self.growth([2021: 100, 2023: 121], target: .value(10), year: 2023)).status == .met)
        #expect(Self.assess(Self.growth([2021: 100, 2023: 110.25], target: .value(8), year: 2023)).status == .notMet)
        // Falling counts → declining.
        #expect(Self.assess(Self.growth([2021: 100, 2023: 90], target: .value(10))).status == .declining)
        // Zero baseline: growth undefined → insufficient data.
        #expect(Self.assess(Self.growth([2021: 0, 2023: 90], target: .value(10))).status == .insufficientData)
    }

    @Test func currentMilestoneIsTheFirstNotPassed() {
        let definition = IndicatorDefinition(
            id: "S", title: "S", group: "g", unit: "%", method: .share, conditions: ["ok"], baseline: 2021,
            milestones: [Milestone(year: 2030, target: .value(90)), Milestone(year: 2025, target: .value(70))])
        #expect(definition.milestones.map(\.year) == [2025, 2030])
        #expect(definition.currentMilestone(in: 2024)?.year == 2025)
        #expect(definition.currentMilestone(in: 2026)?.year == 2030)
        #expect(definition.currentMilestone(in: 2031)?.year == 2030)
    }
}
