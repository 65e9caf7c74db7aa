/// Small charts as inline SVG, generated in Swift: no script, no external
/// asset, and readable without colour (every bar and point carries its value
/// as text, and shapes differ by pattern, not only by hue).
enum SVGChart {
    struct Series {
        var label: String
        var value: Double
        /// The value as shown (e.g. "2 h 5 min").
        var text: String
    }

    static let width = 640.0, height = 240.0
    static let left = 48.0, right = 12.0, top = 40.0, bottom = 44.0

    /// A bar chart with a title, a y axis from zero, x labels (thinned when
    /// crowded) and each bar's value above it.
    static func bars(title: String, yAxis: String, series: [Series]) -> String {
        chart(title: title, yAxis: yAxis, series: series) { points, barWidth in
            points.map { point in
                let barHeight = height - bottom - point.y
                return "<rect class=\"bar\" x=\(attribute(point.x - barWidth / 2)) y=\(attribute(point.y)) width=\(attribute(barWidth)) height=\(attribute(max(barHeight, 0)))><title>\(HTML.escape(point.series.label)): \(HTML.escape(point.series.text))</title></rect>"
            }.joined()
        }
    }

    /// A line chart with a marker and value at every point.
    static func line(title: String, yAxis: String, series: [Series]) -> String {
        chart(title: title, yAxis: yAxis, series: series) { points, _ in
            let path = points.enumerated().map { index, point in "\(index == 0 ? "M" : "L")\(number(point.x)) \(number(point.y))" }.joined(separator: " ")
            return "<path class=\"line\" d=\"\(path)\" fill=\"none\"/>"
                + points.map { "<circle class=\"point\" cx=\(attribute($0.x)) cy=\(attribute($0.y)) r=\"3.5\"><title>\(HTML.escape($0.series.label)): \(HTML.escape($0.series.text))</title></circle>" }.joined()
        }
    }

    private struct Point {
        var x: Double
        var y: Double
        var series: Series
    }

    private static func chart(title: String, yAxis: String, series: [Series], marks: ([Point], Double) -> String) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = max(series.map(\.value).max() ?? 0, 1)
        let step = plotWidth / Double(max(series.count, 1))
        let points = series.enumerated().map { index, item in
            Point(x: left + step * (Double(index) + 0.5), y: top + plotHeight * (1 - item.value / maximum), series: item)
        }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(title))</title>"
        svg += "<text class=\"chart-title\" x=\(attribute(left)) y=\"16\">\(HTML.escape(title))</text>"
        // Axes and three gridlines with their values.
        svg += "<line class=\"axis\" x1=\(attribute(left)) y1=\(attribute(top + plotHeight)) x2=\(attribute(width - right)) y2=\(attribute(top + plotHeight))/>"
        svg += "<line class=\"axis\" x1=\(attribute(left)) y1=\(attribute(top)) x2=\(attribute(left)) y2=\(attribute(top + plotHeight))/>"
        for fraction in [0.5, 1.0] {
            let y = top + plotHeight * (1 - fraction)
            svg += "<line class=\"grid\" x1=\(attribute(left)) y1=\(attribute(y)) x2=\(attribute(width - right)) y2=\(attribute(y))/>"
            svg += "<text class=\"tick\" x=\(attribute(left - 6)) y=\(attribute(y + 4)) text-anchor=\"end\">\(HTML.escape(tick(maximum * fraction)))</text>"
        }
        svg += "<text class=\"axis-label\" x=\"12\" y=\(attribute(top + plotHeight / 2)) transform=\"rotate(-90 12 \(number(top + plotHeight / 2)))\" text-anchor=\"middle\">\(HTML.escape(yAxis))</text>"
        svg += marks(points, max(step * 0.6, 2))
        // Values above marks, and x labels thinned to about twelve.
        let every = max(1, Int((Double(series.count) / 12).rounded(.up)))
        for (index, point) in points.enumerated() {
            if series.count <= 24 {
                svg += "<text class=\"value\" x=\(attribute(point.x)) y=\(attribute(point.y - 5)) text-anchor=\"middle\">\(HTML.escape(point.series.text))</text>"
            }
            if index % every == 0 {
                svg += "<text class=\"tick\" x=\(attribute(point.x)) y=\(attribute(top + plotHeight + 16)) text-anchor=\"middle\">\(HTML.escape(point.series.label))</text>"
            }
        }
        return svg + "</svg>"
    }

    private static func tick(_ value: Double) -> String {
        value >= 10 || value.rounded() == value ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    /// Fixed two decimals so output is identical across platforms.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded.rounded() == rounded ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    private static func attribute(_ value: Double) -> String { "\"\(number(value))\"" }
}
