/// The main sections an English edition has no text for, by file name: looked up in the main model's own index,
/// not copied into a dictionary of their own (ten thousand entries on every build, of which English pages ask for
/// a few).
struct UntranslatedSections: Sendable {
    /// The main (Vietnamese) model; nil in a model that is not an English edition.
    private let main: SiteModel?
    /// The file names of the sections the English edition has.
    private let translated: Set<String>

    static let none = UntranslatedSections(main: nil, translated: [])

    init(main: SiteModel?, translated: Set<String>) {
        self.main = main
        self.translated = translated
    }

    /// The slug of the untranslated section whose file is `fileName`.
    subscript(fileName: String) -> String? {
        guard let main, !translated.contains(fileName), let (_, section) = main.section(fileName: fileName) else {
            return nil
        }
        return section.slug
    }

    /// The file name of the untranslated section published at `slug/`.
    func fileName(slug: String) -> String? {
        guard let main, let index = main.sectionIndex(slug: slug) else { return nil }
        let fileName = main.content.sections[index].fileName
        return translated.contains(fileName) ? nil : fileName
    }
}
