import Indicators

/// The open-data descriptions: `du-lieu/catalog.json` (DCAT-AP in JSON-LD, made after rendering, see
/// SiteBuild.madeFromEveryPage: one `dcat:Dataset` per indicator and
/// per raw data table, a `dcat:Distribution` per download with its media type and size), a CSVW metadata file per
/// indicator CSV, and the schema.org `Dataset` on each indicator page, all from the same facts.
struct DataCatalog {
    let model: SiteModel
    /// The EU data theme "Education, culture and sport".
    static let theme = "http://publications.europa.eu/resource/authority/data-theme/EDUC"

    var base: String { model.site.baseURL }
    var modified: String { model.site.updated ?? "\(model.site.reportingYear)-12-31" }

    /// - Parameter sizes: the byte size of each published file, by output path.
    func catalog(sizes: [String: Int]) -> JSONValue {
        let site = model.site
        var datasets = model.indicators.map { computed -> JSONValue in
            let id = computed.definition.id
            let distributions = [(Route.DownloadFormat.csv, "text/csv", "CSV"), (.json, "application/json", "JSON"),
                                 (.districtCSV, "text/csv", "CSV")].map { format, type, name -> JSONValue in
                let route = Route.download(id: id, format: format)
                return .object(["@type": .string("dcat:Distribution"), "dcat:downloadURL": Self.iri(base + route.path),
                                "dcat:accessURL": Self.iri(base + route.path), "dcat:mediaType": Self.mediaType(type),
                                "dct:format": .string(name),
                                "dcat:byteSize": .integer(sizes[route.outputPath] ?? 0)])
            }
            var fields = common()
            fields["@id"] = .string(base + Route.indicator(id: id).path)
            fields["dct:identifier"] = .string(id)
            fields["dct:title"] = .string(computed.definition.title)
            fields["dct:description"] = .string(computed.file.description
                ?? ValueText.method(computed.definition, model.text))
            fields["dcat:keyword"] = .array([.string(model.content.categories.name(ofGroup: computed.definition.group))])
            fields["dcat:distribution"] = .array(distributions)
            if let temporal = temporal(computed.series) { fields["dct:temporal"] = temporal }
            return .object(fields)
        }
        for table in model.content.tables {
            let route = Route.rawTable(name: table.downloadName)
            var fields = common()
            fields["@id"] = .string(base + route.path)
            fields["dct:title"] = .string(table.downloadName)
            fields["dct:description"] = .string("Số liệu gốc: \(table.rows.count) dòng, các cột \(table.header.joined(separator: ", ")).")
            fields["dcat:distribution"] = .array([.object([
                "@type": .string("dcat:Distribution"), "dcat:downloadURL": Self.iri(base + route.path),
                "dcat:accessURL": Self.iri(base + route.path), "dcat:mediaType": Self.mediaType("text/csv"),
                "dct:format": .string("CSV"), "dcat:byteSize": .integer(sizes[route.outputPath] ?? 0),
            ])])
            datasets.append(.object(fields))
        }
        var catalog: [String: JSONValue] = [
            "@context": .object(["dcat": .string("http://www.w3.org/ns/dcat#"), "dct": .string("http://purl.org/dc/terms/"),
                                 "foaf": .string("http://xmlns.com/foaf/0.1/")]),
            "@id": .string(base + Route.catalog.path), "@type": .string("dcat:Catalog"),
            "dct:title": .string(site.title), "dct:description": .string(site.description),
            "dct:publisher": publisher(), "dct:language": .string(site.language), "dct:modified": .string(modified),
            "foaf:homepage": Self.iri(base), "dcat:dataset": .array(datasets),
        ]
        if let license = site.license { catalog["dct:license"] = Self.iri(license) }
        return .object(catalog)
    }

