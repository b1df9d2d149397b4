import Indicators

/// The English edition's content: the same plan, data and figures, with the English text of everything that has
/// one. What has no English text is left out, never shown half-translated: a section without `sections/en/`, an
/// indicator without `en: title`, and the tasks unless every task has `en: title` and every section with tasks
/// has an English file. Names in categories.yaml
/// without an English name keep their Vietnamese name (they are mostly place names).
extension SiteContent {
    /// The English prefix of the output folder and of the site's address.
    static let englishPrefix = "en/"

    /// Nil when site.yaml has no `en:` block.
    func englishEdition() -> SiteContent? {
        guard let english = site.english else { return nil }
        var content = self
        content.site.language = "en"
        content.site.title = english["title"] ?? site.title
        content.site.description = english["description"] ?? ""
        content.site.publisher = english["publisher"] ?? site.publisher
        content.site.plan.title = english["plan.title"] ?? site.plan.title
        content.site.plan.documentType = english["plan.type"] ?? site.plan.documentType
        content.site.plan.issuer = english["plan.issuer"] ?? site.plan.issuer
        content.site.plan.signer = english["plan.signer"] ?? site.plan.signer
        content.site.plan.field = english["plan.field"] ?? site.plan.field
        content.site.baseURL += Self.englishPrefix
        content.site.english = nil
        content.sections = englishSections
        content.englishSections = []
        let translated = Set(englishSections.map(\.fileName))
        content.site.menu = site.menu.filter { translated.contains($0) }
        content.categories = categories.english.map(categories.translated) ?? categories
        content.indicators = indicators.compactMap { $0.englishVersion() }
        // The tasks page lists tasks under their sections: it is English only when every task and every section
        // that has tasks is.
        let tasksTranslated = tasks.allSatisfy { task in
            task.english != nil && (task.section.map(translated.contains) ?? true)
        }
        content.tasks = tasksTranslated ? tasks.map { $0.englishVersion() } : []
        content.revisions = []
        return content
    }
}

extension Categories {
    func translated(_ english: Translation) -> Categories {
        func names(_ list: [Entry], _ key: String) -> [Entry] {
            list.map { entry in
                var entry = entry
                entry.name = english["\(key).\(entry.code)"] ?? entry.name
                return entry
            }
        }
        return Categories(groups: names(groups, "groups"), kinds: names(kinds, "kinds"), levels: names(levels, "levels"),
                          districts: names(districts, "districts"))
    }
}

extension IndicatorFile {
    /// The definition with its English text; nil without `en: title`. A percentage keeps its `%`.
    func englishVersion() -> IndicatorFile? {
        guard let english, let title = english["title"] else { return nil }
        var file = self
        file.definition.title = title
        file.shortTitle = english["short_title"] ?? title
        if !definition.isPercentage, let unit = english["unit"] { file.definition.unit = unit }
        file.description = english["description"]
        file.planText = english["plan_text"]
        file.agency = english["agency"] ?? agency
        file.source = english["source"] ?? source
        file.footnotes = english.lists["footnotes"] ?? []
        file.english = nil
        return file
    }
}

extension PlanTask {
    func englishVersion() -> PlanTask {
        guard let english else { return self }
        var task = self
        task.title = english["title"] ?? title
        task.lead = english["lead"] ?? lead
        task.partners = english.lists["partners"] ?? partners
        task.progress = english["progress"]
        task.english = nil
        return task
    }
}

extension ComputedIndicator {
    /// The same figures under the English text of its definition; nil when it has no English title.
    func englishVersion() -> ComputedIndicator? {
        guard let file = file.englishVersion() else { return nil }
        var computed = self
        computed.file = file
        return computed
    }
}
