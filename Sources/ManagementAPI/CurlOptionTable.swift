import Diagnostics

/// curl's long options, for telling an option curl does not have (`--H`, `--heder`) from one
/// it does. The names are those `curl --help all` lists for curl 7.88.1 (Debian 12), with the
/// ones later releases added that docs use; curl also takes `--no-NAME` for a switch and
/// `--expand-NAME` (8.3) for any option.
enum CurlOptionTable {
    /// The curl release the list was read from.
    static let release = "7.88.1"

    static let longNames: Set<String> = [
        "abstract-unix-socket", "alt-svc", "anyauth", "append", "aws-sigv4", "basic", "cacert", "capath", "cert",
        "cert-status", "cert-type", "ciphers", "compressed", "compressed-ssh", "config", "connect-timeout",
        "connect-to", "continue-at", "cookie", "cookie-jar", "create-dirs", "create-file-mode", "crlf", "crlfile",
        "curves", "data", "data-ascii", "data-binary", "data-raw", "data-urlencode", "delegation", "digest",
        "disable", "disable-eprt", "disable-epsv", "disallow-username-in-url", "dns-interface", "dns-ipv4-addr",
        "dns-ipv6-addr", "dns-servers", "doh-cert-status", "doh-insecure", "doh-url", "dump-header", "egd-file",
        "engine", "etag-compare", "etag-save", "expect100-timeout", "fail", "fail-early", "fail-with-body",
        "false-start", "form", "form-escape", "form-string", "ftp-account", "ftp-alternative-to-user",
        "ftp-create-dirs", "ftp-method", "ftp-pasv", "ftp-port", "ftp-pret", "ftp-skip-pasv-ip", "ftp-ssl-ccc",
        "ftp-ssl-ccc-mode", "ftp-ssl-control", "get", "globoff", "happy-eyeballs-timeout-ms", "haproxy-protocol",
        "head", "header", "help", "hostpubmd5", "hostpubsha256", "hsts", "http0.9", "http1.0", "http1.1", "http2",
        "http2-prior-knowledge", "http3", "http3-only", "ignore-content-length", "include", "insecure", "interface",
        "ipv4", "ipv6", "json", "junk-session-cookies", "keepalive-time", "key", "key-type", "krb", "libcurl",
        "limit-rate", "list-only", "local-port", "location", "location-trusted", "login-options", "mail-auth",
        "mail-from", "mail-rcpt", "mail-rcpt-allowfails", "manual", "max-filesize", "max-redirs", "max-time",
        "metalink", "negotiate", "netrc", "netrc-file", "netrc-optional", "next", "no-alpn", "no-buffer",
        "no-clobber", "no-keepalive", "no-npn", "no-progress-meter", "no-sessionid", "noproxy", "ntlm", "ntlm-wb",
        "oauth2-bearer", "output", "output-dir", "parallel", "parallel-immediate", "parallel-max", "pass",
        "path-as-is", "pinnedpubkey", "post301", "post302", "post303", "preproxy", "progress-bar", "proto",
        "proto-default", "proto-redir", "proxy", "proxy-anyauth", "proxy-basic", "proxy-cacert", "proxy-capath",
        "proxy-cert", "proxy-cert-type", "proxy-ciphers", "proxy-crlfile", "proxy-digest", "proxy-header",
        "proxy-insecure", "proxy-key", "proxy-key-type", "proxy-negotiate", "proxy-ntlm", "proxy-pass",
        "proxy-pinnedpubkey", "proxy-service-name", "proxy-ssl-allow-beast", "proxy-ssl-auto-client-cert",
        "proxy-tls13-ciphers", "proxy-tlsauthtype", "proxy-tlspassword", "proxy-tlsuser", "proxy-tlsv1",
        "proxy-user", "proxy1.0", "proxytunnel", "pubkey", "quote", "random-file", "range", "rate", "raw", "referer",
        "remote-header-name", "remote-name", "remote-name-all", "remote-time", "remove-on-error", "request",
        "request-target", "resolve", "retry", "retry-all-errors", "retry-connrefused", "retry-delay",
        "retry-max-time", "sasl-authzid", "sasl-ir", "service-name", "show-error", "silent", "socks4", "socks4a",
        "socks5", "socks5-basic", "socks5-gssapi", "socks5-gssapi-nec", "socks5-gssapi-service", "socks5-hostname",
        "speed-limit", "speed-time", "ssl", "ssl-allow-beast", "ssl-auto-client-cert", "ssl-no-revoke", "ssl-reqd",
        "ssl-revoke-best-effort", "sslv2", "sslv3", "stderr", "styled-output", "suppress-connect-headers",
        "tcp-fastopen", "tcp-nodelay", "telnet-option", "tftp-blksize", "tftp-no-options", "time-cond", "tls-max",
        "tls13-ciphers", "tlsauthtype", "tlspassword", "tlsuser", "tlsv1", "tlsv1.0", "tlsv1.1", "tlsv1.2",
        "tlsv1.3", "tr-encoding", "trace", "trace-ascii", "trace-time", "unix-socket", "upload-file", "url",
        "url-query", "use-ascii", "user", "user-agent", "verbose", "version", "write-out", "xattr",
        // Added after 7.88.1.
        "ca-native", "proxy-ca-native", "haproxy-clientip", "trace-ids", "trace-config", "variable", "ipfs-gateway",
        "show-headers", "skip-existing", "mptcp", "ech", "ip-tos", "vlan-priority", "follow", "out-null", "upload-flags",
        "sigalgs", "ssl-sessions", "knownhosts",
    ]

