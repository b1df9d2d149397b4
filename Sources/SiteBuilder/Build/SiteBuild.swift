public import Foundation

/// Where a build reads and writes.
public struct BuildPaths: Sendable {
    public var root: URL
    public var content: URL
    public var templates: URL
    public var output: URL

    public init(root: URL, content: URL? = nil, templates: URL? = nil, output: URL? = nil) {
        self.root = root.standardizedFileURL
        self.content = (content ?? root.appendingPathComponent("Content")).standardizedFileURL
        self.templates = (templates ?? root.appendingPathComponent("Templates")).standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("Output")).standardizedFileURL
    }
}

/// What a build produced.
public struct BuildResult: Sendable {
    public var files: [OutputFile]
    public var pages: Int
    public var warnings: [Diagnostic]
}

/// A build as a sequence of named steps over one context: load content, compute indicators, load the theme,
/// render, write. Every step reports all the problems it finds; the first step with errors stops the build
/// before anything is written.
public struct SiteBuild: Sendable {
    public var paths: BuildPaths

    public init(paths: BuildPaths) {
        self.paths = paths
    }

    /// Runs every step but writing: the site as files in memory. Throws with every diagnostic on errors.
    public func generate() throws(BuildFailure) -> BuildResult {
        var log = DiagnosticLog()
        try checkOutputLocation()
        let contentFolder = ProjectFolder(root: paths.root, url: paths.content)
        let templateFolder = ProjectFolder(root: paths.root, url: paths.templates)

        let content = SiteContent.load(from: contentFolder, log: &log)
        let theme = Theme.load(from: templateFolder, log: &log)
        guard let content, let theme, !log.hasErrors else { throw BuildFailure(diagnostics: log.sorted) }

        let indicators = ComputedIndicator.computeAll(content, log: &log)
        guard !log.hasErrors else { throw BuildFailure(diagnostics: log.sorted) }

        let themeInputs = theme.sources.values.map(\.path) + theme.assets.map(\.source)
        var renderer = SiteRenderer(content: content, indicators: indicators, theme: theme,
                                    themeInputs: themeInputs.sorted())
        let files = renderer.render(log: &log)
        guard !log.hasErrors else { throw BuildFailure(diagnostics: log.sorted) }
        return BuildResult(files: files, pages: files.filter { $0.path.hasSuffix(".html") }.count,
                           warnings: log.sorted)
    }

    /// Generates the site and swaps it into the output folder.
    @discardableResult
    public func run() throws(BuildFailure) -> BuildResult {
        let result = try generate()
        try OutputWriter(output: paths.output).write(result.files)
        return result
    }

    /// The output folder must not be the project root, nor hold or sit inside Content/ or Templates/.
    func checkOutputLocation() throws(BuildFailure) {
        let output = paths.output.path
        for (name, folder) in [("the project root", paths.root), ("the content folder", paths.content),
                               ("the templates folder", paths.templates)] {
            let path = folder.path
            let outputInside = output.hasPrefix(path + "/") && folder != paths.root
            if output == path || path.hasPrefix(output + "/") || outputInside {
                throw BuildFailure(diagnostics: [
                    Diagnostic(path: output, message: "the output folder overlaps \(name); choose another --output"),
                ])
            }
        }
        try OutputWriter(output: paths.output).checkReplaceable()
    }
}
