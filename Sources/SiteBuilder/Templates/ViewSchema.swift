/// The shape of a view model, derived from its type's field table (see TemplateView): what the template-key
/// check compares a template's names against.
indirect enum ViewSchema: Sendable, Equatable {
    case object([String: ViewSchema])
    case list(ViewSchema)
    case scalar
    /// The theme's interface text: any key of the strings files.
    case interfaceText
    /// Nothing is known: any key is accepted.
    case unknown

    /// The schema of a template's top level: the view's fields and `text`, the interface text.
    var addingInterfaceText: ViewSchema {
        guard case .object(var fields) = self else { return self }
        if fields["text"] == nil { fields["text"] = .interfaceText }
        return .object(fields)
    }
}

/// Which view model each template of the theme is rendered with. Partials are checked through the templates
/// that include them.
enum TemplateSchemas {
    static let byTemplate: [String: ViewSchema] = [
        "layout": LayoutView.schema, "home": HomeView.schema, "section": SectionView.schema,
        "indicator": IndicatorView.schema, "group": GroupView.schema, "indicators": IndicatorsIndexView.schema,
        "data": DataView.schema, "not-found": NotFoundView.schema, "indicator-block": IndicatorView.schema,
        "group-summary": GroupView.schema, "tasks": TasksPageView.schema, "task-list": TaskListView.schema,
        "editions": EditionsPageView.schema, "changes": ChangesPageView.schema, "search": SearchPageView.schema,
    ]
}
