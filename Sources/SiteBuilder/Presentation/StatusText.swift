import Indicators

/// What citizens read about a status: a label, a shape (so colour is never the only cue), and a sentence.
enum StatusText {
    /// The status word, from the theme's interface text.
    static func label(_ status: ProgressStatus, _ text: InterfaceText) -> String {
        switch status {
        case .met: text[.statusMet]
        case .onTrack: text[.statusOnTrack]
        case .needsAcceleration: text[.statusNeedsAcceleration]
        case .slow: text[.statusSlow]
        case .declining: text[.statusDeclining]
        case .notMet: text[.statusNotMet]
        case .insufficientData: text[.statusInsufficientData]
        }
    }

    /// A glyph with a distinct shape per status, shown beside the label.
    static func symbol(_ status: ProgressStatus) -> String {
        switch status {
        case .met: "✓"
        case .onTrack: "▲"
        case .needsAcceleration: "◆"
        case .slow: "■"
        case .declining: "▼"
        case .notMet: "✕"
        case .insufficientData: "?"
        }
    }

    /// Statuses in the order pages list them, best first.
    static let order: [ProgressStatus] = [.met, .onTrack, .needsAcceleration, .slow, .declining, .notMet,
                                          .insufficientData]

    /// One plain sentence (or two) that explains the status, built from the same computed quantities as the
    /// status itself, with its wording from the theme's strings table (`sentence_*`, `rate_*`).
    static func sentence(_ assessment: MilestoneAssessment, definition: IndicatorDefinition,
                         _ text: InterfaceText) -> String {
        let format = { (value: Double?) in ValueText.value(value, definition: definition) }
        var values = [
            "year": String(assessment.milestone.year), "baseline_year": String(assessment.baselineYear),
            "judged_year": assessment.judgedYear.map(String.init) ?? "–",
            "target": ValueText.target(assessment.milestone, definition: definition, text,
                                       baseline: assessment.baselineValue),
            "value": format(assessment.judgedValue), "baseline_value": format(assessment.baselineValue),
            "observed": rate(assessment.observedRate, assessment, text, unit: definition.unit),
            "required": rate(assessment.requiredRate, assessment, text, unit: definition.unit),
        ]
        switch assessment.status {
        case .insufficientData:
            let key: InterfaceText.Key = switch assessment.reason {
            case .noBaselineValue?, nil: .sentenceNoBaseline
            case .zeroBaseline?: .sentenceZeroBaseline
            case .noLaterYear?: .sentenceNoLaterYear
            case .milestoneYearMissing?: .sentenceMilestoneMissing
            }
            return text.format(key, values)
        case .met:
            return text.format(assessment.rateKind == .annualGrowth ? .sentenceMetGrowth : .sentenceMet, values)
        case .notMet:
            return text.format(assessment.rateKind == .annualGrowth ? .sentenceNotMetGrowth : .sentenceNotMet, values)
        case .onTrack, .needsAcceleration, .slow, .declining:
            if assessment.baselineMetThenFell {
                var sentence = text.format(.sentenceFell, values)
                if let needed = assessment.requiredFromLatest {
                    values["required"] = rate(needed, assessment, text, unit: definition.unit)
                    sentence += " " + text.format(.sentenceFellRequired, values)
                }
                return sentence
            }
            var sentence = text.format(assessment.rateKind == .annualGrowth ? .sentencePaceGrowth : .sentencePace,
                                       values)
            if let ratio = assessment.ratio {
                sentence += " " + text.format(.sentenceRatio,
                                              ["ratio": VietnameseNumber.percent(ratio * 100, maxFractionDigits: 0)])
            }
            return sentence
        }
    }

    /// A pace in words: "tăng 2,5 điểm phần trăm", "giảm 3%", or "không đổi" when it rounds to 0.
    private static func rate(_ value: Double?, _ assessment: MilestoneAssessment, _ text: InterfaceText,
                             unit: String = "") -> String {
        guard let value else { return "–" }
        if assessment.rateKind == .linear {
            let number = VietnameseNumber.format(abs(value))
            if number == "0" { return text[.rateUnchanged] }
            return text.format(value > 0 ? .rateUpUnits : .rateDownUnits, ["value": number, "unit": unit])
        }
        let points = assessment.rateKind == .percentagePoints
        let number = points ? VietnameseNumber.format(abs(value)) : VietnameseNumber.percent(abs(value))
        if number == "0" || number == "0%" { return text[.rateUnchanged] }
        let key: InterfaceText.Key = switch (points, value > 0) {
        case (true, true): .rateUpPoints
        case (true, false): .rateDownPoints
        case (false, true): .rateUpPercent
        case (false, false): .rateDownPercent
        }
        return text.format(key, ["value": number])
    }
}

