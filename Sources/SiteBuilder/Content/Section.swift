import Foundation
import Yams

/// One Markdown section of the report (`Content/sections/*.md`).
///
/// Its values are kept in one shared box (copy on write; see Section+Storage.swift): a build passes ten thousand
/// sections through many steps, and a copy is then one reference count instead of one per text.
public struct Section: Sendable, Hashable {
    /// File name, e.g. `02-muc-dich-yeu-cau.md`; other sections link to it by this name.
    public var fileName: String {
        get { storage.values.fileName }
        set { unique().values.fileName = newValue }
    }
    /// Path relative to the project root, for diagnostics.
    public var path: String {
        get { storage.values.path }
        set { unique().values.path = newValue }
    }
    public var title: String {
        get { storage.values.title }
        set { unique().values.title = newValue }
    }
    public var order: Int {
        get { storage.values.order }
        set { unique().values.order = newValue }
    }
    public var summary: String? {
        get { storage.values.summary }
        set { unique().values.summary = newValue }
    }
    /// URL slug: the page is written to `Output/<slug>/index.html`.
    public var slug: String {
        get { storage.values.slug }
        set { unique().values.slug = newValue }
    }
    /// Markdown body after the front matter; nil when the section came from the build cache unread (the page
    /// builder reads it if the page must be rendered again).
    public var body: String? {
        get { storage.values.body.map { String(decoding: $0, as: UTF8.self) } }
        set { unique().values.body = newValue.map { ArraySlice($0.utf8) } }
    }
    /// The body's UTF-8 bytes, as read from the file (what the page builder renders and the digest is made of).
    var bodyBytes: ArraySlice<UInt8>? {
        get { storage.values.body }
        set { unique().values.body = newValue }
    }
    /// SHA-256 of the body.
    public var bodyDigest: String {
        get { storage.values.bodyDigest }
        set { unique().values.bodyDigest = newValue }
    }
    /// The file's stamp when it was read (see FileStamp), or nil for a symbolic link (never cached).
    var stamp: FileStamp? {
        get { storage.values.stamp }
        set { unique().values.stamp = newValue }
    }
    /// Line of the body's first line in the file, so Markdown positions map back to the file.
    public var bodyFirstLine: Int {
        get { storage.values.bodyFirstLine }
        set { unique().values.bodyFirstLine = newValue }
    }
    /// Where each front-matter key stands, for diagnostics about duplicates.
    public var keyLocations: [String: SourceLocation] {
        get { storage.values.keyLocations.dictionary }
        set { unique().values.keyLocations = KeyLocations(newValue) }
    }

    private var storage: Storage

    init(fileName: String, path: String, title: String, order: Int, summary: String?, slug: String,
         body: ArraySlice<UInt8>?, bodyDigest: String, stamp: FileStamp?, bodyFirstLine: Int,
         keyLocations: [String: SourceLocation]) {
        self.init(fileName: fileName, path: path, title: title, order: order, summary: summary, slug: slug,
                  body: body, bodyDigest: bodyDigest, stamp: stamp, bodyFirstLine: bodyFirstLine,
                  locations: KeyLocations(keyLocations))
    }

    init(fileName: String, path: String, title: String, order: Int, summary: String?, slug: String,
         body: ArraySlice<UInt8>?, bodyDigest: String, stamp: FileStamp?, bodyFirstLine: Int,
         locations: KeyLocations) {
        storage = Storage(Values(fileName: fileName, path: path, title: title, order: order, summary: summary,
                                 slug: slug, body: body, bodyDigest: bodyDigest, stamp: stamp,
                                 bodyFirstLine: bodyFirstLine, keyLocations: locations))
    }

