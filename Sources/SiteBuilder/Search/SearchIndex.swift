import Foundation

/// The search page's view: where its index is and where to go without JavaScript.
struct SearchPageView: TemplateView {
    var indexURL: String
    var contentsURL: String
    var scriptURL: String

    static let fields = ViewFields<Self>([.text("indexURL", \.indexURL), .text("contentsURL", \.contentsURL),
                                          .text("scriptURL", \.scriptURL)])
}

/// `tim-kiem/chi-muc.json`: one entry per section, indicator, task and data file, with its address (from the site
/// root), title, kind and plain text, which `assets/search.js` searches in the browser, ignoring case and
/// Vietnamese diacritics. Written after every page is rendered, from the sections' text (rendered now, or kept in
/// the build cache for sections that did not change), so it is rebuilt on every build, incrementally.
struct SearchIndex {
    /// Characters of a section's text kept in the index (the rest is found from its title and summary only).
    static let textLimit = 800

    let model: SiteModel

    /// - Parameter sectionTexts: each section's plain text, by file name.
    func data(sectionTexts: [String: String]) -> Data {
        let text = model.text
        // Compact JSON, one entry a line, written straight into one buffer: the index is downloaded by every search
        // and rebuilt on every build.
        var bytes: [UInt8] = Array("[\n".utf8)
        bytes.reserveCapacity((model.content.sections.count + model.indicators.count) * (Self.textLimit * 2 + 200))
        var first = true
        func entry(_ url: String, _ title: String, _ kind: String, _ body: String) {
            if !first { bytes += Array(",\n".utf8) }
            first = false
            bytes.append(0x7B)
            for (index, (key, value)) in [("k", kind), ("t", title), ("u", url), ("x", body)].enumerated() {
                if index > 0 { bytes.append(0x2C) }
                JSONValue.appendQuoted(key, to: &bytes)
                bytes.append(0x3A)
                JSONValue.appendQuoted(value, limit: key == "x" ? Self.textLimit : Int.max, to: &bytes)
            }
            bytes.append(0x7D)
        }
        for section in model.content.sections {
            entry(Route.section(slug: section.slug).path, section.title, text[.searchKindSection],
                  (section.summary.map { $0 + " " } ?? "") + (sectionTexts[section.fileName] ?? ""))
        }
        for computed in model.indicators {
            let definition = computed.definition
            let body = [computed.file.shortTitle, computed.file.description ?? "", computed.file.planText ?? "",
                        model.content.categories.name(ofGroup: definition.group), computed.file.agency,
                        computed.file.source].filter { !$0.isEmpty }.joined(separator: " ")
            entry(Route.indicator(id: definition.id).path, "\(definition.id): \(definition.title)",
                  text[.searchKindIndicator], body)
        }
        for task in model.content.tasks {
            entry(Route.tasks.path, "\(task.id): \(task.title)", text[.searchKindTask],
                  ([task.lead] + task.partners + [task.progress ?? ""]).joined(separator: " "))
        }
        for table in model.content.tables {
            let path = model.sharedPrefix + Route.rawTable(name: table.downloadName).path
            entry(path, table.downloadName, text[.searchKindData],
                  table.header.joined(separator: " "))
        }
        bytes += Array("\n]\n".utf8)
        return Data(bytes)
    }

    /// Rendered HTML as plain text, at most `limit` characters: tags dropped, the entities cmark writes decoded,
    /// runs of white space collapsed. One pass over the UTF-8 bytes that stops at the limit: it runs for every
    /// section on every render, so it must stay cheap.
    static func plainText(_ html: String, limit: Int = textLimit) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(html.utf8.count, limit * 3))
        var characters = 0
        var inTag = false
        var pendingSpace = false
        let source = Array(html.utf8)
        var index = 0
        let entities: [([UInt8], UInt8)] = [(Array("&lt;".utf8), 0x3C), (Array("&gt;".utf8), 0x3E),
                                            (Array("&quot;".utf8), 0x22), (Array("&#39;".utf8), 0x27),
                                            (Array("&amp;".utf8), 0x26)]
        while index < source.count {
            let byte = source[index]
            index += 1
            if inTag {
                if byte == 0x3E { inTag = false }
                continue
            }
            switch byte {
            case 0x3C:
                inTag = true
                pendingSpace = true
                continue
            case 0x20, 0x0A, 0x09, 0x0D:
                pendingSpace = true
                continue
            default:
                break
            }
            let isLead = byte & 0xC0 != 0x80
            if isLead {
                if characters >= limit { break }
                if pendingSpace && characters > 0 {
                    bytes.append(0x20)
                    characters += 1
                }
                pendingSpace = false
                characters += 1
            }
            if byte == 0x26, let (entity, character) = entities.first(where: { entity in
                source.count - index + 1 >= entity.0.count && source[(index - 1)..<(index - 1 + entity.0.count)]
                    .elementsEqual(entity.0)
            }) {
                bytes.append(character)
                index += entity.count - 1
                continue
            }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
