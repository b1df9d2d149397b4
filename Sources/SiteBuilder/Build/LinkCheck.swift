/// Checks every link to a place in a page (`02-yeu-cau.md#muc-dich`, `#muc-dich`) once every section page's ids
/// are known, whether the page was rendered now or reused from the cache: a link to a heading that is gone is an
/// error at the link, never a dead link on the published site.
struct LinkCheck {
    struct Page: Sendable {
        var fileName: String
        /// Ids on the page: headings, indicator and group blocks, the page's landmarks. For a page reused from the
        /// build cache, taken from its entry only when a link points into the page.
        var anchors: [String] { listed ?? cached?.anchors ?? [] }
        private var listed: [String]?
        private var cached: BuildCache.Entry?
        var links: [RenderedMarkdown.FragmentLink]

        init(fileName: String, anchors: [String], links: [RenderedMarkdown.FragmentLink]) {
            self.fileName = fileName
            listed = anchors
            self.links = links
        }

        init(fileName: String, cached entry: BuildCache.Entry) {
            self.fileName = fileName
            cached = entry
            links = entry.fragmentLinks
        }
    }

    var pages: [Page]

    func check(log: inout DiagnosticLog) {
        // Only the pages some link points into need their ids as a set; most pages are no link's target.
        let targets = Set(pages.flatMap { page in page.links.map { $0.fileName ?? page.fileName } })
        guard !targets.isEmpty else { return }
        let anchorsByFile = Dictionary(pages.filter { targets.contains($0.fileName) }.map {
            ($0.fileName, Set($0.anchors).union(Markdown.reservedIDs))
        }, uniquingKeysWith: { first, _ in first })
        for page in pages where !page.links.isEmpty {
            for link in page.links {
                // A link to a section that does not exist is reported where links are resolved.
                guard let anchors = anchorsByFile[link.fileName ?? page.fileName],
                      !anchors.contains(link.fragment) else { continue }
                let target = link.fileName ?? page.fileName
                let fragment = CleanText.excerpt(link.fragment)
                log.error(Message(vi: "liên kết tới '#\(fragment)': \(target) không có đề mục hay khối nào có mã "
                                      + "'\(fragment)'",
                                  en: "link to '#\(fragment)': \(target) has no heading or block with the id "
                                      + "'\(fragment)'")
                    + Suggestion.didYouMean(link.fragment, in: anchors), at: link.location)
            }
        }
    }
}
