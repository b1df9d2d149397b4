import Foundation
import Indicators

/// The data files of the site: each indicator's series and district breakdown (CSV, JSON), every indicator
/// together, and safe copies of the raw tables. A pure function of (model, route).
struct Exports {
    let model: SiteModel

    static let seriesHeader = ["nam", "gia_tri", "don_vi", "so_co_so_dat", "so_co_so_bao_cao", "so_co_so_chua_bao_cao",
                               "tang_so_voi_nam_truoc_phan_tram", "so_co_so_duoc_tinh", "da_thu_thap",
                               "cung_nhom_co_so_voi_nam_truoc", "nguon"]

    func data(for route: Route) -> Data? {
        switch route {
        case let .download(id, format):
            guard let computed = model.indicator(id) else { return nil }
            switch format {
            case .csv: return text(CSVWriter.write(header: Self.seriesHeader, rows: seriesRows(computed)))
            case .districtCSV: return text(districtCSV(computed))
            case .json: return text(indicatorJSON(computed).serialized() + "\n")
            }
        case .combined(let format):
            if format == .json {
                let json = JSONValue.object([
                    "bao_cao": .string(model.site.title), "nam_bao_cao": .integer(model.site.reportingYear),
                    "so_lieu_minh_hoa": .bool(model.site.sampleData),
                    "chi_tieu": .array(model.indicators.map(indicatorJSON)),
                ])
                return text(json.serialized() + "\n")
            }
            let rows = model.indicators.flatMap { computed in seriesRows(computed).map { [computed.definition.id] + $0 } }
            return text(CSVWriter.write(header: ["ma_chi_tieu"] + Self.seriesHeader, rows: rows))
        case .rawTable(let name):
            guard let table = model.content.tables.first(where: { $0.downloadName == name }) else { return nil }
            return text(CSVWriter.write(header: table.header, rows: table.rows.map(\.cells)))
        case .asset(let path):
            return model.theme.assets.first { $0.path == path }?.data
        case let .editionFile(year, path):
            return model.editions.first { $0.year == year }?.files[path]
        case .changesFeed:
            return text(AtomFeed(model: model).xml())
        case .updatesFeed:
            return text(ReportFeed(model: model).xml())
        case .sitemap:
            return text(Sitemap(model: model).xml())
        case .csvMetadata(let id):
            return model.indicator(id).map { text(DataCatalog(model: model).csvMetadata($0).serialized() + "\n") }
        case .robots:
            return text("User-agent: *\nAllow: /\nSitemap: \(model.site.baseURL)sitemap.xml\n")
        default:
            return nil
        }
    }

    private func text(_ string: String) -> Data { Data(string.utf8) }

    private func districtCSV(_ computed: ComputedIndicator) -> String {
        let definition = computed.definition
        let rows = model.content.categories.districts.flatMap { district -> [[String]] in
            (computed.series.byDistrict[district.code] ?? []).map {
                [district.code, district.name] + pointCells($0, definition: definition)
            }
        }
        return CSVWriter.write(header: ["ma_dia_ban", "dia_ban"] + Self.seriesHeader, rows: rows)
    }

    private func pointCells(_ point: IndicatorSeries.Point, definition: IndicatorDefinition) -> [String] {
        // Facility counts mean nothing for figures reported as totals (series rows): left empty.
        let facilities = definition.usesFacilities
        return [String(point.year), point.value.map { VietnameseNumber.plain($0) } ?? "", definition.unit,
                point.numerator.map(String.init) ?? "", facilities ? String(point.reporting) : "",
                facilities && point.collected ? String(point.missing) : "",
                point.yearOnYearGrowth.map { VietnameseNumber.plain($0) } ?? "",
                facilities ? String(point.registered) : "", point.collected ? "true" : "false",
                point.sameReportersAsPrevious.map { $0 ? "true" : "false" } ?? "", "so-lieu"]
    }

