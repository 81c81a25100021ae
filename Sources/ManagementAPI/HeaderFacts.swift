import Diagnostics
import ShellSyntax

/// What a curl command's headers say about authorization and content type.
struct HeaderFacts {
    let curl: CurlInvocation

    /// False when some header comes from a file or has a name only a running shell knows, so a
    /// missing header cannot be concluded.
    var namesAreKnown: Bool {
        curl.headers.allSatisfy { header in
            !header.name.isEmpty && !Self.unknownParts(of: header.word).beforeColon
        }
    }

    /// The `Authorization` headers' scheme and credentials, in order. A value that starts with a
    /// shell value has an unknown scheme (nil).
    var authorizations: [(header: CurlHeader, scheme: String?, credentials: ShellText)] {
        curl.headers(named: "Authorization").map { header in
            let text = ShellText(header.word)
            let value = text.firstIndex(of: ":").map { text.trimmed(($0 + 1)..<text.count) } ?? 0..<0
            guard let first = value.first, !text.elements[first].isUnknown else { return (header, nil, text[value]) }
            let schemeEnd = text.elements[value].firstIndex { $0.scalar.map(isBlankOrNewline) ?? true } ?? value.upperBound
            return (header, text.display(first..<schemeEnd), text[text.trimmed(schemeEnd..<value.upperBound)])
        }
    }

    /// The last `Content-Type` header and whether it names JSON (`application/json`,
    /// `application/*+json`; a value with shell parts counts as JSON).
    var contentType: (header: CurlHeader, isJSON: Bool)? {
        guard let header = curl.headers.last(where: { CurlInvocation.name($0.name, equalsIgnoringCase: "Content-Type") }) else { return nil }
        if Self.unknownParts(of: header.word).afterColon { return (header, true) }
        return (header, Self.namesJSON(header.value))
    }

    /// Whether a shell value stands before the first literal `:` of the header's word (in its
    /// name, or anywhere when it has no colon), and whether one stands after it.
    private static func unknownParts(of word: Word) -> (beforeColon: Bool, afterColon: Bool) {
        var beforeColon = false
        var afterColon = false
        var seenColon = false
        for part in word.parts {
            switch part {
            case .literal(let text, _):
                if text.utf8.contains(UInt8(ascii: ":")) { seenColon = true }
            case .unknown:
                if seenColon { afterColon = true } else { beforeColon = true }
            }
        }
        return (beforeColon, afterColon)
    }

    /// True when the media type (the value up to its first `;`, without surrounding blanks)
    /// is `application/json` or `application/*+json`, in any case.
    static func namesJSON(_ value: String) -> Bool {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else {
            let mediaType = value.split(separator: ";").first.map { $0.trimmingCharacters(in: " \t").lowercased() } ?? ""
            return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
        }
        var value = value
        return value.withUTF8 { bytes in
            var lower = 0
            while lower < bytes.count, bytes[lower] == UInt8(ascii: ";") { lower += 1 }
            var upper = lower
            while upper < bytes.count, bytes[upper] != UInt8(ascii: ";") { upper += 1 }
            while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
            while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") { upper -= 1 }
            let mediaType = UnsafeBufferPointer(rebasing: bytes[lower..<upper])
            let json = "application/json".utf8
            if mediaType.count == json.count, isLowercased(mediaType, prefixedBy: json) { return true }
            let suffix = "+json".utf8
            return isLowercased(mediaType, prefixedBy: "application/".utf8)
                && mediaType.count >= suffix.count
                && isLowercased(UnsafeBufferPointer(rebasing: mediaType[(mediaType.count - suffix.count)...]), prefixedBy: suffix)
        }
    }

    /// True when the ASCII `bytes`, lowercased, start with `prefix`.
    private static func isLowercased(_ bytes: UnsafeBufferPointer<UInt8>, prefixedBy prefix: String.UTF8View) -> Bool {
        bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { ASCIIByte.lowercased($0) == $1 }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in blanks: String) -> String {
        String(drop { blanks.contains($0) }.reversed().drop { blanks.contains($0) }.reversed())
    }
}

extension [Diagnostic] {
    /// Ordered by position, then rule, so output does not depend on the order of checks.
    var inSourceOrder: [Diagnostic] {
        sorted { ($0.range.start, $0.rule.id, $0.message) < ($1.range.start, $1.rule.id, $1.message) }
    }
}
