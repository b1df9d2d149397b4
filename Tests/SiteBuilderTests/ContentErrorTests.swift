import Foundation
import Testing
@testable import SiteBuilder

/// Bad input gets `path:line:column: error: message`, every error at once, and no Output/.
@Suite struct ContentErrorTests {
    func failing(_ change: (TestSite) throws -> Void) async throws -> [String] {
        try await TestSite.errors(after: change)
    }

    @Test func brokenSiteYAMLIsOneErrorWithPosition() async throws {
        let errors = try await failing { try $0.replace(in: "Content/site.yaml", "title: Báo cáo thử", with: "title: [Báo cáo") }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors == ["Content/site.yaml:1:8: error: the [ ] bracket opened here is never closed, or a comma is "
            + "missing between items"])
    }

    @Test func missingRequiredKeysAreAllReported() async throws {
        let errors = try await failing {
            try $0.replace(in: "Content/site.yaml", "reporting_year: 2023\n", with: "")
            try $0.replace(in: "Content/site.yaml", "base_url: https://example.gov.vn/bao-cao/\n", with: "")
        }
        #expect(errors.contains("Content/site.yaml:1:1: error: missing required key 'base_url' in site.yaml"))
        #expect(errors.contains("Content/site.yaml:1:1: error: missing required key 'reporting_year' in site.yaml"))
    }

    @Test func menuNamesAMissingSection() async throws {
        let errors = try await failing { try $0.replace(in: "Content/site.yaml", "publisher: Sở Thử nghiệm", with: "publisher: Sở Thử nghiệm\nmenu: [02-yeu-cauu.md]") }
        #expect(errors == ["Content/site.yaml:8:1: error: 'menu' names '02-yeu-cauu.md', which is not a file in sections/ "
            + "(did you mean '02-yeu-cau.md'?)"])
    }

    @Test func unknownFrontMatterKeyWarnsWithNearestKey() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.replace(in: "Content/sections/02-yeu-cau.md", "order: 2", with: "order: 2\ntittle: x")
        let result = try await site.build()
        #expect(result.warnings.map { $0.formatted(.en) }
            == ["Content/sections/02-yeu-cau.md:4:1: warning: unknown key 'tittle' in the front matter, ignored "
                + "(did you mean 'title'?)"])
    }

    @Test func frontMatterProblems() async throws {
        let errors = try await failing {
            try $0.write("Content/sections/03-mo.md", "---\ntitle: Mở\norder: 3\n\nKhông đóng.\n")
            try $0.write("Content/sections/04-khong.md", "Không có front matter.\n")
            try $0.write("Content/sections/05-trung.md", "---\ntitle: Mục đích\norder: 1\n---\nTrùng.\n")
            try $0.write("Content/sections/06-thieu.md", "---\norder: 6\n---\n")
        }
        #expect(errors.contains("Content/sections/03-mo.md:1:1: error: front matter opened here is never closed; "
            + "add a line '---' after its last key"))
        #expect(errors.contains { $0.hasPrefix("Content/sections/04-khong.md:1:1: error: a section must start with") })
        #expect(errors.contains("Content/sections/05-trung.md:2:1: error: duplicate title 'Mục đích': "
            + "Content/sections/01-muc-dich.md has it too"))
        #expect(errors.contains("Content/sections/05-trung.md:3:1: error: duplicate order '1': "
            + "Content/sections/01-muc-dich.md has it too"))
        #expect(errors.contains("Content/sections/06-thieu.md:2:1: error: missing required key 'title' in the front matter"))
    }

    /// "Mục đích" typed with combining marks (as some keyboards save it) is the same title as the precomposed one.
    @Test func aTitleWrittenWithCombiningMarksIsStillADuplicate() async throws {
        let decomposed = "Mu\u{0323}c \u{0111}i\u{0301}ch"
        #expect(decomposed == "Mục đích" && Array(decomposed.utf8) != Array("Mục đích".utf8))
        #expect(!ExactText.isSurelyNFC(decomposed) && ExactText.isSurelyNFC("Mục đích: Ưu tiên 2025"))
        let errors = try await failing {
            try $0.write("Content/sections/05-trung.md", "---\ntitle: \(decomposed)\norder: 5\n---\nTrùng.\n")
        }
        #expect(errors == ["Content/sections/05-trung.md:2:1: error: duplicate title '\(decomposed)': "
                               + "Content/sections/01-muc-dich.md has it too",
                           "Content/sections/05-trung.md:2:1: error: duplicate slug 'muc-dich': "
                               + "Content/sections/01-muc-dich.md has it too"])
    }

    @Test func invalidUTF8IsReportedAtItsPosition() async throws {
        let errors = try await failing { site in
            var bytes = Array("---\ntitle: Lỗi\norder: 9\n---\nab".utf8)
            bytes += [0xFF, 0x41, 0x0A]
            try Data(bytes).write(to: site.url("Content/sections/09-loi.md"))
        }
        #expect(errors == ["Content/sections/09-loi.md:5:3: error: the file is not valid UTF-8 (it was probably saved in "
            + "another encoding such as Windows-1258 or TCVN3); save it again as UTF-8"])
    }

    @Test func brokenSectionLinkAndUnknownIndicator() async throws {
        let errors = try await failing {
            try $0.replace(in: "Content/sections/01-muc-dich.md", "02-yeu-cau.md#chi-tieu", with: "02-yeu-cauu.md")
            try $0.replace(in: "Content/sections/02-yeu-cau.md", "```indicator X-01", with: "```indicator X-99")
        }
        #expect(errors.contains("Content/sections/01-muc-dich.md:9:5: error: link to a section that does not exist: "
            + "'02-yeu-cauu.md' (did you mean '02-yeu-cau.md'?)"))
        #expect(errors.contains("Content/sections/02-yeu-cau.md:8:1: error: unknown indicator 'X-99' (did you mean 'X-01'?)"))
    }

    @Test func csvWrongColumnCountNamesFileAndLine() async throws {
        let errors = try await failing { try $0.replace(in: "Content/data/hoat-dong.csv", "2021,B,không,200", with: "2021,B,không") }
        #expect(errors == ["Content/data/hoat-dong.csv:3:1: error: this row has 3 cells but the header has 4 columns"])
    }

    @Test func dataValidationReportsEveryProblem() async throws {
        let errors = try await failing {
            try $0.replace(in: "Content/data/co-so.csv", "D,Thư viện D,thu-vien,huyen,nam",
                           with: "D,Thư viện D,thu-vienn,huyen,tay")
            try $0.replace(in: "Content/data/hoat-dong.csv", "2021,C,không,300", with: "2021,Z,không,300")
            try $0.replace(in: "Content/data/hoat-dong.csv", "2023,A,có,100", with: "2023,A,có,100\n2023,A,không,5")
            try $0.replace(in: "Content/data/hoat-dong.csv", "2023,C,không,300", with: "2031,C,hmm,300")
            try $0.replace(in: "Content/data/hoat-dong.csv", "2023,B,có,200", with: "2023,B,chắc,200")
        }
        #expect(errors.contains("Content/data/co-so.csv:5:14: error: unknown kind 'thu-vienn' (did you mean 'thu-vien'?); "
            + "kinds are listed in categories.yaml"))
        #expect(errors.contains { $0.hasPrefix("Content/data/co-so.csv:5:30: error: unknown district 'tay'") })
        #expect(errors.contains { $0.hasPrefix("Content/data/hoat-dong.csv:4:6: error: unknown facility 'Z'") })
        #expect(errors.contains("Content/data/hoat-dong.csv:7:6: error: facility 'A' already has a row for 2023 on line 6"))
        #expect(errors.contains("Content/data/hoat-dong.csv:8:8: error: 'dich_vu' must be có or không (or yes/no, "
            + "true/false, 1/0), not 'chắc'"))
        #expect(errors.contains("Content/data/hoat-dong.csv:9:1: error: year 2031 is outside the data's range "
            + "1990–2023 (reporting_year in site.yaml)"))
    }

    @Test func negativeAndNonNumericCounts() async throws {
        let errors = try await failing {
            try $0.replace(in: "Content/indicators/x-01.yaml", "method: share", with: "method: growth\ncolumn: luot")
            try $0.replace(in: "Content/indicators/x-01.yaml", "conditions: [dich_vu]\n", with: "")
            try $0.replace(in: "Content/data/hoat-dong.csv", "2021,B,không,200", with: "2021,B,không,-200")
        }
        #expect(errors.contains("Content/data/hoat-dong.csv:3:14: error: 'luot' cannot be negative"))
        #expect(errors.contains { $0.hasPrefix("Content/data/hoat-dong.csv:9:14: error: 'luot': '") && $0.contains("' is not a number") },
                "\(errors)")
    }

    @Test func indicatorDefinitionValidation() async throws {
        let errors = try await failing {
            try $0.replace(in: "Content/indicators/x-01.yaml", "{year: 2025, value: 80}",
                           with: "{year: 2025, value: 120}\n  - {year: 2020, value: 50}")
            try $0.replace(in: "Content/indicators/x-01.yaml", "kinds: [thu-vien]", with: "kinds: [thu-vien]\n  levels: [huyen]\n  districts: [bac]")
            try $0.write("Content/indicators/y-01.yaml", """
                id: Y-01
                title: Không chọn gì
                group: thu-vien
                unit: "%"
                method: shares
                conditions: [dich_vu]
                baseline: 2021
                milestones: [{year: 2025, value: 50}]
                agency: a
                source: s
                """)
        }
        #expect(errors.contains("Content/indicators/x-01.yaml:13:5: error: a percentage target must be between 0 and 100"))
        #expect(errors.contains("Content/indicators/x-01.yaml:14:5: error: milestone 2020 is not after the baseline 2021"))
        #expect(errors.contains("Content/indicators/y-01.yaml:5:1: error: 'method' must be one of share, growth, value, "
            + "series, ratio (did you mean 'share'?)"))
    }

    @Test func duplicateIndicatorIDs() async throws {
        let errors = try await failing { try $0.write("Content/indicators/x-02.yaml", try $0.read("Content/indicators/x-01.yaml")) }
        #expect(errors == ["Content/indicators/x-02.yaml:1:1: error: duplicate indicator id 'X-01': "
            + "Content/indicators/x-01.yaml has it too"])
    }

    @Test func aKeyWrittenQuotedAndPlainIsTheSameKey() async throws {
        // Scalars are text to the loaders, so `"1":` and `1:` name one district twice.
        let errors = try await failing {
            try $0.replace(in: "Content/categories.yaml", "  nam: Huyện Nam", with: "  nam: Huyện Nam\n  \"1\": Một\n  1: Hai")
        }
        #expect(errors == ["Content/categories.yaml:10:3: error: the key '1' appears twice; write each key once"])
    }

    @Test func indicatorSelectingNoFacility() async throws {
        let errors = try await failing {
            try $0.replace(in: "Content/categories.yaml", "  huyen: Cấp huyện", with: "  huyen: Cấp huyện\n  xa: Cấp xã")
            try $0.replace(in: "Content/indicators/x-01.yaml", "kinds: [thu-vien]", with: "kinds: [thu-vien]\n  levels: [xa]")
        }
        #expect(errors == ["Content/indicators/x-01.yaml:6:1: error: 'facilities' selects no facility in the register"])
    }

    @Test func templateKeyThatTheViewModelLacks() async throws {
        let errors = try await failing { try $0.replace(in: "Templates/section.mustache", "<h1>{{title}}</h1>", with: "<h1>{{titel}}</h1>") }
        #expect(errors == ["Templates/section.mustache:2:5: error: 'titel' is not a key of this page's view model "
            + "(did you mean 'title'?)"])
    }

    @Test func includeOfATemplateThatDoesNotExist() async throws {
        let errors = try await failing {
            try $0.replace(in: "Templates/layout.mustache", "{{> partials/footer}}", with: "{{> partials/footr}}")
        }
        #expect(errors == ["Templates/layout.mustache:43:1: error: there is no template 'partials/footr' to include "
            + "(names are written without .mustache, from the templates folder, e.g. partials/footer) (did you mean "
            + "'partials/footer'?)"])
    }

    @Test func keysAreCheckedAfterTheDelimitersChange() async throws {
        let errors = try await failing {
            try $0.replace(in: "Templates/section.mustache", "<h1>{{title}}</h1>", with: "{{=<% %>=}}<h1><%titel%></h1>")
        }
        #expect(errors == ["Templates/section.mustache:2:16: error: 'titel' is not a key of this page's view model "
            + "(did you mean 'title'?)"])
    }

    @Test func templateSyntaxError() async throws {
        let errors = try await failing { try $0.replace(in: "Templates/group.mustache", "{{/summary}}", with: "{{/summry}}") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("Templates/group.mustache:2:") == true)
    }

    @Test func linkToAFileOnTheAuthorsComputer() async throws {
        let errors = try await failing {
            try $0.replace(in: "Content/sections/02-yeu-cau.md", "order: 2\n---\n",
                           with: "order: 2\n---\n[Tải về](file:///C:/Users/tai-lieu.docx)\n")
        }
        #expect(errors == ["Content/sections/02-yeu-cau.md:5:1: error: the address 'file:///C:/Users/tai-lieu.docx' "
            + "of the link 'Tải về' is removed as unsafe, so it would go nowhere; use an http(s):// address or a .md "
            + "file"])
    }

    @Test func symlinkOutOfTheProjectIsRefused() async throws {
        let errors = try await failing { site in
            try FileManager.default.createSymbolicLink(atPath: site.url("Content/sections/07-ngoai.md").path,
                                                       withDestinationPath: "/etc/hostname")
        }
        #expect(errors.contains { $0.hasPrefix("Content/sections/07-ngoai.md: error: is a symbolic link to") })
    }

    @Test func linkThatLoopsOrLeadsNowhereSaysSo() async throws {
        let errors = try await failing { site in
            try FileManager.default.createSymbolicLink(atPath: site.url("Content/sections/08-vong.md").path,
                                                       withDestinationPath: "08-vong.md")
            try FileManager.default.createSymbolicLink(atPath: site.url("Content/sections/09-mat.md").path,
                                                       withDestinationPath: "khong-co.md")
        }
        #expect(errors.contains("Content/sections/08-vong.md: error: is a symbolic link that loops, to itself or "
            + "through other links; remove or fix it"))
        #expect(errors.contains("Content/sections/09-mat.md: error: is a symbolic link to a file that does not "
            + "exist; remove or fix it"))
    }
}