    /// Whether curl reads `--name` as one of its options.
    static func isKnown(_ name: String) -> Bool {
        if longNames.contains(name) { return true }
        if name.hasPrefix("no-"), longNames.contains(String(name.dropFirst(3))) { return true }
        if name.hasPrefix("expand-"), longNames.contains(String(name.dropFirst(7))) { return true }
        return false
    }

    /// The option a misspelt `--name` most likely meant: a short option written with two dashes
    /// (`--H` for `-H`), or the nearest long name.
    static func suggestion(for name: String) -> String? {
        if name.count == 1 { return "-" + name }
        // `--GET` for `--get`: curl's names are lower case.
        if isKnown(name.lowercased()) { return "--" + name.lowercased() }
        // `--XPOST` for `-XPOST`: a short option and its value.
        if let letter = name.first, "XHdu".contains(letter), name.dropFirst().allSatisfy({ $0.isUppercase && $0.isASCII }) { return "-" + name }
        return Suggestions.nearest(to: name, in: longNames.sorted()).map { "--" + $0 }
    }

    /// The finding for `--name` at `range`, when curl has no such option: an error when curl
    /// certainly stops at it (a one-letter long option, `--name=value`, a near miss of a known
    /// name), else a warning, as a newer curl may have it.
    static func diagnostic(name: String, range: SourceRange) -> Diagnostic? {
        // A word that is no option's spelling (`--insecure]` in a `[-k, --insecure]` synopsis).
        let spelling = name.prefix { $0 != "=" }
        guard let first = spelling.first, first.isLetter || first.isNumber,
              spelling.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else { return nil }
        guard !isKnown(name) else { return nil }
        let flag = "--" + name
        let stop = "curl stops with \"option \(flag): is unknown\""
        if let equals = name.firstIndex(of: "="), isKnown(String(name[..<equals])) {
            return Diagnostic(rule: .curlUnknownOption, range: range,
                              message: "curl has no `--option=value` form: \(stop)",
                              suggestion: "--\(name[..<equals]) \(name[name.index(after: equals)...])")
        }
        let suggestion = suggestion(for: name)
        if name.count == 1 || suggestion != nil {
            return Diagnostic(rule: .curlUnknownOption, range: range,
                              message: "curl has no option \(flag): \(stop)", suggestion: suggestion)
        }
        return Diagnostic(rule: .curlUnknownOption, range: range,
                          message: "\(flag) is not an option of curl \(release) or the later options docverify knows; a curl without it stops with \"option \(flag): is unknown\"",
                          severity: .warning)
    }
}
