import Foundation
import Indicators

extension SiteContent {
    /// What `categories.yaml`, `indicators/` and `data/` give, read on a thread of its own while the sections load.
    struct IndicatorPart: Sendable {
        var categories = Categories(groups: [], kinds: [], levels: [], districts: [])
        var indicators: [IndicatorFile] = []
        var dataset = Dataset(facilities: [], observations: [])
        var tables: [CSVTable] = []
        var log = DiagnosticLog()
        /// Files that could not be read (their diagnostics are reported with the other unreadable files).
        var readErrors: [Diagnostic] = []
    }

    /// Reads the categories, the indicator definitions and the data files; nothing without indicators or without
    /// a readable `site.yaml`.
    static func loadIndicators(from folder: ProjectFolder, site: SiteConfig?) -> IndicatorPart {
        var part = IndicatorPart()
        var log = DiagnosticLog()
        var readErrors: [Diagnostic] = []
        func read(_ url: URL) -> SourceFile? { folder.read(url, noting: &readErrors) }
        let indicatorFiles = folder.files(in: "indicators", extensions: ["yaml", "yml"])
        if !indicatorFiles.isEmpty, let site {
            let categoriesURL = folder.url.appendingPathComponent("categories.yaml")
            if !FileManager.default.fileExists(atPath: categoriesURL.path) {
                log.error("thiếu tệp categories.yaml; các chỉ tiêu cần danh sách nhóm, loại, cấp và địa bàn trong đó",
                          en: "categories.yaml is missing; indicators need its groups, kinds, levels and districts",
                          at: SourceLocation(path: folder.displayPath(categoriesURL)))
            } else if let file = read(categoriesURL), let loaded = Categories.load(file, log: &log) {
                part.categories = loaded
                var indicators: [IndicatorFile] = []
                for url in indicatorFiles {
                    guard let file = read(url),
                          let indicator = IndicatorFile.load(file, categories: loaded, numberFormat: site.numberFormat,
                                                             log: &log) else { continue }
                    indicators.append(indicator)
                }
                checkUniqueIDs(indicators, log: &log)
                if let data = loadData(folder: folder, indicators: indicators, categories: loaded, site: site,
                                       log: &log) {
                    part.dataset = data.dataset
                    part.tables = data.tables
                }
                part.indicators = indicators
            }
        }
        part.log = log
        part.readErrors = readErrors
        return part
    }

    static func checkUniqueIDs(_ indicators: [IndicatorFile], log: inout DiagnosticLog) {
        var first: [String: IndicatorFile] = [:]
        for indicator in indicators {
            let id = indicator.definition.id.lowercased()
            if let other = first[id] {
                log.error("mã chỉ tiêu '\(indicator.definition.id)' bị trùng: \(other.path) cũng dùng",
                          en: "duplicate indicator id '\(indicator.definition.id)': \(other.path) has it too",
                          at: indicator.keyLocations["id"] ?? SourceLocation(path: indicator.path))
            } else {
                first[id] = indicator
            }
        }
    }
}

/// A value computed on another thread, started at once; `value` waits for it.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var result: Value?
    private let body: @Sendable () -> Value

    init(_ body: @escaping @Sendable () -> Value) {
        self.body = body
        group.enter()
        Thread.detachNewThread { [self] in
            let value = body()
            lock.withLock { result = value }
            group.leave()
        }
    }

    var value: Value {
        group.wait()
        // The thread stores the value before it leaves the group, so it is there; the fallback keeps the code
        // free of a forced unwrap.
        return lock.withLock { result } ?? body()
    }
}
