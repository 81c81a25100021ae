import Diagnostics
import ShellSyntax

/// Reads a `curl` command line the way curl reads its argv, for the options docs use.
///
/// Understood: `-X/--request`, `-H/--header`, `-d/--data`, `--data-ascii`, `--data-raw`,
/// `--data-binary`, `--data-urlencode`, `--json` (implies POST and JSON Content-Type/Accept),
/// `--url` or a positional URL, `-G/--get`, `-I/--head`, `-T/--upload-file`, `-u/--user`,
/// `--oauth2-bearer`, `--` (end of options), combined short options (`-sS`, `-XPOST`,
/// `-HName: value`) and `@file`/`@-` data (a here-document or here-string on standard input
/// supplies `@-`'s content). Other options are skipped, with their value when curl's own
/// option table says they take one; unknown long options are taken to take none. curl has no
/// `--option=value` form, so such a word is an unknown option.
public enum CurlParser {
    /// Parses `command`, whose `words[0]` is `curl`.
    public static func parse(_ command: SimpleCommand) -> CurlInvocation {
        var reader = CurlReader(command: command)
        reader.read()
        return reader.invocation()
    }
}

/// What one curl option does, as far as requests are concerned.
enum CurlOption: Equatable {
    case request
    case header
    case data(DataKind)
    case url
    case get
    case head
    case uploadFile
    case user
    case oauth2Bearer
    /// An option that does not shape the request, with whether it takes a value.
    case ignored(takesValue: Bool)

    enum DataKind: Equatable {
        /// `-d`, `--data`, `--data-ascii`: `@file` content is sent without line breaks.
        case ascii
        case raw
        case binary
        case urlencode
        case json
    }

    var takesValue: Bool {
        switch self {
        case .get, .head: false
        case .ignored(let takesValue): takesValue
        default: true
        }
    }

    static func short(_ letter: Unicode.Scalar) -> CurlOption {
        switch letter {
        case "X": .request
        case "H": .header
        case "d": .data(.ascii)
        case "G": .get
        case "I": .head
        case "T": .uploadFile
        case "u": .user
        default: .ignored(takesValue: shortOptionsWithValue.contains(letter))
        }
    }

    static func long(_ name: String) -> CurlOption {
        switch name {
        case "request": .request
        case "header": .header
        case "data", "data-ascii": .data(.ascii)
        case "data-raw": .data(.raw)
        case "data-binary": .data(.binary)
        case "data-urlencode": .data(.urlencode)
        case "json": .data(.json)
        case "url": .url
        case "get": .get
        case "head": .head
        case "upload-file": .uploadFile
        case "user": .user
        case "oauth2-bearer": .oauth2Bearer
        default: .ignored(takesValue: longOptionsWithValue.contains(name))
        }
    }

    /// curl's short options that take a value, other than those handled above.
    private static let shortOptionsWithValue: Set<Unicode.Scalar> = [
        "A", "b", "c", "C", "D", "e", "E", "F", "K", "m", "o", "P", "Q", "r", "t", "U", "w", "x", "y", "Y", "z",
    ]

    /// curl's long options that take a value, other than those handled above.
    private static let longOptionsWithValue: Set<String> = [
        "abstract-unix-socket", "alt-svc", "aws-sigv4", "cacert", "capath", "cert", "cert-type", "ciphers",
        "config", "connect-timeout", "connect-to", "continue-at", "cookie", "cookie-jar", "create-file-mode",
        "curves", "dns-interface", "dns-servers", "doh-url", "dump-header", "egd-file", "engine", "etag-compare",
        "etag-save", "expect100-timeout", "form", "form-string", "ftp-account", "ftp-port", "happy-eyeballs-timeout-ms",
        "hsts", "interface", "ipfs-gateway", "keepalive-time", "key", "key-type", "krb", "libcurl", "limit-rate",
        "local-port", "login-options", "mail-auth", "mail-from", "mail-rcpt", "max-filesize", "max-redirs",
        "max-time", "netrc-file", "noproxy", "output", "output-dir", "pass", "pinnedpubkey", "preproxy", "proto",
        "proto-default", "proto-redir", "proxy", "proxy-cacert", "proxy-cert", "proxy-header", "proxy-key",
        "proxy-user", "proxy1.0", "pubkey", "quote", "random-file", "range", "rate", "referer", "request-target",
        "resolve", "retry", "retry-delay", "retry-max-time", "sasl-authzid", "service-name", "socks4", "socks4a",
        "socks5", "socks5-hostname", "speed-limit", "speed-time", "stderr", "telnet-option", "tftp-blksize",
        "time-cond", "tls-max", "tlspassword", "tlsuser", "trace", "trace-ascii", "trace-config", "unix-socket",
        "url-query", "user-agent", "variable", "write-out",
    ]
}

