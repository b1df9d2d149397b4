import Indicators
import Yams

extension IndicatorFile {
    /// `baseline: 2021` (the value is the data's in that year) or `baseline: {year: 2020, value: 22}` (the value
    /// as the plan states it; the year may come before any data).
    static func readBaseline(_ object: YAMLObject, reader: YAMLReader,
                             log: inout DiagnosticLog) -> (year: Int?, value: Double?) {
        guard let node = object.required("baseline", what: what, log: &log) else { return (nil, nil) }
        guard node.mapping != nil else { return (object.year(node, key: "baseline", log: &log), nil) }
        do {
            let entry = try YAMLObject(node, reader: reader, what: Message(vi: "'baseline'", en: "'baseline'"))
            entry.checkUnknownKeys(allowed: ["year", "value"], what: Message(vi: "'baseline'", en: "'baseline'"),
                                   log: &log)
            let year = entry.required("year", what: Message(vi: "'baseline'", en: "'baseline'"), log: &log)
                .flatMap { entry.year($0, key: "year", log: &log) }
            let value = entry.required("value", what: Message(vi: "'baseline'", en: "'baseline'"), log: &log)
                .flatMap { entry.number($0, key: "value", log: &log) }
            return (year, value)
        } catch {
            log.append(contentsOf: error.diagnostics)
            return (nil, nil)
        }
    }

    /// Milestone years after the baseline, once each; percentage levels within 0–100; relative targets only for
    /// level targets and not for cumulative counts.
    static func checkMilestones(_ milestones: [(Milestone, SourceLocation)], baseline: Int?,
                                targetType: IndicatorDefinition.TargetType, isPercentage: Bool, cumulative: Bool,
                                object: YAMLObject, log: inout DiagnosticLog) {
        if cumulative && targetType == .annualGrowth {
            log.error("số cộng dồn ('cumulative: true') cần mục tiêu dạng mức: thêm 'target_type: level'",
                      en: "a cumulative count ('cumulative: true') needs a level target: add 'target_type: level'",
                      at: object.location(of: "cumulative"))
        }
        for (milestone, location) in milestones {
            if let baseline, milestone.year <= baseline {
                log.error("mốc \(milestone.year) không ở sau năm gốc \(baseline)",
                          en: "milestone \(milestone.year) is not after the baseline \(baseline)", at: location)
            }
            let values: [Double] = switch milestone.target {
            case .value(let value): [value]
            case let .range(min, max): [min, max]
            case .relative: []
            }
            if targetType == .level && isPercentage && values.contains(where: { $0 > 100 || $0 < 0 }) {
                log.error("mục tiêu phần trăm phải từ 0 đến 100", en: "a percentage target must be between 0 and 100",
                          at: location)
            }
            if case .relative(let change) = milestone.target {
                if targetType != .level || cumulative {
                    log.error("'change' (mục tiêu so với năm gốc) chỉ dùng cho mục tiêu dạng mức (target_type: level), "
                                  + "không dùng cho tốc độ tăng hay số cộng dồn",
                              en: "'change' (a target relative to the baseline) is only for level targets "
                                  + "(target_type: level), not for growth rates or cumulative counts", at: location)
                } else if change <= -100 {
                    log.error("'change' phải lớn hơn -100 (giảm 100% là về 0)",
                              en: "'change' must be above -100 (a 100% fall is zero)", at: location)
                }
            }
        }
        let years = milestones.map(\.0.year)
        if Set(years).count != years.count {
            log.error("hai mốc có cùng một năm", en: "two milestones have the same year",
                      at: object.location(of: "milestones"))
        }
    }

    static func readMilestones(_ object: YAMLObject, reader: YAMLReader,
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
                entry.checkUnknownKeys(allowed: ["year", "value", "min", "max", "change"], what: milestone, log: &log)
                guard let year = entry.required("year", what: milestone, log: &log)
                    .flatMap({ entry.year($0, key: "year", log: &log) }) else { continue }
                let errorsBefore = log.errors.count
                let value = entry.value("value").flatMap { entry.number($0, key: "value", log: &log) }
                let min = entry.value("min").flatMap { entry.number($0, key: "min", log: &log) }
                let max = entry.value("max").flatMap { entry.number($0, key: "max", log: &log) }
                let change = entry.value("change").flatMap { entry.number($0, key: "change", log: &log) }
                guard log.errors.count == errorsBefore else { continue }
                let target: Milestone.Target
                switch (value, min, max, change) {
                case (let value?, nil, nil, nil): target = .value(value)
                case (nil, let min?, let max?, nil) where min <= max: target = .range(min: min, max: max)
                case (nil, nil, nil, let change?): target = .relative(change: change)
                case (nil, .some, .some, nil):
                    log.error("'min' lớn hơn 'max'", en: "'min' is above 'max'", at: entry.location)
                    continue
                default:
                    log.error("mỗi mốc cần đúng một trong: 'value', cả 'min' và 'max', hoặc 'change'",
                              en: "a milestone needs exactly one of 'value', both 'min' and 'max', or 'change'",
                              at: entry.location)
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
