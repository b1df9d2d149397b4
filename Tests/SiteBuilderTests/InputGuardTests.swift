import Foundation
import Testing
@testable import SiteBuilder

/// Issue "No wrong figure goes live": every ordinary spreadsheet or YAML slip ends in the figure the user meant or
/// in one located error in plain Vietnamese, with Output/ untouched (TestSite.errors checks that).
@Suite struct InputGuardTests {
    func errors(_ change: (TestSite) throws -> Void) async throws -> [String] {
        try await TestSite.errors(.vi, after: change)
    }

    static func setCount(_ site: TestSite, _ cell: String) throws {
        try HostileInputTests.addCountIndicator(site)
        try site.replace(in: "Content/data/hoat-dong.csv", "2021,A,có,100", with: "2021,A,có,\(cell)")
    }

    @Test func dotThousandsIsAmbiguousWithoutNumberFormat() async throws {
        let errors = try await errors { try Self.setCount($0, "158.340") }
        #expect(errors == ["Content/data/hoat-dong.csv:2:11: error: 'luot': '158.340' có hai cách hiểu: 158,34 (dấu chấm "
            + "là dấu thập phân) hoặc 158.340 (dấu chấm ngăn cách hàng nghìn); hãy viết 158340 nếu là số nguyên, 158.34 "
            + "nếu là số thập phân, hoặc thêm 'number_format: vi' vào site.yaml nếu dấu chấm luôn ngăn cách hàng nghìn"])
    }

    @Test func numberFormatVietnameseReadsThousandsAndDecimalComma() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try Self.setCount(site, "158.340")
        try site.replace(in: "Content/data/hoat-dong.csv", "2021,B,không,200", with: "2021,B,không,\"1.234,5\"")
        try site.write("Content/site.yaml", try site.read("Content/site.yaml") + "number_format: vi\n")
        try await site.build()
        // 2021: 158340 + 1234.5 + 300 + 400 = 160274.5, written 160.274,5.
        let csv = try site.read("Output/du-lieu/x-02.csv")
        #expect(csv.contains("2021,160274.5,lượt,"), "\(csv)")
        #expect(try site.read("Output/chi-tieu/x-02/index.html").contains("160.274,5"))
    }

    @Test func unambiguousFormsAreReadUnderAuto() {
        #expect(NumberReader.read("1.234.567", format: .auto) == .value(1_234_567))
        #expect(NumberReader.read("12,5", format: .auto) == .value(12.5))
        #expect(NumberReader.read("12.5", format: .auto) == .value(12.5))
        #expect(NumberReader.read("1,234.5", format: .auto) == .value(1234.5))
        #expect(NumberReader.read("1.234,5", format: .auto) == .value(1234.5))
        #expect(NumberReader.read("0.500", format: .auto) == .value(0.5))
        #expect(NumberReader.read("1,234", format: .auto) == .ambiguous(decimalDot: 1.234, groupingDot: 1234))
        #expect(NumberReader.read("12.5", format: .vi) == .invalid)
        #expect(NumberReader.read("1.234", format: .vi) == .value(1234))
        #expect(NumberReader.read("1,234", format: .international) == .value(1234))
        for bad in ["1e19", "0x10", "+5", "1 234", "70%", "1..2", "1.23.456", ".5", "5.", "", "-", "1,2,3"] {
            #expect(NumberReader.read(bad, format: .auto) == .invalid, "\(bad)")
        }
    }

    @Test func decimalCommaInAFlowMappingIsAnError() async throws {
        let errors = try await errors {
            try $0.replace(in: "Content/indicators/x-01.yaml", "value: 80}", with: "value: 4,5}")
        }
        #expect(errors == ["Content/indicators/x-01.yaml:11:25: error: 'value: 4,5' bị YAML tách làm hai ở dấu phẩy; "
            + "trong dấu ngoặc { } hãy viết số thập phân bằng dấu chấm: value: 4.5"])
    }

    @Test func misplacedSelectionKeysAreErrors() async throws {
        let outside = try await errors {
            try $0.replace(in: "Content/indicators/x-01.yaml", "conditions:", with: "levels: [huyen]\nconditions:")
        }
        #expect(outside == ["Content/indicators/x-01.yaml:8:1: error: khóa 'levels' không có trong định nghĩa chỉ tiêu; "
            + "khóa này thuộc 'facilities:', hãy thụt vào dưới dòng 'facilities:' (hai dấu cách)"])
        let inside = try await errors {
            try $0.replace(in: "Content/indicators/x-01.yaml", "  kinds: [thu-vien]", with: "  kinds: [thu-vien]\n  baseline: 2021")
        }
        #expect(inside == ["Content/indicators/x-01.yaml:8:3: error: khóa 'baseline' không có trong 'facilities'; có lẽ "
            + "dòng này thụt lề quá sâu: 'baseline' phải thẳng cột với 'facilities:'"])
    }

    @Test func unknownDefinitionKeyIsAnErrorWithTheNearestKey() async throws {
        let errors = try await errors {
            try $0.replace(in: "Content/indicators/x-01.yaml", "baseline: 2021", with: "baseline: 2021\ndirecton: lower")
        }
        #expect(errors == ["Content/indicators/x-01.yaml:10:1: error: khóa 'directon' không có trong định nghĩa chỉ tiêu "
            + "(có phải là 'direction'?)"])
    }

    @Test func exponentAndHugeCountsAreErrors() async throws {
        let exponent = try await errors { try Self.setCount($0, "1e19") }
        #expect(exponent == ["Content/data/hoat-dong.csv:2:11: error: 'luot': '1e19' không phải là một số; hãy viết bằng "
            + "chữ số, ví dụ 12500, 12.500 hoặc 12,5; không dùng dạng lũy thừa như 1e6, hãy viết đủ các chữ số"])
        let huge = try await errors { try Self.setCount($0, "1234567890123456789") }
        #expect(huge == ["Content/data/hoat-dong.csv:2:11: error: 'luot' quá lớn: tối đa 1.000.000.000.000.000"])
    }

    @Test func onlyTheDocumentedYesNoWords() async throws {
        let errors = try await errors {
            try $0.replace(in: "Content/data/hoat-dong.csv", "2021,B,không", with: "2021,B,x")
        }
        #expect(errors == ["Content/data/hoat-dong.csv:3:8: error: 'dich_vu' chỉ nhận 'có' hoặc 'không' (hoặc yes/no, "
            + "true/false, 1/0), không nhận 'x'; nếu ý là có, hãy viết 'có'"])
        #expect(YesNo.parse("Có") == true && YesNo.parse("KHÔNG") == false && YesNo.parse("co") == nil)
    }

    @Test func semicolonSeparatedCSVIsOneError() async throws {
        let errors = try await errors { site in
            try site.write("Content/data/hoat-dong.csv",
                           try site.read("Content/data/hoat-dong.csv").replacingOccurrences(of: ",", with: ";"))
        }
        #expect(errors == ["Content/data/hoat-dong.csv:1:1: error: dòng này dùng dấu chấm phẩy (;) để ngăn cách ô; hãy "
            + "lưu lại dưới dạng CSV UTF-8 (dấu phẩy)"])
    }

    @Test func aBrokenRegisterIsOneErrorNotOnePerFactRow() async throws {
        let errors = try await errors { site in
            try site.write("Content/data/co-so.csv",
                           try site.read("Content/data/co-so.csv").replacingOccurrences(of: ",", with: ";"))
        }
        #expect(errors == ["Content/data/co-so.csv:1:1: error: dòng này dùng dấu chấm phẩy (;) để ngăn cách ô; hãy "
            + "lưu lại dưới dạng CSV UTF-8 (dấu phẩy)"])
    }

    @Test func encodingErrorHasNoFollowOnErrors() async throws {
        let errors = try await errors { site in
            try Data("nam,ma_co_so,dich_vu,luot\n2021,A,c\u{F3}".utf8.dropLast(2) + [0xF3, 0x2C, 0x31, 0x0A])
                .write(to: site.url("Content/data/hoat-dong.csv"))
        }
        #expect(errors == ["Content/data/hoat-dong.csv:2:9: error: tệp không phải văn bản UTF-8 (có lẽ được lưu bằng "
            + "bảng mã khác như Windows-1258 hay TCVN3); hãy lưu lại dưới dạng \"CSV UTF-8 (dấu phẩy)\""])
    }

    @Test func blankRowsExcelLeavesAreIgnored() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("Content/data/hoat-dong.csv", try site.read("Content/data/hoat-dong.csv") + ",,,\n , ,,\n\n")
        try await site.build()
        #expect(try site.read("Output/du-lieu/x-01.csv").contains("2023,50,%,2,4,0,"))
    }

    @Test func headerSuggestionsIgnoreCaseAndDiacritics() async throws {
        let errors = try await errors {
            try $0.replace(in: "Content/data/hoat-dong.csv", "nam,ma_co_so,", with: "Năm,mã_cơ_sở,")
        }
        #expect(errors == [
            "Content/data/hoat-dong.csv:1:1: error: dòng tiêu đề không có cột 'nam'; hãy đổi tên cột 'Năm' thành 'nam' "
                + "(chữ thường, không dấu)",
            "Content/data/hoat-dong.csv:1:5: error: dòng tiêu đề không có cột 'ma_co_so'; hãy đổi tên cột 'mã_cơ_sở' "
                + "thành 'ma_co_so' (chữ thường, không dấu)",
        ])
    }

    @Test func yamlTabAndMisindentedListInPlainWords() async throws {
        let tab = try await errors {
            try $0.replace(in: "Content/indicators/x-01.yaml", "  kinds:", with: "\tkinds:")
        }
        #expect(tab == ["Content/indicators/x-01.yaml:7:1: error: có ký tự Tab ở đầu dòng; YAML chỉ dùng dấu cách để "
            + "thụt lề, hãy thay Tab bằng dấu cách"])
        let list = try await errors {
            try $0.replace(in: "Content/indicators/x-01.yaml", "  - {year: 2025, value: 80}",
                           with: "  - {year: 2025, value: 80}\n   - {year: 2030, value: 90}")
        }
        #expect(list == ["Content/indicators/x-01.yaml:12:4: error: dòng này không khớp với các dòng trên: các mục cùng "
            + "cấp phải thẳng cột (cùng số dấu cách đầu dòng), mỗi khóa có dấu hai chấm (:) theo sau, mỗi mục danh sách "
            + "bắt đầu bằng \"- \""])
        let colons = try await errors {
            try $0.replace(in: "Content/indicators/x-01.yaml", "title: Tỷ lệ", with: "title: Mục tiêu: Tỷ lệ")
        }
        #expect(colons.first?.hasPrefix("Content/indicators/x-01.yaml:2:16: error: có hai dấu hai chấm (:) trên một "
            + "dòng") == true, "\(colons)")
    }

    @Test func englishWithLangEn() async throws {
        let errors = try await TestSite.errors(.en) { try Self.setCount($0, "158.340") }
        #expect(errors.first?.hasPrefix("Content/data/hoat-dong.csv:2:11: error: 'luot': '158.340' can be read two "
            + "ways: 158.34 (dot as decimal mark) or 158340 (dot as thousands separator)") == true, "\(errors)")
    }
}
