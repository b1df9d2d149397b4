extension IndicatorCalculator {
    /// An indicator computed from its own long-format rows: the province figure is the row without a district
    /// (never a sum of district rows); district rows give the by-district series. For `ratio`, each row's
    /// numerator and denominator columns are divided (times `scale`); otherwise the row's `gia_tri` is the value.
    static func rowSeries(_ definition: IndicatorDefinition, rows: [SeriesRow], years: [Int]) -> IndicatorSeries {
        let province = Dictionary(rows.filter { $0.district == nil }.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        let first = rows.map(\.year).min()
        var byDistrict: [String: [IndicatorSeries.Point]] = [:]
        let districts = Set(rows.compactMap(\.district))
        for district in districts.sorted() {
            let own = Dictionary(rows.filter { $0.district == district }.map { ($0.year, $0) },
                                 uniquingKeysWith: { a, _ in a })
            byDistrict[district] = points(definition, rows: own, years: years, firstCollected: first)
        }
        return IndicatorSeries(points: points(definition, rows: province, years: years, firstCollected: first),
                               byDistrict: byDistrict, selectedFacilities: 0)
    }

    private static func points(_ definition: IndicatorDefinition, rows: [Int: SeriesRow], years: [Int],
                               firstCollected: Int?) -> [IndicatorSeries.Point] {
        var points: [IndicatorSeries.Point] = []
        for year in years {
            let value = rows[year].flatMap { rowValue($0, definition: definition) }
            var point = IndicatorSeries.Point(year: year, value: value, reporting: rows[year] == nil ? 0 : 1,
                                              missing: rows[year] == nil ? 1 : 0)
            point.collected = firstCollected.map { year >= $0 } ?? false
            if definition.hasYearOnYearGrowth,
               let previous = points.last, previous.year == year - 1, let before = previous.value, let now = value {
                point.yearOnYearGrowth = Growth.change(from: before, to: now)
            }
            points.append(point)
        }
        return points
    }

    /// A row's value: `gia_tri`, or for a ratio numerator ÷ denominator × scale (nil over a zero denominator).
    static func rowValue(_ row: SeriesRow, definition: IndicatorDefinition) -> Double? {
        guard definition.method == .ratio else { return row.values[SeriesColumns.value] }
        guard let numerator = definition.numerator, let denominator = definition.denominator,
              let top = row.values[numerator], let bottom = row.values[denominator], bottom > 0 else { return nil }
        return top / bottom * definition.scale
    }
}

/// The column names of a long-format table.
public enum SeriesColumns {
    public static let indicator = "ma_chi_tieu"
    public static let year = "nam"
    public static let value = "gia_tri"
    public static let district = "dia_ban"
}

/// Running totals since the baseline, for `cumulative: true`.
enum Cumulative {
    /// For each year from the baseline on: the baseline value (the plan's, or the data's in the baseline year)
    /// plus every later year's figure. Years before the baseline have no running total; a year without a figure
    /// adds nothing and marks that year and every later total as incomplete.
    static func running(_ points: [IndicatorSeries.Point], definition: IndicatorDefinition)
        -> [IndicatorSeries.Point] {
        var total = definition.baselineValue
        var incomplete = false
        return points.map { point in
            var point = point
            point.yearOnYearGrowth = nil
            if point.year < definition.baseline {
                point.value = nil
                return point
            }
            if point.year == definition.baseline {
                total = definition.baselineValue ?? point.value
                if total == nil { incomplete = true }
            } else if let value = point.value {
                total = (total ?? 0) + value
            } else {
                incomplete = true
            }
            point.value = total
            point.cumulativeIncomplete = incomplete
            return point
        }
    }
}
