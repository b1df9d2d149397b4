import Foundation
public import SiteBuilder

/// The site as the preview serves it: built in memory (never written to disk), rebuilt incrementally, and the
/// last good build kept while the content has errors.
public actor PreviewSite {
    let build: SiteBuild
    private(set) var files: [String: Data] = [:]
    private var manifest: Manifest?
    private var cache: BuildCache?
    /// Errors of the last build, shown on every page until they are fixed; empty when it succeeded.
    public private(set) var errors: [Diagnostic] = []
    /// Changes with every rebuild, good or not: open pages reload when it changes.
    public private(set) var version = 0

    public init(build: SiteBuild) {
        self.build = build
    }

    public struct Outcome: Sendable {
        public var rendered: Int
        public var pages: Int
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool
        public var milliseconds: Int
    }

    /// Builds against the previous in-memory site: unchanged pages are reused, not rendered again.
    @discardableResult
    public func rebuild() async -> Outcome {
        let start = ContinuousClock.now
        func elapsed() -> Int {
            let duration = ContinuousClock.now - start
            return Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        }
        version += 1
        do {
            let result = try await build.generate(previous: manifest, cache: cache)
            var next: [String: Data] = [:]
            next.reserveCapacity(result.files.count)
            for file in result.files {
                next[file.path] = file.data ?? files[file.path]
            }
            files = next
            manifest = result.manifest
            cache = result.cache
            errors = []
            return Outcome(rendered: result.rendered, pages: result.pages, diagnostics: result.warnings,
                           succeeded: true, milliseconds: elapsed())
        } catch {
            errors = error.diagnostics.filter { $0.severity == .error }
            return Outcome(rendered: 0, pages: 0, diagnostics: error.diagnostics, succeeded: false,
                           milliseconds: elapsed())
        }
    }

    func file(_ path: String) -> Data? { files[path] }

    var hasSite: Bool { !files.isEmpty }
}
