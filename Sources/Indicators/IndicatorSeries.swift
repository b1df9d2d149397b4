import Foundation

/// An indicator computed from data: one point per year, overall and by district.
public struct IndicatorSeries: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var year: Int
        /// The indicator's value (percent for `share`, the total for `growth` and `value`); nil is "no data".
        public var value: Double?
        /// `share`: facilities meeting the conditions.
        public var numerator: Int?
        /// `share`: facilities that reported the conditions; `growth`/`value`: facilities that reported the count.
        public var reporting: Int
        /// Selected facilities with no report for this year.
        public var missing: Int
        /// Growth over the previous year in percent, when both years have a value and the previous is above 0.
        public var yearOnYearGrowth: Double?
        /// False for a year before any facility (selected or not) reported the indicator's columns: the data
        /// was not collected yet ("chưa thu thập"), which is not the same as facilities failing to report.
        public var collected: Bool
        /// Whether the facilities that reported this year are exactly those that reported the year before; nil
        /// when either year has no report. A growth over different sets compares different things and is flagged.
        public var sameReportersAsPrevious: Bool?
        /// `cumulative`: a year since the baseline has no figure, so this running total leaves it out.
        public var cumulativeIncomplete = false

        public init(year: Int, value: Double?, numerator: Int? = nil, reporting: Int, missing: Int,
                    yearOnYearGrowth: Double? = nil, collected: Bool = true, sameReportersAsPrevious: Bool? = nil) {
            self.year = year
            self.value = value
            self.numerator = numerator
            self.reporting = reporting
            self.missing = missing
            self.yearOnYearGrowth = yearOnYearGrowth
            self.collected = collected
            self.sameReportersAsPrevious = sameReportersAsPrevious
        }

        /// Facilities the selection takes: those that reported and those that did not.
        public var registered: Int { reporting + missing }
    }

    public var points: [Point]
    /// District code → that district's points.
    public var byDistrict: [String: [Point]]
    /// Facilities the selection takes.
    public var selectedFacilities: Int

    public init(points: [Point], byDistrict: [String: [Point]], selectedFacilities: Int) {
        self.points = points
        self.byDistrict = byDistrict
        self.selectedFacilities = selectedFacilities
    }

    /// Points that have a value, ascending by year.
    public var observed: [Point] { points.filter { $0.value != nil } }

    public var latest: Point? { observed.last }

    public func point(in year: Int) -> Point? { points.first { $0.year == year } }

    public func value(in year: Int) -> Double? { point(in: year)?.value }

    /// Average annual compound growth in percent from `from` to `to`; nil without both values or from a zero.
    public func averageGrowth(from: Int, to: Int) -> Double? {
        guard to > from, let start = value(in: from), let end = value(in: to) else { return nil }
        return Growth.averageAnnual(from: start, to: end, years: to - from)
    }
}

/// Growth arithmetic shared by the methods and the status.
public enum Growth {
    /// `((end / start)^(1 / years) − 1) × 100`; nil when `start` is not above 0, `end` is negative or `years` < 1.
    public static func averageAnnual(from start: Double, to end: Double, years: Int) -> Double? {
        guard start > 0, end >= 0, years >= 1 else { return nil }
        return (pow(end / start, 1.0 / Double(years)) - 1) * 100
    }

    /// `(end / start − 1) × 100`; nil when `start` is not above 0.
    public static func change(from start: Double, to end: Double) -> Double? {
        guard start > 0 else { return nil }
        return (end / start - 1) * 100
    }
}
