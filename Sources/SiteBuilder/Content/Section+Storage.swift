extension Section {
    /// Every value of a section, as a plain struct: what equality and hashing compare.
    struct Values: Hashable {
        var fileName: String
        var path: String
        var title: String
        var order: Int
        var summary: String?
        var slug: String
        var body: String?
        var bodyDigest: String
        var stamp: FileStamp?
        var bodyFirstLine: Int
        var keyLocations: [String: SourceLocation]
    }

    /// The box a section and its copies share until one of them changes (it is copied first, by `unique()`):
    /// mutated only while uniquely referenced, so it may cross threads like a value.
    final class Storage: @unchecked Sendable {
        var values: Values

        init(_ values: Values) {
            self.values = values
        }
    }
}
