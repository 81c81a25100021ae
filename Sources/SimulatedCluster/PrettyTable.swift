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
        let headerCells = header.map { Self.cellLines($0, columnCount: columnCount) }
        let bodyCells = rows.map { Self.cellLines($0, columnCount: columnCount) }
        var widths = [Int](repeating: 0, count: columnCount)
        for row in (headerCells.map { [$0] } ?? []) + bodyCells {
            for (column, lines) in row.enumerated() {
                for line in lines { widths[column] = max(widths[column], line.unicodeScalars.count) }
            }
        }
        var border = "+"
        for width in widths {
            border += String(repeating: "-", count: width + 2)
            border += "+"
        }
        border += "\n"
        var output = ""
        output.reserveCapacity(border.utf8.count * (bodyCells.count + 4))
        output += border
        if let headerCells {
            Self.append(headerCells, widths: widths, alignments: alignments.map { _ in .left }, to: &output)
            output += border
        }
        for row in bodyCells {
            Self.append(row, widths: widths, alignments: alignments, to: &output)
        }
        output += border
        return output
    }

    /// Each column's cell of a row, split at line breaks (a missing cell is one empty line).
    private static func cellLines(_ row: [String], columnCount: Int) -> [[Substring]] {
        (0..<columnCount).map { column in
            guard column < row.count else { return [""] }
            let cell = row[column]
            return cell.utf8.contains(UInt8(ascii: "\n")) ? cell.split(separator: "\n", omittingEmptySubsequences: false) : [cell[...]]
        }
    }

    private static func append(_ row: [[Substring]], widths: [Int], alignments: [Alignment], to output: inout String) {
        let height = row.map(\.count).max() ?? 1
        for lineIndex in 0..<height {
            output += "|"
            for column in widths.indices {
                let text = lineIndex < row[column].count ? row[column][lineIndex] : ""
                let padding = widths[column] - text.unicodeScalars.count
                output += " "
                if alignments[column] == .right { appendSpaces(padding, to: &output) }
                output += text
                if alignments[column] == .left { appendSpaces(padding, to: &output) }
                output += " |"
            }
            output += "\n"
        }
    }

    private static func appendSpaces(_ count: Int, to output: inout String) {
        for _ in 0..<max(0, count) { output += " " }
    }
}