    /// One row a year; a baseline the plan states for a year without data comes first, marked `ke-hoach`.
    private func seriesRows(_ computed: ComputedIndicator) -> [[String]] {
        let definition = computed.definition
        var rows = computed.series.points.map { pointCells($0, definition: definition) }
        if let value = definition.baselineValue, computed.series.point(in: definition.baseline) == nil {
            rows.insert([String(definition.baseline), VietnameseNumber.plain(value), definition.unit, "", "", "", "",
                         "", "", "", "ke-hoach"], at: 0)
        }
        return rows
    }

    private func indicatorJSON(_ computed: ComputedIndicator) -> JSONValue {
        let definition = computed.definition
        let facilities = definition.usesFacilities
        func point(_ point: IndicatorSeries.Point) -> JSONValue {
            .object([
                "nam": .integer(point.year), "gia_tri": point.value.map(JSONValue.number) ?? .null,
                "so_co_so_dat": point.numerator.map(JSONValue.integer) ?? .null,
                "so_co_so_bao_cao": facilities ? .integer(point.reporting) : .null,
                "so_co_so_chua_bao_cao": facilities && point.collected ? .integer(point.missing) : .null,
                "tang_so_voi_nam_truoc_phan_tram": point.yearOnYearGrowth.map(JSONValue.number) ?? .null,
                "so_co_so_duoc_tinh": facilities ? .integer(point.registered) : .null,
                "da_thu_thap": .bool(point.collected),
                "cung_nhom_co_so_voi_nam_truoc": point.sameReportersAsPrevious.map(JSONValue.bool) ?? .null,
            ])
        }
        let milestones: [JSONValue] = computed.assessments.map { assessment in
            var fields: [String: JSONValue] = [
                "nam": .integer(assessment.milestone.year),
                "tinh_trang": .string(assessment.status.rawValue),
                "tinh_trang_chu": .string(StatusText.label(assessment.status, model.text)),
                "giai_thich": .string(StatusText.sentence(assessment, definition: definition, model.text)),
                "ty_so_toc_do": assessment.ratio.map(JSONValue.number) ?? .null,
            ]
            switch assessment.milestone.target {
            case .value(let value): fields["muc_tieu"] = .number(value)
            case let .range(min, max):
                fields["muc_tieu_toi_thieu"] = .number(min)
                fields["muc_tieu_toi_da"] = .number(max)
            case .relative(let change):
                fields["muc_tieu_thay_doi_phan_tram"] = .number(change)
                fields["muc_tieu"] = computed.baselineValue
                    .map { .number(Milestone.level(change: change, from: $0)) } ?? .null
            }
            return .object(fields)
        }
        var districts: [String: JSONValue] = [:]
        for (code, points) in computed.series.byDistrict { districts[code] = .array(points.map(point)) }
        return .object([
            "ma": .string(definition.id), "ten": .string(definition.title), "nhom": .string(definition.group),
            "don_vi": .string(definition.unit), "phuong_phap": .string(definition.method.rawValue),
            "loai_muc_tieu": .string(definition.targetType.rawValue), "nam_goc": .integer(definition.baseline),
            "huong": .string(definition.direction.rawValue), "co_quan": .string(computed.file.agency),
            "gia_tri_nam_goc": computed.baselineValue.map(JSONValue.number) ?? .null,
            "gia_tri_moi_nhat": computed.series.latest?.value.map(JSONValue.number) ?? .null,
            "gia_tri_moi_nhat_chu": computed.series.latest.map {
                .string(ValueText.value($0.value, definition: definition, model.text.numbers))
            } ?? .null,
            "nam_moi_nhat": computed.series.latest.map { .integer($0.year) } ?? .null,
            "hien_tai": computed.current.map { current in
                .object(["nam": .integer(current.milestone.year), "tinh_trang": .string(current.status.rawValue),
                         "tinh_trang_chu": .string(StatusText.label(current.status, model.text))])
            } ?? .null,
            "gia_tri_nam_goc_theo_ke_hoach": .bool(definition.baselineValue != nil),
            "cong_don": .bool(definition.cumulative),
            "nguon": .string(computed.file.source), "theo_nam": .array(computed.series.points.map(point)),
            "theo_dia_ban": .object(districts), "muc_tieu": .array(milestones),
        ])
    }
}
