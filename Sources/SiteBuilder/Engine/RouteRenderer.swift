/// Turns one route into one file. A page whose fingerprint equals the previous build's is not rendered again:
/// its bytes are the previous bytes, by construction, because the fingerprint covers everything the templates
/// can read (the view models) and the templates themselves.
struct RouteRenderer: Sendable {
    let model: SiteModel
    let previous: Manifest?

    /// Bump when the meaning of a fingerprint changes (e.g. a new version of the template engine).
    static let fingerprintVersion = "tiendo-page-1"

    func render(_ route: Route) -> (file: OutputFile?, diagnostics: [Diagnostic]) {
        let path = route.outputPath
        guard let template = route.template else {
            return (Exports(model: model).data(for: route).map { OutputFile(path: path, data: $0) }, [])
        }
        guard let draft = PageBuilder(model: model).draft(for: route) else { return (nil, []) }
        var layout = PageFrame(model: model).layout(for: draft)
        let theme = model.theme
        var hasher = StableHasher()
        hasher.combine(Self.fingerprintVersion)
        hasher.combine(template)
        hasher.combine(theme.templateDigests[template] ?? "")
        hasher.combine(theme.templateDigests["layout"] ?? "")
        draft.body.fingerprint(into: &hasher)
        layout.fingerprint(into: &hasher)
        let fingerprint = hasher.finalize()
        if let entry = previous?.entries[path], entry.fingerprint == fingerprint {
            return (OutputFile(path: path, reusing: entry), draft.diagnostics)
        }
        layout.content = theme.render(draft.body, template: template)
        let html = theme.render(layout, template: "layout")
        return (OutputFile(path: path, data: Data(html.utf8), fingerprint: fingerprint), draft.diagnostics)
    }
}

import Foundation
