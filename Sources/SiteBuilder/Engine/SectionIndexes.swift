/// Where each section is in reading order, by file name and by slug: made once per model (in a build, on another
/// core while the indicators are computed), and used both to claim the sections' addresses (RouteTable) and to
/// find a section from a link or a route (SiteModel). When two sections share a key, the first one is kept; the
/// clash is reported while loading (file names) or by RouteTable (slugs).
struct SectionIndexes: Sendable {
    let byFileName: [String: Int]
    let bySlug: [String: Int]

    init(_ sections: [Section]) {
        byFileName = Self.firstIndex(sections, by: \.fileName)
        bySlug = Self.firstIndex(sections, by: \.slug)
    }

    /// Position of the first item with each key.
    private static func firstIndex(_ sections: [Section], by key: (Section) -> String) -> [String: Int] {
        var result = [String: Int](minimumCapacity: sections.count)
        // Last to first, so that the first item with a key is the one kept: one hash per item.
        for index in sections.indices.reversed() { result[key(sections[index])] = index }
        return result
    }
}
