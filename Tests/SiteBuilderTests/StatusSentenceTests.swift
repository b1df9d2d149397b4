import Foundation
import Indicators
import Testing
@testable import SiteBuilder

/// Every explanation is made from the same computed quantities as the status, with the theme's wording; the cases
/// where the old sentences contradicted the figures are pinned here with hand-computed numbers.
@Suite struct StatusSentenceTests {
    static let text: InterfaceText = {
        let url = TestSite.repository.appendingPathComponent("Templates/strings/vi.yaml")
        let source = SourceFile(path: "vi.yaml", text: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
        var log = DiagnosticLog()
        return InterfaceText.load(source, language: "vi", log: &log) ?? InterfaceText(language: "vi", entries: [:])
    }()

    static func definition(method: IndicatorDefinition.Method = .share, unit: String = "%",
                           direction: IndicatorDefinition.Direction = .higher, targetType: IndicatorDefinition.TargetType? = nil,
                           milestone: Milestone) -> IndicatorDefinition {
        IndicatorDefinition(id: "S", title: "S", group: "g", unit: unit, method: method, conditions: ["ok"],
                            column: "n", baseline: 2021, direction: direction, targetType: targetType,
                            milestones: [milestone])
    }

    static func series(_ values: [Int: Double?]) -> IndicatorSeries {
        IndicatorSeries(points: values.keys.sorted().map {
            IndicatorSeries.Point(year: $0, value: values[$0] ?? nil, reporting: 1, missing: 0)
        }, byDistrict: [:], selectedFacilities: 1)
    }

    static func sentence(_ definition: IndicatorDefinition, _ values: [Int: Double?], reportingYear: Int? = nil)
        -> (ProgressStatus, String) {
        let assessment = ProgressAssessor.assess(definition, series: series(values), milestone: definition.milestones[0],
                                                 reportingYear: reportingYear)
        return (assessment.status, StatusText.sentence(assessment, definition: definition, text))
    }

    @Test func baselineMetThenFellToZero() {
        // 100% in 2021 met the 70% target; 0% in 2024. Needed from 2024: (70 − 0) / (2025 − 2024) = 70 points a year.
        let (status, sentence) = Self.sentence(Self.definition(milestone: Milestone(year: 2025, target: .value(70))),
                                               [2021: 100, 2024: 0])
        #expect(status == .declining)
        #expect(sentence == "Năm gốc 2021 đã đạt mức 100%, nhưng năm 2024 chỉ còn 0%, chưa đạt mục tiêu 70% của năm "
            + "2025. Để đạt lại mục tiêu vào năm 2025 cần tăng 70 điểm phần trăm mỗi năm từ năm 2024.")
    }

    @Test func zeroBaselineIsNotMissingData() {
        // A count target of 500 from a baseline of 0: a compound growth rate from 0 does not exist.
        let definition = Self.definition(method: .value, unit: "lớp", milestone: Milestone(year: 2025, target: .value(500)))
        let (status, sentence) = Self.sentence(definition, [2021: 0, 2024: 120])
        #expect(status == .insufficientData)
        #expect(sentence == "Chưa đánh giá được: giá trị năm gốc 2021 bằng 0 nên không tính được tốc độ tăng bình quân "
            + "từ năm gốc.")
    }

    @Test func milestoneYearPassedWithoutData() {
        // Reporting on 2026; the 2025 milestone has no 2025 value: no pace status is given for a year that is over.
        let definition = Self.definition(milestone: Milestone(year: 2025, target: .value(70)))
        let (status, sentence) = Self.sentence(definition, [2021: 30, 2024: 60, 2026: 80], reportingYear: 2026)
        #expect(status == .insufficientData)
        #expect(sentence == "Chưa đánh giá được: đã đến năm 2025 nhưng chưa có số liệu của năm 2025.")
        // Reached before the year: met, judged on the year it was reached.
        let (early, earlySentence) = Self.sentence(definition, [2021: 30, 2024: 72, 2026: 60], reportingYear: 2026)
        #expect(early == .met)
        #expect(earlySentence == "Đã đạt mục tiêu năm 2025: năm 2024 đạt 72%, mục tiêu là 70%.")
    }

    @Test func rangeGrowthTargetAndLowerIsBetter() {
        // 1000 → 1331 over 3 years: exactly +10%/yr; target 10–15%/yr by 2025 → ratio 10 / 10 = 100%.
        let growth = Self.definition(method: .growth, unit: "lượt",
                                     milestone: Milestone(year: 2025, target: .range(min: 10, max: 15)))
        let (status, sentence) = Self.sentence(growth, [2021: 1000, 2024: 1331])
        #expect(status == .onTrack)
        #expect(sentence == "Từ năm 2021 đến năm 2024, bình quân mỗi năm tăng 10%; mục tiêu đến năm 2025 là tăng bình "
            + "quân 10–15%/năm. Tốc độ hiện nay bằng 100% tốc độ cần thiết.")
        // 20% → 14% over 3 years: −2 points a year; 10% by 2025 needs −2.5 a year; ratio 80%.
        let lower = Self.definition(direction: .lower, milestone: Milestone(year: 2025, target: .value(10)))
        let (lowerStatus, lowerSentence) = Self.sentence(lower, [2021: 20, 2024: 14])
        #expect(lowerStatus == .needsAcceleration)
        #expect(lowerSentence == "Từ năm 2021 đến năm 2024, chỉ tiêu thay đổi bình quân giảm 2 điểm phần trăm mỗi năm; "
            + "để đạt 10% vào năm 2025 cần giảm 2,5 điểm phần trăm mỗi năm. Tốc độ hiện nay bằng 80% tốc độ cần thiết.")
    }

    @Test func noChangeIsSaidAsSuch() {
        let (_, sentence) = Self.sentence(Self.definition(milestone: Milestone(year: 2025, target: .value(70))),
                                          [2021: 40, 2024: 40])
        #expect(sentence.hasPrefix("Từ năm 2021 đến năm 2024, chỉ tiêu thay đổi bình quân không đổi mỗi năm;"),
                "\(sentence)")
    }

    @Test func notesForCoverageAndSmallBases() {
        let share = Self.definition(milestone: Milestone(year: 2025, target: .value(70)))
        let notes = DataNotes(definition: share, text: Self.text)
        let uncollected = IndicatorSeries.Point(year: 2020, value: nil, reporting: 0, missing: 60, collected: false)
        #expect(notes.notes(for: uncollected, in: [uncollected]) == ["Chưa thu thập số liệu này"])
        let few = IndicatorSeries.Point(year: 2024, value: 50, numerator: 3, reporting: 6, missing: 0)
        #expect(notes.notes(for: few, in: [few]) == ["Tỷ lệ tính trên 6 cơ sở: mỗi cơ sở làm tỷ lệ thay đổi 16,7 điểm "
            + "phần trăm."])
        let growth = DataNotes(definition: Self.definition(method: .growth, unit: "lượt",
                                                           milestone: Milestone(year: 2025, target: .value(10))),
                               text: Self.text)
        let before = IndicatorSeries.Point(year: 2022, value: 100, reporting: 40, missing: 0)
        let after = IndicatorSeries.Point(year: 2023, value: 90, reporting: 37, missing: 3, sameReportersAsPrevious: false)
        #expect(growth.notes(for: after, in: [before, after]) == [
            "Tổng chỉ gồm 37 trong 40 cơ sở.",
            "So với năm trước, nhóm cơ sở báo cáo đã khác (40 cơ sở năm 2022, 37 cơ sở năm 2023); mức tăng giảm có thể "
                + "do thay đổi số cơ sở báo cáo.",
        ])
    }
}
