import Indicators
import Testing

/// Hand-computed expectations for the three methods.
@Suite struct CalculatorTests {
    static let facilities = [
        Facility(id: "A", name: "A", kind: "lib", level: "huyen", district: "d1"),
        Facility(id: "B", name: "B", kind: "lib", level: "huyen", district: "d1"),
        Facility(id: "C", name: "C", kind: "lib", level: "huyen", district: "d2"),
        Facility(id: "M", name: "M", kind: "museum", level: "tinh", district: "d2"),
    ]

    static func share(_ conditions: [String] = ["ok"], match: IndicatorDefinition.Match = .all) -> IndicatorDefinition {
        IndicatorDefinition(id: "S", title: "S", group: "g", unit: "%", method: .share,
                            selection: FacilitySelection(kinds: ["lib"]), conditions: conditions, match: match,
                            baseline: 2021, milestones: [Milestone(year: 2025, target: .value(70))])
    }

    @Test func shareCountsFacilitiesThatReported() {
        let data = Dataset(facilities: Self.facilities, observations: [
            Observation(facilityID: "A", year: 2021, flags: ["ok": true]),
            Observation(facilityID: "B", year: 2021, flags: ["ok": false]),
            Observation(facilityID: "C", year: 2021, flags: ["ok": true]),
            Observation(facilityID: "M", year: 2021, flags: ["ok": true]),  // not selected
            Observation(facilityID: "A", year: 2022, flags: ["ok": true]),
            Observation(facilityID: "B", year: 2022),  // left empty: not reported
        ])
        let series = IndicatorCalculator.compute(Self.share(), in: data, years: [2021, 2022, 2023])
        #expect(series.selectedFacilities == 3)
        let p2021 = series.point(in: 2021)
        #expect(p2021?.numerator == 2)
        #expect(p2021?.reporting == 3)
        #expect(abs((p2021?.value ?? 0) - 200.0 / 3.0) < 1e-9)
        // 2022: only A reported, and met the condition: 1 / 1.
        #expect(series.value(in: 2022) == 100)
        #expect(series.point(in: 2022)?.missing == 2)
        // 2023: nobody reported: no data, never a division by zero.
        #expect(series.value(in: 2023) == nil)
        #expect(series.point(in: 2023)?.numerator == nil)
        #expect(series.latest?.year == 2022)
    }

    @Test func shareWithTwoConditions() {
        let data = Dataset(facilities: Self.facilities, observations: [
            Observation(facilityID: "A", year: 2021, flags: ["x": true, "y": true]),
            Observation(facilityID: "B", year: 2021, flags: ["x": true, "y": false]),
            Observation(facilityID: "C", year: 2021, flags: ["x": false, "y": false]),
        ])
        let all = IndicatorCalculator.compute(Self.share(["x", "y"]), in: data, years: [2021])
        #expect(abs((all.value(in: 2021) ?? 0) - 100.0 / 3.0) < 1e-9)
        let any = IndicatorCalculator.compute(Self.share(["x", "y"], match: .any), in: data, years: [2021])
        #expect(abs((any.value(in: 2021) ?? 0) - 200.0 / 3.0) < 1e-9)
    }

    @Test func shareByDistrict() {
        let data = Dataset(facilities: Self.facilities, observations: [
            Observation(facilityID: "A", year: 2021, flags: ["ok": true]),
            Observation(facilityID: "B", year: 2021, flags: ["ok": false]),
            Observation(facilityID: "C", year: 2021, flags: ["ok": false]),
        ])
        let series = IndicatorCalculator.compute(Self.share(), in: data, years: [2021])
        #expect(series.byDistrict["d1"]?.first?.value == 50)
        #expect(series.byDistrict["d2"]?.first?.value == 0)
        #expect(series.byDistrict.keys.sorted() == ["d1", "d2"])
    }

