public import Foundation

/// Feeds arbitrary bytes to one loader, as the fuzz targets (`fuzz/`) and the bounded mutation test do. The
/// property checked is the one the issue "Any input, bounded" states: whatever the bytes, the loader returns, and
/// every error it reports has a file and a position (or names the whole file).
public enum LoaderFuzzing {
    public enum Loader: String, CaseIterable, Sendable {
        case frontMatter = "front-matter"
        case definition
        case siteConfig = "site-config"
        case csv
        case markdown
        case xlsx
        case tasks
    }

    /// The example's categories, so that definitions are checked past their first lines.
    static let categories: Categories = {
        func entry(_ code: String) -> Categories.Entry {
            Categories.Entry(code: code, name: code, location: SourceLocation(path: "categories.yaml", line: 1, column: 1))
        }
        return Categories(groups: ["thu-vien", "bao-tang", "van-hoa"].map(entry),
                          kinds: ["thu-vien", "bao-tang", "trung-tam-van-hoa"].map(entry),
                          levels: ["tinh", "huyen", "xa"].map(entry),
                          districts: ["hue", "phong-dien", "quang-dien"].map(entry))
    }()

    static let register = """
        ma,ten,loai,cap,dia_ban
        TVT-01,Thư viện tỉnh,thu-vien,tinh,hue
        TVH-01,Thư viện huyện,thu-vien,huyen,phong-dien

        """

    /// Runs `loader` on `data`; returns the diagnostics it reported.
    @discardableResult
    public static func run(_ loader: Loader, _ data: Data) -> [Diagnostic] {
        var log = DiagnosticLog()
        let path = "Content/fuzz"
        do throws(BuildFailure) {
            if loader == .xlsx {
                let name = "tiendo-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx"
                let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
                defer { try? FileManager.default.removeItem(at: url) }
                guard (try? data.write(to: url)) != nil else { return [] }
                let workbook = try XLSXWorkbook(url: url, path: path + ".xlsx")
                let tables = workbook.tables(first: true, named: Set(workbook.sheets.map(\.name)))
                _ = DataFiles.load(register: nil, facts: tables, categories: categories, reportingYear: 2024,
                                   numberFormat: .auto, flagColumns: [:], countColumns: [:], log: &log)
                return log.diagnostics
            }
            let file = try SourceFile.decode(data, path: path)
            switch loader {
            case .frontMatter:
                _ = Section.load(file, fileName: "fuzz.md", log: &log)
            case .definition:
                _ = IndicatorFile.load(file, categories: categories, log: &log)
                _ = Categories.load(file, log: &log)
            case .siteConfig:
                _ = SiteConfig.load(file, log: &log)
            case .csv:
                let table = try CSVTable.parse(file)
                let registerTable = try CSVTable.parse(SourceFile(path: "Content/data/co-so.csv", text: register))
                _ = DataFiles.load(register: .success(registerTable), facts: [.success(table)], categories: categories,
                                   reportingYear: 2024,
                                   numberFormat: .auto,
                                   flagColumns: ["dich_vu_hoc_tap": SourceLocation(path: "x.yaml")],
                                   countColumns: ["luot_hoc_tap": SourceLocation(path: "x.yaml")], log: &log)
            case .tasks:
                _ = TaskFile.load(file, sections: ["01-a.md"], log: &log)
            case .xlsx:
                break
            case .markdown:
                let rendered = Markdown.render(file.text, path: path) { reference in
                    switch reference {
                    case .sectionLink(let name, _): name.hasPrefix("0") ? .url("../x/") : .failure(Message(vi: "x", en: "x"))
                    case .figure(let text): text.hasPrefix("TV") ? .figure(text: "1", url: "../tv/", title: text)
                        : .failure(Message(vi: "x", en: "x"))
                    }
                }
                log.append(contentsOf: rendered.diagnostics)
            }
        } catch {
            log.append(contentsOf: error.diagnostics)
        }
        return log.diagnostics
    }

    /// True when every diagnostic is located: a path, and a line when it is about a place in the file.
    public static func isLocated(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.allSatisfy { !$0.path.isEmpty && $0.line >= 0 && $0.column >= 0 && !$0.message.vi.isEmpty && !$0.message.en.isEmpty }
    }
}
