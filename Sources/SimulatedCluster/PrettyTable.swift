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
/// it is left out too. The header is left-aligned whatever the columns' alignments.
struct PrettyTable {
    enum Alignment {
        case left
        case right
    }

    var header: [String]?
    var alignments: [Alignment]
    /// The body's cells row by row, `alignments.count` cells to a row.
    var cells: [String]

    /// The table's lines joined by newlines, with a final newline.
    func render() -> String {
        let columnCount = alignments.count
        var widths = [Int](repeating: 0, count: columnCount)
        let headerWidths = header.map { Self.cellWidths($0, widening: &widths) }
        let bodyWidths = Self.cellWidths(cells, widening: &widths)
        let rowCount = columnCount == 0 ? 0 : cells.count / columnCount
        let lineLength = widths.reduce(2) { $0 + $1 + 3 }
        var output: [UInt8] = []
        output.reserveCapacity(lineLength * (rowCount + 4))
        Self.appendBorder(widths: widths, to: &output)
        if let header, let headerWidths {
            Self.append(header[...], cellWidths: headerWidths[...], widths: widths, alignments: nil, to: &output)
            Self.appendBorder(widths: widths, to: &output)
        }
        for row in 0..<rowCount {
            let range = row * columnCount..<(row + 1) * columnCount
            Self.append(cells[range], cellWidths: bodyWidths[range], widths: widths, alignments: alignments, to: &output)
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

    /// The width of each cell of `cells` (laid out row by row over the columns of `widths`),
    /// `multiLine` for a cell with line breaks, widening each column to its widest line.
    private static func cellWidths(_ cells: [String], widening widths: inout [Int]) -> [Int] {
        var cellWidths: [Int] = []
        guard !widths.isEmpty else { return cellWidths }
        cellWidths.reserveCapacity(cells.count)
        for (offset, cell) in cells.enumerated() {
            let column = offset % widths.count
            if let width = singleLineWidth(cell) {
                cellWidths.append(width)
                widths[column] = max(widths[column], width)
            } else {
                cellWidths.append(multiLine)
                for line in cell.split(separator: "\n", omittingEmptySubsequences: false) {
                    widths[column] = max(widths[column], scalarCount(line))
                }
            }
        }
        return cellWidths
    }

    /// The cell width that marks a cell with line breaks.
    private static let multiLine = -1

    /// Appends the lines of one row; nil `alignments` aligns every cell left.
    private static func append(
        _ row: ArraySlice<String>, cellWidths: ArraySlice<Int>, widths: [Int], alignments: [Alignment]?,
        to output: inout [UInt8]
    ) {
        guard cellWidths.contains(multiLine) else {
            output.append(UInt8(ascii: "|"))
            for (column, (cell, width)) in zip(row, cellWidths).enumerated() {
                appendCell(cell, padding: widths[column] - width, alignment: alignments?[column] ?? .left, to: &output)
            }
            output.append(UInt8(ascii: "\n"))
            return
        }
        let lines = row.map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
        let height = lines.map(\.count).max() ?? 1
        for lineIndex in 0..<height {
            output.append(UInt8(ascii: "|"))
            for (column, cellLines) in lines.enumerated() {
                let line = lineIndex < cellLines.count ? cellLines[lineIndex] : ""
                appendCell(line, padding: widths[column] - scalarCount(line), alignment: alignments?[column] ?? .left, to: &output)
            }
            output.append(UInt8(ascii: "\n"))
        }
    }

    /// ` text |` with `padding` spaces on the side `alignment` leaves free.
    private static func appendCell(_ text: some StringProtocol, padding: Int, alignment: Alignment, to output: inout [UInt8]) {
        output.append(UInt8(ascii: " "))
        if alignment == .right { output.append(run: ByteRun.spaces, count: padding) }
        output.append(utf8: text)
        if alignment == .left { output.append(run: ByteRun.spaces, count: padding) }
        output.append(UInt8(ascii: " "))
        output.append(UInt8(ascii: "|"))
    }

    /// Unicode scalars in `text`, or nil if it has a line break.
    private static func singleLineWidth(_ text: String) -> Int? {
        if let width = text.utf8.withContiguousStorageIfAvailable(singleLineWidth) { return width }
        return text.utf8.contains(UInt8(ascii: "\n")) ? nil : text.unicodeScalars.count
    }

    private static func singleLineWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { return nil }
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        return count
    }

    /// Unicode scalars in `text`: its UTF-8 bytes that do not continue a scalar.
    private static func scalarCount(_ text: some StringProtocol) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.reduce(0) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        } ?? text.unicodeScalars.count
    }
}
