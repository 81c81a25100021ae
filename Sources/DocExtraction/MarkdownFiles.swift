#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the Markdown files named by command-line paths.
public enum MarkdownFiles {
    /// PATHs as given: a file is taken as is (any extension); a folder is searched
    /// recursively for names ending in `.md` (folders whose name starts with `.` and symbolic
    /// links to folders are skipped).
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
        return uniqueInByteOrder(found)
    }

    /// `paths` sorted by their UTF-8 bytes, an order that does not depend on the locale, each
    /// path once.
    public static func uniqueInByteOrder(_ paths: [String]) -> [String] {
        // Every path's bytes in one buffer, compared in place with memcmp: nothing is copied or
        // retained per comparison.
        var bytes: [UInt8] = []
        var spans: [(start: Int, count: Int, index: Int)] = []
        spans.reserveCapacity(paths.count)
        for (index, path) in paths.enumerated() {
            spans.append((bytes.count, path.utf8.count, index))
            bytes.append(contentsOf: path.utf8)
        }
        return bytes.withUnsafeBufferPointer { buffer in
            func order(_ lhs: (start: Int, count: Int, index: Int), _ rhs: (start: Int, count: Int, index: Int)) -> Int {
                let common = min(lhs.count, rhs.count)
                let order = common == 0 ? 0 : buffer.baseAddress.map { Int(memcmp($0 + lhs.start, $0 + rhs.start, common)) } ?? 0
                return order != 0 ? order : lhs.count - rhs.count
            }
            // Paths found one folder at a time come sorted already; one pass tells.
            if !zip(spans, spans.dropFirst()).allSatisfy({ order($0, $1) < 0 }) {
                spans.sort { order($0, $1) < 0 }
            }
            var unique: [String] = []
            unique.reserveCapacity(spans.count)
            for (offset, span) in spans.enumerated() where offset == 0 || order(spans[offset - 1], span) != 0 {
                unique.append(paths[span.index])
            }
            return unique
        }
    }

    /// Every `*.md` below `root`, walking with an explicit stack (no recursion).
    private static func markdownFiles(under root: String) throws -> [String] {
        var files: [String] = []
        var folders = [root]
        while let folder = folders.popLast() {
            for entry in try FileSystem.entries(of: folder) {
                let path = joined(folder, entry.name)
                guard let kind = entry.kind ?? (try? FileSystem.kind(of: path)) else { continue }
                switch kind {
                case .directory:
                    if !entry.isHidden { folders.append(path) }
                case .file:
                    if entry.isMarkdown { files.append(path) }
                case .symbolicLinkToDirectory, .other:
                    break
                }
            }
        }
        return files
    }

    /// `folder/name`, with one slash between them however `folder` ends.
    private static func joined(_ folder: String, _ name: String) -> String {
        var folder = folder
        var name = name
        return folder.withUTF8 { folder in
            name.withUTF8 { name in
                let slash = folder.last == UInt8(ascii: "/") ? 0 : 1
                return String(unsafeUninitializedCapacity: folder.count + slash + name.count) { path in
                    _ = path.initialize(fromContentsOf: folder)
                    if slash == 1 { path[folder.count] = UInt8(ascii: "/") }
                    _ = path[(folder.count + slash)...].initialize(fromContentsOf: name)
                    return folder.count + slash + name.count
                }
            }
        }
    }
}
