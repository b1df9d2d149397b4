import Foundation
import Testing
@testable import SiteBuilder

/// `examples/nuoc-sach`: a plan whose figures are not facility counts — province totals and district rows, a ratio
/// of two sums, a cumulative count, plan-stated baselines, a "giảm 30%" target, an `.xlsx` table, a task list.
/// Every figure below is computed by hand from `examples/nuoc-sach/Content/data/`.
@Suite struct SecondExampleTests {
    @Test func everyFigureMatchesTheHandComputation() async throws {
        let site = try TestSite("examples/nuoc-sach")
        defer { site.remove() }
        let result = try await site.build()
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        // NS-01: the province row (50,5), not the districts' sum; the plan's 2020 baseline is the first row.
        let ns01 = try site.read("Output/du-lieu/ns-01.csv")
        #expect(ns01.contains("2020,38,%,,,,,,,,ke-hoach\r\n") && ns01.contains("2024,50.5,%,"))
        // NS-02: 47250 / 105000 × 100 = 45; 2022: 36400 / 104500 × 100 = 34,8325; Phong Điền 15000 / 36000 = 41,6667.
        let ns02 = try site.read("Output/du-lieu/ns-02.csv")
        #expect(ns02.contains("2024,45,%,") && ns02.contains("2022,34.8325,%,"))
        #expect(try site.read("Output/du-lieu/ns-02-theo-dia-ban.csv").contains("phong-dien,Huyện Phong Điền,2024,41.6667,"))
        // NS-03: 0 + 9 + 12 + 14 + 15 = 50 by 2024; (50 − 0) / 4 = 12,5 a year against (60 − 0) / 5 = 12: on track.
        let ns03 = try site.read("Output/du-lieu/ns-03.csv")
        #expect(ns03.contains("2024,50,công trình,"))
        let ns03Page = try site.read("Output/chi-tieu/ns-03/index.html")
        #expect(ns03Page.contains("status--dung-tien-do"))
        #expect(ns03Page.contains("tăng 12,5 công trình mỗi năm"))
        // NS-04: 42000 × (1 − 30%) = 29400; lower is better, inferred from the negative change.
        let ns04Page = try site.read("Output/chi-tieu/ns-04/index.html")
        #expect(ns04Page.contains("29.400 hộ (giảm 30% so với năm 2020)"))
        #expect(ns04Page.contains("status--dung-tien-do"))
        // NS-05 comes from the first sheet of kiem-nghiem.xlsx.
        #expect(try site.read("Output/du-lieu/ns-05.csv").contains("2024,86.25,%,"))
        #expect(try site.read("Output/du-lieu/goc/kiem-nghiem.csv").contains("NS-05,2024,86.25\r\n"))
        // Tasks: NV-02 was due 30/06/2023 and is not done.
        let tasks = try site.read("Output/nhiem-vu/index.html")
        #expect(tasks.contains("Quá hạn") && tasks.contains("<strong>1</strong> nhiệm vụ đã đến thời hạn"))
        #expect(try site.read("Output/tong-quan/index.html").contains("class=\"task-list\""))
        #expect(try site.read("Output/index.html").contains("4 nhiệm vụ của Kế hoạch, trong đó 1 nhiệm vụ đã quá hạn"))
    }

    @Test func ratesAreNeverSummed() async throws {
        let errors = try await TestSite.errors(.en) { site in
            try site.write("Content/indicators/x-03.yaml", """
                id: X-03
                title: Tỷ lệ do hai thư viện báo cáo
                group: thu-vien
                unit: "%"
                method: value
                column: luot
                baseline: 2021
                milestones: [{year: 2025, value: 50}]
                agency: a
                source: s
                """)
            try site.replace(in: "Content/data/hoat-dong.csv", "=HYPERLINK(\"x\")", with: "5")
        }
        #expect(errors == ["Content/indicators/x-03.yaml:5:1: error: 'X-03' is in %, but 4 facilities reported in "
            + "2021; rates cannot be added up. Select exactly one facility with 'facilities', or use method: ratio "
            + "(numerator and denominator) or method: series (a reported total)"])
    }

    @Test func aSeriesRowForAnUnknownIndicatorAndAPercentOver100() async throws {
        let errors = try await TestSite.errors(.vi) { site in
            try site.write("Content/data/chi-tieu.csv", "ma_chi_tieu,nam,dia_ban,gia_tri\nNS-9,2022,,5\n")
        }
        #expect(errors == ["Content/data/chi-tieu.csv:2:1: error: không có chỉ tiêu 'NS-9' lấy số liệu từ bảng dạng "
            + "dài (method: series, hoặc method: ratio với rows: series)"])
        let site = try TestSite("examples/nuoc-sach")
        defer { site.remove() }
        try site.replace(in: "Content/data/chi-tieu.csv", "NS-01,2023,,47,,", with: "NS-01,2023,,147,,")
        let over = await site.failures().map { $0.formatted(.vi) }
        #expect(over == ["Content/data/chi-tieu.csv:4:13: error: 'gia_tri' của chỉ tiêu 'NS-01' là tỷ lệ phần trăm, "
            + "phải từ 0 đến 100"])
    }
}