    @Test func growthSumsCountsAndComputesGrowth() {
        let definition = IndicatorDefinition(
            id: "G", title: "G", group: "g", unit: "lượt", method: .growth, selection: FacilitySelection(kinds: ["lib"]),
            column: "visits", baseline: 2021, milestones: [Milestone(year: 2025, target: .value(10))])
        let data = Dataset(facilities: Self.facilities, observations: [
            Observation(facilityID: "A", year: 2021, counts: ["visits": 60_000]),
            Observation(facilityID: "B", year: 2021, counts: ["visits": 40_000]),
            Observation(facilityID: "A", year: 2022, counts: ["visits": 66_000]),
            Observation(facilityID: "B", year: 2022, counts: ["visits": 44_000]),
            // 2023 missing entirely; 2024 reported.
            Observation(facilityID: "A", year: 2024, counts: ["visits": 80_000]),
            Observation(facilityID: "C", year: 2024, counts: ["visits": 50_000]),
        ])
        let series = IndicatorCalculator.compute(definition, in: data, years: [2021, 2022, 2023, 2024])
        #expect(definition.targetType == .annualGrowth)
        #expect(series.value(in: 2021) == 100_000)
        #expect(series.value(in: 2022) == 110_000)
        #expect(abs((series.point(in: 2022)?.yearOnYearGrowth ?? 0) - 10) < 1e-9)
        #expect(series.value(in: 2023) == nil)
        #expect(series.point(in: 2024)?.yearOnYearGrowth == nil)  // previous year missing
        #expect(series.value(in: 2024) == 130_000)
        // ((130000 / 100000)^(1/3) − 1) × 100 = 9.1393…
        #expect(abs((series.averageGrowth(from: 2021, to: 2024) ?? 0) - 9.139_288) < 1e-5)
    }

    @Test func growthFromZeroIsUndefined() {
        #expect(Growth.averageAnnual(from: 0, to: 100, years: 2) == nil)
        #expect(Growth.change(from: 0, to: 5) == nil)
        #expect(Growth.averageAnnual(from: 100, to: 121, years: 2).map { abs($0 - 10) < 1e-9 } == true)
    }

    @Test func valueMethodReportsTheNumber() {
        let definition = IndicatorDefinition(
            id: "V", title: "V", group: "g", unit: "lớp", method: .value, selection: FacilitySelection(kinds: ["museum"]),
            column: "classes", baseline: 2021, milestones: [Milestone(year: 2025, target: .value(12))])
        let data = Dataset(facilities: Self.facilities, observations: [
            Observation(facilityID: "M", year: 2021, counts: ["classes": 4]),
        ])
        let series = IndicatorCalculator.compute(definition, in: data, years: [2021])
        #expect(series.value(in: 2021) == 4)
        #expect(definition.targetType == .level)
    }
}

/// Reporting coverage: which years were collected and whether the reporters stayed the same.
@Suite struct CoverageTests {
    @Test func collectedYearsAndReporterSets() {
        let facilities = ["A", "B", "C"].map { Facility(id: $0, name: $0, kind: "k", level: "l", district: "d") }
        let observations = [
            Observation(facilityID: "A", year: 2020),
            Observation(facilityID: "A", year: 2021, counts: ["n": 10]),
            Observation(facilityID: "B", year: 2021, counts: ["n": 20]),
            Observation(facilityID: "A", year: 2022, counts: ["n": 12]),
            Observation(facilityID: "C", year: 2022, counts: ["n": 30]),
            Observation(facilityID: "A", year: 2023, counts: ["n": 13]),
            Observation(facilityID: "C", year: 2023, counts: ["n": 31]),
        ]
        let definition = IndicatorDefinition(id: "G", title: "G", group: "g", unit: "lượt", method: .growth,
                                             column: "n", baseline: 2021, milestones: [])
        let series = IndicatorCalculator.compute(definition, in: Dataset(facilities: facilities, observations: observations),
                                                 years: [2020, 2021, 2022, 2023])
        #expect(series.points.map(\.collected) == [false, true, true, true])
        #expect(series.points.map(\.registered) == [3, 3, 3, 3])
        // {A, B} → {A, C}: same count, different facilities; {A, C} → {A, C}: same.
        #expect(series.points.map(\.sameReportersAsPrevious) == [nil, nil, false, true])
        #expect(series.points[2].reporting == 2 && series.points[2].value == 42)
    }
}
