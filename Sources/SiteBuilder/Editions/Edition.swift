import Foundation
import Indicators

/// What makes a build an edition: the year it is the report of, and the day it was frozen (never the clock).
public struct EditionStamp: Sendable, Hashable {
    public var year: Int
    /// `YYYY-MM-DD`.
    public var date: String

    public init(year: Int, date: String) {
        self.year = year
        self.date = date
    }
}

/// A frozen edition found in `Archive/YEAR/`, verified: its site's files byte for byte, what its bag says, and
/// what its own data download says of each indicator (for the links from the current pages and the changes page).
struct PublishedEdition: Sendable {
    var year: Int
    /// Site files by path below the edition's root (`index.html`, `chi-tieu/tv-02/index.html`).
    var files: [String: Data]
    var info: [String: String]
    /// Indicators by lowercased id, from the edition's `du-lieu/tat-ca-chi-tieu.json`.
    var indicators: [String: EditionIndicator]

    var reportingYear: String { info["Tiendo-Reporting-Year"] ?? "–" }
    var frozenOn: String { info["Bagging-Date"] ?? "–" }
}

/// One indicator as an edition published it.
struct EditionIndicator: Sendable {
    var id: String
    var unit: String
    /// Value by year (nil: no data that year).
    var values: [Int: Double?]
    var latestText: String?
    var latestYear: Int?
    /// The status code (`dung-tien-do`) against the edition's current milestone.
    var status: String?
    /// Milestones as the edition had them: year → the JSON of its target, for comparison.
    var targets: [Int: String]
    var statuses: [Int: String]

    /// Reads the indicators of an edition's `tat-ca-chi-tieu.json`; an unreadable file gives none.
    static func all(from data: Data?) -> [String: EditionIndicator] {
        guard let data, let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["chi_tieu"] as? [[String: Any]] else { return [:] }
        var result: [String: EditionIndicator] = [:]
        for item in list {
            guard let id = item["ma"] as? String else { continue }
            var values: [Int: Double?] = [:]
            for point in item["theo_nam"] as? [[String: Any]] ?? [] {
                if let year = (point["nam"] as? NSNumber)?.intValue { values[year] = (point["gia_tri"] as? NSNumber)?.doubleValue }
            }
            var targets: [Int: String] = [:]
            var statuses: [Int: String] = [:]
            for milestone in item["muc_tieu"] as? [[String: Any]] ?? [] {
                guard let year = (milestone["nam"] as? NSNumber)?.intValue else { continue }
                statuses[year] = milestone["tinh_trang"] as? String
                let keys = ["muc_tieu", "muc_tieu_toi_thieu", "muc_tieu_toi_da", "muc_tieu_thay_doi_phan_tram"]
                targets[year] = describe(keys.compactMap { key in
                    (milestone[key] as? NSNumber).map { (key, $0.doubleValue) }
                })
            }
            let current = item["hien_tai"] as? [String: Any]
            result[id.lowercased()] = EditionIndicator(
                id: id, unit: item["don_vi"] as? String ?? "", values: values,
                latestText: item["gia_tri_moi_nhat_chu"] as? String, latestYear: (item["nam_moi_nhat"] as? NSNumber)?.intValue,
                status: current?["tinh_trang"] as? String, targets: targets, statuses: statuses)
        }
        return result
    }

    /// Target fields in one comparable form: sorted keys, numbers to four decimals.
    static func describe(_ pairs: [(String, Double)]) -> String {
        pairs.sorted { $0.0 < $1.0 }.map { "\($0.0)=\(VietnameseNumber.plain($0.1))" }.joined(separator: ";")
    }
}
