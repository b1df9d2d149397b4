/// How an indicator stands against one milestone.
public enum ProgressStatus: String, Sendable, Hashable, CaseIterable {
    /// The target is reached.
    case met = "dat"
    /// The observed pace is at least 95% of the pace needed.
    case onTrack = "dung-tien-do"
    /// 60–95% of the pace needed.
    case needsAcceleration = "can-day-nhanh"
    /// 0–60% of the pace needed.
    case slow = "cham"
    /// Moving away from the target.
    case declining = "di-xuong"
    /// The milestone year has passed and the target was not reached.
    case notMet = "khong-dat"
    /// Fewer than two years of data since the baseline, or no baseline value.
    case insufficientData = "chua-du-du-lieu"

    /// Thresholds used by Statistics Canada and Open SDG for the ratio of observed to required pace.
    public static func forRatio(_ ratio: Double) -> ProgressStatus {
        if ratio >= 0.95 { return .onTrack }
        if ratio >= 0.6 { return .needsAcceleration }
        if ratio >= 0 { return .slow }
        return .declining
    }
}

/// The result of holding a series against one milestone, with the numbers behind it.
public struct MilestoneAssessment: Sendable, Hashable {
    public var milestone: Milestone
    public var status: ProgressStatus
    public var baselineYear: Int
    public var baselineValue: Double?
    /// The observation the status is judged on (the latest one up to the milestone year).
    public var judgedYear: Int?
    public var judgedValue: Double?
    /// Observed pace since the baseline: percentage points a year (shares), % a year compound (counts).
    public var observedRate: Double?
    /// Pace needed from the baseline to reach the milestone on time, in the same unit.
    public var requiredRate: Double?
    /// `observedRate / requiredRate`.
    public var ratio: Double?
    /// What the rates measure.
    public var rateKind: RateKind
    /// Why the status is `insufficientData`.
    public var reason: Reason?
    /// The baseline already reached the target but the latest value no longer does.
    public var baselineMetThenFell = false
    /// For a target reached at the baseline and lost since: the pace needed from the latest year to the milestone.
    public var requiredFromLatest: Double?
    /// The milestone year has come (it is not after the reporting year): the target is judged on that year's value.
    public var isDue = false

    public enum Reason: String, Sendable, Hashable {
        /// The baseline year has no value.
        case noBaselineValue
        /// The baseline value is 0, so a growth rate from it is undefined.
        case zeroBaseline
        /// No year after the baseline has a value.
        case noLaterYear
        /// The milestone year has come but has no value.
        case milestoneYearMissing
    }

    public enum RateKind: String, Sendable, Hashable {
        /// Percentage points a year (shares and other percentages).
        case percentagePoints
        /// Compound % a year (counts with a level target).
        case compoundGrowth
        /// Average annual growth compared with a growth-rate target.
        case annualGrowth
        /// Units a year, for a cumulative count (a linear pace).
        case linear
    }
}

