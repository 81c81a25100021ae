extension HelpImport {
    /// Where an imported tree and a modelled tree disagree, one sentence each: commands, flags
    /// and aliases present in one and not the other, flags whose value kind or repeatability
    /// differ, and differing positional arguments (names, required, variadic).
    ///
    /// Only what the help files tell is compared: a command without its own help file is
    /// compared by its name and the aliases its group lists, not by its flags, arguments or
    /// subcommands (the subcommands that do have files are compared). Value kinds are coarse,
    /// because help text can't tell them apart: text (string, non-empty string, database name,
    /// tag bucket), bool, duration (retention or Go), integer (any minimum), RFC3339 time, and a
    /// choice with its set of words. Defaults, help texts and argument value types are not
    /// compared. An empty result means the two agree on everything compared.
    public static func differences(between imported: ImportedTree, and tree: CommandTree) -> [String] {
        var found: [String] = []
        compareFlags(imported.globalFlags, tree.globalFlags, owner: imported.programName, kind: "global flag", into: &found)
        compare(imported.root, tree.root, label: imported.programName, aliasesAreKnown: false, into: &found)
        return found
    }

    static func compare(_ imported: ImportedCommand, _ model: CommandSpec, label: String, aliasesAreKnown: Bool,
                        into found: inout [String]) {
        if aliasesAreKnown, imported.aliases.sorted() != model.aliases.sorted() {
            found.append("\(label): aliases differ: the help has \(listed(imported.aliases)), the model has \(listed(model.aliases))")
        }
        let hasHelpFile = imported.helpFile != nil
        if hasHelpFile {
            compareFlags(imported.flags, model.flags, owner: label, kind: "flag", into: &found)
            let modelArguments = model.arguments.map {
                ImportedArgument(name: $0.name, isRequired: $0.isRequired, isVariadic: $0.isVariadic)
            }
            if imported.arguments != modelArguments {
                found.append("\(label): arguments differ: the help has \(synopsis(imported.arguments)), "
                             + "the model has \(synopsis(modelArguments))")
            }
        }
        for child in imported.subcommands {
            let childLabel = label + " " + child.name
            guard let modelChild = model.subcommands.first(where: { $0.name == child.name }) else {
                found.append("\(childLabel): the command is in the help but not in the model")
                continue
            }
            compare(child, modelChild, label: childLabel, aliasesAreKnown: hasHelpFile, into: &found)
        }
        if hasHelpFile {
            for modelChild in model.subcommands where imported.subcommand(modelChild.name) == nil {
                found.append("\(label) \(modelChild.name): the command is in the model but not in the help")
            }
        }
    }

    static func compareFlags(_ imported: [ImportedFlag], _ model: [FlagSpec], owner: String, kind: String,
                             into found: inout [String]) {
        for flag in imported {
            let subject = "\(owner): \(kind) --\(flag.name)"
            guard let modelFlag = model.first(where: { $0.name == flag.name }) else {
                found.append("\(subject) is in the help but not in the model")
                continue
            }
            if flag.aliases.sorted() != modelFlag.aliases.sorted() {
                found.append("\(subject): aliases differ: the help has \(listed(flag.aliases.map(dashed))), "
                             + "the model has \(listed(modelFlag.aliases.map(dashed)))")
            }
            let importedKind = ValueKind(flag.valueType)
            let modelKind = ValueKind(modelFlag.valueType)
            if importedKind != modelKind {
                found.append("\(subject) takes \(importedKind) in the help but \(modelKind) in the model")
            }
            if flag.isRepeatable != modelFlag.isRepeatable {
                found.append("\(subject) is repeatable in the \(flag.isRepeatable ? "help" : "model") but not in the \(flag.isRepeatable ? "model" : "help")")
            }
        }
        for modelFlag in model where !imported.contains(where: { $0.name == modelFlag.name }) {
            found.append("\(owner): \(kind) --\(modelFlag.name) is in the model but not in the help")
        }
    }

    static func listed(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.sorted().joined(separator: ", ")
    }

    static func dashed(_ name: String) -> String { (name.count == 1 ? "-" : "--") + name }

    /// `<A> [<B>...]`, or `none`.
    static func synopsis(_ arguments: [ImportedArgument]) -> String {
        guard !arguments.isEmpty else { return "none" }
        return arguments.map { argument in
            let name = "<\(argument.name)>" + (argument.isVariadic ? "..." : "")
            return argument.isRequired ? name : "[\(name)]"
        }.joined(separator: " ")
    }

    /// What help text can tell about a value type.
    enum ValueKind: Hashable, CustomStringConvertible {
        case text, bool, duration, integer, time
        case choice([String])

        init(_ type: ValueType) {
            switch type {
            case .string, .nonEmptyString, .databaseName, .tagBucket: self = .text
            case .bool: self = .bool
            case .duration, .goDuration: self = .duration
            case .integer: self = .integer
            case .rfc3339Time: self = .time
            case .choice(let values): self = .choice(values.sorted())
            }
        }

        var description: String {
            switch self {
            case .text: "text"
            case .bool: "no value (bool)"
            case .duration: "a duration"
            case .integer: "an integer"
            case .time: "an RFC3339 time"
            case .choice(let values): "one of " + values.joined(separator: ", ")
            }
        }
    }
}
