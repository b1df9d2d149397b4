import Foundation
import Yams

/// `Content/site.yaml`: the site and the plan it reports on.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// Absolute base URL ending in `/`, used for canonical links and Open Graph.
    public var baseURL: String
    public var language: String
    public var reportingYear: Int
    /// How numbers are written in data tables and YAML (`number_format`, default `auto`).
    public var numberFormat: NumberFormat
    /// The date the data was last updated (`updated`, `YYYY-MM-DD`), for the changes feed; never the clock.
    public var updated: String?
    /// The licence of the data (`license`, a URL), for the open-data catalogue.
    public var license: String?
    public var sampleData: Bool
    public var publisher: String
    public var plan: Plan
    /// Section file names shown in the main navigation, in order.
    public var menu: [String]
    /// Where `menu` stands in site.yaml, for errors about its entries.
    public var menuLocation: SourceLocation
    /// Where `language` stands in site.yaml (or the file's start when it is not given).
    public var languageLocation: SourceLocation
    /// The English edition's text (`en:`); the English edition is made only when it is given.
    public var english: Translation?

    public struct Plan: Sendable, Hashable {
        public var number: String
        public var title: String
        /// ISO date `YYYY-MM-DD`.
        public var date: String
        public var effectiveDate: String?
        public var documentType: String
        public var issuer: String
        public var signer: String
        public var field: String
    }

    static let keys = ["title", "description", "base_url", "language", "reporting_year", "sample_data", "publisher",
                       "plan", "menu", "number_format", "updated", "license", "en"]
    static let planKeys = ["number", "title", "date", "effective_date", "type", "issuer", "signer", "field"]

    static let what = Message(vi: "site.yaml", en: "site.yaml")
    /// What `en:` in site.yaml may give: the English edition's title, description, publisher and the plan's facts.
    static let englishShape = Translation.Shape(texts: ["title", "description", "publisher"],
                                                mappings: ["plan": ["title", "type", "issuer", "signer", "field"]])

    static func load(_ file: SourceFile, log: inout DiagnosticLog) -> SiteConfig? {
        let reader = YAMLReader(path: file.path)
        let node: Node
        do {
            guard let parsed = try reader.parse(file.text) else {
                log.error("site.yaml đang trống; tệp cần ít nhất title, base_url, reporting_year và plan",
                          en: "site.yaml is empty; it needs at least title, base_url, reporting_year and plan",
                          at: SourceLocation(path: file.path, line: 1, column: 1))
                return nil
            }
            node = parsed
            let object = try YAMLObject(node, reader: reader, what: what)
            return read(object, reader: reader, log: &log)
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    private static func read(_ object: YAMLObject, reader: YAMLReader, log: inout DiagnosticLog) -> SiteConfig? {
        object.checkUnknownKeys(allowed: keys, what: what, severity: .warning, log: &log)
        let before = log.errors.count
        let title = object.requiredString("title", what: what, log: &log)
        let description = object.optionalString("description", log: &log) ?? ""
        var baseURL = object.requiredString("base_url", what: what, log: &log)
        if let url = baseURL {
            let allowed = url.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "-._~:/%".unicodeScalars.contains($0)
            }
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url)?.host == nil || !allowed {
                log.error("'base_url' phải là địa chỉ http(s) đầy đủ, không có dấu cách, dấu ? hay dấu #, ví dụ "
                          + "https://example.gov.vn/",
                          en: "'base_url' must be an absolute http(s) address without spaces, query or fragment, "
                            + "such as https://example.gov.vn/", at: object.location(of: "base_url"))
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let language = object.optionalString("language", log: &log) ?? "vi"
        let reportingYear = object.requiredInt("reporting_year", what: what, log: &log)
        if let year = reportingYear, !Limits.years.contains(year) {
            let range = "\(Limits.years.lowerBound)–\(Limits.years.upperBound)"
            log.error("'reporting_year' \(year) không phải là một năm hợp lý (\(range))",
                      en: "'reporting_year' \(year) is not a plausible year (\(range))",
                      at: object.location(of: "reporting_year"))
        }
        let updated = object.optionalString("updated", log: &log)
        if let updated, VietnameseDate.display(updated) == nil {
            log.error("'updated' phải là ngày viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-03-31",
                      en: "'updated' must be a date written YYYY-MM-DD, e.g. 2025-03-31",
                      at: object.location(of: "updated"))
        }
        let license = object.optionalString("license", log: &log)
        if let license, !(license.hasPrefix("https://") || license.hasPrefix("http://")) || license.contains(" ") {
            log.error("'license' phải là địa chỉ của giấy phép, ví dụ https://creativecommons.org/licenses/by/4.0/",
                      en: "'license' must be the address of the licence, e.g. https://creativecommons.org/licenses/by/4.0/",
                      at: object.location(of: "license"))
        }
        var numberFormat = NumberFormat.auto
        if let text = object.optionalString("number_format", log: &log) {
            if let format = NumberFormat(rawValue: text) {
                numberFormat = format
            } else {
                let list = NumberFormat.allCases.map(\.rawValue).joined(separator: ", ")
                log.error(Message(vi: "'number_format' phải là một trong: \(list)",
                                  en: "'number_format' must be one of \(list)")
                    + Suggestion.didYouMean(text, in: NumberFormat.allCases.map(\.rawValue)),
                    at: object.location(of: "number_format"))
            }
        }
        let sampleData = object.optionalBool("sample_data", log: &log) ?? false
        let publisher = object.optionalString("publisher", log: &log) ?? ""
        let menu = object.stringList("menu", log: &log)
        var plan: Plan?
        if let planNode = object.value("plan") {
            do {
                let planObject = try YAMLObject(planNode, reader: reader, what: Message(vi: "'plan'", en: "'plan'"))
                plan = readPlan(planObject, log: &log)
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        } else {
            log.error("thiếu khóa bắt buộc 'plan' trong site.yaml", en: "missing required key 'plan' in site.yaml",
                      at: object.location)
        }
        let english = Translation.loadTitled(from: object, shape: englishShape, log: &log)
        guard log.errors.count == before, let title, let baseURL, let reportingYear, let plan else { return nil }
        return SiteConfig(title: title, description: description, baseURL: baseURL, language: language,
                          reportingYear: reportingYear, numberFormat: numberFormat, updated: updated, license: license,
                          sampleData: sampleData,
                          publisher: publisher, plan: plan,
                          menu: menu, menuLocation: object.location(of: "menu"),
                          languageLocation: object.location(of: "language"), english: english)
    }

    private static func readPlan(_ object: YAMLObject, log: inout DiagnosticLog) -> Plan? {
        let what = Message(vi: "'plan'", en: "'plan'")
        object.checkUnknownKeys(allowed: planKeys, what: what, severity: .warning, log: &log)
        let number = object.requiredString("number", what: what, log: &log)
        let title = object.requiredString("title", what: what, log: &log)
        let date = object.requiredString("date", what: what, log: &log)
        let effective = object.optionalString("effective_date", log: &log)
        for (key, value) in [("date", date), ("effective_date", effective)] {
            if let value, VietnameseDate.display(value) == nil {
                log.error("'\(key)' phải là ngày viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-08-25",
                          en: "'\(key)' must be a date written YYYY-MM-DD, e.g. 2023-08-25", at: object.location(of: key))
            }
        }
        let type = object.optionalString("type", log: &log) ?? "Kế hoạch"
        let issuer = object.requiredString("issuer", what: what, log: &log)
        let signer = object.requiredString("signer", what: what, log: &log)
        let field = object.requiredString("field", what: what, log: &log)
        guard let number, let title, let date, let issuer, let signer, let field else { return nil }
        return Plan(number: number, title: title, date: date, effectiveDate: effective, documentType: type,
                    issuer: issuer, signer: signer, field: field)
    }
}

/// ISO dates shown the Vietnamese way: `2023-08-25` → `25/08/2023`.
public enum VietnameseDate {
    public static func display(_ iso: String) -> String? {
        guard parts(iso) != nil else { return nil }
        let parts = iso.split(separator: "-")
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// Year, month and day of a `YYYY-MM-DD` date; nil when the text is not one.
    static func parts(_ iso: String) -> (year: Int, month: Int, day: Int)? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day), year > 0
        else { return nil }
        return (year, month, day)
    }
}
