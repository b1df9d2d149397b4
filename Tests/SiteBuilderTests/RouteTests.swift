import Foundation
import Testing
@testable import SiteBuilder

/// Every output path has one owner; templates are checked from the view types, even without content.
@Suite struct RouteTests {
    func errors(_ change: (TestSite) throws -> Void) async throws -> [String] {
        try await TestSite.errors(after: change)
    }

    @Test func indicatorIDThatIsAGroupCode() async throws {
        let errors = try await errors { site in
            try site.write("Content/indicators/thu-vien.yaml", try site.read("Content/indicators/x-01.yaml")
                .replacingOccurrences(of: "id: X-01", with: "id: THU-VIEN"))
        }
        #expect(errors == ["Content/indicators/thu-vien.yaml:1:1: error: id 'THU-VIEN' would publish at "
            + "chi-tieu/thu-vien/, which is the group page of 'thu-vien' (Content/categories.yaml:2:3)"])
    }

    @Test func indicatorIDThatTakesAnotherDownload() async throws {
        let errors = try await errors { site in
            try site.write("Content/indicators/x-01-theo-dia-ban.yaml", try site.read("Content/indicators/x-01.yaml")
                .replacingOccurrences(of: "id: X-01", with: "id: X-01-THEO-DIA-BAN"))
        }
        #expect(errors == ["Content/indicators/x-01-theo-dia-ban.yaml:1:1: error: a download of 'X-01-THEO-DIA-BAN' "
            + "would publish at du-lieu/x-01-theo-dia-ban.csv, which is a download of 'X-01' "
            + "(Content/indicators/x-01.yaml:1:1)"])
    }

    @Test func indicatorIDThatTakesTheCombinedDownload() async throws {
        let errors = try await errors { site in
            try site.write("Content/indicators/tat-ca.yaml", try site.read("Content/indicators/x-01.yaml")
                .replacingOccurrences(of: "id: X-01", with: "id: TAT-CA-CHI-TIEU"))
        }
        #expect(errors == ["Content/indicators/tat-ca.yaml:1:1: error: a download of 'TAT-CA-CHI-TIEU' would publish "
            + "at du-lieu/tat-ca-chi-tieu.csv, which is Tiendo's download of all indicators; choose another id"])
    }

    /// A section's owner is described (its file and its `slug:` line) only when its path clashes.
    @Test func sectionWhoseSlugIsAnEditionYear() async throws {
        let site = try TestSite()
        defer { site.remove() }
        _ = try await Archiver(paths: site.paths).archive(year: 2024, date: "2025-03-31", replace: false)
        try site.replace(in: "Content/sections/01-muc-dich.md", "order: 1", with: "order: 1\nslug: \"2024\"")
        let errors = await site.failures().filter { $0.severity == .error }.map { $0.formatted(.en) }
        #expect(errors == ["Content/sections/01-muc-dich.md:4:1: error: section Content/sections/01-muc-dich.md would "
            + "publish at 2024/, which is Tiendo's edition of 2024; choose another id"])
    }

    /// Tiendo's own top-level names are refused as slugs while loading, before any address is claimed.
    @Test func sectionWhoseSlugIsTiendosSearchPage() async throws {
        let errors = try await errors { site in
            try site.replace(in: "Content/sections/01-muc-dich.md", "order: 1", with: "order: 1\nslug: tim-kiem")
        }
        #expect(errors == ["Content/sections/01-muc-dich.md:4:1: error: slug 'tim-kiem' is used by Tiendo's own "
            + "pages; choose another 'slug'"])
    }

    @Test func templatesAreCheckedWithoutContent() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.url("Content"))
        try site.replace(in: "Templates/indicator.mustache", "<h1>{{title}}</h1>", with: "<h1>{{titel}}</h1>")
        try site.replace(in: "Templates/partials/nav.mustache", "</nav>", with: "{{text.nav_hom}}</nav>")
        let errors = await site.failures().filter { $0.severity == .error }.map { $0.formatted(.en) }
        #expect(errors.contains("Content: error: the content folder does not exist"))
        #expect(errors.contains { $0.hasPrefix("Templates/indicator.mustache:3:5: error: 'titel' is not a key") })
        #expect(errors.contains { $0.contains("'nav_hom' is not a key of the strings files (did you mean 'nav_home'?)") })
    }

    @Test func missingInterfaceStringIsNamed() async throws {
        let errors = try await errors { site in
            try site.replace(in: "Templates/strings/vi.yaml", "nav_data: Dữ liệu\n", with: "")
        }
        #expect(errors == ["Templates/strings/vi.yaml:4:1: error: missing key 'nav_data' in the strings file"])
    }
}
