import Diagnostics
import ManagementAPI
import ShellSyntax
import Testing

/// A curl command line and what the parser must read from it. Bodies are spelt
/// `flag text` (`flag @file` for data the page does not show, `flag <<text` for a here-document).
struct CurlCase: CustomTestStringConvertible, Sendable {
    var shell: String
    var method: String
    var url: String?
    var headers: [String] = []
    var body: String?
    var dataCount = 0
    var inQuery = false

    var testDescription: String { shell }
}

private func spelledBody(_ body: CurlBody?) -> String? {
    guard let body else { return nil }
    let text = body.word?.displayValue ?? "(none)"
    if body.isHereDocument { return "\(body.flag) <<\(text)" }
    return "\(body.flag) \(body.isFile ? "@file:" : "")\(text)"
}

private let cases: [CurlCase] = [
    CurlCase(shell: "curl https://example.com/a", method: "GET", url: "https://example.com/a"),
    CurlCase(shell: "curl -sSL --url https://example.com/a https://example.com/b", method: "GET", url: "https://example.com/a"),
    CurlCase(shell: "curl -XPOST -HAccept:json https://h/x", method: "POST", url: "https://h/x", headers: ["Accept: json"]),
    CurlCase(shell: "curl -sSX PATCH https://h/x -H 'Authorization:  Bearer  T '", method: "PATCH", url: "https://h/x", headers: ["Authorization: Bearer  T"]),
    CurlCase(shell: "curl --request DELETE --header 'X-Empty;' https://h/x", method: "DELETE", url: "https://h/x", headers: ["X-Empty: "]),
    CurlCase(shell: "curl -d 'a=1' https://h/x", method: "POST", url: "https://h/x", body: "-d a=1", dataCount: 1),
    CurlCase(shell: "curl -sd'{}' https://h/x", method: "POST", url: "https://h/x", body: "-d {}", dataCount: 1),
    CurlCase(shell: "curl --data-raw @literal https://h/x", method: "POST", url: "https://h/x", body: "--data-raw @literal", dataCount: 1),
    CurlCase(shell: "curl --data-binary @body.json https://h/x", method: "POST", url: "https://h/x", body: "--data-binary @file:@body.json", dataCount: 1),
    CurlCase(shell: "curl --data-urlencode 'q@query.txt' https://h/x", method: "POST", url: "https://h/x", body: "--data-urlencode @file:q@query.txt", dataCount: 1),
    CurlCase(shell: "curl --data-urlencode 'q=a@b' https://h/x", method: "POST", url: "https://h/x", body: "--data-urlencode q=a@b", dataCount: 1),
    CurlCase(shell: "curl --json '{\"a\": 1}' https://h/x", method: "POST", url: "https://h/x", body: "--json {\"a\": 1}", dataCount: 1),
    CurlCase(shell: "curl -X PUT --json '{}' https://h/x", method: "PUT", url: "https://h/x", body: "--json {}", dataCount: 1),
    CurlCase(shell: "curl -G -d db=x --data-urlencode 'q=SELECT 1' https://h/query", method: "GET", url: "https://h/query", dataCount: 2, inQuery: true),
    CurlCase(shell: "curl -I https://h/x", method: "HEAD", url: "https://h/x"),
    CurlCase(shell: "curl -T file.lp https://h/x", method: "PUT", url: "https://h/x"),
    CurlCase(shell: "curl -o out.json -u me:secret -w '%{http_code}' --max-time 5 https://h/x", method: "GET", url: "https://h/x"),
    CurlCase(shell: "curl --compressed --fail -v -i https://h/x", method: "GET", url: "https://h/x"),
    CurlCase(shell: "curl --oauth2-bearer abc https://h/x", method: "GET", url: "https://h/x", headers: ["Authorization: Bearer abc"]),
    CurlCase(shell: "curl -- -not-an-option", method: "GET", url: "-not-an-option"),
    CurlCase(shell: "curl -H @headers.txt https://h/x", method: "GET", url: "https://h/x", headers: [": @headers.txt"]),
    CurlCase(shell: "curl -X \"$METHOD\" \"$URL\"", method: "$METHOD", url: "$URL"),
    CurlCase(shell: "curl -d", method: "POST", url: nil, body: "-d (none)", dataCount: 1),
    CurlCase(shell: "curl -d @- https://h/x <<'END'\n{\"a\": 1}\nEND", method: "POST", url: "https://h/x", body: "-d <<{\"a\": 1}\n", dataCount: 1),
    CurlCase(shell: "curl --data-binary @- https://h/x <<< '{\"b\": 2}'", method: "POST", url: "https://h/x", body: "--data-binary <<{\"b\": 2}", dataCount: 1),
    CurlCase(shell: "curl -d @- https://h/x < body.json", method: "POST", url: "https://h/x", body: "-d @file:@-", dataCount: 1),
    CurlCase(shell: "cat body.json | curl -d @- https://h/x", method: "POST", url: "https://h/x", body: "-d @file:@-", dataCount: 1),
]

