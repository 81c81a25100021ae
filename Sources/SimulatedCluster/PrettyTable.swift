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
        let lineLength = widths.reduce(2) { $0 + $1 + 3 }
        var output: [UInt8] = []
        output.reserveCapacity(lineLength * (rows.count + 4))
        Self.appendBorder(widths: widths, to: &output)
        if let header {
            Self.append(header, widths: widths, alignments: alignments.map { _ in .left }, to: &output)
            Self.appendBorder(widths: widths, to: &output)
        }
        for row in rows {
            Self.append(row, widths: widths, alignments: alignments, to: &output)
        }
        Self.appendBorder(widths: widths, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendBorder(widths: [Int], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "+"))
        for width in widths {
            output.append(run: ByteRun.dashes, count: width + 2)
            output.append(UInt8(ascii: "+"))
        }
        output.append(UInt8(ascii: "\n"))
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
    private static func append(_ row: [String], widths: [Int], alignments: [Alignment], to output: inout [UInt8]) {
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
        widths: [Int], alignments: [Alignment], to output: inout [UInt8], text: (Int) -> Substring
    ) {
        output.append(UInt8(ascii: "|"))
        for column in widths.indices {
            let cell = text(column)
            let padding = widths[column] - scalarCount(cell)
            output.append(UInt8(ascii: " "))
            if alignments[column] == .right { output.append(run: ByteRun.spaces, count: padding) }
            output.append(utf8: cell)
            if alignments[column] == .left { output.append(run: ByteRun.spaces, count: padding) }
            output.append(UInt8(ascii: " "))
            output.append(UInt8(ascii: "|"))
        }
        output.append(UInt8(ascii: "\n"))
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