/// Walks a curl argv and collects what each option contributes to the request.
struct CurlReader {
    let command: SimpleCommand
    private var requestMethod: (text: String, word: Word)?
    private var url: Word?
    private var headers: [CurlHeader] = []
    private var data: [CurlBody] = []
    private var sendsDataInQuery = false
    private var isHead = false
    private var uploadsFile = false
    private var user: Word?
    /// Long options curl does not have, as findings.
    private var unknownOptions: [Diagnostic] = []

    init(command: SimpleCommand) {
        self.command = command
    }

    mutating func read() {
        let words = command.words
        var index = 1
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            guard !optionsEnded, ShellText.firstScalar(of: word) == "-" else {
                if url == nil { url = word }
                continue
            }
            guard let spelling = word.literalValue else {
                // A word with shell values has at least two elements; only a cluster of short
                // options can be read from it (a long option's name must be literal).
                let text = ShellText(word)
                if !text.hasPrefix("--") { index = readShortOptions(text, of: word, nextWord: index) }
                continue
            }
            let scalars = spelling.unicodeScalars
            guard scalars.count > 1 else {
                if url == nil { url = word }
                continue
            }
            if scalars.starts(with: "--".unicodeScalars) {
                guard scalars.count > 2 else {
                    optionsEnded = true
                    continue
                }
                let name = String(scalars.dropFirst(2))
                if let unknown = CurlOptionTable.diagnostic(name: name, range: word.range) { unknownOptions.append(unknown) }
                let option = CurlOption.long(name)
                var value: Word?
                if option.takesValue, index < words.count {
                    value = words[index]
                    index += 1
                }
                apply(option, flag: "--" + name, flagRange: word.range, value: value)
            } else if scalars.count == 2, let letter = scalars.last {
                _ = readShortOption(letter, flagRange: word.range, attachedValue: nil, nextWord: &index)
            } else {
                index = readShortOptions(ShellText(word), of: word, nextWord: index)
            }
        }
    }

    /// Reads a cluster of short options (`-sSL`, `-XPOST`); returns the index of the next word.
    private mutating func readShortOptions(_ text: ShellText, of word: Word, nextWord: Int) -> Int {
        var index = nextWord
        for offset in 1..<text.count {
            guard let letter = text.elements[offset].scalar else { return index }
            let flagRange = text.count == 2 ? word.range : text.elements[offset].range
            let attached = offset + 1 < text.count
            if readShortOption(letter, flagRange: flagRange, attachedValue: attached ? text.dropFirst(offset + 1).word(endingLike: word) : nil, nextWord: &index) {
                return index
            }
        }
        return index
    }

    /// Applies the short option `letter`; one that takes a value takes `attachedValue` (the rest
    /// of its word), else the word at `index`. Returns true when the option took a value, which
    /// ends its cluster.
    private mutating func readShortOption(_ letter: Unicode.Scalar, flagRange: SourceRange, attachedValue: @autoclosure () -> Word?, nextWord index: inout Int) -> Bool {
        let option = CurlOption.short(letter)
        let flag = "-" + String(Character(letter))
        guard option.takesValue else {
            apply(option, flag: flag, flagRange: flagRange, value: nil)
            return false
        }
        var value = attachedValue()
        if value == nil, index < command.words.count {
            value = command.words[index]
            index += 1
        }
        apply(option, flag: flag, flagRange: flagRange, value: value)
        return true
    }

    private mutating func apply(_ option: CurlOption, flag: String, flagRange: SourceRange, value: Word?) {
        switch option {
        case .request:
            if let value { requestMethod = (value.displayValue, value) }
        case .header:
            if let value { headers.append(Self.header(from: value)) }
        case .data(let kind):
            data.append(body(kind, flag: flag, flagRange: flagRange, value: value))
        case .url:
            if url == nil, let value { url = value }
        case .get:
            sendsDataInQuery = true
        case .head:
            isHead = true
        case .uploadFile:
            uploadsFile = true
        case .user:
            user = value
        case .oauth2Bearer:
            if let value { headers.append(CurlHeader(name: "Authorization", value: "Bearer " + value.displayValue, word: value)) }
        case .ignored:
            break
        }
    }

    /// A header from `Name: value` (`Name;` sends it empty); `@file`, which reads headers from a
    /// file, gives a header with an empty name and the word as its value.
    static func header(from word: Word) -> CurlHeader {
        let text = ShellText(word)
        guard !text.hasPrefix("@") else { return CurlHeader(name: "", value: text.display, word: word) }
        guard let colon = text.firstIndex(of: ":") else {
            let name = text.display(text.trimmed(0..<text.count))
            let withoutSemicolon = name.hasSuffix(";") ? String(name.dropLast()) : name
            return CurlHeader(name: withoutSemicolon, value: "", word: word)
        }
        return CurlHeader(
            name: text.display(text.trimmed(0..<colon)),
            value: text.display(text.trimmed((colon + 1)..<text.count)),
            word: word
        )
    }

    private func body(_ kind: CurlOption.DataKind, flag: String, flagRange: SourceRange, value: Word?) -> CurlBody {
        guard let value else { return CurlBody(flag: flag, flagRange: flagRange, word: nil, isFile: false) }
        switch kind {
        case .raw:
            return CurlBody(flag: flag, flagRange: flagRange, word: value, isFile: false)
        case .urlencode:
            let text = ShellText(value)
            let at = text.firstIndex(of: "@")
            let equals = text.firstIndex(of: "=")
            let readsFile = at.map { at in equals.map { at < $0 } ?? true } ?? false
            return CurlBody(flag: flag, flagRange: flagRange, word: value, isFile: readsFile)
        case .ascii, .binary, .json:
            guard ShellText.firstScalar(of: value) == "@" else { return CurlBody(flag: flag, flagRange: flagRange, word: value, isFile: false) }
            if ShellText(value).literal == "@-", let input = standardInputText() {
                return CurlBody(flag: flag, flagRange: flagRange, word: input, isFile: false, isHereDocument: true)
            }
            return CurlBody(flag: flag, flagRange: flagRange, word: value, isFile: true)
        }
    }

    /// The text a here-document (`<<`, `<<-`) or here-string (`<<<`) gives the command's
    /// standard input; the last redirection of standard input wins, as in the shell.
    private func standardInputText() -> Word? {
        var input: Word?
        for redirection in command.redirections {
            let descriptor = redirection.op.prefix { $0.isNumber }
            guard descriptor.isEmpty || descriptor == "0" else { continue }
            let op = redirection.op.dropFirst(descriptor.count)
            switch op {
            case "<<", "<<-": input = redirection.hereDocument
            case "<<<": input = redirection.target
            case "<", "<>", "<&": input = nil
            default: continue
            }
        }
        return input
    }

    func invocation() -> CurlInvocation {
        let method: String
        if let requestMethod {
            method = requestMethod.text
        } else if isHead {
            method = "HEAD"
        } else if sendsDataInQuery {
            method = "GET"
        } else if !data.isEmpty {
            method = "POST"
        } else if uploadsFile {
            method = "PUT"
        } else {
            method = "GET"
        }
        return CurlInvocation(
            method: method,
            methodWord: requestMethod?.word,
            url: url,
            headers: headers,
            body: sendsDataInQuery ? nil : data.first,
            dataArguments: data,
            sendsDataInQuery: sendsDataInQuery,
            user: user,
            command: command,
            unknownOptions: unknownOptions
        )
    }
}
