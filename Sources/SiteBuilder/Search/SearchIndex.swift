import Foundation

/// The search page's view: where its index is and where to go without JavaScript.
struct SearchPageView: TemplateView {
    var indexURL: String
    var contentsURL: String

    static let fields = ViewFields<Self>([.text("indexURL", \.indexURL), .text("contentsURL", \.contentsURL)])
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
        // Compact JSON, one entry a line: the index is downloaded by every search.
        var entries: [String] = []
        func entry(_ url: String, _ title: String, _ kind: String, _ body: String) {
            let fields = [("k", kind), ("t", title), ("u", url), ("x", String(body.prefix(Self.textLimit)))]
            entries.append("{" + fields.map { JSONValue.quote($0.0) + ":" + JSONValue.quote($0.1) }
                .joined(separator: ",") + "}")
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
            entry(Route.rawTable(name: table.downloadName).path, table.downloadName, text[.searchKindData],
                  table.header.joined(separator: " "))
        }
        return Data(("[\n" + entries.joined(separator: ",\n") + "\n]\n").utf8)
    }

    /// Rendered HTML as plain text: tags dropped, the few entities cmark writes decoded, spaces collapsed.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
                text.append(" ")
                continue
            }
            if character == ">" {
                inTag = false
                continue
            }
            if !inTag { text.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
