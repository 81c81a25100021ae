import TokenCore

/// How `influxctl token create` (and `management create`) print a new token, by release.
public enum TokenCreateOutputStyle: Sendable, Hashable {
    /// influxctl 1.x: the token ID and the token string, on stdout.
    case idAndString
    /// influxctl 2.0-2.10: two `warn` log lines on stderr, the token string on stdout.
    case warningsAndString
    /// influxctl 2.11+: a details table, the two `warn` lines, then the token string.
    case detailsTableWarningsAndString
}

/// influxctl's `--format` values.
public enum CLIOutputFormat: Sendable, Hashable {
    case table
    case json
}

/// What a command printed and how it exited.
public struct CommandOutput: Sendable, Hashable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public init(stdout: String, stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
}

/// Turns management and data responses into what influxctl prints. Pure: the same request
/// and response always give the same bytes. A token string is printed only for the request
/// that created it.
///
/// Documented forms: the create outputs before and after 2.11 (release notes), the token
/// list table and JSON, the database list table and JSON, the management list table and
/// JSON. Everything else is inferred and marked so where it is decided.
public struct InfluxctlRenderer: Sendable {
    public var tokenCreateStyle: TokenCreateOutputStyle

    public init(tokenCreateStyle: TokenCreateOutputStyle) {
        self.tokenCreateStyle = tokenCreateStyle
    }

    /// The two log lines influxctl 2.x writes (to stderr, its log stream since 2.0.3) when it
    /// creates a token.
    public static let createWarnings =
        "warn\tplease copy the token and store in a safe place\nwarn\tthis is the *only time* you will see the token\n"

    /// What influxctl prints for `request` answered with `response`.
    ///
    /// Errors print `Error: <message>` on stderr and exit 1 (influxctl's exact error texts
    /// are not documented). Commands whose success output the docs never show (database
    /// create, update, delete, rename and undelete; token and management revoke) print nothing.
    public func render(_ request: ManagementRequest, _ response: ManagementResponse, format: CLIOutputFormat) -> CommandOutput {
        guard response.isSuccess else {
            return Self.failure(response.errorMessage ?? "request failed with HTTP status \(response.status)")
        }
        switch response.body {
        case .empty, .database:
            return CommandOutput(stdout: "")
        case .databaseToken(let view, let accessToken):
            if case .createDatabaseToken = request, let accessToken {
                return renderCreated(details: details(view), secret: accessToken, format: format) {
                    Self.write(view, accessToken: accessToken, to: &$0)
                }
            }
            // Inferred: `token get` (and `token update`) print the one token the way
            // `token list` prints each token; the docs show no sample.
            return CommandOutput(stdout: format == .json
                ? Self.indentedJSON { Self.write(view, accessToken: nil, to: &$0) }
                : Self.tokenTable([view]))
        case .databaseTokens(let views):
            return CommandOutput(stdout: format == .json
                ? Self.indentedJSON { writer in Self.writeArray(views, to: &writer) { Self.write($0, accessToken: nil, to: &$1) } }
                : Self.tokenTable(views))
        case .databases(let views):
            return CommandOutput(stdout: format == .json
                ? Self.indentedJSON { writer in Self.writeArray(views, to: &writer) { Self.write($0, to: &$1) } }
                : Self.databaseTable(views))
        case .managementToken(let view, let accessToken):
            guard case .createManagementToken = request, let accessToken else { return CommandOutput(stdout: "") }
            return renderCreated(details: details(view), secret: accessToken, format: format) {
                Self.write(view, accessToken: accessToken, to: &$0)
            }
        case .managementTokens(let views):
            return CommandOutput(stdout: format == .json
                ? Self.indentedJSON { writer in Self.writeArray(views, to: &writer) { Self.write($0, accessToken: nil, to: &$1) } }
                : Self.managementTable(views))
        case .error(_, let message):
            return Self.failure(message)
        }
    }

    /// What `influxctl write` and `influxctl query` print. A write prints nothing on success;
    /// a query against the simulator (which holds no data) prints nothing as a table and `[]`
    /// as JSON; a refusal prints `Error: <message>` on stderr and exits 1.
    public func renderData(_ response: DataResponse, format: CLIOutputFormat = .table) -> CommandOutput {
        guard response.isSuccess else {
            return Self.failure(response.message ?? "request failed with HTTP status \(response.status)")
        }
        if response.status == 200, format == .json {
            return CommandOutput(stdout: response.body + "\n")
        }
        return CommandOutput(stdout: "")
    }

