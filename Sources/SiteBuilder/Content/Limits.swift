/// Every limit on input, in one place; each is documented in docs/content-format.md ("Limits"), and going past one
/// is a located error, never a crash, a hang or a silently cut value.
enum Limits {
    /// Years of data, baselines, milestones and the reporting year.
    static let years = 1990...2100
    /// The largest count, value or target (a million billion): beyond it sums and charts would lose precision.
    static let largestValue = 1e15
    /// File sizes by kind, in bytes.
    static let sectionBytes = 5 << 20
    static let yamlBytes = 1 << 20
    static let dataBytes = 50 << 20
    /// A part of an `.xlsx` workbook once unzipped (a sheet, the shared strings).
    static let workbookPartBytes = 200 << 20
    static let templateBytes = 1 << 20
    static let assetBytes = 10 << 20
    /// Values one YAML file may hold once its aliases (`*name`) are expanded, and how deep it may nest.
    static let yamlValues = 100_000
    static let yamlDepth = 64
    /// Text one YAML file may hold once its aliases are expanded.
    static let yamlExpandedBytes = 8 << 20
    /// Headings in one section.
    static let headings = 10_000
    /// Sections inside sections, and partials inside partials, counted together along any path through the
    /// theme's templates (rendering and checking a template recurse once per level).
    static let templateDepth = 100

    static func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MB" }
}
