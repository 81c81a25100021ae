/// The rule catalogue, as listed by `docverify rules`. Messages are written where each rule fires.
extension Rule {
    public static let markdownUnclosedFence = Rule(
        id: "markdown.unclosed-fence", severity: .error,
        summary: "a fenced code block has no closing fence before its container or the file ends",
        explanation: "Without a closing fence everything to the end of the container becomes code, so the page renders wrongly and later examples disappear into the block."
    )
    public static let markdownFenceShownAsCode = Rule(
        id: "markdown.fence-shown-as-code", severity: .error,
        summary: "a fence is indented so far that Markdown shows it, backticks and all, as an indented code block",
        explanation: "A line at column 1 (an HTML comment, a shortcode) ends the list a fence was indented for, or the fence is indented 4 columns past its container's text: the page shows literal ``` lines instead of a code block. The block inside is still checked."
    )
    public static let markdownFrontMatter = Rule(
        id: "markdown.front-matter", severity: .error,
        summary: "the YAML front matter does not parse",
        explanation: "Hugo refuses a page whose front matter is not YAML; examples kept in front-matter values such as list_code_example cannot be checked either."
    )
    public static let markdownSource = Rule(
        id: "markdown.source", severity: .error,
        summary: "a page's `source:` names no file under the content root, or a file with a `source:` of its own",
        explanation: "Hugo publishes such a page with the shared file's text; a missing file breaks the build, and a shared file's own `source:` is not followed, so its front matter shows as text."
    )
    public static let shellSyntax = Rule(
        id: "shell.syntax", severity: .error,
        summary: "a block's text is something a POSIX shell would reject",
        explanation: "An unterminated quote, `$(` or backtick, or a line continuation at the very end of a block, makes the example fail before influxctl ever runs."
    )
    public static let placeholderUndeclared = Rule(
        id: "placeholder.undeclared", severity: .warning,
        summary: "a bare UPPER_SNAKE word stands where a value goes and no placeholder list declares it",
        explanation: "Readers copy such a word literally; declared placeholders are highlighted for them to replace."
    )
    public static let placeholderUnused = Rule(
        id: "placeholder.unused", severity: .warning,
        summary: "a declared placeholder appears nowhere in the block",
        explanation: "A stale placeholder list usually means the example was edited and the declaration was not."
    )
    public static let cliUnknownCommand = Rule(
        id: "cli.unknown-command", severity: .error,
        summary: "no such influxctl command path",
        explanation: "The command does not exist in the selected release; the nearest existing command is suggested."
    )
    public static let cliUnknownFlag = Rule(
        id: "cli.unknown-flag", severity: .error,
        summary: "no such flag on this command or globally",
        explanation: "influxctl rejects it with 'flag provided but not defined'; the nearest existing flag is suggested."
    )
    public static let cliMissingValue = Rule(
        id: "cli.missing-value", severity: .error,
        summary: "a flag that takes a value has none",
        explanation: "The next word, or nothing, would be taken as the flag's value."
    )
    public static let cliMissingArgument = Rule(
        id: "cli.missing-argument", severity: .error,
        summary: "a required positional argument is missing",
        explanation: "For example `token create` needs the token description."
    )
    public static let cliTooManyArguments = Rule(
        id: "cli.too-many-arguments", severity: .error,
        summary: "more positional arguments than the command takes",
        explanation: "influxctl stops with an error; an unquoted description with spaces is the usual cause."
    )
    public static let cliFlagAfterArgument = Rule(
        id: "cli.flag-after-argument", severity: .error,
        summary: "a flag stands after a positional argument",
        explanation: "influxctl (urfave/cli) stops reading flags at the first positional argument, so the flag would be taken as an argument."
    )
    public static let cliNotRepeatable = Rule(
        id: "cli.not-repeatable", severity: .error,
        summary: "a flag that is not repeatable is given twice",
        explanation: "The second value silently replaces the first, or influxctl rejects it."
    )
    public static let cliInvalidValue = Rule(
        id: "cli.invalid-value", severity: .error,
        summary: "a flag or argument value has the wrong type or breaks a naming rule",
        explanation: "RFC3339 times, durations, integers, `table`/`json` and database names are checked as influxctl and the cluster would."
    )
    public static let cliUnavailableInVersion = Rule(
        id: "cli.unavailable-in-version", severity: .error,
        summary: "the command or flag exists, but not in the selected release",
        explanation: "The message names the releases where it does exist."
    )
    public static let cliUnsupportedInProduct = Rule(
        id: "cli.unsupported-in-product", severity: .error,
        summary: "the command exists, but not for the product the page is published for",
        explanation: "influxctl serves InfluxDB Cloud Dedicated and InfluxDB Clustered, and some commands work with one of them only (`cluster list`, `table iceberg` are Cloud Dedicated's). The message names the product and the page that publishes the text for it. When the page itself says the command does not work there, the finding is a note."
    )
    public static let cliNoPermissions = Rule(
        id: "cli.no-permissions", severity: .warning,
        summary: "`token create` grants no database permission",
        explanation: "A token without --read-database or --write-database can do nothing with data."
    )
    public static let apiInvalidJSON = Rule(
        id: "api.invalid-json", severity: .error,
        summary: "a Management API request body is not JSON",
        explanation: "The API answers 400; the finding points at the offending character."
    )
    public static let apiSchema = Rule(
        id: "api.schema", severity: .error,
        summary: "a request body breaks the Management API schema",
        explanation: "Unknown or missing fields, wrong types, actions other than read/write and bad database names, judged by the product's OpenAPI spec where the site ships one (else the built-in model); a field a permissive spec leaves out is a warning."
    )
    public static let apiUnknownEndpoint = Rule(
        id: "api.unknown-endpoint", severity: .error,
        summary: "no such method and path in the Management API",
        explanation: "The API answers 404 or 405."
    )
    public static let apiMissingHeader = Rule(
        id: "api.missing-header", severity: .warning,
        summary: "no Authorization bearer header, or a JSON body without a JSON Content-Type",
        explanation: "The API answers 401 without a bearer token."
    )
    public static let tokenCreateOutput = Rule(
        id: "token.create-output", severity: .error,
        summary: "token create prints the token ID and string as the release does",
        explanation: "The simulated influxctl prints what the selected release prints; the check confirms the ID and the token string appear on the documented stream.",
        isBehaviourCheck: true
    )
    public static let tokenPermissions = Rule(
        id: "token.permissions", severity: .error,
        summary: "the token can read and write exactly the databases its flags name",
        explanation: "Every granted (action, database) pair is allowed and every other pair, on every database the page names and one it never names, is denied.",
        isBehaviourCheck: true
    )
    public static let tokenOneTimeDisplay = Rule(
        id: "token.one-time-display", severity: .error,
        summary: "the token string appears only in the create output",
        explanation: "Token list, token get and the API's list and get never show it, and the cluster keeps only its hash.",
        isBehaviourCheck: true
    )
    public static let tokenImmutable = Rule(
        id: "token.immutable", severity: .error,
        summary: "tokens cannot be changed where the release has no update",
        explanation: "Every way a user would try to change the token fails and leaves it as it was; where the release can update, the check records what can change.",
        isBehaviourCheck: true
    )
    public static let tokenSyncDelay = Rule(
        id: "token.sync-delay", severity: .error,
        summary: "a new token is refused with 401 until the cluster has synchronized it",
        explanation: "The first use right after creation is refused; a retry after the documented wait succeeds.",
        isBehaviourCheck: true
    )
    public static let tokenRevocation = Rule(
        id: "token.revocation", severity: .error,
        summary: "a revoked token is refused from then on",
        explanation: "After revoke (or delete) the token string is refused with 401.",
        isBehaviourCheck: true
    )
    public static let tokenExpiry = Rule(
        id: "token.expiry", severity: .error,
        summary: "a token past its --expires-at time is refused",
        explanation: "Before the instant it works; from the instant on it is refused with 401.",
        isBehaviourCheck: true
    )
    public static let claimPermissions = Rule(
        id: "claim.permissions", severity: .error,
        summary: "the prose says the token may do something other than what the command grants",
        explanation: "Headings, expand and tab titles and the token description are compared with the permissions granted."
    )
    public static let claimOutdated = Rule(
        id: "claim.outdated", severity: .error,
        summary: "the page states a behaviour that the selected release contradicts",
        explanation: "For example 'tokens cannot be updated' on a release that has token update."
    )
    public static let claimParity = Rule(
        id: "claim.parity", severity: .error,
        summary: "the influxctl and Management API tabs of one example would create different tokens",
        explanation: "Sibling tabs must describe the same token."
    )
    public static let referenceFlagTable = Rule(
        id: "reference.flag-table", severity: .warning,
        summary: "a reference page's flag table and the release disagree",
        explanation: "A flag listed that the release lacks, or a flag of the release missing from the table. A warning: a reader who copies a command is not misled by the table, and the examples that use a flag are checked on their own."
    )
    public static let directiveExpectationUnmet = Rule(
        id: "directive.expectation-unmet", severity: .error,
        summary: "a docverify:expect rule did not fire on its block, or another rule did",
        explanation: "Negative examples must fail exactly as announced."
    )
    public static let directiveUnknown = Rule(
        id: "directive.unknown", severity: .warning,
        summary: "a docverify: comment that is not a known directive",
        explanation: "A misspelt directive is otherwise silently ignored."
    )

