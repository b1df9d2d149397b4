/// An indicator of the plan: what is measured, how it is computed, and the targets it is held against.
public struct IndicatorDefinition: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Percent of the selected facilities meeting the conditions, per year.
        case share
        /// Sum of a count per year, with year-on-year and average annual compound growth.
        case growth
        /// A reported number as is (summed over the selected facilities).
        case value
        /// A figure the department has as a total: one row per year (and district) in a long-format table with
        /// the columns `ma_chi_tieu`, `nam`, `gia_tri` and optional `dia_ban`.
        case series
        /// The sum of a numerator column over the sum of a denominator column, times `scale`, per year.
        case ratio
    }

    /// Where a ratio's numerator and denominator come from.
    public enum Rows: String, Sendable, Hashable, CaseIterable {
        /// The yearly facts of the selected facilities.
        case facilities
        /// The indicator's own rows in a long-format table (`ma_chi_tieu` = the indicator's id).
        case series
    }

    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case higher
        case lower
    }

    /// What a milestone's value means.
    public enum TargetType: String, Sendable, Hashable, CaseIterable {
        /// The indicator's own value must reach the milestone (e.g. 70% of libraries).
        case level
        /// The average annual growth since the baseline must reach the milestone (e.g. +10% a year).
        case annualGrowth = "annual-growth"
    }

    /// Which of the selected facilities' yes/no columns must be yes for `share`.
    public enum Match: String, Sendable, Hashable, CaseIterable {
        case all
        case any
    }

    public var id: String
    public var title: String
    public var group: String
    public var unit: String
    public var method: Method
    public var selection: FacilitySelection
    /// Yes/no columns for `share`.
    public var conditions: [String]
    public var match: Match
    /// The count column for `growth` and `value`.
    public var column: String?
    /// `ratio`: the columns summed above and below the line, the factor (100 for a percentage), and the rows.
    public var numerator: String?
    public var denominator: String?
    public var scale: Double
    public var rows: Rows
    /// Publish, for each year, the running total since the baseline of the yearly figures.
    public var cumulative: Bool
    public var baseline: Int
    /// The baseline value as the plan states it (`baseline: {year: 2020, value: 22}`); nil when it comes from
    /// the data's baseline year.
    public var baselineValue: Double?
    public var direction: Direction
    public var targetType: TargetType
    public var milestones: [Milestone]

    public init(id: String, title: String, group: String, unit: String, method: Method,
                selection: FacilitySelection = FacilitySelection(), conditions: [String] = [], match: Match = .all,
                column: String? = nil, numerator: String? = nil, denominator: String? = nil, scale: Double = 1,
                rows: Rows? = nil, cumulative: Bool = false, baseline: Int, baselineValue: Double? = nil,
                direction: Direction = .higher, targetType: TargetType? = nil, milestones: [Milestone]) {
        self.id = id
        self.title = title
        self.group = group
        self.unit = unit
        self.method = method
        self.selection = selection
        self.conditions = conditions
        self.match = match
        self.column = column
        self.numerator = numerator
        self.denominator = denominator
        self.scale = scale
        self.rows = rows ?? (method == .series ? .series : .facilities)
        self.cumulative = cumulative
        self.baseline = baseline
        self.baselineValue = baselineValue
        self.direction = direction
        self.targetType = targetType ?? (method == .growth ? .annualGrowth : .level)
        self.milestones = milestones.sorted { $0.year < $1.year }
    }

    /// Values are percentages: every share, and any indicator whose unit is `%`.
    public var isPercentage: Bool { method == .share || unit.hasPrefix("%") }

    /// Year-on-year growth in percent is shown for counts: `growth`, and `series` that are not percentages or
    /// running totals (the relative change of a percentage would read as points).
    public var hasYearOnYearGrowth: Bool {
        !cumulative && (method == .growth || (method == .series && !isPercentage))
    }

    /// Values are rates that cannot be added up: percentages and ratios.
    public var isRate: Bool { isPercentage || method == .ratio }

    /// Whether the figures come from facilities (a register selection) rather than long-format rows.
    public var usesFacilities: Bool { method != .series && rows == .facilities }

    /// The milestone a report is judged on in `year`: the first one not yet past, or the last.
    public func currentMilestone(in year: Int) -> Milestone? {
        milestones.first { $0.year >= year } ?? milestones.last
    }
}

/// Which facilities an indicator counts. An empty list means "any".
public struct FacilitySelection: Sendable, Hashable {
    public var kinds: [String]
    public var levels: [String]
    public var districts: [String]

    public init(kinds: [String] = [], levels: [String] = [], districts: [String] = []) {
        self.kinds = kinds
        self.levels = levels
        self.districts = districts
    }

    public func contains(_ facility: Facility) -> Bool {
        (kinds.isEmpty || kinds.contains(facility.kind))
            && (levels.isEmpty || levels.contains(facility.level))
            && (districts.isEmpty || districts.contains(facility.district))
    }
}

/// A target for one year: a value, or a range such as +10–15% a year.
public struct Milestone: Sendable, Hashable {
    public var year: Int
    public var target: Target

    public enum Target: Sendable, Hashable {
        case value(Double)
        case range(min: Double, max: Double)
        /// A change in percent of the baseline value: `-30` is 30% below it, `15` is 15% above it.
        case relative(change: Double)
    }

    public init(year: Int, target: Target) {
        self.year = year
        self.target = target
    }

    /// The value that must be reached: the target itself, the lower end of a range (the upper end for an
    /// indicator where lower is better), or the baseline value changed by the relative target; nil for a
    /// relative target without a baseline value.
    public func threshold(for direction: IndicatorDefinition.Direction, baseline: Double?) -> Double? {
        switch target {
        case .value(let value): value
        case let .range(min, max): direction == .higher ? min : max
        case .relative(let change): baseline.map { Self.level(change: change, from: $0) }
        }
    }

    /// `baseline × (100 + change) / 100`.
    public static func level(change: Double, from baseline: Double) -> Double { baseline * (100 + change) / 100 }
}
