public import Indicators
import Yams

/// One `Content/indicators/*.yaml` file: the computable definition plus what citizens read about it.
public struct IndicatorFile: Sendable, Hashable {
    public var definition: IndicatorDefinition
    public var path: String
    /// A short name for tables; defaults to the title.
    public var shortTitle: String
    public var description: String?
    /// The plan's own words for this target.
    public var planText: String?
    public var agency: String
    public var source: String
    public var footnotes: [String]
    /// `.xlsx` data files: the sheet this indicator's data is on (default: each workbook's first sheet).
    public var sheet: String?
    /// Where each key stands, for diagnostics found after loading.
    public var keyLocations: [String: SourceLocation]
    /// The English text (`en:`), if any.
    public var english: Translation?

    static let keys = ["id", "title", "short_title", "group", "unit", "method", "description", "plan_text",
                       "facilities", "conditions", "match", "column", "numerator", "denominator", "scale", "rows",
                       "cumulative", "sheet", "baseline", "direction", "target_type", "milestones", "agency", "source",
                       "footnotes", "en"]
    /// What `en:` in a definition may give; an indicator has an English page only when it gives `title`.
    static let englishShape = Translation.Shape(
        texts: ["title", "short_title", "unit", "description", "plan_text", "agency", "source"], lists: ["footnotes"])
    static let facilityKeys = ["kinds", "levels", "districts"]

    static let what = Message(vi: "định nghĩa chỉ tiêu", en: "an indicator definition")

    static func load(_ file: SourceFile, categories: Categories, numberFormat: NumberFormat = .auto,
                     log: inout DiagnosticLog) -> IndicatorFile? {
        let reader = YAMLReader(path: file.path, numberFormat: numberFormat)
        do {
            guard let node = try reader.parse(file.text) else {
                log.error("tệp đang trống", en: "the file is empty", at: SourceLocation(path: file.path, line: 1, column: 1))
                return nil
            }
            let object = try YAMLObject(node, reader: reader, what: what)
            let underFacilities = Message(vi: "; khóa này thuộc 'facilities:', hãy thụt vào dưới dòng 'facilities:' "
                                              + "(hai dấu cách)",
                                          en: "; this key belongs under 'facilities:', indent it below that line "
                                              + "(two spaces)")
            object.checkUnknownKeys(allowed: keys, what: what,
                                    misplaced: Dictionary(uniqueKeysWithValues: facilityKeys.map { ($0, underFacilities) }),
                                    log: &log)
            let before = log.errors.count
            let id = object.identifier("id", what: what, example: "TV-02", log: &log)
            let title = object.requiredString("title", what: what, log: &log)
            let group = object.requiredString("group", what: what, log: &log)
            if let group, !categories.groups.contains(where: { $0.code == group }) {
                log.error(Message(vi: "không có nhóm '\(group)'", en: "unknown group '\(group)'")
                    + Suggestion.didYouMean(group, in: categories.groups.map(\.code))
                    + Message(vi: "; các nhóm được liệt kê trong categories.yaml", en: "; groups are listed in categories.yaml"),
                    at: object.location(of: "group"))
            }
            let unit = object.requiredString("unit", what: what, log: &log)
            let method = enumValue(IndicatorDefinition.Method.self, "method", object, required: true, log: &log)
            let direction = enumValue(IndicatorDefinition.Direction.self, "direction", object, log: &log)
            let targetType = enumValue(IndicatorDefinition.TargetType.self, "target_type", object, log: &log)
            let match = enumValue(IndicatorDefinition.Match.self, "match", object, log: &log)
            let selection = readSelection(object, categories: categories, reader: reader, log: &log)
            let fields = method.map { readMethodFields($0, object, log: &log) } ?? MethodFields()
            let (baseline, baselineValue) = readBaseline(object, reader: reader, log: &log)
            let milestones = readMilestones(object, reader: reader, log: &log)
            let resolvedType = targetType ?? (method == .growth ? .annualGrowth : .level)
            let isPercentage = method == .share || unit?.hasPrefix("%") == true
            checkMilestones(milestones, baseline: baseline, targetType: resolvedType, isPercentage: isPercentage,
                            cumulative: fields.cumulative, object: object, log: &log)
            // A relative target below the baseline means lower is better, unless `direction` says otherwise.
            let falls = milestones.contains { if case .relative(let change) = $0.0.target { change < 0 } else { false } }
            let years = milestones.map(\.0.year)
            if Set(years).count != years.count {
                log.error("hai mốc có cùng một năm", en: "two milestones have the same year",
                          at: object.location(of: "milestones"))
            }
            let agency = object.requiredString("agency", what: what, log: &log)
            let source = object.requiredString("source", what: what, log: &log)
            guard log.errors.count == before, let id, let title, let group, let unit, let method, let baseline,
                  let agency, let source
            else { return nil }
            let definition = IndicatorDefinition(
                id: id, title: title, group: group, unit: unit, method: method, selection: selection,
                conditions: fields.conditions, match: match ?? .all, column: fields.column,
                numerator: fields.numerator, denominator: fields.denominator, scale: fields.scale ?? 1,
                rows: fields.rows, cumulative: fields.cumulative, baseline: baseline, baselineValue: baselineValue,
                direction: direction ?? (falls ? .lower : .higher), targetType: resolvedType,
                milestones: milestones.map(\.0))
            return IndicatorFile(
                definition: definition, path: file.path,
                shortTitle: object.optionalString("short_title", log: &log) ?? title,
                description: object.optionalString("description", log: &log),
                planText: object.optionalString("plan_text", log: &log), agency: agency, source: source,
                footnotes: object.stringList("footnotes", log: &log), sheet: fields.sheet,
                keyLocations: Dictionary(uniqueKeysWithValues: keys.map { ($0, object.location(of: $0)) }),
                english: Translation.loadTitled(from: object, shape: englishShape, log: &log))
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    static func enumValue<T: RawRepresentable & CaseIterable>(
        _: T.Type, _ key: String, _ object: YAMLObject, required: Bool = false, log: inout DiagnosticLog
    ) -> T? where T.RawValue == String {
        let text = required
            ? object.requiredString(key, what: what, log: &log)
            : object.optionalString(key, log: &log)
        guard let text else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue)
            let list = allowed.joined(separator: ", ")
            log.error(Message(vi: "'\(key)' phải là một trong: \(list)", en: "'\(key)' must be one of \(list)")
                + Suggestion.didYouMean(text, in: allowed), at: object.location(of: key))
            return nil
        }
        return value
    }