    /// Every rule, in catalogue order.
    public static let shellMissingContinuation = Rule(
        id: "shell.missing-continuation", severity: .error,
        summary: "a line starts with a flag right after a command line that does not end with `\\`",
        explanation: "Without the `\\` the command ends at its line, and the shell runs the next line (`--header …`, `--data-binary …`) as a command of its own, which fails; the command before it also runs without those flags."
    )
    public static let shellUnquotedAmpersand = Rule(
        id: "shell.unquoted-ampersand", severity: .error,
        summary: "an unquoted `&` in a URL's query ends the command and runs it in the background",
        explanation: "The shell reads `&` as the end of a command that runs in the background: `curl …?db=x&precision=auto \\` runs curl with the URL up to the `&`, then `precision=auto` as a command of its own, and the lines that continue it (headers, data) go with that one. Quote the URL."
    )
    public static let shellCommentInContinuation = Rule(
        id: "shell.comment-in-continuation", severity: .error,
        summary: "a comment line inside a command continued with `\\` ends the command",
        explanation: "After `\\` the next line joins the command, and a `#` there starts a comment that runs to the end of the line, `\\` and all: the command ends at the comment, and the lines after it run as commands of their own."
    )
    public static let curlUnknownOption = Rule(
        id: "curl.unknown-option", severity: .error,
        summary: "a curl option that curl does not have",
        explanation: "curl stops at an option it does not know (`option --H: is unknown`) and sends nothing. A one-letter long option (`--H` for `-H`), `--option=value` and a near miss of a real option are errors; another unknown name is a warning, as a newer curl may have it."
    )
    public static let blockOutputInShellFence = Rule(
        id: "block.output-in-shell-fence", severity: .note,
        summary: "a shell fence shows command output (a table, log lines, a transcript's output) rather than commands",
        explanation: "Output in a `sh` fence is not shell, so it is not run and its lines are not reported as syntax errors; a `text` or `console` fence says what it is, and a reader's copy button then copies only commands."
    )
    public static let blockLanguageMismatch = Rule(
        id: "block.language-mismatch", severity: .warning,
        summary: "a shell fence holds another language (InfluxQL, Flux, Python, JSON, TOML, a usage synopsis …)",
        explanation: "Highlighting and copy buttons treat the block as shell, and a reader who pastes it into a shell gets errors. The message names the likely language; the block is not run and its shell syntax errors are not reported."
    )

