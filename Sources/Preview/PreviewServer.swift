import FlyingFox
import Foundation
public import SiteBuilder

/// `tiendo serve`: builds the site in memory, serves it over HTTP, watches Content/ and Templates/ and rebuilds
/// within a second of a save, pushing a reload to open pages. It never writes the output folder.
public struct PreviewServer: Sendable {
    public var paths: BuildPaths
    public var host: String
    public var port: UInt16

    public init(paths: BuildPaths, host: String, port: UInt16) {
        self.paths = paths
        self.host = host
        self.port = port
    }

    /// Runs until cancelled. `report` receives one line per event (the address, each rebuild, errors).
    public func run(report: @escaping @Sendable (String) -> Void) async throws {
        let site = PreviewSite(build: SiteBuild(paths: paths))
        let broadcaster = ReloadBroadcaster()
        let first = await site.rebuild()
        report(Self.describe(first))
        let address: sockaddr_in = try .inet(ip4: host, port: port)
        let server = HTTPServer(address: address, logger: .disabled,
                                handler: PreviewHandler(site: site, broadcaster: broadcaster))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await server.waitUntilListening()
            let actual = await Self.port(of: server) ?? port
            report("Xem trước tại http://\(host):\(actual)/ (Ctrl+C để dừng)")
            group.addTask {
                let watcher = ChangeWatcher(folders: [paths.content.path, paths.templates.path])
                var stamps = watcher.snapshot()
                while let next = await watcher.nextChange(after: stamps) {
                    stamps = next
                    let outcome = await site.rebuild()
                    report(Self.describe(outcome))
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

    static func describe(_ outcome: PreviewSite.Outcome) -> String {
        if outcome.succeeded {
            return "Đã dựng \(outcome.pages) trang (\(outcome.rendered) trang dựng lại) trong \(outcome.milliseconds) ms"
                + outcome.diagnostics.map { "\n" + $0.description }.joined()
        }
        let errors = outcome.diagnostics.filter { $0.severity == .error }.count
        return outcome.diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(errors) lỗi: vẫn phục vụ bản dựng đúng gần nhất"
    }
}
