import Yams

/// `Content/categories.yaml`: the codes the data and definitions may use, with their Vietnamese names,
/// in the order pages list them.
public struct Categories: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var code: String
        public var name: String
        /// Where the code stands in categories.yaml, for errors that name it.
        public var location: SourceLocation
    }

    public var groups: [Entry]
    public var kinds: [Entry]
    public var levels: [Entry]
    public var districts: [Entry]
    /// English names (`en:` with `groups`, `kinds`, `levels`, `districts`), by `list.code`.
    public var english: Translation?

    static let keys = ["groups", "kinds", "levels", "districts"]
    static let englishShape = Translation.Shape(texts: [], freeMappings: ["groups", "kinds", "levels", "districts"])

    public func name(ofGroup code: String) -> String { groups.first { $0.code == code }?.name ?? code }
    public func name(ofKind code: String) -> String { kinds.first { $0.code == code }?.name ?? code }
    public func name(ofLevel code: String) -> String { levels.first { $0.code == code }?.name ?? code }
    public func name(ofDistrict code: String) -> String { districts.first { $0.code == code }?.name ?? code }

    static func load(_ file: SourceFile, log: inout DiagnosticLog) -> Categories? {
        let reader = YAMLReader(path: file.path)
        do {
            guard let node = try reader.parse(file.text) else {
                log.error("categories.yaml đang trống", en: "categories.yaml is empty",
                          at: SourceLocation(path: file.path, line: 1, column: 1))
                return nil
            }
            let what = Message(vi: "categories.yaml", en: "categories.yaml")
            let object = try YAMLObject(node, reader: reader, what: what)
            object.checkUnknownKeys(allowed: keys + ["en"], what: what, log: &log)
            let before = log.errors.count
            var lists: [String: [Entry]] = [:]
            for key in keys {
                guard let value = object.value(key) else {
                    log.error("thiếu khóa bắt buộc '\(key)' trong categories.yaml",
                              en: "missing required key '\(key)' in categories.yaml", at: object.location)
                    continue
                }
                let list = try YAMLObject(value, reader: reader, what: Message(vi: "'\(key)'", en: "'\(key)'"))
                var entries: [Entry] = []
                for entry in list.entries {
                    let location = reader.location(of: entry.keyNode)
                    if Slug.make(entry.key) != entry.key {
                        log.error("mã '\(entry.key)' chỉ gồm chữ thường a–z không dấu, chữ số và dấu gạch ngang",
                                  en: "code '\(entry.key)' must be lowercase letters a–z, digits and dashes", at: location)
                    }
                    guard let name = list.string(entry.value, key: entry.key, log: &log) else { continue }
                    entries.append(Entry(code: entry.key, name: name, location: location))
                }
                lists[key] = entries
            }
            let english = Translation.load(from: object, shape: englishShape, log: &log)
            for (key, _) in english?.texts ?? [:] {
                let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
                if parts.count == 2, !(lists[parts[0]] ?? []).contains(where: { $0.code == parts[1] }) {
                    log.error("khối 'en:' đặt tên cho mã '\(parts[1])', nhưng '\(parts[0])' không có mã này",
                              en: "the 'en:' block names code '\(parts[1])', which '\(parts[0])' does not have",
                              at: english?.location ?? object.location)
                }
            }
            guard log.errors.count == before else { return nil }
            return Categories(groups: lists["groups"] ?? [], kinds: lists["kinds"] ?? [],
                              levels: lists["levels"] ?? [], districts: lists["districts"] ?? [], english: english)
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
    }
}