    public static let catalogue: [Rule] = [
        .markdownUnclosedFence,
        .markdownFrontMatter,
        .shellSyntax,
        .shellCommentInContinuation,
        .curlUnknownOption,
        .placeholderUndeclared,
        .placeholderUnused,
        .cliUnknownCommand,
        .cliUnknownFlag,
        .cliMissingValue,
        .cliMissingArgument,
        .cliTooManyArguments,
        .cliFlagAfterArgument,
        .cliNotRepeatable,
        .cliInvalidValue,
        .cliUnavailableInVersion,
        .cliUnsupportedInProduct,
        .cliNoPermissions,
        .apiInvalidJSON,
        .apiSchema,
        .apiUnknownEndpoint,
        .apiMissingHeader,
        .tokenCreateOutput,
        .tokenPermissions,
        .tokenOneTimeDisplay,
        .tokenImmutable,
        .tokenSyncDelay,
        .tokenRevocation,
        .tokenExpiry,
        .claimPermissions,
        .claimOutdated,
        .claimParity,
        .referenceFlagTable,
        .directiveExpectationUnmet,
        .directiveUnknown,
        .markdownFenceShownAsCode,
        .blockOutputInShellFence,
        .blockLanguageMismatch,
        .shellMissingContinuation,
        .shellUnquotedAmpersand,
        .markdownSource,
    ]
}