    /// The box, copied first when another section shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.values) }
        return storage
    }

    public static func == (lhs: Section, rhs: Section) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.values == rhs.storage.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.values)
    }

    static let keys = ["title", "order", "summary", "slug"]

    /// Reads the body of a section that came from the cache without it.
    func loadingBody(from folder: ProjectFolder) throws(BuildFailure) -> Section {
        guard bodyBytes == nil else { return self }
        let file = try folder.read(folder.root.appendingPathComponent(path))
        var loaded = self
        loaded.bodyBytes = try FrontMatter.split(file).body
        return loaded
    }

    /// Reads a section. An English section (`sections/en/`) needs only `title`: its place and address are the
    /// Vietnamese section's, so `order` and `slug` there are ignored with a warning.
    static func load(_ file: SourceFile, fileName: String, english: Bool = false, log: inout DiagnosticLog) -> Section? {
        load(Array(file.text.utf8), path: file.path, fileName: fileName, english: english, log: &log)
    }

    /// The same, from a file's checked bytes (SourceFile.checked): the body stays the file's bytes.
    static func load(_ bytes: [UInt8], path: String, fileName: String, english: Bool = false,
                     log: inout DiagnosticLog) -> Section? {
        let split: FrontMatter
        do {
            split = try FrontMatter.split(bytes, path: path)
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
        if let simple = loadSimple(split, path: path, fileName: fileName, english: english) { return simple }
        return loadWithYAML(split, path: path, fileName: fileName, english: english, log: &log)
    }

    /// `load` with Yams reading the front matter (and every diagnostic at its place).
    static func loadWithYAML(_ split: FrontMatter, path: String, fileName: String, english: Bool,
                             log: inout DiagnosticLog) -> Section? {
        let reader = YAMLReader(path: path, lineOffset: 1)
        let what = Message(vi: "phần khai báo đầu tệp", en: "the front matter")
        do {
            guard let node = try reader.parse(split.yaml) else {
                log.error("phần khai báo đầu tệp đang trống; cần có 'title' và 'order'",
                          en: "the front matter is empty; it needs 'title' and 'order'",
                          at: SourceLocation(path: path, line: 1, column: 1))
                return nil
            }
            let object = try YAMLObject(node, reader: reader, what: what)
            object.checkUnknownKeys(allowed: keys, what: what, severity: .warning, log: &log)
            let title = object.requiredString("title", what: what, log: &log)
            if english {
                for key in ["order", "slug"] where object.value(key) != nil {
                    log.warning("bản tiếng Anh lấy '\(key)' của bản tiếng Việt cùng tên tệp; '\(key)' ở đây bị bỏ qua",
                                en: "an English section takes '\(key)' from the Vietnamese file of the same name; "
                                    + "'\(key)' here is ignored", at: object.location(of: key))
                }
            }
            let order = english ? 0 : object.requiredInt("order", what: what, log: &log)
            let summary = object.optionalString("summary", log: &log)
            var slug = english ? "en" : object.optionalString("slug", log: &log)
            if let given = slug, Slug.make(given) != given {
                log.error("'slug' chỉ gồm chữ thường a–z không dấu, chữ số và dấu gạch ngang, ví dụ '\(Slug.make(given))'",
                          en: "'slug' must be lowercase letters a–z, digits and dashes, e.g. '\(Slug.make(given))'",
                          at: object.location(of: "slug"))
                slug = nil
            }
            guard let title, let order else { return nil }
            let finalSlug = slug ?? Slug.make(title)
            if finalSlug.isEmpty {
                log.error("tiêu đề này không tạo được đường dẫn (slug); hãy thêm khóa 'slug:'",
                          en: "the title gives an empty slug; add a 'slug:' key", at: object.location(of: "title"))
                return nil
            }
            return Section(fileName: fileName, path: path, title: title, order: order, summary: summary,
                           slug: finalSlug, body: split.body, bodyDigest: StableHasher.digest(split.body),
                           stamp: nil, bodyFirstLine: split.bodyFirstLine,
                           keyLocations: Dictionary(uniqueKeysWithValues: keys.map { ($0, object.location(of: $0)) }))
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
    }
}
