import Indicators

/// The keys that say what an indicator computes from: which depend on its method.
struct MethodFields {
    var conditions: [String] = []
    var column: String?
    var numerator: String?
    var denominator: String?
    var scale: Double?
    var rows: IndicatorDefinition.Rows?
    var cumulative = false
    var sheet: String?
}

extension IndicatorFile {
    /// Reads the method's keys and checks that each method has what it needs and nothing it would ignore.
    static func readMethodFields(_ method: IndicatorDefinition.Method, _ object: YAMLObject,
                                 log: inout DiagnosticLog) -> MethodFields {
        var fields = MethodFields()
        fields.conditions = object.stringList("conditions", log: &log)
        fields.column = object.optionalString("column", log: &log)
        fields.numerator = object.optionalString("numerator", log: &log)
        fields.denominator = object.optionalString("denominator", log: &log)
        fields.scale = object.value("scale").flatMap { object.number($0, key: "scale", log: &log) }
        fields.rows = enumValue(IndicatorDefinition.Rows.self, "rows", object, log: &log)
        fields.cumulative = object.optionalBool("cumulative", log: &log) ?? false
        fields.sheet = object.optionalString("sheet", log: &log)
        let at = object.location(of: "method")
        func need(_ key: String, vi: String, en: String) {
            log.error("method '\(method.rawValue)' cần '\(key)': \(vi)", en: "method '\(method.rawValue)' needs "
                + "'\(key)': \(en)", at: at)
        }
        func unused(_ key: String) {
            log.error("method '\(method.rawValue)' không dùng '\(key)'; hãy xóa dòng này",
                      en: "method '\(method.rawValue)' does not use '\(key)'; remove it", at: object.location(of: key))
        }
        let used: Set<String> = switch method {
        case .share: ["conditions", "match"]
        case .growth, .value: ["column"]
        case .series: []
        case .ratio: ["numerator", "denominator", "scale", "rows"]
        }
        for key in ["conditions", "match", "column", "numerator", "denominator", "scale", "rows"]
            where object.value(key) != nil && !used.contains(key) {
            unused(key)
        }
        if method == .series || fields.rows == .series, object.value("facilities") != nil {
            log.error("số liệu dạng dài (series) không chọn cơ sở; hãy xóa 'facilities'",
                      en: "long-format rows (series) select no facilities; remove 'facilities'",
                      at: object.location(of: "facilities"))
        }
        switch method {
        case .share where fields.conditions.isEmpty:
            need("conditions", vi: "các cột có/không mà cơ sở phải ghi 'có'",
                 en: "the yes/no columns a facility must have as 'có'")
        case .growth where fields.column == nil, .value where fields.column == nil:
            need("column", vi: "cột số liệu để cộng lại", en: "the count column to add up")
        case .ratio where fields.numerator == nil || fields.denominator == nil:
            need(fields.numerator == nil ? "numerator" : "denominator", vi: "cột tử số và cột mẫu số",
                 en: "the numerator and denominator columns")
        default:
            break
        }
        if let scale = fields.scale, scale <= 0 {
            log.error("'scale' phải lớn hơn 0 (100 cho tỷ lệ phần trăm)", en: "'scale' must be above 0 (100 for a "
                + "percentage)", at: object.location(of: "scale"))
        }
        if fields.cumulative && (method == .share || method == .ratio) {
            log.error("'cumulative: true' chỉ dùng cho số đếm cộng dồn được (growth, value, series), không dùng cho "
                          + "tỷ lệ", en: "'cumulative: true' is only for counts that add up (growth, value, series), "
                          + "not for rates", at: object.location(of: "cumulative"))
        }
        return fields
    }
}
