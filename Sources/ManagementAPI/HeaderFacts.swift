import Diagnostics
import ShellSyntax

/// What a curl command's headers say about authorization and content type.
struct HeaderFacts {
    let curl: CurlInvocation

    /// False when some header comes from a file or has a name only a running shell knows, so a
    /// missing header cannot be concluded.
    var namesAreKnown: Bool {
        curl.headers.allSatisfy { header in
            guard !header.name.isEmpty else { return false }
            let text = ShellText(header.word)
            let nameEnd = text.firstIndex(of: ":") ?? text.count
            return !text[0..<nameEnd].hasUnknownParts
        }
    }

    /// The `Authorization` headers' scheme and credentials, in order. A value that starts with a
    /// shell value has an unknown scheme (nil).
    var authorizations: [(header: CurlHeader, scheme: String?, credentials: ShellText)] {
        curl.headers(named: "Authorization").map { header in
            let text = ShellText(header.word)
            let value = text.firstIndex(of: ":").map { text.dropFirst($0 + 1).trimmed } ?? ShellText([])
            guard let first = value.elements.first, !first.isUnknown else { return (header, nil, value) }
            let schemeEnd = value.elements.firstIndex { $0.scalar.map(isBlankOrNewline) ?? true } ?? value.count
            return (header, value[0..<schemeEnd].display, value.dropFirst(schemeEnd).trimmed)
        }
    }

    /// The last `Content-Type` header and whether it names JSON (`application/json`,
    /// `application/*+json`; a value with shell parts counts as JSON).
    var contentType: (header: CurlHeader, isJSON: Bool)? {
        guard let header = curl.headers(named: "Content-Type").last else { return nil }
        let text = ShellText(header.word)
        let value = text.firstIndex(of: ":").map { text.dropFirst($0 + 1) } ?? ShellText([])
        if value.hasUnknownParts { return (header, true) }
        let mediaType = header.value.split(separator: ";").first.map { $0.trimmingCharacters(in: " \t").lowercased() } ?? ""
        return (header, mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json")))
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
