/// Every route of a site, each output path claimed by exactly one owner. A second claim is an error that names
/// both sources, so nothing is ever silently published over something else.
struct RouteTable: Sendable {
    /// In a stable order: pages first (as listed below), then downloads, raw tables and assets.
    private(set) var routes: [Route] = []
    private var owners: [String: Owner] = [:]

    struct Owner: Sendable {
        var what: String
        var location: SourceLocation
    }

    static func make(content: SiteContent, indicators: [ComputedIndicator], theme: Theme,
                     log: inout DiagnosticLog) -> RouteTable {
        var table = RouteTable()
        let site = SourceLocation(path: "Tiendo")
        table.claim(.home, Owner(what: "the home page", location: site), log: &log)
        table.claim(.notFound, Owner(what: "the page for missing addresses", location: site), log: &log)
        for section in content.sections {
            let location = section.keyLocations["slug"].flatMap { $0.line > 0 ? $0 : nil }
                ?? section.keyLocations["title"] ?? SourceLocation(path: section.path, line: 1, column: 1)
            table.claim(.section(slug: section.slug), Owner(what: "section \(section.path)", location: location),
                        log: &log)
        }
        if !indicators.isEmpty {
            table.claim(.indicators, Owner(what: "the indicators page", location: site), log: &log)
            table.claim(.data, Owner(what: "the data page", location: site), log: &log)
            for group in content.categories.groups where indicators.contains(where: { $0.definition.group == group.code }) {
                table.claim(.group(code: group.code), Owner(what: "the group page of '\(group.code)'",
                                                            location: group.location), log: &log)
            }
            for computed in indicators {
                let id = computed.definition.id
                let location = computed.file.keyLocations["id"] ?? SourceLocation(path: computed.file.path)
                table.claim(.indicator(id: id), Owner(what: "id '\(id)'", location: location), log: &log)
                for format in [Route.DownloadFormat.csv, .districtCSV, .json] {
                    table.claim(.download(id: id, format: format),
                                Owner(what: "a download of '\(id)'", location: location), log: &log)
                }
            }
            table.claim(.combined(.csv), Owner(what: "the download of all indicators", location: site), log: &log)
            table.claim(.combined(.json), Owner(what: "the download of all indicators", location: site), log: &log)
            for raw in content.tables {
                let name = raw.path.split(separator: "/").last.map(String.init) ?? raw.path
                table.claim(.rawTable(name: name), Owner(what: "the copy of \(raw.path)",
                                                          location: SourceLocation(path: raw.path)), log: &log)
            }
        }
        for asset in theme.assets {
            table.claim(.asset(path: asset.path), Owner(what: "the asset \(asset.source)",
                                                        location: SourceLocation(path: asset.source)), log: &log)
        }
        return table
    }

    private mutating func claim(_ route: Route, _ owner: Owner, log: inout DiagnosticLog) {
        let path = route.outputPath
        if let first = owners[path] {
            let whereFirst = first.location.line > 0
                ? "\(first.location.path):\(first.location.line):\(max(first.location.column, 1))"
                : first.location.path
            let shown = route.template == nil ? path : route.path
            log.error("\(owner.what) would publish at \(shown), which is \(first.what) (\(whereFirst))",
                      at: owner.location)
            return
        }
        owners[path] = owner
        routes.append(route)
    }
}
