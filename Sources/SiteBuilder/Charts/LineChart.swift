import Foundation
import Indicators

/// An indicator's series by year as an SVG line chart, made at build time: no JavaScript.
/// The observed values are a solid line with round markers; targets are diamonds on dashed lines,
/// labelled in text, so nothing depends on colour alone. The table beside it is the accessible alternative.
struct LineChart {
    var indicator: ComputedIndicator
    var text: InterfaceText
    /// Unique on the page, for the ids of `<title>` and `<desc>`.
    var idPrefix: String

    static let width = 640.0
    static let height = 300.0
    static let margin = (top: 24.0, right: 28.0, bottom: 44.0, left: 100.0)

    struct TargetPoint {
        var year: Int
        var value: Double
        var upper: Double?
        var label: String
    }

    /// Where the targets put the indicator: the target values, or for a growth rate the value it gives at the
    /// milestone year compounded from the baseline, exactly as the status judges it (average annual growth since
    /// the baseline), for both ends of a range.
    func targetPoints() -> [TargetPoint] {
        let definition = indicator.definition
        var points: [TargetPoint] = []
        let baselineValue = indicator.baselineValue
        for milestone in definition.milestones {
            let target = ValueText.target(milestone, definition: definition, text, baseline: indicator.baselineValue)
            let label = text.format(.chartTarget, ["year": String(milestone.year), "target": target])
            switch definition.targetType {
            case .level:
                switch milestone.target {
                case .value(let value): points.append(TargetPoint(year: milestone.year, value: value, label: label))
                case let .range(min, max):
                    points.append(TargetPoint(year: milestone.year, value: min, upper: max, label: label))
                case .relative(let change):
                    guard let baselineValue else { continue }
                    points.append(TargetPoint(year: milestone.year,
                                              value: Milestone.level(change: change, from: baselineValue), label: label))
                }
            case .annualGrowth:
                guard let start = baselineValue else { continue }
                let years = Double(milestone.year - definition.baseline)
                let (low, high): (Double, Double) = switch milestone.target {
                case .value(let rate): (rate, rate)
                case let .range(min, max): (min, max)
                case .relative: (0, 0)
                }
                let lowValue = start * pow(1 + low / 100, years)
                let highValue = start * pow(1 + high / 100, years)
                points.append(TargetPoint(year: milestone.year, value: lowValue,
                                          upper: high != low ? highValue : nil, label: label))
            }
        }
        return points
    }

