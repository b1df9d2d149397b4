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

    /// One entry of the index, as written: address, title, kind, text.
    struct Entry {
        var url: String
        var title: String
        var kind: String
        var body: String
    }

    /// A section's text for the index: its digest always, the text itself when the page was built now.
    struct SectionText {
        var digest: DigestValue
        var text: String?
    }

    /// The index file: rebuilt only when an entry changed (its fingerprint is a hash of every entry, with each
    /// section's text by its digest), so a data change that touches no text reuses the published file unread and
    /// never needs the texts of sections that were not built. `fill` gives the texts of sections built without
    /// one, by file name. Returns the file and, when it was rebuilt, every section's text by file name.
    /// `digests` are the sections' text digests in the model's order (so that the fingerprint looks nothing up);
    /// `sections` gives them with the texts by file name, asked only when the index is made again.
    /// `orderedTexts`: every section's text in the model's order, when the caller has them all (a clean build):
    /// the index is then made from them, and the texts it returns are empty.
    func file(path: String, digests: [DigestValue], sections: () -> [String: SectionText], previous: Manifest?,
              orderedTexts: [String]? = nil, fill: ([String]) -> [String: String])
        -> (OutputFile, [String: String]?) {
        var hasher = StableHasher()
        hasher.combine(RouteRenderer.fingerprintVersion)
        hasher.combine("search-index 4")
        hasher.combine(Self.textLimit)
        // Each section by its text's digest (what `entries` makes from these values, without making it); the
        // word for their kind is the same for all of them.
        hasher.combine(model.text[.searchKindSection])
        for (index, section) in model.content.sections.enumerated() {
            hasher.combine(section.slug)
            hasher.combine(section.title)
            if let summary = section.summary { hasher.tag(1); hasher.combine(summary) } else { hasher.tag(0) }
            hasher.combine(index < digests.count ? digests[index] : .missing)
        }
        for entry in otherEntries() {
            for field in [entry.url, entry.title, entry.kind, entry.body] { hasher.combine(field) }
        }
        let fingerprint = hasher.finalizeDigest()
        if let published = previous?.entries[path], published.fingerprint == fingerprint {
            return (OutputFile(path: path, reusing: published), nil)
        }
        if let orderedTexts, orderedTexts.count == model.content.sections.count {
            let made = Self.bytes(entries(orderedTexts: orderedTexts))
            return (OutputFile(path: path, bytes: made, fingerprint: fingerprint), [:])
        }
        let sections = sections()
        var texts = sections.compactMapValues(\.text)
        let missing = sections.keys.filter { texts[$0] == nil }.sorted()
        if !missing.isEmpty { texts.merge(fill(missing)) { known, _ in known } }
        return (OutputFile(path: path, bytes: Self.bytes(entries(sectionTexts: texts)), fingerprint: fingerprint), texts)
    }

    func entries(sectionTexts: [String: String]) -> [Entry] {
        entries(orderedTexts: model.content.sections.map { sectionTexts[$0.fileName] ?? "" })
    }

    /// The entries, from every section's text in the model's order.
    func entries(orderedTexts: [String]) -> [Entry] {
        let kind = model.text[.searchKindSection]
        var entries: [Entry] = []
        entries.reserveCapacity(model.content.sections.count + model.indicators.count + model.content.tasks.count
                                    + model.content.tables.count)
        for (section, body) in zip(model.content.sections, orderedTexts) {
            entries.append(Entry(url: Route.section(slug: section.slug).path, title: section.title, kind: kind,
                                 body: section.summary.map { $0 + " " + body } ?? body))
        }
        return entries + otherEntries()
    }

    /// The entries after the sections': indicators, tasks, data files.
    private func otherEntries() -> [Entry] {
        let text = model.text
        var entries: [Entry] = []
        for computed in model.indicators {
            let definition = computed.definition
            let body = [computed.file.shortTitle, computed.file.description ?? "", computed.file.planText ?? "",
                        model.content.categories.name(ofGroup: definition.group), computed.file.agency,
                        computed.file.source].filter { !$0.isEmpty }.joined(separator: " ")
            entries.append(Entry(url: Route.indicator(id: definition.id).path,
                                 title: "\(definition.id): \(definition.title)", kind: text[.searchKindIndicator],
                                 body: body))
        }
        for task in model.content.tasks {
            entries.append(Entry(url: Route.tasks.path, title: "\(task.id): \(task.title)", kind: text[.searchKindTask],
                                 body: ([task.lead] + task.partners + [task.progress ?? ""]).joined(separator: " ")))
        }
        for table in model.content.tables {
            entries.append(Entry(url: model.sharedPrefix + Route.rawTable(name: table.downloadName).path,
                                 title: table.downloadName, kind: text[.searchKindData],
                                 body: table.header.joined(separator: " ")))
        }
        return entries
    }

    /// Compact JSON, one entry a line. The index is made once every page is rendered, and the build waits for it:
    /// the second half of a large index is quoted on another thread into a buffer of its own while this one quotes
    /// the first half into the index's buffer, then copied after it. (Made on one core, it took 35 ms of a clean
    /// build of 10,000 sections, the other core idle. Runs made on every core, joined into a new buffer, took
    /// 11 MB of fresh memory more, which cost more than the quoting: the kernel clears each new page.)
    static func bytes(_ entries: [Entry]) -> [UInt8] {
        let half = entries.count >= 2_000 ? entries.count / 2 : entries.count
        let rest = half == entries.count ? nil : Background { [entries] () -> [UInt8] in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(room(entries[half...]))
            append(entries[half...], first: false, to: &bytes)
            return bytes
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(room(entries[...]) + 16)
        bytes += Array("[\n".utf8)
        append(entries[..<half], first: true, to: &bytes)
        if let rest { bytes += rest.value }
        bytes += Array("\n]\n".utf8)
        return bytes
    }

    /// Room for the entries as they are when nothing needs escaping, and a little more.
    private static func room(_ entries: ArraySlice<Entry>) -> Int {
        let plain = entries.reduce(0) { sum, entry in
            sum + entry.kind.utf8.count + entry.title.utf8.count + entry.url.utf8.count
                + min(entry.body.utf8.count, textLimit * 4) + 32
        }
        return plain + plain / 64
    }

    /// The entries, each `{...}` after `,\n` (the first of the index without it).
    private static func append(_ entries: ArraySlice<Entry>, first: Bool, to bytes: inout [UInt8]) {
        for (index, entry) in zip(entries.indices, entries) {
            bytes += first && index == entries.startIndex ? [0x7B] : [0x2C, 0x0A, 0x7B]
            for (key, value) in [("k", entry.kind), ("t", entry.title), ("u", entry.url)] {
                bytes += [0x22, key.utf8.first ?? 0x78, 0x22, 0x3A]
                JSONValue.appendQuoted(value, to: &bytes)
                bytes.append(0x2C)
            }
            bytes += Array("\"x\":".utf8)
            JSONValue.appendQuoted(entry.body, limit: textLimit, to: &bytes)
            bytes.append(0x7D)
        }
    }
}