    // MARK: - token create / management create

    private struct CreatedDetails {
        var id: TokenID
        var description: String
        var expiresAt: Instant?
        var revokedAt: Instant?
    }

    private func details(_ view: TokenView) -> CreatedDetails {
        CreatedDetails(id: view.id, description: view.description, expiresAt: view.expiresAt, revokedAt: view.revokedAt)
    }

    private func details(_ view: ManagementTokenView) -> CreatedDetails {
        CreatedDetails(id: view.id, description: view.description, expiresAt: view.expiresAt, revokedAt: view.revokedAt)
    }

    /// `writeJSON` writes the token details, for `--format json`.
    private func renderCreated(
        details: CreatedDetails, secret: String, format: CLIOutputFormat, writeJSON: (inout JSONWriter) -> Void
    ) -> CommandOutput {
        let warnings = tokenCreateStyle == .idAndString ? "" : Self.createWarnings
        if format == .json {
            // Inferred: `--format json` prints the token details as one snake_case object
            // (the docs name no fields), and the warn lines are log output, so they still
            // go to stderr.
            return CommandOutput(stdout: Self.indentedJSON(writeJSON), stderr: warnings)
        }
        switch tokenCreateStyle {
        case .idAndString:
            // The 1.x docs say "the output is the token ID and the token string" but show no
            // sample; this two-line form is our choice.
            return CommandOutput(stdout: "Token ID: \(details.id)\nToken: \(secret)\n")
        case .warningsAndString:
            return CommandOutput(stdout: secret + "\n", stderr: warnings)
        case .detailsTableWarningsAndString:
            // The 2.11 release note shows the table, the warn lines and the string in one
            // block; the docs do not say which stream the table uses. Inferred: stdout, like
            // every other table influxctl prints, so stdout is the table then the string.
            let table = PrettyTable(
                header: nil,
                alignments: [.right, .left],
                cells: [
                    "id", details.id.rawValue,
                    "description", details.description,
                    "expires at", details.expiresAt?.rfc3339Seconds ?? "",
                    "revoked at", details.revokedAt?.rfc3339Seconds ?? "",
                ]
            )
            var stdout = table.render()
            stdout += secret
            stdout += "\n"
            return CommandOutput(stdout: stdout, stderr: warnings)
        }
    }

    // MARK: - Tables

    private static func tokenTable(_ views: [TokenView]) -> String {
        var cells: [String] = []
        cells.reserveCapacity(2 * views.count)
        for view in views {
            cells.append(view.id.rawValue)
            cells.append(view.description)
        }
        return PrettyTable(header: ["ID", "DESCRIPTION"], alignments: [.left, .left], cells: cells).render()
    }

    private static func databaseTable(_ views: [DatabaseView]) -> String {
        PrettyTable(
            header: ["DATABASE NAME", "RETENTION PERIOD", "MAX TABLES", "MAX COLUMNS PER TABLE"],
            alignments: [.left, .left, .right, .right],
            cells: views.flatMap {
                [$0.name, retention($0.retentionPeriod), String($0.maxTables), String($0.maxColumnsPerTable)]
            }
        ).render()
    }

    /// An unset expiry or revocation shows as the zero protobuf timestamp, as documented.
    private static func managementTable(_ views: [ManagementTokenView]) -> String {
        let unset = Instant.unixEpoch.rfc3339Seconds
        return PrettyTable(
            header: ["ID", "DESCRIPTION", "PREFIX", "CREATED AT", "EXPIRES AT", "REVOKED AT"],
            alignments: [.left, .left, .left, .left, .left, .left],
            cells: views.flatMap {
                [
                    $0.id.rawValue, $0.description, $0.tokenPrefix, $0.createdAt.rfc3339Seconds,
                    $0.expiresAt?.rfc3339Seconds ?? unset, $0.revokedAt?.rfc3339Seconds ?? unset,
                ]
            }
        ).render()
    }

