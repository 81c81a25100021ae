import Diagnostics
import ShellSyntax

/// What a `curl` command line asks for: method, URL, headers and body, each tied to the words
/// of the page that spell them.
public struct CurlInvocation: Hashable, Sendable {
    /// The HTTP method curl sends: the `-X` value as written, else implied by the other options
    /// (`GET`; `POST` with a body; `HEAD` with `-I`; `PUT` with `-T`).
    public var method: String
    /// The word that spells the `-X`/`--request` value (for `-XPOST`, the part after `-X`).
    public var methodWord: Word?
    /// The first URL: `--url` value or the first positional argument.
    public var url: Word?
    /// The `-H`/`--header` options in order (and `--oauth2-bearer`, as the header it sends).
    public var headers: [CurlHeader]
    /// The request body: the first data option, or nil with `-G` (data then goes to the query).
    public var body: CurlBody?
    /// Every data option (`-d`, `--data-*`, `--json`) in order.
    public var dataArguments: [CurlBody]
    /// True with `-G`/`--get`: the data options are appended to the URL's query string.
    public var sendsDataInQuery: Bool
    /// The `-u`/`--user` value (`user:password`), if given.
    public var user: Word?
    /// The command the invocation was read from.
    public var command: SimpleCommand
    /// `curl.unknown-option` findings: long options curl does not have.
    public var unknownOptions: [Diagnostic]

    public init(method: String, methodWord: Word? = nil, url: Word? = nil, headers: [CurlHeader] = [], body: CurlBody? = nil, dataArguments: [CurlBody] = [], sendsDataInQuery: Bool = false, user: Word? = nil, command: SimpleCommand, unknownOptions: [Diagnostic] = []) {
        self.unknownOptions = unknownOptions
        self.method = method
        self.methodWord = methodWord
        self.url = url
        self.headers = headers
        self.body = body
        self.dataArguments = dataArguments
        self.sendsDataInQuery = sendsDataInQuery
        self.user = user
        self.command = command
    }

    /// The headers with this name (case-insensitive), in order.
    public func headers(named name: String) -> [CurlHeader] {
        headers.filter { Self.name($0.name, equalsIgnoringCase: name) }
    }

    /// True when the header names are equal once lowercased.
    static func name(_ name: String, equalsIgnoringCase other: String) -> Bool {
        guard name.utf8.allSatisfy({ $0 < 0x80 }), other.utf8.allSatisfy({ $0 < 0x80 }) else {
            return name.lowercased() == other.lowercased()
        }
        return name.utf8.count == other.utf8.count && zip(name.utf8, other.utf8).allSatisfy { ASCIIByte.lowercased($0) == ASCIIByte.lowercased($1) }
    }

    /// True when `--json` supplies the body (it also sets a JSON Content-Type and Accept).
    public var usesJSONOption: Bool { dataArguments.contains { $0.flag == "--json" } }
}

/// One `-H` header: its name, its value and the word that spells it.
public struct CurlHeader: Hashable, Sendable {
    /// The name before the colon, without surrounding blanks; empty for `-H @file`, which
    /// reads headers from a file (its value is then the word as written).
    public var name: String
    /// The value after the colon, without surrounding blanks; unknown parts as written.
    public var value: String
    /// The word holding `Name: value` (for `-HName: value`, the part after `-H`).
    public var word: Word

    public init(name: String, value: String, word: Word) {
        self.name = name
        self.value = value
        self.word = word
    }
}

/// One data option: the flag, where it stands, and the data it sends.
public struct CurlBody: Hashable, Sendable {
    /// The option as spelt in long or short form: `--data`, `-d`, `--json`, ...
    public var flag: String
    /// Where the flag stands (for a combined `-sd`, the `d` alone).
    public var flagRange: SourceRange
    /// The data: the option's value, or the here-document's body for `@-` read from `<<`.
    /// Nil when the option has no value.
    public var word: Word?
    /// True when curl reads the data from a file or from standard input other than a
    /// here-document (`@file`, `@-` fed by a pipe or `<`): the page does not show the content.
    public var isFile: Bool
    /// True when `word` is the body of a here-document that `@-` reads.
    public var isHereDocument: Bool

    public init(flag: String, flagRange: SourceRange, word: Word?, isFile: Bool, isHereDocument: Bool = false) {
        self.flag = flag
        self.flagRange = flagRange
        self.word = word
        self.isFile = isFile
        self.isHereDocument = isHereDocument
    }

    /// True for `--data-urlencode`, whose content curl percent-encodes.
    public var isURLEncoded: Bool { flag == "--data-urlencode" }
}