    private static func readSelection(_ object: YAMLObject, categories: Categories, reader: YAMLReader,
                                      log: inout DiagnosticLog) -> FacilitySelection {
        guard let node = object.value("facilities") else { return FacilitySelection() }
        do {
            let selection = try YAMLObject(node, reader: reader, what: Message(vi: "'facilities'", en: "'facilities'"))
            let misplaced = Dictionary(uniqueKeysWithValues: keys.filter { !facilityKeys.contains($0) }.map { key in
                (key, Message(vi: "; có lẽ dòng này thụt lề quá sâu: '" + key + "' phải thẳng cột với 'facilities:'",
                              en: "; this line is probably indented too far: it must start in the same column as "
                                  + "'facilities:'"))
            })
            selection.checkUnknownKeys(allowed: facilityKeys, what: Message(vi: "'facilities'", en: "'facilities'"),
                                       misplaced: misplaced, log: &log)
            let lists: [(String, [Categories.Entry])] = [
                ("kinds", categories.kinds), ("levels", categories.levels), ("districts", categories.districts),
            ]
            var values: [String: [String]] = [:]
            for (key, entries) in lists {
                let codes = selection.stringList(key, log: &log)
                for code in codes where !entries.contains(where: { $0.code == code }) {
                    log.error(Message(vi: "không có mã '\(code)' trong danh sách \(key) của categories.yaml",
                                      en: "unknown \(key.dropLast()) '\(code)'")
                        + Suggestion.didYouMean(code, in: entries.map(\.code)), at: selection.location(of: key))
                }
                values[key] = codes
            }
            return FacilitySelection(kinds: values["kinds"] ?? [], levels: values["levels"] ?? [],
                                     districts: values["districts"] ?? [])
        } catch {
            log.append(contentsOf: error.diagnostics)
            return FacilitySelection()
        }
    }
}
