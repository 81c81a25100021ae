/// The influxctl command tree of every modelled release, as data. Each command, flag and
/// positional argument carries the releases it exists in (`since` inclusive, `until`
/// exclusive); `InfluxctlReleases.commandTree(for:)` cuts out one release. Adding a release
/// is adding rows here and a line in `ReleaseCatalog`.
///
/// Facts come from the influxctl reference pages and release notes. Where they are inferred
/// or the docs disagree, a comment beside the entry says so and what was chosen.
/// Not modelled: `-h/--help` and the `help, h` subcommand of every group (urfave/cli adds
/// them; the parser handles them), the internal-only draft commands (`cluster create/update`,
/// `user invite/delete`) and the Clustered-only `clustered generate`.
enum CommandCatalog {
    static let globalFlags: [FlagSpec] = [
        flag("debug", .bool, default: "false", "Enable debug logging"),
        flag("account", .string, since: "2.0.0", "Override the account ID in the configuration profile"),
        flag("cluster", .string, since: "2.0.0", "Override the cluster ID in the configuration profile"),
        flag("config", .string, since: "2.0.0", "Configuration file to use (default: the OS's config path)"),
        flag("profile", .string, default: "default", "Configuration profile to use"),
        flag("timeout", .goDuration, default: "1m0s", since: "2.9.7", "Timeout for API calls"),
        flag("trace", .bool, default: "false", since: "2.4.4", "Enable more verbose debug logging"),
    ]

