extension HelpImport {
    /// The imported tree as Swift source in the layout of `CommandCatalog.swift` (its
    /// `globalFlags` and `root` declarations, using the `CatalogBuilders` helpers), every entry
    /// marked `since: release`, for a maintainer to merge into the catalogue. The same tree
    /// and release always give the same text.
    public static func swiftSource(for tree: ImportedTree, release: CLIVersion) -> String {
        let writer = CatalogSourceWriter(since: release.description)
        var lines = [
            "// \(tree.programName) \(release) as its --help output describes it, in the layout of CommandCatalog.swift.",
            "// Every entry says since: \"\(release)\"; when merging, keep the releases the catalogue already has.",
            "// Help text does not tell database names, tag buckets or non-empty strings from .string, nor",
            "// gives integer minimums: review the value types. \"no help file\" marks a command only its",
            "// group lists, whose flags and arguments were not imported.",
            "",
        ]
        if tree.globalFlags.isEmpty {
            lines.append("static let globalFlags: [FlagSpec] = []")
        } else {
            lines.append("static let globalFlags: [FlagSpec] = [")
            lines += tree.globalFlags.map { "    " + writer.flag($0) + "," }
            lines.append("]")
        }
        lines.append("")
        lines.append("static let root = CommandSpec(name: \"\", summary: \(writer.literal(tree.programName)), "
                     + "releases: releases(\(writer.literal(writer.since)), nil), subcommands: [")
        for command in tree.root.subcommands {
            lines += writer.command(command, indent: "    ")
        }
        lines.append("])")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Renders imported entries as calls of the catalogue's builders.
    struct CatalogSourceWriter {
        var since: String

        func command(_ command: ImportedCommand, indent: String) -> [String] {
            let since = "since: \(literal(since))"
            let summary = literal(command.summary)
            let aliases = command.aliases.isEmpty ? "" : "aliases: \(array(command.aliases)), "
            if command.subcommands.isEmpty {
                let head = "command(\(literal(command.name)), \(aliases)\(since), \(summary)"
                guard command.helpFile != nil else {
                    return [indent + head + "),  // no help file"]
                }
                var blocks: [(label: String, items: [String])] = []
                if !command.flags.isEmpty { blocks.append(("flags", command.flags.map(flag))) }
                if !command.arguments.isEmpty { blocks.append(("arguments", command.arguments.map(argument))) }
                return call(head, blocks: blocks, indent: indent, alignment: "command(".count)
            }
            let note = command.helpFile == nil ? "  // no help file: only subcommands that have one are listed" : ""
            let children = command.subcommands.flatMap { self.command($0, indent: indent + "    ") }
            if command.aliases.isEmpty && command.flags.isEmpty && command.arguments.isEmpty {
                return [indent + "group(\(literal(command.name)), \(since), \(summary), [" + note] + children + [indent + "]),"]
            }
            // The group builder takes no aliases, flags or arguments: spell the CommandSpec out.
            let head = "CommandSpec(name: \(literal(command.name)), \(aliases)summary: \(summary), "
                + "releases: releases(\(literal(self.since)), nil)"
            var blocks: [(label: String, items: [String])] = []
            if !command.flags.isEmpty { blocks.append(("flags", command.flags.map(flag))) }
            if !command.arguments.isEmpty { blocks.append(("arguments", command.arguments.map(argument))) }
            var lines = call(head, blocks: blocks, indent: indent, alignment: "CommandSpec(".count, closes: false)
            let pad = indent + String(repeating: " ", count: "CommandSpec(".count)
            lines.append(pad + "subcommands: [" + note)
            lines += command.subcommands.flatMap { self.command($0, indent: pad + "    ") }
            lines.append(pad + "]),")
            return lines
        }

        /// `head,` then each block as `label: [` items `],` aligned under the call's first
        /// argument; the last block closes the call unless `closes` is false.
        func call(_ head: String, blocks: [(label: String, items: [String])], indent: String, alignment: Int,
                  closes: Bool = true) -> [String] {
            guard !blocks.isEmpty else { return [indent + head + (closes ? ")," : ",")] }
            let pad = indent + String(repeating: " ", count: alignment)
            var lines = [indent + head + ","]
            for (index, block) in blocks.enumerated() {
                lines.append(pad + block.label + ": [")
                lines += block.items.map { pad + "    " + $0 + "," }
                lines.append(pad + (closes && index == blocks.count - 1 ? "])," : "],"))
            }
            return lines
        }

        func flag(_ flag: ImportedFlag) -> String {
            let since = "since: \(literal(self.since))"
            if flag.aliases.isEmpty, !flag.isRepeatable {
                if flag.name == "format", flag.valueType == .choice(["table", "json"]), flag.defaultValue == "table" {
                    return "format(\(since))"
                }
                if flag.name == "force", flag.valueType == .bool, flag.defaultValue == "false" {
                    return "force(\(since))"
                }
            }
            if flag.aliases.isEmpty {
                let repeatable = flag.isRepeatable ? ", repeatable: true" : ""
                let defaultValue = flag.defaultValue.map { ", default: \(literal($0))" } ?? ""
                return "flag(\(literal(flag.name)), \(valueType(flag.valueType))\(repeatable)\(defaultValue), \(since), \(literal(flag.usage)))"
            }
            // The flag builder takes no aliases: spell the FlagSpec out.
            let defaultValue = flag.defaultValue.map { ", defaultValue: \(literal($0))" } ?? ""
            return "FlagSpec(name: \(literal(flag.name)), aliases: \(array(flag.aliases)), valueType: \(valueType(flag.valueType)), "
                + "isRepeatable: \(flag.isRepeatable)\(defaultValue), releases: releases(\(literal(self.since)), nil), "
                + "usage: \(literal(flag.usage)))"
        }

        func argument(_ argument: ImportedArgument) -> String {
            let optional = argument.isRequired ? "" : ", optional: true"
            let variadic = argument.isVariadic ? ", variadic: true" : ""
            return "argument(\(literal(argument.name))\(optional)\(variadic), since: \(literal(since)))"
        }

        func valueType(_ type: ValueType) -> String {
            switch type {
            case .string: ".string"
            case .nonEmptyString: ".nonEmptyString"
            case .bool: ".bool"
            case .duration: ".duration"
            case .goDuration: ".goDuration"
            case .integer(let minimum): ".integer(minimum: \(minimum.map(String.init) ?? "nil"))"
            case .rfc3339Time: ".rfc3339Time"
            case .choice(let values): ".choice(\(array(values)))"
            case .databaseName(let allowsWildcard): allowsWildcard ? "databaseOrWildcard" : "databaseName"
            case .tagBucket: ".tagBucket"
            }
        }

        func array(_ values: [String]) -> String { "[" + values.map(literal).joined(separator: ", ") + "]" }

        /// A Swift string literal holding `text`.
        func literal(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": result += "\\\\"
                case "\"": result += "\\\""
                case "\n": result += "\\n"
                case "\t": result += "\\t"
                case "\r": result += "\\r"
                default:
                    if scalar.properties.generalCategory == .control {
                        result += "\\u{" + String(scalar.value, radix: 16) + "}"
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return result + "\""
        }
    }
}
