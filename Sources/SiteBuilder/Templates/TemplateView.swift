import Mustache

/// A view model a template renders. One table of fields gives Mustache its fast path (`MustacheParent`, no
/// `Mirror`), the template-key check its schema (derived from the type, once per theme) and the page its
/// fingerprint (a stable hash of exactly the values a template can read).
protocol TemplateView: MustacheParent, Sendable {
    static var fields: ViewFields<Self> { get }
    /// Requirements (with the default implementations below) so that a call through `any TemplateView` reaches
    /// code compiled for the concrete type, not generic code that looks up its types at run time.
    /// A field's typed value by name number (FieldName.id).
    func lookup(_ name: Int) -> TemplateValue?
    func fingerprint(into hasher: inout StableHasher)
}

extension TemplateView {
    func child(named name: String) -> Any? {
        Self.fields.byName[name]?.value(self)
    }

    /// A field's typed value, for the compiled templates; nil for a name the view does not have or a nil value.
    func lookup(_ name: Int) -> TemplateValue? {
        Self.fields.typed[name]?(self)
    }

    static var schema: ViewSchema { fields.schema }

    /// Feeds the type's field names (once, as the digest of one signature) and every field's value, in name
    /// order, into `hasher`.
    func fingerprint(into hasher: inout StableHasher) {
        let fields = Self.fields
        hasher.combine(signatureKey: fields.signatureKey)
        for field in fields.ordered { field.hash(self, &hasher) }
    }
}

/// The fields of one view type, by name.
struct ViewFields<View>: Sendable {
    let byName: [String: ViewField<View>]
    /// Each field's typed value by name number (FieldName), for the compiled templates.
    let typed: FieldTable<@Sendable (View) -> TemplateValue?>
    let ordered: [ViewField<View>]
    let schema: ViewSchema
    /// The field names in order, joined: what a fingerprint takes for the type (each value is length-prefixed
    /// or tagged, so the names need not be repeated before each value).
    let signature: String
    /// The signature's SHA-256, its first 16 bytes: what a fingerprint actually takes (a page hashes a dozen
    /// views, and their names were a third of the bytes hashed).
    let signatureKey: StableHasher.Key

    init(_ fields: [ViewField<View>]) {
        ordered = fields.sorted { $0.name < $1.name }
        signature = ordered.map(\.name).joined(separator: ",")
        signatureKey = StableHasher.Key(signature)
        byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        typed = FieldTable(fields.map { (FieldName($0.name), $0.typed) })
        schema = .object(byName.mapValues(\.schema))
    }
}

/// One field: its name, what a template sees, its shape and how it is hashed.
struct ViewField<View>: Sendable {
    let name: String
    let schema: ViewSchema
    let value: @Sendable (View) -> Any?
    let hash: @Sendable (View, inout StableHasher) -> Void
    /// The same value, typed, for the compiled templates (see CompiledTemplate): no dynamic cast on the way.
    let typed: @Sendable (View) -> TemplateValue?

    /// The same field of a view that `get` reads from another.
    func reading<Outer>(through get: @escaping @Sendable (Outer) -> View) -> ViewField<Outer> {
        let (value, hash, typed) = (value, hash, typed)
        return ViewField<Outer>(name: name, schema: schema, value: { value(get($0)) },
                                hash: { outer, hasher in hash(get(outer), &hasher) }, typed: { typed(get($0)) })
    }

    static func text(_ name: String, _ get: @escaping @Sendable (View) -> String) -> Self {
        Self(name: name, schema: .scalar, value: { get($0) }, hash: { view, hasher in hasher.combine(get(view)) },
             typed: { .text(get($0)) })
    }

    static func optionalText(_ name: String, _ get: @escaping @Sendable (View) -> String?) -> Self {
        Self(name: name, schema: .scalar, value: { get($0) }, hash: { view, hasher in
            if let text = get(view) { hasher.tag(1); hasher.combine(text) } else { hasher.tag(0) }
        }, typed: { get($0).map(TemplateValue.text) })
    }

    /// HTML (a rendered body): `{{{name}}}` copies its bytes, `{{name}}` escapes them like a text.
    static func html(_ name: String, _ get: @escaping @Sendable (View) -> HTML) -> Self {
        Self(name: name, schema: .scalar, value: { get($0).text }, hash: { view, hasher in
            hasher.combine(utf8: get(view).bytes)
        }, typed: { .html(get($0)) })
    }

    static func number(_ name: String, _ get: @escaping @Sendable (View) -> Int) -> Self {
        Self(name: name, schema: .scalar, value: { get($0) }, hash: { view, hasher in hasher.combine(get(view)) },
             typed: { .number(get($0)) })
    }

    static func flag(_ name: String, _ get: @escaping @Sendable (View) -> Bool) -> Self {
        Self(name: name, schema: .scalar, value: { get($0) }, hash: { view, hasher in hasher.combine(get(view)) },
             typed: { .flag(get($0)) })
    }

    static func textList(_ name: String, _ get: @escaping @Sendable (View) -> [String]) -> Self {
        Self(name: name, schema: .list(.scalar), value: { get($0) }, hash: { view, hasher in
            let list = get(view)
            hasher.combine(list.count)
            for text in list { hasher.combine(text) }
        }, typed: { .texts(get($0)) })
    }

    static func object<Child: TemplateView>(_ name: String, _ get: @escaping @Sendable (View) -> Child) -> Self {
        Self(name: name, schema: Child.schema, value: { get($0) }, hash: { view, hasher in
            get(view).fingerprint(into: &hasher)
        }, typed: { .object(get($0)) })
    }

    static func optionalObject<Child: TemplateView>(_ name: String,
                                                   _ get: @escaping @Sendable (View) -> Child?) -> Self {
        Self(name: name, schema: Child.schema, value: { get($0) }, hash: { view, hasher in
            if let child = get(view) { hasher.tag(1); child.fingerprint(into: &hasher) } else { hasher.tag(0) }
        }, typed: { get($0).map { TemplateValue.object($0) } })
    }

    static func list<Child: TemplateView>(_ name: String, _ get: @escaping @Sendable (View) -> [Child]) -> Self {
        Self(name: name, schema: .list(Child.schema), value: { get($0) }, hash: { view, hasher in
            let list = get(view)
            hasher.combine(list.count)
            for child in list { child.fingerprint(into: &hasher) }
        }, typed: { .objects(ViewList(get($0))) })
    }
}
