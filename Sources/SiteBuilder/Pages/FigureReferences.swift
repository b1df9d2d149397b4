import Foundation

/// Resolves what a section's Markdown refers to: links to other sections by file name, and inline figures.
struct FigureReferences {
    let model: SiteModel
    /// The folder of the page the Markdown is rendered on.
    let page: String

    func resolve(_ reference: MarkdownReference) -> MarkdownResolution {
        switch reference {
        case let .sectionLink(fileName, fragment):
            guard let url = model.sectionURL(fileName: fileName, from: page) else {
                let shown = CleanText.excerpt(fileName)
                return .failure(Message(vi: "liên kết tới một phần không tồn tại: '\(shown)'",
                                        en: "link to a section that does not exist: '\(shown)'")
                    + Suggestion.didYouMean(fileName, in: model.content.sections.map(\.fileName)))
            }
            return .url(url + (fragment.map { "#" + $0 } ?? ""))
        case .figure(let text):
            return figure(text)
        }
    }

    /// `ID` latest value, `ID@YEAR` value in a year, `ID:nam` latest year, `ID:trang-thai` status,
    /// `ID:muc-tieu-YEAR` the target for a year.
    private func figure(_ text: String) -> MarkdownResolution {
        let separators: Set<Character> = ["@", ":"]
        let idPart = String(text.prefix { !separators.contains($0) })
        let rest = text.dropFirst(idPart.count)
        guard let computed = model.indicator(idPart) else {
            if let message = model.untranslatedIndicatorMessage(idPart) { return .failure(message) }
            return .failure(Message(vi: "không có chỉ tiêu '\(idPart)' trong `{\(text)}`",
                                    en: "unknown indicator '\(idPart)' in `{\(text)}`")
                + Suggestion.didYouMean(idPart, in: model.indicators.map(\.definition.id)))
        }
        let definition = computed.definition
        let strings = model.text
        let url = Route.indicator(id: definition.id).url(from: page)
        let title = "\(definition.id): \(computed.file.shortTitle)"
        func inYear(_ year: Int) -> String { strings.format(.figureYear, ["title": title, "year": String(year)]) }
        if rest.isEmpty {
            guard let latest = computed.series.latest else {
                return .figure(text: strings[.figureNoData], url: url, title: title)
            }
            return .figure(text: ValueText.value(latest.value, definition: definition, model.text.numbers), url: url,
                           title: inYear(latest.year))
        }
        let key = String(rest.dropFirst())
        if rest.first == "@" {
            guard let year = Int(key) else {
                return .failure(Message(vi: "'\(key)' không phải là một năm trong `{\(text)}`",
                                        en: "'\(key)' is not a year in `{\(text)}`"))
            }
            guard computed.series.point(in: year) != nil else {
                return .failure(Message(vi: "\(definition.id) không có số liệu năm \(year) trong `{\(text)}`",
                                        en: "\(definition.id) has no year \(year) in `{\(text)}`"))
            }
            return .figure(text: ValueText.value(computed.series.value(in: year), definition: definition, strings.numbers),
                           url: url, title: inYear(year))
        }
        switch key {
        case "nam":
            return .figure(text: computed.series.latest.map { String($0.year) } ?? "–", url: url, title: title)
        case "trang-thai":
            return .figure(text: computed.current.map { StatusText.label($0.status, strings) } ?? "–", url: url,
                           title: title)
        default:
            if key.hasPrefix("muc-tieu-"), let year = Int(key.dropFirst("muc-tieu-".count)),
               let milestone = definition.milestones.first(where: { $0.year == year }) {
                let target = ValueText.target(milestone, definition: definition, strings,
                                              baseline: computed.baselineValue)
                return .figure(text: target, url: url, title: title)
            }
            return .failure(Message(vi: "không có số liệu '\(key)' trong `{\(text)}`; hãy dùng {ID}, {ID@2023}, {ID:nam}, "
                                        + "{ID:trang-thai} hoặc {ID:muc-tieu-2025}",
                                    en: "unknown figure '\(key)' in `{\(text)}`; use {ID}, {ID@2023}, {ID:nam}, "
                                        + "{ID:trang-thai} or {ID:muc-tieu-2025}"))
        }
    }
}