    /// `infinite` for 0, otherwise days, hours, minutes and seconds (`30d`, `1d12h`,
    /// `90m` is `1h30m`). influxctl 2.5.0 "prints retention period up to days rather than
    /// very large hours"; the exact composition of mixed units is inferred.
    static func retention(_ nanoseconds: Int64) -> String {
        guard nanoseconds > 0 else { return "infinite" }
        var remaining = nanoseconds
        var text = ""
        let units: [(Int64, String)] = [
            (86_400_000_000_000, "d"), (3_600_000_000_000, "h"), (60_000_000_000, "m"), (1_000_000_000, "s"), (1, "ns"),
        ]
        for (size, suffix) in units where remaining >= size {
            text += "\(remaining / size)\(suffix)"
            remaining %= size
        }
        return text
    }

    // MARK: - JSON (influxctl's snake_case, protobuf field names)

    /// The all-zero permission ID influxctl's JSON shows for every permission.
    private static let zeroPermissionID = "00000000-0000-0000-0000-000000000000"

    /// What influxctl prints as JSON: indented, and a final newline.
    private static func indentedJSON(_ write: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter(indented: true, capacity: 1024)
        write(&writer)
        writer.endLine()
        return writer.text
    }

    private static func writeArray<Element>(
        _ elements: [Element], to writer: inout JSONWriter, element write: (Element, inout JSONWriter) -> Void
    ) {
        writer.beginArray()
        for element in elements { write(element, &writer) }
        writer.endArray()
    }

    /// Documented keys: account_id, cluster_id, id, description, permissions. Inferred:
    /// expires_at and revoked_at as protobuf timestamps when set (as `management list`
    /// shows them), and access_token, only in create output.
    private static func write(_ view: TokenView, accessToken: String?, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("account_id", view.accountID)
        writer.member("cluster_id", view.clusterID)
        writer.member("id", verbatim: view.id.rawValue)
        writer.member("description", view.description)
        writer.key("permissions")
        writer.beginArray()
        for permission in view.permissions {
            writer.beginObject()
            writer.member("id", verbatim: zeroPermissionID)
            writer.member("action", verbatim: permission.action.rawValue)
            writer.member("resource", permission.resource.rawValue)
            writer.endObject()
        }
        writer.endArray()
        if let expiresAt = view.expiresAt { timestamp("expires_at", expiresAt, to: &writer) }
        if let revokedAt = view.revokedAt { timestamp("revoked_at", revokedAt, to: &writer) }
        if let accessToken { writer.member("access_token", accessToken) }
        writer.endObject()
    }

    private static func write(_ view: DatabaseView, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("account_id", view.accountID)
        writer.member("cluster_id", view.clusterID)
        writer.member("database_name", view.name)
        writer.member("retention_period_ns", view.retentionPeriod)
        writer.member("max_tables", Int64(view.maxTables))
        writer.member("max_columns_per_table", Int64(view.maxColumnsPerTable))
        writer.endObject()
    }

    /// Keys in the documented order; access_token (create output only) is inferred.
    private static func write(_ view: ManagementTokenView, accessToken: String?, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("id", verbatim: view.id.rawValue)
        writer.member("account_id", view.accountID)
        writer.member("token_prefix", view.tokenPrefix)
        if let expiresAt = view.expiresAt { timestamp("expires_at", expiresAt, to: &writer) }
        if let revokedAt = view.revokedAt { timestamp("revoked_at", revokedAt, to: &writer) }
        timestamp("created_at", view.createdAt, to: &writer)
        writer.member("description", view.description)
        writer.member("created_by", view.createdBy)
        if let accessToken { writer.member("access_token", accessToken) }
        writer.endObject()
    }

    /// A member holding a protobuf Timestamp as Go's encoding/json writes it:
    /// `{"seconds": s, "nanos": n}`, each left out when zero.
    private static func timestamp(_ key: StaticString, _ instant: Instant, to writer: inout JSONWriter) {
        let (seconds, nanos) = instant.secondsAndNanoseconds
        writer.key(key)
        writer.beginObject()
        if seconds != 0 { writer.member("seconds", seconds) }
        if nanos != 0 { writer.member("nanos", nanos) }
        writer.endObject()
    }

    private static func failure(_ message: String) -> CommandOutput {
        CommandOutput(stdout: "", stderr: "Error: \(message)\n", exitCode: 1)
    }
}
