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

    /// One plain sentence (or two) that explains the status with its numbers.
    static func sentence(_ assessment: MilestoneAssessment, definition: IndicatorDefinition) -> String {
        let year = assessment.milestone.year
        let target = ValueText.target(assessment.milestone, definition: definition)
        let format = { (value: Double) in ValueText.value(value, definition: definition) }
        switch assessment.status {
        case .insufficientData:
            if assessment.baselineValue == nil {
                return "Chưa đủ dữ liệu để đánh giá: chưa có số liệu của năm gốc \(assessment.baselineYear)."
            }
            return "Chưa đủ dữ liệu để đánh giá: cần số liệu của năm gốc \(assessment.baselineYear) "
                + "và ít nhất một năm sau đó."
        case .met where assessment.rateKind == .annualGrowth:
            return "Đã đạt mục tiêu năm \(year): bình quân mỗi năm \(rate(assessment.observedRate, assessment)) "
                + "từ năm \(assessment.baselineYear), mục tiêu là \(target)."
        case .met:
            let value = assessment.judgedValue.map(format) ?? "–"
            return "Đã đạt mục tiêu năm \(year): năm \(assessment.judgedYear ?? year) đạt \(value), mục tiêu là \(target)."
        case .notMet where assessment.rateKind == .annualGrowth:
            return "Không đạt mục tiêu năm \(year): bình quân mỗi năm \(rate(assessment.observedRate, assessment)) "
                + "từ năm \(assessment.baselineYear), thấp hơn mục tiêu \(target)."
        case .notMet:
            let value = assessment.judgedValue.map(format) ?? "–"
            return "Không đạt mục tiêu năm \(year): năm \(assessment.judgedYear ?? year) chỉ đạt \(value), "
                + "mục tiêu là \(target)."
        case .onTrack, .needsAcceleration, .slow, .declining:
            let from = assessment.baselineYear
            let to = assessment.judgedYear ?? from
            let observed = rate(assessment.observedRate, assessment)
            let required = rate(assessment.requiredRate, assessment)
            var text: String
            if assessment.rateKind == .annualGrowth {
                text = "Từ năm \(from) đến năm \(to), bình quân mỗi năm \(observed); mục tiêu đến năm \(year) là \(target)."
            } else {
                text = "Từ năm \(from) đến năm \(to), chỉ tiêu thay đổi bình quân \(observed) mỗi năm; "
                    + "để đạt \(target) vào năm \(year) cần \(required) mỗi năm."
            }
            if let ratio = assessment.ratio {
                text += " Tốc độ hiện nay bằng \(VietnameseNumber.percent(ratio * 100, maxFractionDigits: 0)) "
                    + "tốc độ cần thiết."
            }
            return text
        }
    }

    private static func rate(_ value: Double?, _ assessment: MilestoneAssessment) -> String {
        guard let value else { return "–" }
        switch assessment.rateKind {
        case .percentagePoints:
            return (value >= 0 ? "tăng " : "giảm ") + VietnameseNumber.format(abs(value)) + " điểm phần trăm"
        case .compoundGrowth, .annualGrowth:
            return (value >= 0 ? "tăng " : "giảm ") + VietnameseNumber.percent(abs(value))
        }
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

    static func target(_ milestone: Milestone, definition: IndicatorDefinition) -> String {
        switch (milestone.target, definition.targetType) {
        case (.value(let value), .annualGrowth):
            return "tăng bình quân \(VietnameseNumber.percent(value))/năm"
        case (let .range(min, max), .annualGrowth):
            return "tăng bình quân \(VietnameseNumber.format(min))–\(VietnameseNumber.percent(max))/năm"
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
        }
    }
}
