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
    /// Where each key stands, for diagnostics found after loading.
    public var keyLocations: [String: SourceLocation]

    static let keys = ["id", "title", "short_title", "group", "unit", "method", "description", "plan_text",
                       "facilities", "conditions", "match", "column", "baseline", "direction", "target_type",
                       "milestones", "agency", "source", "footnotes"]
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
            let id = object.requiredString("id", what: what, log: &log)
            if let id, !Slug.isIdentifier(id) {
                log.error("'id' chỉ gồm chữ A–Z và chữ số, các nhóm nối bằng một dấu gạch ngang, ví dụ TV-02",
                          en: "'id' must be letters A–Z and digits in groups joined by single dashes, e.g. TV-02",
                          at: object.location(of: "id"))
            }
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
            let conditions = object.stringList("conditions", log: &log)
            let column = object.optionalString("column", log: &log)
            if method == .share && conditions.isEmpty {
                log.error("method 'share' cần 'conditions': các cột có/không mà cơ sở phải ghi 'có'",
                          en: "method 'share' needs 'conditions': the yes/no columns a facility must have as 'có'",
                          at: object.location(of: "method"))
            }
            if (method == .growth || method == .value) && column == nil {
                log.error("method '\(method?.rawValue ?? "")' cần 'column': cột số liệu để cộng lại",
                          en: "method '\(method?.rawValue ?? "")' needs 'column': the count column to add up",
                          at: object.location(of: "method"))
            }
            let baseline = object.required("baseline", what: what, log: &log)
                .flatMap { object.year($0, key: "baseline", log: &log) }
            let milestones = readMilestones(object, reader: reader, log: &log)
            let resolvedType = targetType ?? (method == .growth ? .annualGrowth : .level)
            let isPercentage = method == .share || unit?.hasPrefix("%") == true
            for (milestone, location) in milestones {
                if let baseline, milestone.year <= baseline {
                    log.error("mốc \(milestone.year) không ở sau năm gốc \(baseline)",
                              en: "milestone \(milestone.year) is not after the baseline \(baseline)", at: location)
                }
                let values: [Double] = switch milestone.target {
                case .value(let value): [value]
                case let .range(min, max): [min, max]
                }
                if resolvedType == .level && isPercentage
                    && values.contains(where: { $0 > 100 || $0 < 0 }) {
                    log.error("mục tiêu phần trăm phải từ 0 đến 100", en: "a percentage target must be between 0 and 100",
                              at: location)
                }
            }
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
                conditions: conditions, match: match ?? .all, column: column, baseline: baseline,
                direction: direction ?? .higher, targetType: resolvedType, milestones: milestones.map(\.0))
            return IndicatorFile(
                definition: definition, path: file.path,
                shortTitle: object.optionalString("short_title", log: &log) ?? title,
                description: object.optionalString("description", log: &log),
                planText: object.optionalString("plan_text", log: &log), agency: agency, source: source,
                footnotes: object.stringList("footnotes", log: &log),
                keyLocations: Dictionary(uniqueKeysWithValues: keys.map { ($0, object.location(of: $0)) }))
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    private static func enumValue<T: RawRepresentable & CaseIterable>(
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
            let tooDeep = Message(vi: "; có lẽ dòng này thụt lề quá sâu: '\u{7B}key\u{7D}' phải thẳng cột với 'facilities:'",
                                  en: "; this line is probably indented too far: it must start in the same column as "
                                      + "'facilities:'")
            let misplaced = Dictionary(uniqueKeysWithValues: keys.filter { !facilityKeys.contains($0) }.map { key in
                (key, Message(vi: tooDeep.vi.replacingOccurrences(of: "{key}", with: key), en: tooDeep.en))
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

    private static func readMilestones(_ object: YAMLObject, reader: YAMLReader,
                                       log: inout DiagnosticLog) -> [(Milestone, SourceLocation)] {
        guard let node = object.value("milestones") else {
            log.error("thiếu khóa bắt buộc 'milestones' trong định nghĩa chỉ tiêu",
                      en: "missing required key 'milestones' in an indicator definition", at: object.location)
            return []
        }
        guard let sequence = node.sequence else {
            log.error("'milestones' phải là danh sách các dòng '- {year: 2025, value: 70}'",
                      en: "'milestones' must be a list of '- {year: 2025, value: 70}'", at: reader.location(of: node))
            return []
        }
        var result: [(Milestone, SourceLocation)] = []
        for item in sequence {
            do {
                let milestone = Message(vi: "một mốc", en: "a milestone")
                let entry = try YAMLObject(item, reader: reader, what: milestone)
                entry.checkUnknownKeys(allowed: ["year", "value", "min", "max"], what: milestone, log: &log)
                guard let year = entry.required("year", what: milestone, log: &log)
                    .flatMap({ entry.year($0, key: "year", log: &log) }) else { continue }
                let errorsBefore = log.errors.count
                let value = entry.value("value").flatMap { entry.number($0, key: "value", log: &log) }
                let min = entry.value("min").flatMap { entry.number($0, key: "min", log: &log) }
                let max = entry.value("max").flatMap { entry.number($0, key: "max", log: &log) }
                guard log.errors.count == errorsBefore else { continue }
                let target: Milestone.Target
                switch (value, min, max) {
                case (let value?, nil, nil): target = .value(value)
                case (nil, let min?, let max?) where min <= max: target = .range(min: min, max: max)
                case (nil, .some, .some):
                    log.error("'min' lớn hơn 'max'", en: "'min' is above 'max'", at: entry.location)
                    continue
                default:
                    log.error("mỗi mốc cần 'value', hoặc cả 'min' và 'max'",
                              en: "a milestone needs either 'value' or both 'min' and 'max'", at: entry.location)
                    continue
                }
                result.append((Milestone(year: year, target: target), entry.location))
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        if result.isEmpty && !sequence.isEmpty { return result }
        if sequence.isEmpty {
            log.error("'milestones' đang trống; chỉ tiêu cần ít nhất một mục tiêu",
                      en: "'milestones' is empty; an indicator needs at least one target", at: reader.location(of: node))
        }
        return result
    }
}
