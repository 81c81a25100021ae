/// An HTML comment `<!-- ... -->` found in some bytes.
struct HTMLComment {
    /// The text between `<!--` and `-->`, trimmed.
    var inner: ArraySlice<UInt8>
    /// Byte offsets of `<` and just past `>`; `end` is the text's end if the comment never closes.
    var start: Int
    var end: Int

    static func scan(_ bytes: ArraySlice<UInt8>) -> [HTMLComment] {
        let opener = Array("<!--".utf8)
        let closer = Array("-->".utf8)
        var comments: [HTMLComment] = []
        var index = bytes.startIndex
        while let open = find(opener, in: bytes, from: index) {
            let innerStart = open + opener.count
            guard let close = find(closer, in: bytes, from: innerStart) else { break }
            comments.append(HTMLComment(inner: ByteClass.trimmed(bytes[innerStart..<close]), start: open, end: close + closer.count))
            index = close + closer.count
        }
        return comments
    }

    /// Whether the bytes hold `<!--`, without which `scan` finds nothing.
    static func holdsOpener(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        for index in 0...(bytes.count - 4) where bytes[index] == UInt8(ascii: "<") {
            if bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") { return true }
        }
        return false
    }

    /// The bytes with every comment removed.
    static func removingComments(from bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var index = bytes.startIndex
        for comment in scan(bytes) {
            result.append(contentsOf: bytes[index..<comment.start])
            index = comment.end
        }
        result.append(contentsOf: bytes[index...])
        return result
    }

    static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.endIndex {
            guard let candidate = bytes[index...].firstIndex(of: needle[0]) else { return nil }
            guard candidate + needle.count <= bytes.endIndex else { return nil }
            if bytes[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}

/// What one comment says to docverify.
enum CommentDirective: Equatable {
    case skip
    case expect([String])
    case influxctlVersion(String)
    /// A `docverify:` comment that is not a directive, with the message to report and,
    /// when a directive name is close, the comment that was probably meant.
    case unknown(message: String, suggestion: String?)
    /// Not addressed to docverify (test markers such as `pytest.mark.skip`, ordinary comments).
    case none

    private static let knownNames = ["docverify:skip", "docverify:expect", "docverify:influxctl-version"]

    init(_ comment: HTMLComment) {
        let text = ByteClass.string(comment.inner)
        // docs-v2's `pytest.mark.skip` and `pytest-codeblocks:skip` keep a block away from a
        // live cluster; the simulated one runs it, so only docverify's own marker skips.
        if text == "docverify:skip" {
            self = .skip
            return
        }
        guard text.hasPrefix("docverify:") else {
            self = .none
            return
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        let name = words.first.map(String.init) ?? text
        let rest = words.dropFirst().map(String.init)
        switch name {
        case "docverify:expect":
            let rules = rest.joined(separator: " ")
                .split(whereSeparator: { $0 == "," || $0 == " " })
                .map(String.init)
            self = rules.isEmpty
                ? .unknown(message: "docverify:expect names no rule; write <!-- docverify:expect RULE[, RULE...] -->", suggestion: nil)
                : .expect(rules)
        case "docverify:influxctl-version":
            if rest.count == 1 {
                self = .influxctlVersion(rest[0])
            } else {
                self = .unknown(message: "docverify:influxctl-version takes exactly one version, as in <!-- docverify:influxctl-version 2.9.0 -->", suggestion: nil)
            }
        case "docverify:skip":
            self = .unknown(message: "docverify:skip takes no arguments", suggestion: "docverify:skip")
        default:
            let nearest = name.count > 64 ? nil : Self.knownNames.map { (name: $0, distance: EditDistance.between($0, name)) }.min { $0.distance < $1.distance }
            if let nearest, nearest.distance <= 3 {
                self = .unknown(message: "unknown directive '\(name)'; did you mean '\(nearest.name)'?", suggestion: nearest.name)
            } else {
                self = .unknown(message: "unknown directive '\(name)'; known: \(Self.knownNames.joined(separator: ", "))", suggestion: nil)
            }
        }
    }
}

/// Levenshtein distance, for suggesting directive names.
enum EditDistance {
    static func between(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs.unicodeScalars)
        let right = Array(rhs.unicodeScalars)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        var current = Array(repeating: 0, count: right.count + 1)
        for leftIndex in 1...left.count {
            current[0] = leftIndex
            for rightIndex in 1...right.count {
                let substitution = previous[rightIndex - 1] + (left[leftIndex - 1] == right[rightIndex - 1] ? 0 : 1)
                current[rightIndex] = min(previous[rightIndex] + 1, current[rightIndex - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
