import Foundation

/// Rebuilds an edition from the sources stored in its bag, in a scratch folder, and compares the result with the
/// site the bag holds: a difference names the file. The same version of Tiendo must do it (the bag's
/// `Bag-Software-Agent` says which engine built it).
struct EditionRebuild {
    let edition: PublishedEdition
    let paths: BuildPaths

    func check(log: inout DiagnosticLog) async throws(BuildFailure) {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("tiendo-verify-\(edition.year)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shown = EditionStore.displayPath(paths.archive.appendingPathComponent(String(edition.year)), root: paths.root)
        let sources = paths.archive.appendingPathComponent(String(edition.year)).appendingPathComponent("data/sources")
        let rootCopy = scratch.appendingPathComponent("project")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: sources, to: rootCopy)
        } catch {
            log.error("không chép được nguồn của bản lưu trữ để dựng lại", en: "cannot copy the edition's sources to rebuild",
                      at: SourceLocation(path: shown + "/data/sources"))
            return
        }
        let stamp = EditionStamp(year: edition.year, date: edition.frozenOn)
        let result: BuildResult
        do {
            result = try await SiteBuild(paths: BuildPaths(root: rootCopy), edition: stamp).generate()
        } catch {
            log.error("nguồn lưu trong bản lưu trữ không dựng lại được: \(error.diagnostics.first?.formatted(.vi) ?? "")",
                      en: "the edition's stored sources do not build: \(error.diagnostics.first?.formatted(.en) ?? "")",
                      at: SourceLocation(path: shown + "/data/sources"))
            return
        }
        var rebuilt: [String: Data] = [:]
        for file in result.files where file.path != Manifest.fileName { rebuilt[file.path] = file.data }
        for path in Set(rebuilt.keys).union(edition.files.keys).sorted() where rebuilt[path] != edition.files[path] {
            log.error("dựng lại từ nguồn lưu trữ cho kết quả khác với tệp đã lưu",
                      en: "rebuilding from the stored sources gives different bytes than the stored file",
                      at: SourceLocation(path: shown + "/data/site/" + path))
        }
    }
}