    func render() -> String {
        let definition = indicator.definition
        let observed = indicator.series.observed
        let targets = targetPoints()
        let years = indicator.series.points.map(\.year) + targets.map(\.year) + [definition.baseline]
        guard let firstYear = years.min(), let lastYear = years.max() else { return "" }
        let isPercent = definition.isPercentage
        let maxValue = (observed.compactMap(\.value) + targets.map { $0.upper ?? $0.value }).max() ?? 0
        let yMax = isPercent ? 100 : Self.niceMax(maxValue)
        let left = Self.leftMargin(labels: (0...4).map { axisLabel(yMax * Double($0) / 4) })
        let plotWidth = Self.width - left - Self.margin.right
        let plotHeight = Self.height - Self.margin.top - Self.margin.bottom
        let span = Double(max(lastYear - firstYear, 1))
        func x(_ year: Int) -> Double { left + Double(year - firstYear) / span * plotWidth }
        func y(_ value: Double) -> Double { Self.margin.top + plotHeight - value / max(yMax, 1e-9) * plotHeight }
        func n(_ value: Double) -> String { VietnameseNumber.plain(value, maxFractionDigits: 1) }
        let label = axisLabel

        let titleID = "\(idPrefix)-tieu-de"
        let descID = "\(idPrefix)-mo-ta"
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(n(Self.width)) \(n(Self.height))\" role=\"img\" "
            + "aria-labelledby=\"\(titleID) \(descID)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"\(titleID)\">\(Self.escape(text.format(.chartTitle, ["title": definition.title])))</title>\n"
        svg += "<desc id=\"\(descID)\">\(Self.escape(description(targets: targets)))</desc>\n"

        // Grid and y axis labels.
        let ticks = 4
        for index in 0...ticks {
            let value = yMax * Double(index) / Double(ticks)
            svg += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(Self.width - Self.margin.right))\" "
                + "y1=\"\(n(y(value)))\" y2=\"\(n(y(value)))\"/>"
            svg += "<text class=\"axis\" x=\"\(n(left - 8))\" y=\"\(n(y(value) + 4))\" "
                + "text-anchor=\"end\">\(label(value))</text>\n"
        }
        // X axis labels: every year, or every other one when there are many.
        let step = lastYear - firstYear > 10 ? 2 : 1
        for year in stride(from: firstYear, through: lastYear, by: step) {
            svg += "<text class=\"axis\" x=\"\(n(x(year)))\" y=\"\(n(Self.height - Self.margin.bottom + 20))\" "
                + "text-anchor=\"middle\">\(year)</text>"
        }
        svg += "\n"
        // Targets: dashed vertical line at each milestone year, a diamond at the target, a range bar if any.
        for target in targets {
            svg += "<line class=\"milestone\" x1=\"\(n(x(target.year)))\" x2=\"\(n(x(target.year)))\" "
                + "y1=\"\(n(Self.margin.top))\" y2=\"\(n(Self.margin.top + plotHeight))\"/>"
            if let upper = target.upper {
                svg += "<line class=\"target-range\" x1=\"\(n(x(target.year)))\" x2=\"\(n(x(target.year)))\" "
                    + "y1=\"\(n(y(target.value)))\" y2=\"\(n(y(upper)))\"/>"
            }
            let cx = x(target.year), cy = y(target.value)
            svg += "<path class=\"target\" d=\"M\(n(cx)) \(n(cy - 7))L\(n(cx + 7)) \(n(cy))L\(n(cx)) \(n(cy + 7))"
                + "L\(n(cx - 7)) \(n(cy))Z\"/>"
            let anchor = target.year == lastYear ? "end" : "middle"
            let labelY = max(cy - 12, Self.margin.top + 10)
            svg += "<text class=\"target-label\" x=\"\(n(cx - (anchor == "end" ? 10 : 0)))\" y=\"\(n(labelY))\" "
                + "text-anchor=\"\(anchor)\">\(Self.escape(shortTarget(target)))</text>\n"
        }
        // Observed series: a solid line through consecutive years, a round marker at each value.
        var path = ""
        var previousYear: Int?
        for point in observed {
            guard let value = point.value else { continue }
            let command = previousYear == point.year - 1 ? "L" : "M"
            path += "\(command)\(n(x(point.year))) \(n(y(value)))"
            previousYear = point.year
        }
        if !path.isEmpty { svg += "<path class=\"series\" d=\"\(path)\"/>\n" }
        for point in observed {
            guard let value = point.value else { continue }
            svg += "<circle class=\"point\" cx=\"\(n(x(point.year)))\" cy=\"\(n(y(value)))\" r=\"4.5\"/>"
        }
        if let last = observed.last, let value = last.value {
            svg += "<text class=\"value-label\" x=\"\(n(x(last.year)))\" y=\"\(n(y(value) + 20))\" "
                + "text-anchor=\"middle\">\(Self.escape(isPercent ? text.numbers.percent(value) : label(value)))</text>"
        }
        // Axes.
        svg += "\n<line class=\"axis-line\" x1=\"\(n(left))\" x2=\"\(n(Self.width - Self.margin.right))\" "
            + "y1=\"\(n(y(0)))\" y2=\"\(n(y(0)))\"/>\n</svg>"
        return svg
    }

    /// Axis and target labels: whole percentages or whole numbers.
    private func axisLabel(_ value: Double) -> String {
        indicator.definition.isPercentage
            ? text.numbers.percent(value, maxFractionDigits: 0) : text.numbers.format(value, maxFractionDigits: 0)
    }

    private func shortTarget(_ target: TargetPoint) -> String {
        if let upper = target.upper { return "\(target.year): \(axisLabel(target.value))–\(axisLabel(upper))" }
        return "\(target.year): \(axisLabel(target.value))"
    }

    /// The chart in words, for screen readers.
    func description(targets: [TargetPoint]) -> String {
        let definition = indicator.definition
        let values = indicator.series.observed.compactMap { point in
            point.value.map {
                text.format(.chartYearValue, ["year": String(point.year),
                                              "value": ValueText.value($0, definition: definition, text.numbers)])
            }
        }
        var words = text[.chartDescription] + " "
        words += values.isEmpty ? text[.chartNoData]
            : text.format(.chartValues, ["values": values.joined(separator: "; ")])
        if !targets.isEmpty {
            words += " " + targets.map(\.label).joined(separator: "; ") + "."
        }
        if definition.targetType == .annualGrowth {
            words += " " + text[.chartGrowthNote]
        }
        return words
    }

    /// Room for the y-axis labels: the usual margin, or more when the longest label would not fit in it, judged
    /// generously (12.5 units a digit at the axis' 15-unit font, 6 a separator) so that wide fonts fit too.
    static func leftMargin(labels: [String]) -> Double {
        let widest = labels.map { label in
            label.unicodeScalars.reduce(0.0) { width, scalar in
                width + ("0123456789".unicodeScalars.contains(scalar) ? 12.5 : scalar == "%" ? 14 : 6)
            }
        }.max() ?? 0
        return max(margin.left, (widest + 16).rounded(.up))
    }

    /// A round upper bound for the y axis: 1, 2, 2.5 or 5 times a power of ten, at least `value`.
    static func niceMax(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * magnitude >= value * 1.05 {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// `&`, `<`, `>` and `"` as entities (in one pass; a text without them is returned as it is).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
