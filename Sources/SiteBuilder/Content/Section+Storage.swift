extension Section {
    /// The values of one section, shared by its copies until one of them changes (then it is copied first, by
    /// `unique()`): mutated only while uniquely referenced, so it may cross threads like a value.
    final class Storage: @unchecked Sendable {
        var fileName: String
        var path: String
        var title: String
        var order: Int
        var summary: String?
        var slug: String
        var body: String?
        var bodyDigest: String
        var stamp: String?
        var bodyFirstLine: Int
        var keyLocations: [String: SourceLocation]

        init(fileName: String, path: String, title: String, order: Int, summary: String?, slug: String,
             body: String?, bodyDigest: String, stamp: String?, bodyFirstLine: Int,
             keyLocations: [String: SourceLocation]) {
            self.fileName = fileName
            self.path = path
            self.title = title
            self.order = order
            self.summary = summary
            self.slug = slug
            self.body = body
            self.bodyDigest = bodyDigest
            self.stamp = stamp
            self.bodyFirstLine = bodyFirstLine
            self.keyLocations = keyLocations
        }

        func copy() -> Storage {
            Storage(fileName: fileName, path: path, title: title, order: order, summary: summary, slug: slug,
                    body: body, bodyDigest: bodyDigest, stamp: stamp, bodyFirstLine: bodyFirstLine,
                    keyLocations: keyLocations)
        }

        /// Every value, for equality and hashing (what the synthesized conformances of a plain struct compare).
        var values: Values {
            Values(fileName: fileName, path: path, title: title, order: order, summary: summary, slug: slug,
                   body: body, bodyDigest: bodyDigest, stamp: stamp, bodyFirstLine: bodyFirstLine,
                   keyLocations: keyLocations)
        }
    }

    struct Values: Hashable {
        var fileName: String
        var path: String
        var title: String
        var order: Int
        var summary: String?
        var slug: String
        var body: String?
        var bodyDigest: String
        var stamp: String?
        var bodyFirstLine: Int
        var keyLocations: [String: SourceLocation]
    }
}