@Suite("Curl argument parser")
struct CurlParserTests {
    @Test("reads method, URL, headers and body", arguments: cases)
    func reads(_ example: CurlCase) throws {
        let curl = try #require(commands(example.shell).first { $0.program == "curl" })
        let invocation = CurlParser.parse(curl)
        #expect(invocation.method == example.method)
        #expect(invocation.url?.displayValue == example.url)
        #expect(invocation.headers.map { "\($0.name): \($0.value)" } == example.headers)
        #expect(spelledBody(invocation.body) == example.body)
        #expect(invocation.dataArguments.count == example.dataCount)
        #expect(invocation.sendsDataInQuery == example.inQuery)
        #expect(invocation.command == curl)
    }

    @Test("attached values and combined flags keep their own positions")
    func attachedPositions() throws {
        let invocation = CurlParser.parse(command("curl -sXPOST -sd'{}' -HFoo:bar https://h/x"))
        let methodWord = try #require(invocation.methodWord)
        #expect(methodWord.displayValue == "POST")
        #expect(methodWord.range.description == "1:9-1:13")
        let body = try #require(invocation.body)
        #expect(body.flag == "-d")
        #expect(body.flagRange.description == "1:16-1:17")
        #expect(body.word?.range.description == "1:18-1:21")
        let header = try #require(invocation.headers.first)
        #expect(header.word.range.description == "1:24-1:31")
        #expect(header.word.displayValue == "Foo:bar")
    }

    @Test("a separate flag word is the flag's range; the -X word is the method word")
    func separateWords() throws {
        let invocation = CurlParser.parse(command("curl --request PUT --data '{}' https://h/x"))
        #expect(invocation.methodWord?.range.description == "1:16-1:19")
        #expect(invocation.body?.flagRange.description == "1:20-1:26")
        #expect(invocation.body?.isFile == false)
        #expect(invocation.url?.range.description == "1:32-1:43")
    }

    @Test("--json marks the invocation as sending JSON; --data does not")
    func jsonOption() {
        #expect(CurlParser.parse(command("curl --json '{}' https://h/x")).usesJSONOption)
        #expect(!CurlParser.parse(command("curl --data '{}' https://h/x")).usesJSONOption)
    }

    @Test("-u keeps the user word; headers(named:) ignores case")
    func userAndHeaderLookup() {
        let invocation = CurlParser.parse(command("curl -u user:pw -H 'content-type: text/plain' https://h/x"))
        #expect(invocation.user?.displayValue == "user:pw")
        #expect(invocation.headers(named: "Content-Type").map(\.value) == ["text/plain"])
    }
}

/// Long options curl does not have: curl stops at them and sends nothing.
@Suite struct CurlUnknownOptionTests {
    @Test(arguments: [
        ("curl --H 'Accept: json' https://h/x", "curl has no option --H", "-H" as String?, Severity.error),
        ("curl --heder 'Accept: json' https://h/x", "curl has no option --heder", "--header", .error),
        ("curl --header='Accept: json' https://h/x", "no `--option=value` form", "--header Accept: json", .error),
        ("curl --frobnicate-everything https://h/x", "not an option of curl 7.88.1", nil, .warning),
        ("curl --GET https://h/x", "curl has no option --GET", "--get", .error),
        ("curl --XPOST https://h/x", "curl has no option --XPOST", "-XPOST", .error),
    ])
    func anUnknownLongOptionIsReportedAtItsWord(shell: String, message: String, suggestion: String?, severity: Severity) throws {
        let found = CurlParser.parse(command(shell)).unknownOptions
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.rule == .curlUnknownOption)
        #expect(finding.message.contains(message), "\(finding.message)")
        #expect(finding.suggestion == suggestion)
        #expect(finding.severity == severity)
        #expect(finding.range.start.column == 6)
    }

    @Test(arguments: [
        "curl --request POST --header 'A: b' --data-binary @f --json '{}' https://h/x",
        "curl --no-buffer --no-progress-meter --expand-data '{{x}}' --retry-all-errors https://h/x",
        "curl --silent --show-error --location --fail-with-body https://h/x -- --not-an-option",
        "curl -H --H https://h/x",
        "curl [-k, --insecure] <url>",
    ])
    func optionsCurlHasAreNotReported(shell: String) {
        #expect(CurlParser.parse(command(shell)).unknownOptions.isEmpty)
    }
}
