/// A table drawn like go-pretty's default style, which influxctl uses:
///
///     +----+-------------+
///     | ID | DESCRIPTION |
///     +----+-------------+
///     | 1  | example     |
///     +----+-------------+
///
/// Every cell has one space of padding on each side. Widths count Unicode scalars. A cell
/// with line breaks spans several lines, top-aligned. Without a header the separator under
/// it is left out too.
struct PrettyTable {
    enum Alignment {
        case left
        case right
    }

    var header: [String]?
    var alignments: [Alignment]
    var rows: [[String]]

    /// The table's lines joined by newlines, with a final newline.
    func render() -> String {
        let columnCount = alignments.count
        var widths = [Int](repeating: 0, count: columnCount)
        for row in (header.map { [$0] } ?? []) + rows {
            for (column, cell) in row.prefix(columnCount).enumerated() {
                for line in cell.split(separator: "\n", omittingEmptySubsequences: false) {
                    widths[column] = max(widths[column], line.unicodeScalars.count)
                }
            }
        }
        let border = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        var lines = [border]
        if let header {
            lines += renderRow(header, widths: widths, alignments: alignments.map { _ in .left })
            lines.append(border)
        }
        for row in rows {
            lines += renderRow(row, widths: widths, alignments: alignments)
        }
        lines.append(border)
        return lines.joined(separator: "\n") + "\n"
    }

    private func renderRow(_ row: [String], widths: [Int], alignments: [Alignment]) -> [String] {
        let cellLines = widths.indices.map { column in
            column < row.count ? row[column].split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [""]
        }
        let height = cellLines.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            let cells = widths.indices.map { column -> String in
                let text = lineIndex < cellLines[column].count ? cellLines[column][lineIndex] : ""
                let padding = String(repeating: " ", count: widths[column] - text.unicodeScalars.count)
                return alignments[column] == .left ? text + padding : padding + text
            }
            return "| " + cells.joined(separator: " | ") + " |"
        }
    }
}
