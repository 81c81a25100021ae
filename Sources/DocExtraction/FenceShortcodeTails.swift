/// Hugo takes shortcodes out of a page before Markdown reads it, so a fence followed on its
/// line by shortcode tags alone (```` ```{{% /expand %}} ````) is, to Hugo, a fence on its
/// own line. cmark would read the tags as an info string or content, so they are blanked in
/// the bytes it parses (`ShortcodeIndex.blankingFenceTails`): lines and columns stay where they are.
enum FenceShortcodeTails {
    /// The byte range of `line` after its fence run when that holds shortcode tags alone
    /// (white space around them); nil for any other line.
    static func tail(of line: ArraySlice<UInt8>) -> Range<Int>? {
        guard let start = line.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return nil }
        let marker = line[start]
        guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        let runEnd = line[start...].firstIndex { $0 != marker } ?? line.endIndex
        guard runEnd - start >= 3 else { return nil }
        let rest = line[runEnd...]
        guard rest.contains(UInt8(ascii: "{")), rest.contains(where: { !ByteClass.isSpace($0) }), ShortcodeTag.holdsOnlyTags(rest) else { return nil }
        return runEnd..<line.endIndex
    }
}
