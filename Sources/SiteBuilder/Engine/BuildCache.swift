import Crypto
public import Foundation

/// What a build remembers of each section, beside the output folder (`.Output.tiendo-cache`), so that the next
/// build neither reads nor renders a section that did not change: its front matter (for menus, order and
/// neighbours), the digest of its body, what its body referred to when it was rendered (links, figures, blocks)
/// and the recipe and output digest of its page. A damaged or foreign cache is ignored, never trusted.
public struct BuildCache: Sendable {
    /// A class: ten thousand entries pass between the build's steps, and a copy is then one reference count.
    final class Entry: Sendable, Equatable {
        let section: Section
        let warnings: [Diagnostic]
        /// The body's references, in order (see SectionRecipe).
        let dependencies: [String]
        /// The recipe of the page when it was rendered, and the digest of the bytes that recipe gave.
        let recipe: DigestValue
        let outputDigest: DigestValue
        /// The ids a link may point to on the page (for an entry read from a cache file, decoded only when a link
        /// points into the page), and the body's links to a place in a page (see LinkCheck).
        var anchors: [String] {
            if let storedAnchors { return storedAnchors }
            guard let encoded, let anchorsRange else { return [] }
            var reader = BinaryReader(encoded.source.bytes, range: anchorsRange)
            return reader.strings() ?? []
        }
        private let storedAnchors: [String]?
        private let anchorsRange: Range<Int>?
        let fragmentLinks: [RenderedMarkdown.FragmentLink]
        /// The digest of the section's text for the search index (the texts are kept apart: SearchTexts).
        let searchTextDigest: DigestValue
        /// The bytes this entry was decoded from, when it was read from a cache file: written back as they are
        /// (they decode to it), so a rebuild that changes a few pages encodes only those. Not part of equality.
        let encoded: EncodedSpan?

        init(section: Section, warnings: [Diagnostic], dependencies: [String], recipe: DigestValue,
             outputDigest: DigestValue, anchors: [String] = [], fragmentLinks: [RenderedMarkdown.FragmentLink] = [],
             searchTextDigest: DigestValue, encoded: EncodedSpan? = nil, anchorsRange: Range<Int>? = nil) {
            self.section = section
            self.warnings = warnings
            self.dependencies = dependencies
            self.recipe = recipe
            self.outputDigest = outputDigest
            storedAnchors = anchorsRange == nil ? anchors : nil
            self.anchorsRange = anchorsRange
            self.fragmentLinks = fragmentLinks
            self.searchTextDigest = searchTextDigest
            self.encoded = encoded
        }

