@testable import ManagementAPI
import Testing

@Suite("Header facts")
struct HeaderFactsTests {
    /// The media-type reading the byte-level check must agree with.
    private static func referenceNamesJSON(_ value: String) -> Bool {
        let blanks: Set<Character> = [" ", "\t"]
        let piece = value.split(separator: ";").first ?? ""
        let mediaType = String(piece.drop { blanks.contains($0) }.reversed().drop { blanks.contains($0) }.reversed()).lowercased()
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    @Test("Content-Type values are read as JSON exactly when their media type is", arguments: [
        "application/json", "Application/JSON", " application/json ; charset=utf-8", ";;application/json", "\tapplication/json\t",
        "application/vnd.api+json", "application/+json", "application/json5", "application/jso", "text/plain", "", ";", " ",
        "application", "application/", "+json", "APPLICATION/LD+JSON;q=1", "application/json\r\n", "application/jsön",
        "application/json\u{301}", " \u{301}application/json", "application/x+json\u{301}", "applicätion/json",
    ])
    func mediaTypes(value: String) {
        #expect(HeaderFacts.namesJSON(value) == Self.referenceNamesJSON(value))
    }

    @Test("Header names compare as lowercased", arguments: [
        ("Content-Type", "content-type"), ("CONTENT-TYPE", "Content-Type"), ("Content-Typ", "Content-Type"),
        ("Ä", "ä"), ("Authorization", "Authorisation"), ("", ""), ("K", "\u{212A}"),
    ])
    func headerNames(pair: (String, String)) {
        #expect(CurlInvocation.name(pair.0, equalsIgnoringCase: pair.1) == (pair.0.lowercased() == pair.1.lowercased()))
    }
}
