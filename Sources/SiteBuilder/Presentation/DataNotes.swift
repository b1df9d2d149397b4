import Indicators

/// What a reader must know to trust a year's figure, in the theme's words (`note_*`):
/// - a year before the data was collected, or with no report at all;
/// - a total over only some of the facilities (growth and value);
/// - a growth over a different set of reporting facilities than the year before (the growth compares the totals
///   as reported; it is flagged, not adjusted, so every published total is a sum of what facilities reported);
/// - a share over fewer than `smallBase` facilities, where one report moves the share by 100/n points.
struct DataNotes {
    static let smallBase = 10

    let definition: IndicatorDefinition
    let text: InterfaceText

    func notes(for point: IndicatorSeries.Point, in points: [IndicatorSeries.Point]) -> [String] {
        guard point.collected else { return [text[.noteNotCollected]] }
        var notes: [String] = []
        if point.cumulativeIncomplete {
            let gaps = points.filter { $0.year > definition.baseline && $0.year <= point.year && $0.reporting == 0 }
            if !gaps.isEmpty {
                notes.append(text.format(.noteCumulativeIncomplete,
                                         ["years": gaps.map { String($0.year) }.joined(separator: ", ")]))
            }
        }
        guard definition.usesFacilities else {
            return point.reporting == 0 ? [text[.noteNoValue]] + notes : notes
        }
        guard point.reporting > 0 else { return [text[.noteNoReport]] + notes }
        let count = text.numbers.integer(point.reporting)
        switch definition.method {
        case .share:
            if point.reporting < Self.smallBase {
                let step = text.numbers.format(100 / Double(point.reporting))
                notes.append(text.format(.noteSmallBase, ["count": count, "step": step]))
            }
        case .growth, .value, .ratio, .series:
            if point.reporting < point.registered {
                notes.append(text.format(.notePartial, ["count": count,
                                                        "registered": text.numbers.integer(point.registered)]))
            }
            if definition.method == .growth, point.sameReportersAsPrevious == false,
               let previous = points.last(where: { $0.year == point.year - 1 }) {
                notes.append(text.format(.noteDifferentReporters, [
                    "previous": text.numbers.integer(previous.reporting), "previous_year": String(previous.year),
                    "count": count, "year": String(point.year),
                ]))
            }
        }
        return notes
    }
}
