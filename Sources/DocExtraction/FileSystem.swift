#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls extraction needs, with errors as `ExtractionError`.
enum FileSystem {
    enum Kind {
        case file, directory, symbolicLinkToDirectory, other
    }

    /// What is at `path`, following symbolic links.
    static func kind(of path: String) throws(ExtractionError) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .unreadable(path: path, reason: errorText()) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            var linkStatus = stat()
            if lstat(path, &linkStatus) == 0, linkStatus.st_mode & S_IFMT == S_IFLNK { return .symbolicLinkToDirectory }
            return .directory
        case S_IFREG:
            return .file
        default:
            return .other
        }
    }

    /// The whole content of the file at `path`.
    static func contents(of path: String) throws(ExtractionError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: errorText()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: errorText()) }
        if status.st_mode & S_IFMT == S_IFDIR { throw .unreadable(path: path, reason: "is a directory") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(Int(status.st_size), 0))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress, buffer.count)
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: errorText())
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// The names in the directory at `path`, without `.` and `..`.
    static func entries(of path: String) throws(ExtractionError) -> [String] {
        guard let directory = opendir(path) else { throw .unreadable(path: path, reason: errorText()) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    private static func errorText() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
