#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        // Every path's bytes in one buffer, compared in place with memcmp: nothing is copied or
        // retained per comparison. Paths with equal bytes are equal, so any sort gives this order.
        var bytes: [UInt8] = []
        var spans: [(start: Int, count: Int, index: Int)] = []
        spans.reserveCapacity(paths.count)
        for (index, path) in paths.enumerated() {
            spans.append((bytes.count, path.utf8.count, index))
            bytes.append(contentsOf: path.utf8)
        }
        bytes.withUnsafeBufferPointer { buffer in
            spans.sort { lhs, rhs in
                let common = min(lhs.count, rhs.count)
                let order = common == 0 ? 0 : buffer.baseAddress.map { memcmp($0 + lhs.start, $0 + rhs.start, common) } ?? 0
                return order != 0 ? order < 0 : lhs.count < rhs.count
            }
        }
        return spans.map { paths[$0.index] }
    }

    /// Every `*.md` below `root`, walking with an explicit stack (no recursion).
    private static func markdownFiles(under root: String) throws -> [String] {
        var files: [String] = []
        var folders = [root]
        while let folder = folders.popLast() {
            for entry in try FileSystem.entries(of: folder) {
                let name = entry.name
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                guard let kind = entry.kind ?? (try? FileSystem.kind(of: path)) else { continue }
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
