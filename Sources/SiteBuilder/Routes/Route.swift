/// One address the site publishes. The only place that makes URLs, output paths and template names.
enum Route: Sendable, Hashable {
    case home
    case section(slug: String)
    case indicators
    case group(code: String)
    case indicator(id: String)
    case data
    case tasks
    case editions
    case changes
    case changesFeed
    /// `atom.xml`: the report's updates.
    case updatesFeed
    /// A file of a frozen edition, published byte for byte under `YEAR/`.
    case editionFile(year: Int, path: String)
    case sitemap
    case robots
    /// The open-data catalogue (DCAT-AP, JSON-LD) and each indicator CSV's CSVW metadata.
    case catalog
    case csvMetadata(id: String)
    /// The search page and its index (written after every page is rendered, see SearchIndex).
    case search
    case searchIndex
    case notFound
    case download(id: String, format: DownloadFormat)
    case combined(DownloadFormat)
    case rawTable(name: String)
    case asset(path: String)

    enum DownloadFormat: String, Sendable, Hashable {
        case csv, json, districtCSV
    }

    static let indicatorsFolder = "chi-tieu/"
    static let dataFolder = "du-lieu/"
    static let assetsFolder = "assets/"
    static let tasksFolder = "nhiem-vu/"
    static let editionsFolder = "cac-ky-bao-cao/"
    static let changesFolder = "thay-doi/"
    static let searchFolder = "tim-kiem/"

    /// First path segments Tiendo's own pages use, which a section slug may not take.
    /// `en` is the English edition's folder, whether or not the site has one yet.
    static let reservedSlugs: Set<String> = ["chi-tieu", "du-lieu", "nhiem-vu", "cac-ky-bao-cao", "thay-doi", "tim-kiem",
                                             "assets", "404", "en"]

    /// The folder of a page (`muc-tieu/`, `` for the home page) or the path of a file, relative to the site root.
    var path: String {
        switch self {
        case .home, .notFound: ""
        // Concatenated, not interpolated: ten thousand section paths on every build.
        case .section(let slug): slug + "/"
        case .indicators: Self.indicatorsFolder
        case .group(let code): "\(Self.indicatorsFolder)\(code)/"
        case .indicator(let id): "\(Self.indicatorsFolder)\(id.lowercased())/"
        case .data: Self.dataFolder
        case .tasks: Self.tasksFolder
        case .editions: Self.editionsFolder
        case .changes: Self.changesFolder
        case .changesFeed: Self.changesFolder + "atom.xml"
        case .updatesFeed: "atom.xml"
        case let .editionFile(year, path): "\(year)/\(path)"
        case .sitemap: "sitemap.xml"
        case .search: Self.searchFolder
        case .searchIndex: Self.searchFolder + "chi-muc.json"
        case .catalog: "\(Self.dataFolder)catalog.json"
        case .csvMetadata(let id): "\(Self.dataFolder)\(id.lowercased()).csv-metadata.json"
        case .robots: "robots.txt"
        case let .download(id, format):
            switch format {
            case .csv: "\(Self.dataFolder)\(id.lowercased()).csv"
            case .json: "\(Self.dataFolder)\(id.lowercased()).json"
            case .districtCSV: "\(Self.dataFolder)\(id.lowercased())-theo-dia-ban.csv"
            }
        case .combined(let format): "\(Self.dataFolder)tat-ca-chi-tieu.\(format == .json ? "json" : "csv")"
        case .rawTable(let name): "\(Self.dataFolder)goc/\(name)"
        case .asset(let path): "\(Self.assetsFolder)\(path)"
        }
    }

    /// The file written into the output folder.
    var outputPath: String {
        switch self {
        case .notFound: "404.html"
        // One string made, not two: ten thousand sections claim their paths on every build.
        case .section(let slug): slug + "/index.html"
        case .home, .indicators, .group, .indicator, .data, .tasks, .editions, .changes, .search:
            path + "index.html"
        default: path
        }
    }

    /// Whether it is a page a reader may be sent to: every page but the 404 page (what the sitemap and the other
    /// language's switch list).
    var isListedPage: Bool { template != nil && self != .notFound }

    /// The page kind's template, or nil for files that are not pages.
    var template: String? {
        switch self {
        case .home: "home"
        case .section: "section"
        case .indicators: "indicators"
        case .group: "group"
        case .indicator: "indicator"
        case .data: "data"
        case .tasks: "tasks"
        case .editions: "editions"
        case .changes: "changes"
        case .search: "search"
        case .notFound: "not-found"
        case .download, .combined, .rawTable, .asset, .changesFeed, .editionFile, .sitemap, .robots, .catalog,
             .csvMetadata, .searchIndex, .updatesFeed: nil
        }
    }

    /// A link from the page at `page` (a folder path such as `muc-tieu/`, or `` for the home page) to `target`.
    /// Every page's frame links to the menu from it, so this counts the folders without making substrings.
    static func relative(from page: String, to target: String) -> String {
        let depth = depth(of: page)
        if depth == 0 { return target.isEmpty ? "./" : target }
        var url = ""
        url.reserveCapacity(3 * depth + target.utf8.count)
        for _ in 0..<depth { url += "../" }
        return url + target
    }

    /// How many folders down `page` is: its non-empty `/`-separated names, counted without making substrings.
    static func depth(of page: String) -> Int {
        var depth = 0
        var inName = false
        for byte in page.utf8 {
            if byte == 0x2F {
                inName = false
            } else if !inName {
                inName = true
                depth += 1
            }
        }
        return depth
    }

    /// A link from the page at `page` to this route.
    func url(from page: String) -> String { Self.relative(from: page, to: path) }
}