    private func common() -> [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "@type": .string("dcat:Dataset"), "dct:publisher": publisher(), "dcat:theme": Self.iri(Self.theme),
            "dct:modified": .string(modified), "dct:language": .string(model.site.language),
        ]
        if let license = model.site.license { fields["dct:license"] = Self.iri(license) }
        return fields
    }

    /// A link to a resource, not a string: `{"@id": url}`.
    static func iri(_ url: String) -> JSONValue { .object(["@id": .string(url)]) }

    /// An IANA media type as the IRI DCAT-AP asks for.
    static func mediaType(_ type: String) -> JSONValue { iri("http://www.iana.org/assignments/media-types/" + type) }

    private func publisher() -> JSONValue {
        .object(["@type": .string("foaf:Agent"),
                 "foaf:name": .string(model.site.publisher.isEmpty ? model.site.plan.issuer : model.site.publisher)])
    }

    private func temporal(_ series: IndicatorSeries) -> JSONValue? {
        guard let first = series.observed.first?.year, let last = series.observed.last?.year else { return nil }
        return .object(["@type": .string("dct:PeriodOfTime"), "dcat:startDate": .string("\(first)-01-01"),
                        "dcat:endDate": .string("\(last)-12-31")])
    }

    /// CSVW metadata of an indicator's CSV download: its columns, their types and what they mean.
    func csvMetadata(_ computed: ComputedIndicator) -> JSONValue {
        let unit = computed.definition.unit
        let columns: [(String, String, String)] = [
            ("nam", "gYear", "Năm"), ("gia_tri", "decimal", "Giá trị (\(unit))"), ("don_vi", "string", "Đơn vị"),
            ("so_co_so_dat", "integer", "Số cơ sở đạt (chỉ tiêu tỷ lệ)"),
            ("so_co_so_bao_cao", "integer", "Số cơ sở có báo cáo"),
            ("so_co_so_chua_bao_cao", "integer", "Số cơ sở chưa báo cáo"),
            ("tang_so_voi_nam_truoc_phan_tram", "decimal", "Tăng so với năm trước (%)"),
            ("so_co_so_duoc_tinh", "integer", "Số cơ sở được tính"), ("da_thu_thap", "boolean", "Năm đã thu thập số liệu"),
            ("cung_nhom_co_so_voi_nam_truoc", "boolean", "Cùng nhóm cơ sở báo cáo với năm trước"),
            ("nguon", "string", "Nguồn giá trị: so-lieu hoặc ke-hoach (năm gốc theo Kế hoạch)"),
        ]
        let route = Route.download(id: computed.definition.id, format: .csv)
        return .object([
            "@context": .string("http://www.w3.org/ns/csvw"), "url": .string(base + route.path),
            "dc:title": .string("\(computed.definition.id): \(computed.definition.title)"),
            "dc:publisher": .string(model.site.publisher), "dialect": .object(["header": .bool(true)]),
            "tableSchema": .object(["columns": .array(columns.map { name, type, title in
                .object(["name": .string(name), "titles": .string(name), "datatype": .string(type),
                         "dc:description": .string(title)])
            })]),
        ])
    }

    /// schema.org `Dataset` JSON-LD for an indicator page, safe to embed in a `<script>` data block.
    func schemaOrg(_ computed: ComputedIndicator) -> String {
        let id = computed.definition.id
        var fields: [String: JSONValue] = [
            "@context": .string("https://schema.org"), "@type": .string("Dataset"), "identifier": .string(id),
            "name": .string(computed.definition.title), "url": .string(base + Route.indicator(id: id).path),
            "description": .string(computed.file.description ?? ValueText.method(computed.definition, model.text)),
            "creator": .object(["@type": .string("Organization"),
                                "name": .string(model.site.publisher.isEmpty ? model.site.plan.issuer : model.site.publisher)]),
            "inLanguage": .string(model.site.language), "dateModified": .string(modified),
            "distribution": .array([(Route.DownloadFormat.csv, "text/csv"), (.json, "application/json")].map { format, type in
                .object(["@type": .string("DataDownload"), "encodingFormat": .string(type),
                         "contentUrl": .string(base + Route.download(id: id, format: format).path)])
            }),
        ]
        if let first = computed.series.observed.first?.year, let last = computed.series.observed.last?.year {
            fields["temporalCoverage"] = .string("\(first)/\(last)")
        }
        if let license = model.site.license { fields["license"] = .string(license) }
        return Self.escapingLessThan(JSONValue.object(fields).serialized())
    }

    /// Every `<` byte as `\u003c`, so that the JSON cannot close the script element it sits in. Byte by byte, not
    /// with Foundation's `replacingOccurrences`, which bridged the whole text to UTF-16 on every indicator page
    /// (found in a profile of a one-cell rebuild).
    static func escapingLessThan(_ json: String) -> String {
        guard json.utf8.contains(0x3C) else { return json }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.utf8.count + 16)
        for byte in json.utf8 {
            if byte == 0x3C { bytes.append(contentsOf: Array("\\u003c".utf8)) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
