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
        let format = { (value: Double?) in ValueText.value(value, definition: definition, text.numbers) }
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
                                              ["ratio": text.numbers.percent(ratio * 100, maxFractionDigits: 0)])
            }
            return sentence
        }
    }

    /// A pace in words: "tăng 2,5 điểm phần trăm", "giảm 3%", or "không đổi" when it rounds to 0.
    private static func rate(_ value: Double?, _ assessment: MilestoneAssessment, _ text: InterfaceText,
                             unit: String = "") -> String {
        guard let value else { return "–" }
        if assessment.rateKind == .linear {
            let number = text.numbers.format(abs(value))
            if number == "0" { return text[.rateUnchanged] }
            return text.format(value > 0 ? .rateUpUnits : .rateDownUnits, ["value": number, "unit": unit])
        }
        let points = assessment.rateKind == .percentagePoints
        let number = points ? text.numbers.format(abs(value)) : text.numbers.percent(abs(value))
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

/// Values and targets written for citizens, in the numbers and words of one language.
enum ValueText {
    /// A value with its unit: `66,7%`, `585.040 lượt`.
    static func value(_ value: Double?, definition: IndicatorDefinition, _ numbers: NumberStyle) -> String {
        let number = bare(value, definition: definition, numbers)
        guard value != nil, !definition.isPercentage, !definition.unit.isEmpty else { return number }
        return number + " " + definition.unit
    }

    /// A value without the unit (percentages keep `%`), for table cells whose header carries the unit.
    static func bare(_ value: Double?, definition: IndicatorDefinition, _ numbers: NumberStyle) -> String {
        guard let value else { return "–" }
        if definition.isPercentage { return numbers.percent(value) }
        return numbers.format(value, maxFractionDigits: value.rounded() == value ? 0 : 1)
    }

    static func growth(_ value: Double?, _ numbers: NumberStyle) -> String {
        guard let value else { return "–" }
        return numbers.signedPercent(value)
    }

    static func target(_ milestone: Milestone, definition: IndicatorDefinition, _ text: InterfaceText,
                       baseline: Double?) -> String {
        let numbers = text.numbers
        switch (milestone.target, definition.targetType) {
        case (.relative(let change), _):
            let relative = text.format(change < 0 ? .targetRelativeDown : .targetRelativeUp, [
                "change": numbers.percent(abs(change)), "baseline_year": String(definition.baseline),
            ])
            guard let baseline else { return relative }
            let level = Self.value(Milestone.level(change: change, from: baseline), definition: definition, numbers)
            return text.format(.targetRelativeLevel, ["relative": relative, "level": level])
        case (.value(let value), .annualGrowth):
            return text.format(.targetGrowth, ["rate": numbers.percent(value)])
        case (let .range(min, max), .annualGrowth):
            return text.format(.targetGrowthRange, ["min": numbers.format(min), "max": numbers.percent(max)])
        case (.value(let value), .level):
            return Self.value(value, definition: definition, numbers)
        case (let .range(min, max), .level):
            return "\(Self.bare(min, definition: definition, numbers))–\(Self.value(max, definition: definition, numbers))"
        }
    }

    /// How the indicator is computed, in one or two sentences (`method_*` in the strings table).
    static func method(_ definition: IndicatorDefinition, _ text: InterfaceText) -> String {
        let cumulative = definition.cumulative ? " " + text[.methodCumulative] : ""
        switch definition.method {
        case .share: return text[definition.match == .all ? .methodShareAll : .methodShareAny]
        case .growth: return text[.methodGrowth]
        case .value: return text[.methodValue] + cumulative
        case .series: return text[.methodSeries] + cumulative
        case .ratio:
            let scale = definition.scale == 100 ? " × 100" : definition.scale == 1 ? ""
                : " × \(text.numbers.format(definition.scale, maxFractionDigits: 6))"
            return text.format(definition.rows == .series ? .methodRatioSeries : .methodRatioFacilities, [
                "numerator": definition.numerator ?? "", "denominator": definition.denominator ?? "", "scale": scale,
            ])
        }
    }
}
