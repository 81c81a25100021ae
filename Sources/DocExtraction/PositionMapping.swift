import Diagnostics

/// How a position in the text that cmark parsed maps to a position in the file.
enum PositionMapping {
    /// The page body: cmark saw the file itself (front matter blanked), so positions agree.
    case identity
    /// A YAML literal block scalar: parsed line `n` is file line `firstFileLine + n - 1`,
    /// shifted right by the block's indentation. Lines that do not match fall back.
    case blockScalar(firstFileLine: Int, file: TextLines, value: TextLines, fallback: SourcePosition)
    /// Any other YAML scalar: every position is the scalar's start.
    case fixed(SourcePosition)
    /// A text Hugo put together from parts of the file: parsed line `n` starts on file line
    /// `lines[n - 1]`, its columns shifted right by `shifts[n - 1]`. Lines past the table fall back.
    case lines([Int], shifts: [Int], fallback: SourcePosition)

    func map(_ position: SourcePosition) -> SourcePosition {
        switch self {
        case .identity:
            return position
        case let .blockScalar(firstFileLine, file, value, fallback):
            let fileLine = firstFileLine + position.line - 1
            let valueLine = value.line(position.line)
            let raw = file.line(fileLine)
            guard raw.hasSuffix(valueLine) else { return fallback }
            let indentation = UTF8Scalars.count(raw) - UTF8Scalars.count(valueLine)
            return SourcePosition(line: fileLine, column: position.column + indentation)
        case let .fixed(position):
            return position
        case let .lines(lines, shifts, fallback):
            guard position.line >= 1, position.line <= lines.count else { return fallback }
            return SourcePosition(line: lines[position.line - 1], column: position.column + shifts[position.line - 1])
        }
    }

    func map(_ range: SourceRange) -> SourceRange {
        SourceRange(start: map(range.start), end: map(range.end))
    }
}
