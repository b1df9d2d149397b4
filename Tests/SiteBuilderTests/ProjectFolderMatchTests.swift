import Testing
@testable import SiteBuilder

/// Which names a content folder's listing takes: not hidden, ending with a known extension in any case.
@Suite struct ProjectFolderMatchTests {
    @Test func extensionsMatchInAnyCaseAndHiddenNamesDoNot() {
        let markdown: Set<String> = ["md", "markdown"]
        #expect(ProjectFolder.matches("01-muc-dich.md", markdown))
        #expect(ProjectFolder.matches("GHI-CHU.MD", markdown))
        #expect(ProjectFolder.matches("a.b.Markdown", markdown))
        #expect(!ProjectFolder.matches(".an.md", markdown))
        #expect(!ProjectFolder.matches("muc-tieu.mdx", markdown))
        #expect(!ProjectFolder.matches("muc-tieu.m", markdown))
        #expect(!ProjectFolder.matches("muc-tieu", markdown))
        #expect(!ProjectFolder.matches("muc-tieu.", markdown))
        #expect(!ProjectFolder.matches("phần.mđ", markdown))
        #expect(ProjectFolder.matches("phần.md", markdown))
    }
}
