import FlyingFox
import Foundation
import SiteBuilder

/// Answers the preview's requests from the in-memory site. Paths are looked up in the site's own list of files,
/// so nothing outside the site can be served, whatever the request spells (`..`, `%2e%2e`, `%2f`, NUL).
struct PreviewHandler: HTTPHandler {
    static let socketPath = "/__tiendo/reload"
    static let scriptPath = "/__tiendo/live.js"

    let site: PreviewSite
    let reload: WebSocketHTTPHandler

    init(site: PreviewSite, broadcaster: ReloadBroadcaster) {
        self.site = site
        reload = WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: ReloadSocket(broadcaster: broadcaster)))
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let rawPath = request.target.path(percentEncoded: true)
        if rawPath == Self.socketPath { return try await reload.handleRequest(request) }
        if rawPath == Self.scriptPath {
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                                body: Data(LiveReload.script.utf8))
        }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        guard await site.hasSite else {
            return try await respond("index.html", Data(LiveReload.noSiteYet.utf8))
        }
        guard let path = Self.sitePath(rawPath) else { return try await notFound() }
        if let data = await site.file(path) { return try await respond(path, data) }
        if !path.isEmpty, !path.hasSuffix("/"), await site.file(path + "/index.html") != nil {
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: rawPath + "/"])
        }
        return try await notFound()
    }

    /// The site file a request path names (`/` → `index.html`, `/muc-tieu/` → `muc-tieu/index.html`), or nil
    /// when it has a segment that could leave the site.
    static func sitePath(_ raw: String) -> String? {
        guard let decoded = raw.removingPercentEncoding, decoded.hasPrefix("/"),
              !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments.dropLast() where segment.isEmpty { return nil }
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        let path = segments.joined(separator: "/")
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    private func notFound() async throws -> HTTPResponse {
        let page = await site.file("404.html")
        var response = try await respond("404.html", page ?? Data("Không tìm thấy trang".utf8))
        response.statusCode = .notFound
        return response
    }

    private func respond(_ path: String, _ data: Data) async throws -> HTTPResponse {
        let type = Self.contentType(of: path)
        var body = data
        if type.hasPrefix("text/html") {
            body = LiveReload.inject(into: data, errors: await site.errors)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "csv": "text/csv; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "ico": "image/x-icon"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
