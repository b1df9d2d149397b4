import Foundation
import Testing
@testable import SiteBuilder

/// `.xlsx` data files: the same table as CSV or as a workbook gives the same figures; bad cells are located.
@Suite struct XLSXTests {
    @Test func workbookGivesTheSameDownloadsAsItsCSVTwin() async throws {
        let csvSite = try TestSite()
        defer { csvSite.remove() }
        try HostileInputTests.addCountIndicator(csvSite)
        try await csvSite.build()
        let xlsxSite = try TestSite()
        defer { xlsxSite.remove() }
        try HostileInputTests.addCountIndicator(xlsxSite)
        let csv = try xlsxSite.read("Content/data/hoat-dong.csv")
        try XLSXFixture.workbook(sheets: [("Số liệu", XLSXFixture.rows(fromCSV: csv))])
            .write(to: xlsxSite.url("Content/data/hoat-dong.xlsx"))
        try FileManager.default.removeItem(at: xlsxSite.url("Content/data/hoat-dong.csv"))
        try await xlsxSite.build()
        for file in ["du-lieu/x-01.csv", "du-lieu/x-01.json", "du-lieu/x-02.csv", "du-lieu/x-02-theo-dia-ban.csv",
                     "du-lieu/tat-ca-chi-tieu.json", "chi-tieu/x-02/index.html", "du-lieu/goc/hoat-dong.csv"] {
            #expect(try xlsxSite.read("Output/" + file) == csvSite.read("Output/" + file), "\(file) differs")
        }
    }

    @Test func badCellIsReportedAtItsRowAndColumnWithItsName() async throws {
        let errors = try await TestSite.errors(.vi) { site in
            try HostileInputTests.addCountIndicator(site)
            var rows = XLSXFixture.rows(fromCSV: try site.read("Content/data/hoat-dong.csv"))
            rows[2][3] = .text("nhiều")
            rows[4][2] = .text("x")
            try XLSXFixture.workbook(sheets: [("Số liệu", rows)]).write(to: site.url("Content/data/hoat-dong.xlsx"))
            try FileManager.default.removeItem(at: site.url("Content/data/hoat-dong.csv"))
        }
        #expect(errors == [
            "Content/data/hoat-dong.xlsx:3:4: error: 'luot': 'nhiều' không phải là một số; hãy viết bằng chữ số, ví dụ "
                + "12500, 12.500 hoặc 12,5 (ô D3, trang tính 'Số liệu')",
            "Content/data/hoat-dong.xlsx:5:3: error: 'dich_vu' chỉ nhận 'có' hoặc 'không' (hoặc yes/no, true/false, "
                + "1/0), không nhận 'x'; nếu ý là có, hãy viết 'có' (ô C5, trang tính 'Số liệu')",
        ])
    }

    @Test func formulaErrorAndDamagedFilesAreOneError() async throws {
        let formula = try await TestSite.errors(.en) { site in
            var rows = XLSXFixture.rows(fromCSV: try site.read("Content/data/hoat-dong.csv"))
            rows[1][3] = .raw("#DIV/0!", type: "e")
            try XLSXFixture.workbook(sheets: [("S", rows)]).write(to: site.url("Content/data/hoat-dong.xlsx"))
            try FileManager.default.removeItem(at: site.url("Content/data/hoat-dong.csv"))
        }
        #expect(formula == ["Content/data/hoat-dong.xlsx: error: cell D2 holds the formula error #DIV/0!; fix the "
            + "formula or type the value"])
        let damaged = try await TestSite.errors(.en) { site in
            try Data("PK not really a zip".utf8).write(to: site.url("Content/data/hoat-dong.xlsx"))
            try FileManager.default.removeItem(at: site.url("Content/data/hoat-dong.csv"))
        }
        #expect(damaged.count == 1 && damaged.first?.contains("cannot be opened") == true, "\(damaged)")
    }

    @Test func numbersAreReadAsStoredWhateverTheNumberFormat() throws {
        let data = try XLSXFixture.workbook(sheets: [("A", [[.text("nam"), .text("gia_tri")],
                                                           [.number(2024), .number(12.5)], [nil, nil]])])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tiendo-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        let workbook = try XLSXWorkbook(url: url, path: "x.xlsx")
        let table = try #require(try workbook.tables(first: true, named: []).first?.get())
        #expect(table.header == ["nam", "gia_tri"])
        #expect(table.rows.count == 1, "the empty row at the end is ignored")
        #expect(table.rows.first?.cells == ["2024", "12.5"])
        #expect(table.rows.first?.numbers == [0: 2024, 1: 12.5])
        #expect(XLSXDate.iso(serial: 45_291, date1904: false) == "2023-12-31")
        #expect(XLSXDate.isDateFormat("dd/mm/yyyy") && !XLSXDate.isDateFormat("#,##0.00\" m\""))
    }

    @Test func anIndicatorNamesAnotherSheet() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try HostileInputTests.addCountIndicator(site)
        try site.replace(in: "Content/indicators/x-02.yaml", "column: luot", with: "column: luot_sheet\nsheet: Lượt")
        let rows: [[XLSXFixture.Cell?]] = [[.text("nam"), .text("ma_co_so"), .text("luot_sheet")],
                                           [.number(2021), .text("A"), .number(100)],
                                           [.number(2023), .text("A"), .number(150)]]
        try XLSXFixture.workbook(sheets: [("Ghi chú", [[.text("không phải số liệu")]]), ("Lượt", rows)])
            .write(to: site.url("Content/data/them.xlsx"))
        try await site.build()
        // The named sheet is read instead of the first one (a note, which is not data): A alone, 150 in 2023.
        #expect(try site.read("Output/du-lieu/x-02.csv").contains("2023,150,lượt,"))
        #expect(try site.read("Output/du-lieu/goc/them-luot.csv").contains("2023,A,150\r\n"))
    }

    /// Found by fuzzing: a sheet whose element names are not UTF-8 made Foundation's XMLParser trap.
    @Test func aDamagedPartIsAnErrorNotACrash() throws {
        let data = try Data(contentsOf: TestSite.fixtures.appendingPathComponent("fuzz/xlsx-name-not-utf8.xlsx"))
        let diagnostics = LoaderFuzzing.run(.xlsx, data)
        #expect(LoaderFuzzing.isLocated(diagnostics))
        #expect(diagnostics.contains { $0.message.en.contains("is damaged (not UTF-8 text)") }, "\(diagnostics)")
    }
}
