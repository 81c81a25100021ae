/// Finds the Markdown files named by command-line paths.
public enum MarkdownFiles {
    /// PATHs as given: a file is taken as is (any extension); a folder is searched
    /// recursively for `*.md` (hidden folders and symbolic links to folders are skipped).
    /// The result is sorted by path bytes, without duplicates, each spelled as the user gave
    /// its folder joined with the relative sub-path (`docs/a/b.md`). Throws `unreadable` for
    /// a missing path and `noMarkdown` for a folder without any `.md`.
    public static func find(in paths: [String]) throws -> [String] {
        var found: [String] = []
        for path in paths {
            switch try FileSystem.kind(of: path) {
            case .file, .other:
                found.append(path)
            case .directory, .symbolicLinkToDirectory:
                let markdown = try markdownFiles(under: path)
                if markdown.isEmpty { throw ExtractionError.noMarkdown(path: path) }
                found.append(contentsOf: markdown)
            }
        }
        var unique: [String] = []
        for path in inByteOrder(found) where unique.last != path {
            unique.append(path)
        }
        return unique
    }

    /// Paths sorted by their UTF-8 bytes, an order that does not depend on the locale.
    public static func inByteOrder(_ paths: [String]) -> [String] {
        paths.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every `*.md` below `root`, walking with an explicit stack (no recursion).
    private static func markdownFiles(under root: String) throws -> [String] {
        var files: [String] = []
        var folders = [root]
        while let folder = folders.popLast() {
            for name in try FileSystem.entries(of: folder) {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                guard let kind = try? FileSystem.kind(of: path) else { continue }
                switch kind {
                case .directory:
                    if !name.hasPrefix(".") { folders.append(path) }
                case .file:
                    if name.hasSuffix(".md") { files.append(path) }
                case .symbolicLinkToDirectory, .other:
                    break
                }
            }
        }
        return files
    }
}
