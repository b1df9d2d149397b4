extension Section {
    /// Every value of a section, as a plain struct: what equality and hashing compare.
    struct Values: Hashable {
        var fileName: String
        var path: String
        var title: String
        var order: Int
        var summary: String?
        var slug: String
        var body: ArraySlice<UInt8>?
        var bodyDigest: String
        var stamp: FileStamp?
        var bodyFirstLine: Int
        var keyLocations: KeyLocations
    }

    /// Where each front-matter key stands. A section taken from the build cache keeps them as the bytes they
    /// were stored as, decoded only when a diagnostic asks (ten thousand small dictionaries on every build).
    struct KeyLocations: Hashable, Sendable {
        private let decoded: [String: SourceLocation]?
        private let encoded: BuildCache.EncodedSpan?
        private let path: String

        init(_ locations: [String: SourceLocation]) {
            decoded = locations
            encoded = nil
            path = ""
        }

        /// The locations stored in `span` (see BuildCache), of the file at `path`.
        init(encoded span: BuildCache.EncodedSpan, path: String) {
            decoded = nil
            encoded = span
            self.path = path
        }

        var dictionary: [String: SourceLocation] {
            if let decoded { return decoded }
            guard let encoded else { return [:] }
            var reader = BinaryReader(encoded.source.bytes, range: encoded.range)
            return BuildCache.keyLocations(from: &reader, path: path) ?? [:]
        }

        static func == (lhs: KeyLocations, rhs: KeyLocations) -> Bool { lhs.dictionary == rhs.dictionary }

        func hash(into hasher: inout Hasher) { hasher.combine(dictionary) }
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
