/// A library, museum or cultural centre in the facility register.
public struct Facility: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Kind code, e.g. `thu-vien-cong-cong`, `bao-tang`.
    public var kind: String
    /// Administrative level code: `tinh`, `huyen`, `xa`, `thon`.
    public var level: String
    /// District code, e.g. `phong-dien`.
    public var district: String

    public init(id: String, name: String, kind: String, level: String, district: String) {
        self.id = id
        self.name = name
        self.kind = kind
        self.level = level
        self.district = district
    }
}

/// What one facility reported for one year: yes/no facts and counts, by column name.
/// A column absent from `flags` or `counts` was left empty: not reported.
public struct Observation: Sendable, Hashable {
    public var facilityID: String
    public var year: Int
    public var flags: [String: Bool]
    public var counts: [String: Double]

    public init(facilityID: String, year: Int, flags: [String: Bool] = [:], counts: [String: Double] = [:]) {
        self.facilityID = facilityID
        self.year = year
        self.flags = flags
        self.counts = counts
    }
}

/// One row of a long-format table: an indicator's figure for a year, for the province (`district` nil) or one
/// district, with every numeric column of the row (`gia_tri`, and a ratio's numerator and denominator).
public struct SeriesRow: Sendable, Hashable {
    public var indicatorID: String
    public var year: Int
    public var district: String?
    public var values: [String: Double]

    public init(indicatorID: String, year: Int, district: String?, values: [String: Double]) {
        self.indicatorID = indicatorID
        self.year = year
        self.district = district
        self.values = values
    }
}

/// The register, the yearly facts and the long-format rows together.
public struct Dataset: Sendable {
    public var facilities: [String: Facility]
    public var observations: [Observation]
    /// Long-format rows by indicator id, lowercased.
    public var series: [String: [SeriesRow]]

    public init(facilities: [Facility], observations: [Observation], series: [SeriesRow] = []) {
        self.facilities = Dictionary(facilities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.observations = observations
        self.series = Dictionary(grouping: series) { $0.indicatorID.lowercased() }
    }

    /// Every year that has at least one observation or row, ascending.
    public var years: [Int] {
        Array(Set(observations.map(\.year) + series.values.flatMap { $0.map(\.year) })).sorted()
    }

    public func rows(of id: String) -> [SeriesRow] { series[id.lowercased()] ?? [] }
}