/// Holds series against milestones.
public enum ProgressAssessor {
    /// - Parameter reportingYear: the year the report covers; a milestone not after it is due and judged on its
    ///   own year's value. Without it, the last year of the series.
    public static func assess(_ definition: IndicatorDefinition, series: IndicatorSeries,
                              milestone: Milestone, reportingYear: Int? = nil) -> MilestoneAssessment {
        let baseline = definition.baseline
        let baselineValue = definition.baselineValue ?? series.value(in: baseline)
        let resolved = milestone.threshold(for: definition.direction, baseline: baselineValue)
        let threshold = resolved ?? 0
        let observed = series.observed.filter { $0.year >= baseline }
        let isDue = milestone.year <= (reportingYear ?? series.points.last?.year ?? Int.min)
        // The latest value up to the milestone year: for a due milestone, a target reached before the year counts
        // as met; anything else must be judged on the milestone year's own value.
        let judged = observed.last { $0.year <= milestone.year }
        let milestoneYearMissing = isDue && judged?.year != milestone.year
        let rateKind: MilestoneAssessment.RateKind = switch (definition.targetType, definition.method) {
        case (.annualGrowth, _): .annualGrowth
        case (.level, _) where definition.cumulative: .linear
        case (.level, .share): .percentagePoints
        case (.level, _): definition.isPercentage ? .percentagePoints : .compoundGrowth
        }
        var result = MilestoneAssessment(
            milestone: milestone, status: .insufficientData, baselineYear: baseline, baselineValue: baselineValue,
            judgedYear: judged?.year, judgedValue: judged?.value, observedRate: nil, requiredRate: nil, ratio: nil,
            rateKind: rateKind)
        result.isDue = isDue
        result.reason = if baselineValue == nil { .noBaselineValue }
            else if milestoneYearMissing { .milestoneYearMissing }
            else if !observed.contains(where: { $0.year > baseline }) { .noLaterYear }
            else if baselineValue == 0 && (rateKind == .compoundGrowth || rateKind == .annualGrowth) { .zeroBaseline }
            else { nil }
        guard resolved != nil else { return result }
        let better: (Double, Double) -> Bool = definition.direction == .higher ? { $0 >= $1 } : { $0 <= $1 }
        let sign = definition.direction == .higher ? 1.0 : -1.0

        if definition.targetType == .annualGrowth {
            if milestoneYearMissing { return result }
            guard let baselineValue, let judged, let value = judged.value, judged.year > baseline,
                  let growth = Growth.averageAnnual(from: baselineValue, to: value, years: judged.year - baseline)
            else { return result }
            result.reason = nil
            result.observedRate = growth
            result.requiredRate = threshold
            if isDue {
                result.status = better(growth, threshold) ? .met : .notMet
                return result
            }
            guard threshold != 0 else {
                result.status = better(growth, threshold) ? .onTrack : .declining
                return result
            }
            let ratio = growth / threshold
            result.ratio = ratio
            result.status = ProgressStatus.forRatio(ratio)
            return result
        }

        if let judged, let value = judged.value, better(value, threshold) {
            result.status = .met
            result.reason = nil
            return result
        }
        if milestoneYearMissing { return result }
        if isDue, judged?.value != nil {
            result.status = .notMet
            result.reason = nil
            return result
        }
        guard let baselineValue, let latest = observed.last, let value = latest.value, latest.year > baseline
        else { return result }
        let elapsed = Double(latest.year - baseline)
        let planned = Double(milestone.year - baseline)
        let observedRate: Double
        let requiredRate: Double
        if rateKind == .percentagePoints || rateKind == .linear {
            observedRate = (value - baselineValue) / elapsed
            requiredRate = (threshold - baselineValue) / planned
        } else {
            guard let observedGrowth = Growth.averageAnnual(from: baselineValue, to: value, years: latest.year - baseline),
                  let requiredGrowth = Growth.averageAnnual(from: baselineValue, to: threshold,
                                                            years: milestone.year - baseline)
            else { return result }
            observedRate = observedGrowth
            requiredRate = requiredGrowth
        }
        result.reason = nil
        result.observedRate = observedRate
        result.requiredRate = requiredRate
        // The baseline already met the target but the latest value does not: the pace "needed from the baseline"
        // is 0 or negative and says nothing; what matters is the pace needed from now to regain the target.
        guard sign * requiredRate > 0 else {
            result.baselineMetThenFell = true
            let remaining = milestone.year - latest.year
            if remaining > 0 {
                result.requiredFromLatest = rateKind == .percentagePoints
                    ? (threshold - value) / Double(remaining)
                    : Growth.averageAnnual(from: value, to: threshold, years: remaining)
            }
            result.status = sign * observedRate < 0 ? .declining : .needsAcceleration
            return result
        }
        let ratio = observedRate / requiredRate
        result.ratio = ratio
        result.status = ProgressStatus.forRatio(ratio)
        return result
    }

    /// Assessments for every milestone, in year order.
    public static func assessAll(_ definition: IndicatorDefinition, series: IndicatorSeries,
                                 reportingYear: Int? = nil) -> [MilestoneAssessment] {
        definition.milestones.map { assess(definition, series: series, milestone: $0, reportingYear: reportingYear) }
    }
}