        /// The same entry with other warnings.
        func with(warnings: [Diagnostic]) -> Entry {
            if warnings == self.warnings { return self }
            return Entry(section: section, warnings: warnings, dependencies: dependencies, recipe: recipe,
                  outputDigest: outputDigest, anchors: anchors, fragmentLinks: fragmentLinks,
                  searchTextDigest: searchTextDigest)
        }

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs === rhs || (lhs.section == rhs.section && lhs.warnings == rhs.warnings
                && lhs.dependencies == rhs.dependencies && lhs.recipe == rhs.recipe
                && lhs.outputDigest == rhs.outputDigest && lhs.anchors == rhs.anchors
                && lhs.fragmentLinks == rhs.fragmentLinks && lhs.searchTextDigest == rhs.searchTextDigest)
        }
    }

    static let magic = "tiendo build cache 11"
    var entries: [String: Entry]
    /// Where the sections' texts for the search index are, read only when an index must be rebuilt.
    var texts = SearchTexts(source: .none)
    /// The paths of `entries` in sorted order, when known (see KnownOrder): those of the cache file read, which a
    /// rebuild's cache usually has too.
    var sortedPaths: [String]?
    /// The names of the files in `sections/` and the stamps of the regular ones, when they were read beside the
    /// cache (SiteBuild.run).
    var sectionListing: FolderListing?
    /// The cache file this cache was read from, which a changes file is written against (BuildCache+Changes).
    var base: Base?
    /// The input files' digest (InputStamps) recorded by the build that wrote the cache, and the one of this
    /// build's files (set by SiteBuild.run); the new cache records the latter.
    var inputs: String?
    var currentInputs: String?
    /// Whether no input file but the data tables changed since the build that wrote this cache (InputStamps):
    /// its digest was recorded and is this build's.
    var inputsUnchanged: Bool { inputs != nil && inputs == currentInputs }
    /// A cache file's bytes, shared by the entries decoded from them.
    final class EncodedBytes: Sendable {
        let bytes: [UInt8]

        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// Where an entry's bytes are in the file it was read from.
    struct EncodedSpan: Sendable {
        let source: EncodedBytes
        let range: Range<Int>
    }

    public init() { entries = [:] }

    init(entries: [String: Entry], texts: SearchTexts = SearchTexts(source: .none)) {
        self.entries = entries
        self.texts = texts
    }

    /// The cache a build writes after `cache` (the one it read, if any): `entries`, and what it knew of `cache`'s file
    /// (its order of paths and bytes, for writing only the changes) and of the inputs' stamps.
    init(entries: [String: Entry], following cache: BuildCache?) {
        self.init(entries: entries)
        sortedPaths = cache?.sortedPaths
        base = cache?.base
        inputs = cache?.currentInputs
    }

    public static func url(beside output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).tiendo-cache")
    }

    /// The cache file, with the changes file written against it applied when there is one that fits.
    public static func load(beside output: URL) -> BuildCache? {
        guard var cache = FileSystem.readBytes(url(beside: output).path).flatMap(parse) else { return nil }
        if let changes = FileSystem.readBytes(changesURL(beside: output).path) { _ = cache.apply(changes) }
        cache.texts = SearchTexts(source: .files(output: output))
        return cache
    }

    static func parse(_ data: Data) -> BuildCache? { parse([UInt8](data)) }

    /// The size of what precedes a file's closing SHA-256, when the file ends with the SHA-256 of it (the cache
    /// and its changes file do); nil otherwise.
    static func verifiedPayloadSize(_ file: [UInt8]) -> Int? {
        let digestSize = SHA256.byteCount
        guard file.count > digestSize else { return nil }
        let payloadSize = file.count - digestSize
        let matches = file.withUnsafeBytes { raw in
            Array(SHA256.hash(data: UnsafeRawBufferPointer(rebasing: raw[..<payloadSize]))) == Array(raw[payloadSize...])
        }
        return matches ? payloadSize : nil
    }

    static func parse(_ file: [UInt8]) -> BuildCache? {
        guard let payloadSize = verifiedPayloadSize(file) else { return nil }
        var reader = BinaryReader(file, range: 0..<payloadSize)
        guard reader.string() == magic, let inputs = reader.optionalString(), let count = reader.int(), count >= 0,
              count <= payloadSize else { return nil }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for _ in 0..<count {
            guard let range = reader.skipBytes() else { return nil }
            ranges.append(range)
        }
        guard reader.isAtEnd else { return nil }
        let source = EncodedBytes(file)
        guard let decoded = try? FileSystem.concurrently(ranges, { range -> Entry? in
            var entryReader = BinaryReader(source.bytes, range: range)
            guard let entry = entry(from: &entryReader, span: EncodedSpan(source: source, range: range)),
                  entryReader.isAtEnd else { return nil }
            return entry
        }) else { return nil }
        var entries: [String: Entry] = [:]
        var paths: [String] = []
        entries.reserveCapacity(count)
        paths.reserveCapacity(count)
        for entry in decoded {
            guard let entry else { return nil }
            entries[entry.section.path] = entry
            paths.append(entry.section.path)
        }
        var cache = BuildCache(entries: entries)
        cache.inputs = inputs
        cache.sortedPaths = paths
        cache.base = Base(source: source, paths: paths, checksum: Array(file[payloadSize...]))
        return cache
    }

    /// A count, then each key with its line and column. With `path` nil, only read over (an empty dictionary
    /// when they are sound).
    static func keyLocations(from reader: inout BinaryReader, path: String?) -> [String: SourceLocation]? {
        guard let count = reader.int(), count >= 0 else { return nil }
        var locations: [String: SourceLocation] = [:]
        if path != nil { locations.reserveCapacity(min(count, 64)) }
        for _ in 0..<count {
            if let path {
                guard let key = reader.string(), let line = reader.int(), let column = reader.int() else { return nil }
                locations[key] = SourceLocation(path: path, line: line, column: column)
            } else {
                guard reader.skipBytes() != nil, reader.int() != nil, reader.int() != nil else { return nil }
            }
        }
        return locations
    }

    static func entry(from reader: inout BinaryReader, span: EncodedSpan) -> Entry? {
        guard let fileName = reader.string(), let path = reader.string(), let title = reader.string(),
              let order = reader.int(), let summary = reader.optionalString(), let slug = reader.string(),
              let bodyDigest = reader.string(), let stampCount = reader.int(), stampCount == 0 || stampCount == 7
        else { return nil }
        var stampNumbers: [Int64] = []
        stampNumbers.reserveCapacity(stampCount)
        for _ in 0..<stampCount {
            guard let number = reader.int() else { return nil }
            stampNumbers.append(Int64(number))
        }
        // The key locations are skipped over here and decoded when asked (Section.KeyLocations).
        guard let firstLine = reader.int() else { return nil }
        let locationsStart = reader.offset
        guard keyLocations(from: &reader, path: nil) != nil else { return nil }
        let locations = Section.KeyLocations(
            encoded: EncodedSpan(source: span.source, range: locationsStart..<reader.offset), path: path)
        guard let warningCount = reader.int(), warningCount >= 0 else { return nil }
        var warnings: [Diagnostic] = []
        for _ in 0..<warningCount {
            guard let file = reader.string(), let line = reader.int(), let column = reader.int(),
                  let vi = reader.string(), let en = reader.string() else { return nil }
            warnings.append(Diagnostic(path: file, line: line, column: column, severity: .warning, vi, en: en))
        }
        guard let dependencies = reader.strings(), let recipe = reader.digest(), let outputDigest = reader.digest()
        else { return nil }
        // The anchors are read over here and decoded when a link points into the page (Entry.anchors).
        let anchorsStart = reader.offset
        guard let anchorCount = reader.int(), anchorCount >= 0 else { return nil }
        for _ in 0..<anchorCount where reader.skipBytes() == nil { return nil }
        let anchorsRange = anchorsStart..<reader.offset
        guard let searchTextDigest = reader.digest(), let linkCount = reader.int(), linkCount >= 0 else { return nil }
        var links: [RenderedMarkdown.FragmentLink] = []
        for _ in 0..<linkCount {
            guard let fileName = reader.optionalString(), let fragment = reader.string(), let line = reader.int(),
                  let column = reader.int() else { return nil }
            links.append(.init(fileName: fileName, fragment: fragment,
                               location: SourceLocation(path: path, line: line, column: column)))
        }
        let section = Section(fileName: fileName, path: path, title: title, order: order, summary: summary,
                              slug: slug, body: nil, bodyDigest: bodyDigest, stamp: FileStamp(numbers: stampNumbers),
                              bodyFirstLine: firstLine, locations: locations)
        return Entry(section: section, warnings: warnings, dependencies: dependencies, recipe: recipe,
                     outputDigest: outputDigest, fragmentLinks: links, searchTextDigest: searchTextDigest,
                     encoded: span, anchorsRange: anchorsRange)
    }
}
