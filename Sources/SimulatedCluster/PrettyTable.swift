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
        var widths = [Int](repeating: 0, count: alignments.count)
        if let header { Self.widen(&widths, toFit: header) }
        for row in rows { Self.widen(&widths, toFit: row) }
        var border = "+"
        for width in widths {
            Self.append(Self.dashes, count: width + 2, to: &border)
            border += "+"
        }
        border += "\n"
        var output = ""
        output.reserveCapacity(border.utf8.count * (rows.count + 4))
        output += border
        if let header {
            Self.append(header, widths: widths, alignments: alignments.map { _ in .left }, to: &output)
            output += border
        }
        for row in rows {
            Self.append(row, widths: widths, alignments: alignments, to: &output)
        }
        output += border
        return output
    }

    /// Widens each column to its cell's widest line in `row`.
    private static func widen(_ widths: inout [Int], toFit row: [String]) {
        for column in widths.indices where column < row.count {
            let cell = row[column]
            if hasLineBreak(cell) {
                for line in cell.split(separator: "\n", omittingEmptySubsequences: false) {
                    widths[column] = max(widths[column], scalarCount(line))
                }
            } else {
                widths[column] = max(widths[column], scalarCount(cell))
            }
        }
    }

    /// Appends the lines of one row (a missing cell is one empty line).
    private static func append(_ row: [String], widths: [Int], alignments: [Alignment], to output: inout String) {
        guard row.contains(where: hasLineBreak) else {
            appendLine(widths: widths, alignments: alignments, to: &output) { column in column < row.count ? row[column][...] : "" }
            return
        }
        let cells = widths.indices.map { column in
            column < row.count ? row[column].split(separator: "\n", omittingEmptySubsequences: false) : [""]
        }
        let height = cells.map(\.count).max() ?? 1
        for lineIndex in 0..<height {
            appendLine(widths: widths, alignments: alignments, to: &output) { column in
                lineIndex < cells[column].count ? cells[column][lineIndex] : ""
            }
        }
    }

    private static func appendLine(
        widths: [Int], alignments: [Alignment], to output: inout String, text: (Int) -> Substring
    ) {
        output += "|"
        for column in widths.indices {
            let cell = text(column)
            let padding = widths[column] - scalarCount(cell)
            output += " "
            if alignments[column] == .right { append(spaces, count: padding, to: &output) }
            output += cell
            if alignments[column] == .left { append(spaces, count: padding, to: &output) }
            output += " |"
        }
        output += "\n"
    }

    private static let spaces = String(repeating: " ", count: 64)
    private static let dashes = String(repeating: "-", count: 64)

    /// Appends `count` characters of `filler` (64 of one ASCII character), nothing for a
    /// count below one.
    private static func append(_ filler: String, count: Int, to output: inout String) {
        var remaining = count
        while remaining > 0 {
            let chunk = min(remaining, filler.utf8.count)
            output += filler[..<filler.utf8.index(filler.utf8.startIndex, offsetBy: chunk)]
            remaining -= chunk
        }
    }

    private static func hasLineBreak(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "\n")) } ?? text.utf8.contains(UInt8(ascii: "\n"))
    }

    /// Unicode scalars in `text`: its UTF-8 bytes that do not continue a scalar.
    private static func scalarCount(_ text: some StringProtocol) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.reduce(0) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        } ?? text.unicodeScalars.count
    }
}
