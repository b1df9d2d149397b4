import FlyingFox
import Foundation
public import SiteBuilder

/// `tiendo serve`: builds the site in memory, serves it over HTTP, watches Content/ and Templates/ and rebuilds
/// within a second of a save, pushing a reload to open pages. It never writes the output folder.
public struct PreviewServer: Sendable {
    public var paths: BuildPaths
    public var host: String
    public var port: UInt16
    /// The language of the lines `run` reports (errors keep the form `path:line:column: error:`).
    public var language: Language

    public init(paths: BuildPaths, host: String, port: UInt16, language: Language = .vi) {
        self.paths = paths
        self.host = host
        self.port = port
        self.language = language
    }

    /// Runs until cancelled. `report` receives one line per event (the address, each rebuild, errors).
    public func run(report: @escaping @Sendable (String) -> Void) async throws {
        let site = PreviewSite(build: SiteBuild(paths: paths))
        let broadcaster = ReloadBroadcaster()
        // The files are stamped before the first build reads them, so an edit made while it builds (or before the
        // preview listens) is a change the watcher sees.
        let watcher = ChangeWatcher(folders: [paths.content.path, paths.templates.path])
        let initial = watcher.snapshot()
        let first = await site.rebuild()
        report(Self.describe(first, language))
        let address: sockaddr_in = try .inet(ip4: host, port: port)
        let server = HTTPServer(address: address, logger: .disabled,
                                handler: PreviewHandler(site: site, broadcaster: broadcaster))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await server.waitUntilListening()
            let actual = await Self.port(of: server) ?? port
            report(language == .vi ? "Xem trước tại http://\(host):\(actual)/ (Ctrl+C để dừng)"
                                   : "Previewing at http://\(host):\(actual)/ (Ctrl+C to stop)")
            group.addTask {
                var stamps = initial
                while let next = await watcher.nextChange(after: stamps) {
                    stamps = next
                    let outcome = await site.rebuild()
                    report(Self.describe(outcome, language))
                    await broadcaster.publish(await site.version)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    static func port(of server: HTTPServer) async -> UInt16? {
        guard case let .ip4(_, port)? = await server.listeningAddress else { return nil }
        return port
    }

    static func describe(_ outcome: PreviewSite.Outcome, _ language: Language = .vi) -> String {
        let lines = outcome.diagnostics.map { $0.formatted(language) }
        if outcome.succeeded {
            let (pages, rendered, milliseconds) = (outcome.pages, outcome.rendered, outcome.milliseconds)
            return (language == .vi ? "Đã dựng \(pages) trang (\(rendered) trang dựng lại) trong \(milliseconds) ms"
                                    : "Built \(pages) pages (\(rendered) rendered again) in \(milliseconds) ms")
                + lines.map { "\n" + $0 }.joined()
        }
        let errors = outcome.diagnostics.filter { $0.severity == .error }.count
        return lines.joined(separator: "\n") + (language == .vi ? "\n\(errors) lỗi: vẫn phục vụ bản dựng đúng gần nhất"
                                                                : "\n\(errors) errors: still serving the last good build")
    }
}
