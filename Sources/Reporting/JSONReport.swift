import Diagnostics
import Verification

/// The JSON report, schema version 1 (docs/json-report.md): `blocks`, `findings`,
/// `influxctlVersion`, `inputErrors`, `schemaVersion`, `summary` and `tool`, in that order.
/// The blocks come first, so each page's are written as soon as the page is verified.
enum JSONReport {
    /// The document up to the first block.
    static let opening = "{\n  \"blocks\" : ["

    /// A block object, as an element of the top-level `blocks` array.
    static func block(_ report: BlockReport, of page: PageReport) -> JSONValue {
        let block = report.block
        let context = block.context
        return .members([
            ("checks", .array(report.checks.map { check in
                .members([("detail", .optional(check.detail)), ("rule", .string(check.rule.id)), ("status", .string(check.status.rawValue))])
            })),
            ("commands", .array(report.commands.map { command in
                .members([
                    ("line", .int(command.line)), ("path", .array(command.path.map(JSONValue.string))), ("program", .string(command.program)),
                    ("request", command.request.map(request)),
                ])
            })),
            ("context", .members([
                ("headings", .array(context.headings.map(JSONValue.string))), ("tab", .optional(context.tab)),
                ("titles", .array(context.titles.map(JSONValue.string))),
            ])),
            ("endLine", .int(block.closingLine)), ("file", .string(page.path)), ("influxctlVersion", .string(page.influxctlVersion)),
            ("language", .string(block.language)), ("line", .int(block.openingFence.line)), ("origin", .string(block.origin.rawValue)),
            ("product", .optional(report.product)),
            ("reason", .optional(report.status == .skipped ? block.skipReason?.rawValue : nil)), ("status", .string(report.status.rawValue)),
        ])
    }

    /// A request summary: its kind and its fields by name; a name given twice keeps its last value.
    private static func request(_ summary: RequestSummary) -> JSONValue {
        var members = [JSONMember(key: "kind", value: .string(summary.kind))]
        var position: [String: Int] = ["kind": 0]
        for field in summary.fields {
            let value: JSONValue = switch field.value {
            case .text(let text): .string(text)
            case .list(let list): .array(list.map(JSONValue.string))
            case .flag(let flag): .bool(flag)
            }
            if let index = position[field.name] {
                members[index].value = value
            } else {
                position[field.name] = members.count
                members.append(JSONMember(key: field.name, value: value))
            }
        }
        return .object(members)
    }

    /// A finding; `blockOffset` is the number of blocks of the pages before its page.
    static func finding(_ finding: Finding, blockOffset: Int) -> JSONValue {
        .members([
            ("rule", .string(finding.rule.id)), ("severity", .string(finding.severity.rawValue)), ("file", .string(finding.file)),
            ("line", .int(finding.range.start.line)), ("column", .int(finding.range.start.column)),
            ("endLine", .int(finding.range.end.line)), ("endColumn", .int(finding.range.end.column)),
            ("message", .string(finding.message)), ("suggestion", .optional(finding.suggestion)),
            ("block", .optional(finding.blockIndex.map { $0 + blockOffset })),
            ("pages", finding.pages.isEmpty ? nil : .array(finding.pages.map { page in
                .members([("path", .string(page.path)), ("product", .optional(page.product))])
            })),
        ])
    }

    static func inputError(_ problem: InputError) -> JSONValue {
        .members([
            ("file", .string(problem.file)), ("line", .optional(problem.position?.line)), ("column", .optional(problem.position?.column)),
            ("message", .string(problem.message)),
        ])
    }

    /// Everything after the blocks: `findings` and `inputErrors` are the elements gathered
    /// while the pages came, each already printed with its leading separator.
    static func closing(blocks: Int, findings: [UInt8], influxctlVersion: String, inputErrors: [UInt8], summary: Summary, durationMs: Int,
                        into out: inout [UInt8]) {
        out += (blocks == 0 ? "\n\n  ]" : "\n  ]").utf8
        out += ",\n  \"findings\" : [".utf8
        out += findings.isEmpty ? Array("\n\n  ]".utf8) : findings + "\n  ]".utf8
        out += ",\n  \"influxctlVersion\" : ".utf8
        PrettyJSON.writeString(influxctlVersion, into: &out)
        out += ",\n  \"inputErrors\" : [".utf8
        out += inputErrors.isEmpty ? Array("\n\n  ]".utf8) : inputErrors + "\n  ]".utf8
        out += ",\n  \"schemaVersion\" : 1,\n  \"summary\" : ".utf8
        var counts: [(String, Int)] = [
            ("files", summary.files), ("blocks", summary.blocks), ("commands", summary.commands), ("passed", summary.passed),
            ("failed", summary.failed), ("skipped", summary.skipped), ("unverified", summary.unverified), ("errors", summary.errors),
            ("warnings", summary.warnings), ("durationMs", durationMs),
        ]
        if let suppressed = summary.suppressed { counts.append(("suppressed", suppressed)) }
        PrettyJSON.write(.object(counts.map { JSONMember(key: $0.0, value: .int($0.1)) }), level: 1, into: &out)
        out += ",\n  \"tool\" : ".utf8
        PrettyJSON.write(.members([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))]), level: 1, into: &out)
        out += "\n}\n".utf8
    }

    /// Appends an element of a top-level array (`level` 1) or of one nested deeper, with the
    /// separator before it.
    static func appendElement(_ value: JSONValue, first: Bool, level: Int, to out: inout [UInt8]) {
        out += (first ? "\n" : ",\n").utf8
        PrettyJSON.indent(level + 1, into: &out)
        PrettyJSON.write(value, level: level + 1, into: &out)
    }
}
