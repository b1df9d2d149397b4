import Yams

/// The English text of one thing (the site, an indicator, a task, the categories), read from its `en:` block.
/// Keys are checked like the file's own keys: an unknown one is an error that names the nearest allowed key.
public struct Translation: Sendable, Hashable {
    /// Text by key; a nested mapping's keys are joined with a dot (`plan.title`, `groups.thu-vien`).
    public var texts: [String: String]
    /// Lists of text by key (`footnotes`).
    public var lists: [String: [String]]
    /// Where the block starts, for messages.
    public var location: SourceLocation

    public subscript(key: String) -> String? { texts[key] }

    /// What an `en:` block may hold: plain keys, keys whose value is a list, and keys whose value is a mapping of
    /// free keys to text (`groups:` in categories.yaml) or of the listed keys (`plan:` in site.yaml).
    struct Shape {
        var texts: [String]
        var lists: [String] = []
        var freeMappings: [String] = []
        var mappings: [String: [String]] = [:]
    }

    /// Reads `object`'s `en:` block, or nil (and no error) when there is none.
    static func load(from object: YAMLObject, shape: Shape, log: inout DiagnosticLog) -> Translation? {
        guard let node = object.value("en") else { return nil }
        let what = Message(vi: "khối 'en:' (bản tiếng Anh)", en: "the 'en:' block (English text)")
        let block: YAMLObject
        do {
            block = try YAMLObject(node, reader: object.reader, what: what)
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
        let allowed = shape.texts + shape.lists + shape.freeMappings + Array(shape.mappings.keys).sorted()
        block.checkUnknownKeys(allowed: allowed, what: what, log: &log)
        var translation = Translation(texts: [:], lists: [:], location: block.location)
        for key in shape.texts {
            if let text = block.optionalString(key, log: &log) { translation.texts[key] = text }
        }
        for key in shape.lists where block.value(key) != nil {
            translation.lists[key] = block.stringList(key, log: &log)
        }
        for key in shape.freeMappings + Array(shape.mappings.keys).sorted() {
            guard let inner = block.value(key) else { continue }
            do {
                let mapping = try YAMLObject(inner, reader: object.reader, what: Message(vi: "'en: \(key)'",
                                                                                          en: "'en: \(key)'"))
                if let keys = shape.mappings[key] {
                    mapping.checkUnknownKeys(allowed: keys, what: Message(vi: "'en: \(key)'", en: "'en: \(key)'"),
                                             log: &log)
                }
                for entry in mapping.entries where shape.mappings[key]?.contains(entry.key) ?? true {
                    if let text = mapping.string(entry.value, key: entry.key, log: &log) {
                        translation.texts[key + "." + entry.key] = text
                    }
                }
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        return translation
    }

    /// Reads the `en:` block and requires `title` in it.
    static func loadTitled(from object: YAMLObject, shape: Shape, log: inout DiagnosticLog) -> Translation? {
        let before = log.errors.count
        guard let translation = load(from: object, shape: shape, log: &log) else { return nil }
        if translation["title"] == nil, log.errors.count == before {
            log.error("khối 'en:' cần 'title' (tên tiếng Anh)", en: "the 'en:' block needs a 'title' (the English name)",
                      at: translation.location)
        }
        return translation
    }
}