    static let root = CommandSpec(name: "", summary: "influxctl", releases: releases("1.0.0", nil), subcommands: [
        group("auth", since: "2.9.5", "Log in and out", [
            command("login", "Log in to the identity provider"),
            command("logout", "Remove the locally cached auth tokens"),
        ]),

        group("cluster", since: "2.0.0", "Cluster information", [
            command("get", "Get a cluster's details",
                    flags: [format()],
                    arguments: [argument("CLUSTER_ID")]),
            command("list", "List clusters", flags: [format()]),
        ]),

        group("database", "Manage databases", [
            command("create", "Create a database",
                    flags: [
                        // [inferred] --retention-period exists from 1.0.0: 1.0.0 had database create, and the
                        // release notes add only the table and column limits (2.0.0) and templates (2.5.0, 2.7.0).
                        // [inferred] s is accepted as a unit because the documented default prints as 0s.
                        flag("retention-period", .duration, default: "0s", "Retention period (0s: infinite)"),
                        flag("max-tables", .integer(minimum: 0), default: "500", since: "2.0.0", "Maximum tables (0: the default)"),
                        flag("max-columns", .integer(minimum: 0), default: "250", since: "2.0.0", "Maximum columns per table (0: the default)"),
                        flag("template-tag", .string, repeatable: true, since: "2.5.0", "Tag to use in the partition template"),
                        flag("template-tag-bucket", .tagBucket, repeatable: true, since: "2.7.0", "Tag and bucket count (tag,N) for the partition template"),
                        // Not modelled: from 2.10.3 it is required whenever --template-tag is given.
                        flag("template-timeformat", .string, default: "%Y-%m-%d", since: "2.5.0", "Time format for the partition template"),
                    ],
                    arguments: [argument("DATABASE_NAME", databaseName)]),
            command("list", "List databases",
                    flags: [
                        format(),  // [inferred] from 1.0.0, like token list --format.
                        flag("filter-status", .choice(["active", "deleted"]), default: "active", since: "2.10.4", "Show active or deleted databases"),
                    ]),
            command("delete", "Delete databases",
                    flags: [force(since: "2.0.0")],
                    arguments: [
                        argument("DATABASE_NAME", databaseName, until: "2.0.0"),
                        argument("DATABASE_NAME", databaseName, variadic: true, since: "2.0.0"),
                    ]),
            command("update", since: "1.1.0", "Update a database",
                    flags: [
                        flag("retention-period", .duration, default: "0s", since: "1.1.0", "Retention period (0s: infinite)"),
                        // [inferred] the limits became updatable with 2.0.0, when they were added to create.
                        flag("max-tables", .integer(minimum: 0), default: "500", since: "2.0.0", "Maximum tables (0: the default)"),
                        flag("max-columns", .integer(minimum: 0), default: "250", since: "2.0.0", "Maximum columns per table (0: the default)"),
                    ],
                    arguments: [
                        argument("DATABASE_NAME", databaseName),
                        // [inferred] RN 2.0.2: "database update takes the retention period only as a flag",
                        // so earlier releases also took it as an optional second argument.
                        argument("RETENTION_PERIOD", .duration, optional: true, since: "1.1.0", until: "2.0.2"),
                    ]),
            command("rename", since: "2.10.2", "Rename a database",
                    arguments: [argument("CURRENT_DB_NAME", databaseName), argument("NEW_DB_NAME", databaseName)]),
            command("undelete", since: "2.10.2", "Restore a deleted database",
                    arguments: [argument("DATABASE_NAME", databaseName)]),
        ]),

        command("help", aliases: ["h"], "Show help for a command",
                arguments: [argument("COMMAND", optional: true, variadic: true)]),

        // [doc] RN 2.0.0 removed init. Its 1.x flags are not documented: modelled with none.
        command("init", until: "2.0.0", "Create a connection profile (1.x)"),

        group("management", since: "2.6.0", "Manage management tokens", [
            command("create", "Create a management token",
                    flags: [
                        flag("description", .string, until: "2.10.0", "Token description"),
                        flag("description", .nonEmptyString, since: "2.10.0", "Token description (must not be empty)"),
                        // [inferred] --expires-at from 2.6.0: the docs give it no release of its own.
                        flag("expires-at", .rfc3339Time, "Expiry time (RFC3339); no expiry by default"),
                        format(),
                    ]),
            command("list", "List management tokens",
                    flags: [
                        format(),
                        flag("sort", .choice(["created", "id", "description", "prefix", "expires", "revoked"]), default: "created",
                             since: "2.9.9", "Sort order"),
                    ]),
            command("revoke", "Revoke management tokens",
                    flags: [force()],
                    arguments: [argument("TOKEN_ID", variadic: true)]),
        ]),

        command("query", since: "2.4.0", "Query a database with SQL or InfluxQL",
                flags: [
                    flag("database", databaseName, "Database to query (overrides the profile)"),
                    flag("token", .string, "Database token (overrides the profile)"),
                    format(),
                    flag("language", .choice(["sql", "influxql"]), default: "sql", since: "2.8.0", "Query language"),
                    flag("enable-system-tables", .bool, default: "false", since: "2.8.0", "Allow queries of system tables (SQL)"),
                    flag("time-format", .choice(["rfc3339nano", "unixnano"]), since: "2.9.0", "Format of timestamps in the output"),
                    flag("perf-debug", .bool, default: "false", since: "2.12.0", "Print performance metrics"),
                ],
                arguments: [argument("QUERY")]),  // a query, a file path, or - for stdin

        group("table", since: "2.5.0", "Manage tables", [
            command("create", "Create a table",
                    flags: [
                        flag("template-tag", .string, repeatable: true, "Tag to use in the partition template"),
                        flag("template-tag-bucket", .tagBucket, repeatable: true, since: "2.7.0", "Tag and bucket count (tag,N) for the partition template"),
                        flag("template-timeformat", .string, default: "%Y-%m-%d", "Time format for the partition template"),
                    ],
                    arguments: [argument("DATABASE_NAME", databaseName), argument("TABLE_NAME")]),
            command("list", since: "2.10.2", "List tables",
                    flags: [
                        flag("filter-status", .choice(["active", "deleted"]), default: "active", since: "2.10.4", "Show active or deleted tables"),
                        format(),
                    ],
                    arguments: [argument("DATABASE_NAME", databaseName)]),
            command("delete", since: "2.10.2", "Delete a table",
                    arguments: [argument("DATABASE_NAME", databaseName), argument("TABLE_NAME")]),
            command("rename", since: "2.10.3", "Rename a table",
                    flags: [format()],
                    arguments: [argument("DATABASE_NAME", databaseName), argument("CURRENT_TABLE_NAME"), argument("NEW_TABLE_NAME")]),
            command("undelete", since: "2.10.4", "Restore a deleted table",
                    arguments: [argument("DATABASE_NAME", databaseName), argument("TABLE_ID", .integer(minimum: nil))]),
            group("iceberg", since: "2.10.2", "Iceberg export (Cloud Dedicated only)", [
                command("enable", "Enable Iceberg export for a table",
                        arguments: [argument("DATABASE_NAME", databaseName), argument("TABLE_NAME")]),
                command("disable", "Disable Iceberg export for a table",
                        arguments: [argument("DATABASE_NAME", databaseName), argument("TABLE_NAME")]),
            ]),
        ]),

        group("token", "Manage database tokens", [
            command("create", "Create a database token",
                    flags: [
                        // [inferred] '*' is accepted in every release: the wildcard was documented in
                        // 2024-04 without a release note, and the API schema already had it.
                        flag("read-database", databaseOrWildcard, repeatable: true, "Grant read permission on a database ('*': all)"),
                        flag("write-database", databaseOrWildcard, repeatable: true, "Grant write permission on a database ('*': all)"),
                        flag("expires-at", .rfc3339Time, since: "2.10.0", "Expiry time (RFC3339); no expiry by default"),
                        format(since: "2.1.0"),
                    ],
                    arguments: [argument("TOKEN_DESCRIPTION")]),
            command("list", "List database tokens",
                    flags: [
                        format(),
                        // [inferred] the 2.9.9 default is not documented; id, as from 2.10.0.
                        flag("sort", .choice(["created", "id", "description", "prefix", "expires", "revoked"]), default: "id",
                             since: "2.9.9", until: "2.10.0", "Sort order"),
                        flag("sort", .choice(["id", "description"]), default: "id", since: "2.10.0", "Sort order"),
                        flag("include-revoked", .bool, default: "false", since: "2.10.0", "Also list revoked tokens"),
                    ]),
            command("get", since: "2.0.0", "Get a database token",
                    flags: [
                        format(),
                        flag("include-revoked", .bool, default: "false", since: "2.10.0", "Allow returning a revoked token"),
                    ],
                    arguments: [argument("TOKEN_ID")]),
            command("update", since: "1.1.0", "Update a database token",
                    flags: [
                        // [conflict] the reference page lists only the permission flags; the admin pages use
                        // --description, and RN 1.1.0 added update for descriptions. Chosen: 1.1.0 takes
                        // --description only; from 2.0.0 it also takes the permission flags.
                        flag("description", .string, since: "1.1.0", "New token description"),
                        flag("read-database", databaseOrWildcard, repeatable: true, since: "2.0.0", "Grant read permission (replaces the existing permissions)"),
                        flag("write-database", databaseOrWildcard, repeatable: true, since: "2.0.0", "Grant write permission (replaces the existing permissions)"),
                    ],
                    arguments: [argument("TOKEN_ID")]),
            command("delete", until: "2.10.0", "Delete database tokens (renamed revoke in 2.10.0)",
                    flags: [force(since: "2.0.0")],
                    arguments: [
                        argument("TOKEN_ID", until: "2.0.0"),
                        argument("TOKEN_ID", variadic: true, since: "2.0.0"),
                    ]),
            command("revoke", aliases: ["delete"], since: "2.10.0", "Revoke database tokens",
                    flags: [force()],
                    arguments: [argument("TOKEN_ID", variadic: true)]),
        ]),

        group("user", since: "2.0.0", "Manage users", [
            command("list", "List users", flags: [format()]),
        ]),

        command("version", "Print the influxctl version"),

        command("write", since: "2.4.0", "Write line protocol to a database",
                flags: [
                    flag("database", databaseName, "Database to write to (overrides the profile)"),
                    flag("token", .string, "Database token (overrides the profile)"),
                    flag("precision", .choice(["ns", "us", "ms", "s"]), default: "ns", "Timestamp precision"),
                    // [inferred] --batch-size from 2.4.0: no release note of its own.
                    flag("batch-size", .integer(minimum: 1), default: "10000", "Lines per write request"),
                    // The command's own --timeout, in whole seconds; not the global duration flag.
                    flag("timeout", .integer(minimum: 0), default: "10", since: "2.8.0", "Write timeout in seconds"),
                ],
                arguments: [argument("LINE_PROTOCOL")]),  // a string, a file path, or - for stdin
    ])
}
