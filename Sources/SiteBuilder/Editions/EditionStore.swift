import Foundation

/// The editions in `Archive/`: each folder named by a year is a bag, verified before anything is published.
enum EditionStore {
    /// Every edition, by year; a bag that does not verify is an error naming each file at fault.
    static func load(from archive: URL, root: URL, log: inout DiagnosticLog) -> [PublishedEdition] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? []
        var editions: [PublishedEdition] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let folder = archive.appendingPathComponent(name)
            let display = displayPath(folder, root: root)
            guard name.count == 4, let year = Int(name), Limits.years.contains(year) else {
                log.error("thư mục Archive/ chỉ chứa các bản lưu trữ, mỗi bản một thư mục mang tên năm (ví dụ 2024)",
                          en: "Archive/ holds only editions, one folder per year (e.g. 2024)",
                          at: SourceLocation(path: display))
                continue
            }
            switch BagIt.verify(folder, displayPath: display) {
            case .failure(let failure):
                log.append(contentsOf: failure.diagnostics)
            case .success(let bag):
                var site: [String: Data] = [:]
                for (path, data) in bag.payload where path.hasPrefix("site/") { site[String(path.dropFirst(5))] = data }
                editions.append(PublishedEdition(year: year, files: site, info: bag.info,
                                                 indicators: EditionIndicator.all(from: site["du-lieu/tat-ca-chi-tieu.json"])))
            }
        }
        return editions
    }

    static func displayPath(_ url: URL, root: URL) -> String {
        let rootPath = root.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
    }
}
