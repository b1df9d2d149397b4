/// Computes an indicator's series from a dataset. Pure: no I/O, the same inputs give the same numbers.
public enum IndicatorCalculator {
    /// - Parameter years: the years to report, usually every year of the data.
    public static func compute(_ definition: IndicatorDefinition, in dataset: Dataset,
                               years: [Int]) -> IndicatorSeries {
        var result = definition.usesFacilities
            ? facilitySeries(definition, in: dataset, years: years)
            : rowSeries(definition, rows: dataset.rows(of: definition.id), years: years)
        if definition.cumulative {
            result.points = Cumulative.running(result.points, definition: definition)
            result.byDistrict = result.byDistrict.mapValues { Cumulative.running($0, definition: definition) }
        }
        return result
    }

    static func facilitySeries(_ definition: IndicatorDefinition, in dataset: Dataset,
                               years: [Int]) -> IndicatorSeries {
        let selected = dataset.facilities.values.filter { definition.selection.contains($0) }
        let selectedIDs = Set(selected.map(\.id))
        var byYear: [Int: [Observation]] = [:]
        for observation in dataset.observations where selectedIDs.contains(observation.facilityID) {
            byYear[observation.year, default: []].append(observation)
        }
        let firstCollected = firstCollectedYear(definition, in: dataset)
        let points = series(definition, years: years, selected: selected.count, byYear: byYear,
                            firstCollected: firstCollected)

        var byDistrict: [String: [IndicatorSeries.Point]] = [:]
        let districts = Set(selected.map(\.district))
        for district in districts.sorted() {
            let ids = Set(selected.filter { $0.district == district }.map(\.id))
            let districtByYear = byYear.mapValues { $0.filter { ids.contains($0.facilityID) } }
            byDistrict[district] = series(definition, years: years, selected: ids.count, byYear: districtByYear,
                                          firstCollected: firstCollected)
        }
        return IndicatorSeries(points: points, byDistrict: byDistrict, selectedFacilities: selected.count)
    }

    /// The first year in which any facility in the data reported one of the indicator's columns.
    static func firstCollectedYear(_ definition: IndicatorDefinition, in dataset: Dataset) -> Int? {
        let columns = switch definition.method {
        case .share: definition.conditions
        case .ratio: [definition.numerator, definition.denominator].compactMap { $0 }
        case .growth, .value, .series: definition.column.map { [$0] } ?? []
        }
        return dataset.observations.filter { observation in
            columns.contains { observation.flags[$0] != nil || observation.counts[$0] != nil }
        }.map(\.year).min()
    }

    private static func series(_ definition: IndicatorDefinition, years: [Int], selected: Int,
                               byYear: [Int: [Observation]], firstCollected: Int?) -> [IndicatorSeries.Point] {
        var points: [IndicatorSeries.Point] = []
        var previousReporters: Set<String>?
        for year in years {
            let observations = byYear[year] ?? []
            var (point, reporters) = switch definition.method {
            case .share: share(definition, year: year, observations: observations, selected: selected)
            case .ratio: ratio(definition, year: year, observations: observations, selected: selected)
            case .growth, .value, .series: total(definition, year: year, observations: observations, selected: selected)
            }
            point.collected = firstCollected.map { year >= $0 } ?? false
            if let previous = points.last, previous.year == year - 1, let before = previousReporters,
               !before.isEmpty, !reporters.isEmpty {
                point.sameReportersAsPrevious = before == reporters
            }
            if definition.method == .growth, !definition.cumulative, let previous = points.last, previous.year == year - 1,
               let before = previous.value, let now = point.value {
                point.yearOnYearGrowth = Growth.change(from: before, to: now)
            }
            points.append(point)
            previousReporters = reporters
        }
        return points
    }

    /// Percent of facilities meeting the conditions among those that reported all of them.
    /// Over zero reporting facilities the value is nil ("no data"), never a division by zero.
    static func share(_ definition: IndicatorDefinition, year: Int, observations: [Observation],
                      selected: Int) -> (IndicatorSeries.Point, Set<String>) {
        var reporters: Set<String> = []
        var meeting = 0
        for observation in observations {
            let flags = definition.conditions.map { observation.flags[$0] }
            guard !flags.isEmpty, flags.allSatisfy({ $0 != nil }) else { continue }
            reporters.insert(observation.facilityID)
            let values = flags.compactMap { $0 }
            let meets = definition.match == .all ? values.allSatisfy { $0 } : values.contains(true)
            if meets { meeting += 1 }
        }
        let reporting = reporters.count
        let value = reporting > 0 ? Double(meeting) / Double(reporting) * 100 : nil
        return (IndicatorSeries.Point(year: year, value: value, numerator: reporting > 0 ? meeting : nil,
                                      reporting: reporting, missing: selected - reporting), reporters)
    }

    /// Σ numerator ÷ Σ denominator × scale over the facilities that reported both; nil when none did or the
    /// denominator sums to 0.
    static func ratio(_ definition: IndicatorDefinition, year: Int, observations: [Observation],
                      selected: Int) -> (IndicatorSeries.Point, Set<String>) {
        var reporters: Set<String> = []
        var above = 0.0
        var below = 0.0
        for observation in observations {
            guard let numerator = definition.numerator, let denominator = definition.denominator,
                  let top = observation.counts[numerator], let bottom = observation.counts[denominator] else { continue }
            reporters.insert(observation.facilityID)
            above += top
            below += bottom
        }
        let value = below > 0 ? above / below * definition.scale : nil
        return (IndicatorSeries.Point(year: year, value: value, reporting: reporters.count,
                                      missing: selected - reporters.count), reporters)
    }

    /// The sum of a count over the facilities that reported it; nil when none did.
    static func total(_ definition: IndicatorDefinition, year: Int, observations: [Observation],
                      selected: Int) -> (IndicatorSeries.Point, Set<String>) {
        guard let column = definition.column else {
            return (IndicatorSeries.Point(year: year, value: nil, reporting: 0, missing: selected), [])
        }
        var reporters: Set<String> = []
        var sum = 0.0
        for observation in observations {
            guard let count = observation.counts[column] else { continue }
            reporters.insert(observation.facilityID)
            sum += count
        }
        let reporting = reporters.count
        return (IndicatorSeries.Point(year: year, value: reporting > 0 ? sum : nil, reporting: reporting,
                                      missing: selected - reporting), reporters)
    }
}
