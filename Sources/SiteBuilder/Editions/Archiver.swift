public import Foundation

/// `tiendo archive YEAR`: freezes the current site as the edition of YEAR into `Archive/YEAR/`, a BagIt bag whose
/// payload is the site rendered for `<base_url>/YEAR/` (`data/site/`) and the sources it was built from
/// (`data/sources/Content/`, `data/sources/Templates/`), so that it can be published, verified and rebuilt.
public struct Archiver: Sendable {
    public var paths: BuildPaths

    public init(paths: BuildPaths) {
        self.paths = paths
    }

    public struct Result: Sendable {
        public var folder: URL
        public var files: Int
    }

    /// - Parameters:
    ///   - date: the freezing date, `YYYY-MM-DD`, given by the user (never taken from the clock).
    ///   - replace: replace an existing edition of the same year.
    public func archive(year: Int, date: String, replace: Bool) async throws(BuildFailure) -> Result {
        let target = paths.archive.appendingPathComponent(String(year))
        let shown = EditionStore.displayPath(target, root: paths.root)
        guard Limits.years.contains(year) else {
            throw BuildFailure(diagnostics: [Diagnostic(path: shown, "năm \(year) không hợp lý",
                                                        en: "\(year) is not a plausible year")])
        }
        if FileSystem.exists(target.path) && !replace {
            throw BuildFailure(diagnostics: [Diagnostic(
                path: shown, "đã có bản lưu trữ năm \(year); bản lưu trữ không bị ghi đè (dùng --replace nếu thật sự "
                    + "muốn thay)",
                en: "the edition of \(year) exists; editions are not overwritten (use --replace to replace it)")])
        }
        let result = try await SiteBuild(paths: paths, edition: EditionStamp(year: year, date: date)).generate()
        var payload: [String: Data] = [:]
        for file in result.files where file.path != Manifest.fileName {
            guard let data = file.data else { continue }
            payload["site/" + file.path] = data
        }
        for (name, folder) in [("Content", paths.content), ("Templates", paths.templates)] {
            for path in FileSystem.regularFiles(below: folder) where !path.split(separator: "/").contains(where: {
                $0.hasPrefix(".")
            }) {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
                    continue
                }
                payload["sources/\(name)/" + path] = data
            }
        }
        let site = result.site
        let bag = BagIt(payload: payload, info: [
            ("Source-Organization", site.publisher.isEmpty ? site.plan.issuer : site.publisher),
            ("External-Description", "Bản lưu trữ năm \(year): \(site.title)"),
            ("External-Identifier", site.plan.number + "/" + String(year)),
            ("Bagging-Date", date),
            ("Bag-Software-Agent", "Tiendo (\(RouteRenderer.fingerprintVersion))"),
            ("Tiendo-Edition-Year", String(year)),
            ("Tiendo-Reporting-Year", String(site.reportingYear)),
            ("Tiendo-Plan", site.plan.number + " – " + site.plan.title),
            ("Tiendo-Base-URL", site.baseURL),
        ])
        let files = bag.files()
        try write(files, to: target, shown: shown)
        return Result(folder: target, files: files.count)
    }

    /// Writes the bag beside its place and swaps it in, so that a failed or killed archive leaves no half edition.
    private func write(_ files: [String: Data], to target: URL, shown: String) throws(BuildFailure) {
        let manager = FileManager.default
        let partial = paths.archive.appendingPathComponent(".\(target.lastPathComponent).partial")
        let replaced = paths.archive.appendingPathComponent(".\(target.lastPathComponent).replaced")
        do {
            try? manager.removeItem(at: partial)
            try? manager.removeItem(at: replaced)
            for (path, data) in files {
                let url = partial.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: replaced) }
            try manager.moveItem(at: partial, to: target)
            try? manager.removeItem(at: replaced)
        } catch {
            try? manager.removeItem(at: partial)
            if !manager.fileExists(atPath: target.path) { try? manager.moveItem(at: replaced, to: target) }
            let reason = FileSystem.reason(error)
            throw BuildFailure(diagnostics: [Diagnostic(path: shown, "không ghi được bản lưu trữ: \(reason.vi)",
                                                        en: "cannot write the edition: \(reason.en)")])
        }
    }

    /// `tiendo verify`: every edition against its manifests; with `rebuild`, also that its stored sources still
    /// build to the same site, byte for byte. Returns the editions checked, or every problem found.
    public func verify(rebuild: Bool) async throws(BuildFailure) -> [Int] {
        var log = DiagnosticLog()
        let editions = EditionStore.load(from: paths.archive, root: paths.root, log: &log)
        guard !log.hasErrors else { throw BuildFailure(diagnostics: log.sorted) }
        if rebuild {
            for edition in editions {
                try await EditionRebuild(edition: edition, paths: paths).check(log: &log)
            }
        }
        guard !log.hasErrors else { throw BuildFailure(diagnostics: log.sorted) }
        return editions.map(\.year)
    }
}