/// Values and targets written for citizens.
enum ValueText {
    /// A value with its unit: `66,7%`, `585.040 lượt`.
    static func value(_ value: Double?, definition: IndicatorDefinition) -> String {
        let number = bare(value, definition: definition)
        guard value != nil, !definition.isPercentage, !definition.unit.isEmpty else { return number }
        return number + " " + definition.unit
    }

    /// A value without the unit (percentages keep `%`), for table cells whose header carries the unit.
    static func bare(_ value: Double?, definition: IndicatorDefinition) -> String {
        guard let value else { return "–" }
        if definition.isPercentage { return VietnameseNumber.percent(value) }
        return VietnameseNumber.format(value, maxFractionDigits: value.rounded() == value ? 0 : 1)
    }

    static func growth(_ value: Double?) -> String {
        guard let value else { return "–" }
        return VietnameseNumber.signedPercent(value)
    }

    static func target(_ milestone: Milestone, definition: IndicatorDefinition, _ text: InterfaceText,
                       baseline: Double?) -> String {
        switch (milestone.target, definition.targetType) {
        case (.relative(let change), _):
            let relative = text.format(change < 0 ? .targetRelativeDown : .targetRelativeUp, [
                "change": VietnameseNumber.percent(abs(change)), "baseline_year": String(definition.baseline),
            ])
            guard let baseline else { return relative }
            let level = Self.value(Milestone.level(change: change, from: baseline), definition: definition)
            return text.format(.targetRelativeLevel, ["relative": relative, "level": level])
        case (.value(let value), .annualGrowth):
            return text.format(.targetGrowth, ["rate": VietnameseNumber.percent(value)])
        case (let .range(min, max), .annualGrowth):
            return text.format(.targetGrowthRange, ["min": VietnameseNumber.format(min),
                                                    "max": VietnameseNumber.percent(max)])
        case (.value(let value), .level):
            return Self.value(value, definition: definition)
        case (let .range(min, max), .level):
            return "\(Self.bare(min, definition: definition))–\(Self.value(max, definition: definition))"
        }
    }

    static func method(_ definition: IndicatorDefinition) -> String {
        switch definition.method {
        case .share:
            let joiner = definition.match == .all ? "tất cả các điều kiện" : "ít nhất một điều kiện"
            return "Tỷ lệ phần trăm số cơ sở đáp ứng \(joiner) trên tổng số cơ sở có báo cáo trong năm."
        case .growth:
            return "Tổng số lượt của các cơ sở có báo cáo trong năm; tốc độ tăng so với năm trước và tốc độ tăng "
                + "bình quân hằng năm kể từ năm gốc."
        case .value:
            return "Số liệu báo cáo của năm, cộng lại trên các cơ sở được chọn."
                + (definition.cumulative ? " Mỗi năm ghi tổng cộng dồn từ năm gốc." : "")
        case .series:
            return "Số liệu tổng hợp theo năm do cơ quan chuyên môn báo cáo; số liệu toàn tỉnh là số liệu báo cáo "
                + "cho cả tỉnh, không phải tổng các địa bàn."
                + (definition.cumulative ? " Mỗi năm ghi tổng cộng dồn từ năm gốc." : "")
        case .ratio:
            let scale = definition.scale == 100 ? " × 100" : definition.scale == 1 ? ""
                : " × \(VietnameseNumber.format(definition.scale, maxFractionDigits: 6))"
            let over = definition.rows == .series ? "theo số liệu tổng hợp của năm"
                : "cộng trên các cơ sở có báo cáo đủ cả hai số trong năm"
            return "Tổng \(definition.numerator ?? "") chia cho tổng \(definition.denominator ?? "")\(scale), \(over)."
        }
    }
}
