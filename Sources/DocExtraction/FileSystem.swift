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
        // Read straight into the array, asking for one byte more than `fstat` said: a regular
        // file whose read comes back short has ended, so it takes one read. A file that grew
        // since `fstat` fills the extra byte and is read on to its end.
        let capacity = max(Int(status.st_size), 0) + 1
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        var failure: Int32?
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = readAll(descriptor, into: buffer, shortReadEnds: isRegular, failure: &failure)
        }
        var reachedEnd = bytes.count < capacity
        while failure == nil, !reachedEnd {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 12) { chunk in
                let count = readAll(descriptor, into: chunk, shortReadEnds: isRegular, failure: &failure)
                bytes.append(contentsOf: chunk[0..<count])
                reachedEnd = count < chunk.count
            }
        }
        if let failure { throw .unreadable(path: path, reason: errorText(failure)) }
        return bytes
    }

    /// The first bytes of the file at `path`, read a chunk at a time until `isEnough` says they
    /// suffice or the file ends: a page's head without reading the whole page. A short read
    /// ends it, as it ends a regular file, so a page takes one read (`contents(of:)` reads a
    /// page whole, whatever kind of file it is).
    static func prefix(of path: String, isEnough: ([UInt8]) -> Bool) throws(ExtractionError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: errorText()) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var failure: Int32?
        var reachedEnd = false
        while failure == nil, !reachedEnd, !isEnough(bytes) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 13) { chunk in
                let count = readAll(descriptor, into: chunk, shortReadEnds: true, failure: &failure)
                bytes.append(contentsOf: chunk[0..<count])
                reachedEnd = count < chunk.count
            }
        }
        if let failure { throw .unreadable(path: path, reason: errorText(failure)) }
        return bytes
    }

    /// Reads until `buffer` is full or the file ends; returns how many bytes were read. With
    /// `shortReadEnds` (regular files), a read that returns less than asked is the end.
    /// A read error other than an interruption stops it and is left in `failure`.
    private static func readAll(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, shortReadEnds: Bool,
                                failure: inout Int32?) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = read(descriptor, base + filled, buffer.count - filled)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            filled += count
            if shortReadEnds, filled < buffer.count { break }
        }
        return filled
    }

    /// One name in a directory.
    struct Entry {
        var name: String
        /// What `kind(of:)` would say, when the directory listing already tells it (a plain
        /// file or folder whose name is valid UTF-8); nil when it must be asked.
        var kind: Kind?
        /// Whether the name starts with `.`.
        var isHidden: Bool
        /// Whether the name ends with `.md`.
        var isMarkdown: Bool
    }

    /// The entries of the directory at `path`, without `.` and `..`.
    static func entries(of path: String) throws(ExtractionError) -> [Entry] {
        guard let directory = opendir(path) else { throw .unreadable(path: path, reason: errorText()) }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let type = entry.pointee.d_type
            let listed = withUnsafeBytes(of: entry.pointee.d_name) { raw -> Entry? in
                let bytes = UnsafeRawBufferPointer(rebasing: raw.prefix { $0 != 0 })
                let dot = UInt8(ascii: ".")
                if (1...2).contains(bytes.count), bytes.allSatisfy({ $0 == dot }) { return nil }
                let valid = bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
                // A name that had to be repaired is not the one on disk: `kind(of:)` is asked about it.
                let known: Kind? = switch type {
                case UInt8(DT_REG) where valid != nil: .file
                case UInt8(DT_DIR) where valid != nil: .directory
                default: nil
                }
                return Entry(name: valid ?? String(decoding: bytes, as: UTF8.self), kind: known, isHidden: bytes.first == dot,
                             isMarkdown: bytes.count >= 3 && bytes.suffix(3).elementsEqual(".md".utf8))
            }
            if let listed { entries.append(listed) }
        }
        return entries
    }

    private static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
