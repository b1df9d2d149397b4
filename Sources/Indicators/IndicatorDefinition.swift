/// An indicator of the plan: what is measured, how it is computed, and the targets it is held against.
public struct IndicatorDefinition: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Percent of the selected facilities meeting the conditions, per year.
        case share
        /// Sum of a count per year, with year-on-year and average annual compound growth.
        case growth
        /// A reported number as is (summed over the selected facilities).
        case value
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
    public var baseline: Int
    public var direction: Direction
    public var targetType: TargetType
    public var milestones: [Milestone]

    public init(id: String, title: String, group: String, unit: String, method: Method,
                selection: FacilitySelection = FacilitySelection(), conditions: [String] = [], match: Match = .all,
                column: String? = nil, baseline: Int, direction: Direction = .higher, targetType: TargetType? = nil,
                milestones: [Milestone]) {
        self.id = id
        self.title = title
        self.group = group
        self.unit = unit
        self.method = method
        self.selection = selection
        self.conditions = conditions
        self.match = match
        self.column = column
        self.baseline = baseline
        self.direction = direction
        self.targetType = targetType ?? (method == .growth ? .annualGrowth : .level)
        self.milestones = milestones.sorted { $0.year < $1.year }
    }

    /// Values are percentages: every share, and any indicator whose unit is `%`.
    public var isPercentage: Bool { method == .share || unit.hasPrefix("%") }

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
    }

    public init(year: Int, target: Target) {
        self.year = year
        self.target = target
    }

    /// The value that must be reached: the target itself, or the lower end of a range
    /// (the upper end for an indicator where lower is better).
    public func threshold(for direction: IndicatorDefinition.Direction) -> Double {
        switch target {
        case .value(let value): value
        case let .range(min, max): direction == .higher ? min : max
        }
    }
}
