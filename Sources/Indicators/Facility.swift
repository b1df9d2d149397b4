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

/// The register and the yearly facts together.
public struct Dataset: Sendable {
    public var facilities: [String: Facility]
    public var observations: [Observation]

    public init(facilities: [Facility], observations: [Observation]) {
        self.facilities = Dictionary(facilities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.observations = observations
    }

    /// Every year that has at least one observation, ascending.
    public var years: [Int] { Array(Set(observations.map(\.year))).sorted() }
}
