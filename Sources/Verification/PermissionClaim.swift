import Diagnostics
import TokenCore

/// What a piece of prose says a token may do: "Read-only token for mydb1 and mydb2",
/// "Read-only on mydb1, Read/write on mydb2", "mixed permissions on multiple databases".
struct PermissionClaim: Hashable, Sendable {
    enum Access: String, Hashable, Sendable {
        case readOnly = "read-only"
        case readWrite = "read/write"
        case writeOnly = "write-only"

        var actions: Actions {
            switch self {
            case .readOnly: .read
            case .readWrite: [.read, .write]
            case .writeOnly: .write
            }
        }
    }

    /// The actions granted on one database.
    struct Actions: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let read = Actions(rawValue: 1)
        static let write = Actions(rawValue: 2)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ action: Action) {
            self = action == .read ? .read : .write
        }
    }

    /// One clause: an access level, and the databases it names (empty: every database granted).
    struct Clause: Hashable, Sendable {
        var access: Access
        var databases: [String]
    }

    var clauses: [Clause] = []
    var multipleDatabases = false
    var allDatabases = false
    var mixed = false

    var isEmpty: Bool { clauses.isEmpty && !multipleDatabases && !allDatabases && !mixed }

    /// The claim with each database name that is a key of `placeholders` replaced by its value.
    func resolving(_ placeholders: [String: String]) -> PermissionClaim {
        guard !placeholders.isEmpty else { return self }
        var claim = self
        for index in claim.clauses.indices {
            claim.clauses[index].databases = claim.clauses[index].databases.map { placeholders[$0] ?? $0 }
        }
        return claim
    }

    /// Reads the claim in `text`; `knownDatabases` are the names a clause may mention.
    /// Wording it does not understand yields no claim rather than a guess.
    static func parse(_ text: String, knownDatabases: [String]) -> PermissionClaim {
        var claim = PermissionClaim()
        // Only "K" (Kelvin) and "İ" lower-case from outside ASCII into it, and no phrase below
        // holds "k" or a dotted "i", so text without these words in ASCII cannot claim anything.
        let asciiLowered = TextSearch.lowercasedASCII(text)
        let mentionsAccess = TextSearch.contains(asciiLowered, "read") || TextSearch.contains(asciiLowered, "write")
        let mentionsDatabase = TextSearch.contains(asciiLowered, "database")
        let mentionsMixed = TextSearch.contains(asciiLowered, "mixed permission")
        guard mentionsAccess || mentionsDatabase || mentionsMixed else { return claim }
        let isASCII = asciiLowered.allSatisfy { $0 < 0x80 }
        let lowered = isASCII ? "" : text.lowercased()
        let bytes = isASCII ? asciiLowered : Array(lowered.utf8)
        // ASCII lower-cased, the bytes are the ones searched above: text without "database" names no databases.
        if !isASCII || mentionsDatabase {
            claim.multipleDatabases = TextSearch.contains(bytes, "multiple database")
            claim.allDatabases = TextSearch.contains(bytes, "all databases") || TextSearch.contains(bytes, "every database")
        }
        claim.mixed = isASCII ? mentionsMixed : TextSearch.contains(bytes, "mixed permission")
        // ASCII lower-cased, the bytes are the text, so they mention access as the ASCII fold does.
        guard isASCII ? mentionsAccess : TextSearch.contains(bytes, "read") || TextSearch.contains(bytes, "write") else { return claim }
        if isASCII {
            // ASCII lower-casing keeps every byte in place, so a segment of `bytes` and the same
            // range of the original text are one clause: the access is read from the lower-cased
            // bytes, the database names from the original ones, exactly as the command spells them.
            let original = Array(text.utf8)
            let spaced = spacingHyphens(bytes)
            var segmentStart = 0
            for end in bytes.indices where bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: ";") {
                claim.appendClause(original: original[segmentStart..<end], spaced: spaced[segmentStart..<end], knownDatabases: knownDatabases)
                segmentStart = end + 1
            }
            claim.appendClause(original: original[segmentStart...], spaced: spaced[segmentStart...], knownDatabases: knownDatabases)
            return claim
        }
        for segment in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            claim.appendClause(original: Array(segment.utf8)[...], spaced: spacingHyphens(segment.lowercased().utf8)[...], knownDatabases: knownDatabases)
        }
        return claim
    }

    /// Adds the clause of one segment (`original`: its UTF-8 as written; `spaced`: lower-cased
    /// after `spacingHyphens`), if it states an access, with the known databases it names in order.
    private mutating func appendClause(original segment: ArraySlice<UInt8>, spaced: ArraySlice<UInt8>, knownDatabases: [String]) {
        guard let access = Self.access(inSpaced: spaced) else { return }
        clauses.append(Clause(access: access, databases: Self.databases(namedIn: segment, of: knownDatabases)))
    }

    /// The known databases `segment` (UTF-8 as written) names, in the order it names them.
    /// A name matches only as the command spells it (case included: `DATABASE1_NAME`, `DB_ONE`
    /// and `my-db.2` are names, and `mydb` is not `MYDB`) and only as a whole word, so `mydb` is
    /// not found in `mydb2`; a `.` ends a word only where no name byte follows (a full stop).
    static func databases(namedIn segment: ArraySlice<UInt8>, of knownDatabases: [String]) -> [String] {
        var found: [(position: Int, name: String)] = []
        for name in knownDatabases where !name.isEmpty && !found.contains(where: { $0.name == name }) {
            let needle = Array(name.utf8)
            var start = segment.startIndex
            while start + needle.count <= segment.endIndex {
                let end = start + needle.count
                if segment[start..<end].elementsEqual(needle),
                   start == segment.startIndex || !isNameByte(segment[start - 1]),
                   !continuesName(segment, at: end) {
                    found.append((start, name))
                    break
                }
                start += 1
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.name)
    }

    /// Whether the byte at `index` carries on a name that ends just before it.
    private static func continuesName(_ segment: ArraySlice<UInt8>, at index: Int) -> Bool {
        guard index < segment.endIndex, isNameByte(segment[index]) else { return false }
        guard segment[index] == UInt8(ascii: ".") else { return true }
        return index + 1 < segment.endIndex && isNameByte(segment[index + 1]) && segment[index + 1] != UInt8(ascii: ".")
    }

    /// A byte that can be part of a database name in prose: a letter or digit (any non-ASCII
    /// byte counts as a letter), `_`, `-` or `.`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || ASCIIByte.isLower(byte | 0x20) || ASCIIByte.isDigit(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// Lower-cased UTF-8 with hyphens and underscores as spaces, so that "read-only" reads as "read only".
    private static func spacingHyphens(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        bytes.map { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }
    }

    /// The access a clause (lower-cased UTF-8, after `spacingHyphens`) states.
    private static func access(inSpaced segment: ArraySlice<UInt8>) -> Access? {
        let has = { (phrase: String) in TextSearch.contains(segment, phrase) }
        // Every phrase holds "read" or "write": a segment without them is settled in two searches.
        let mentionsRead = has("read")
        let mentionsWrite = has("write")
        if mentionsRead && mentionsWrite
            && (has("read/write") || has("read and write") || has("read write") || has("read & write") || has("read + write")) {
            return .readWrite
        }
        if mentionsRead && has("read only") { return .readOnly }
        if mentionsWrite && has("write only") { return .writeOnly }
        return nil
    }

    /// The ways the granted permissions contradict the claim; empty when they agree.
    func contradictions(with permissions: [Permission]) -> [String] {
        // The actions granted on each database (`*` standing for all), a few entries at most.
        var byDatabase: [(name: String, actions: Actions)] = []
        for permission in permissions {
            let name = switch permission.resource {
            case .all: "*"
            case .database(let database): database
            }
            if let index = byDatabase.firstIndex(where: { $0.name == name }) {
                byDatabase[index].actions.insert(Actions(permission.action))
            } else {
                byDatabase.append((name, Actions(permission.action)))
            }
        }
        let granted = { (name: String) in byDatabase.first { $0.name == name }?.actions }
        let wildcard = granted("*")
        var problems: [String] = []
        let named = clauses.flatMap(\.databases)
        for clause in clauses {
            let targets = clause.databases.isEmpty ? byDatabase.map(\.name).filter { !named.contains($0) }.sorted() : clause.databases
            if clause.databases.isEmpty && targets.isEmpty && named.isEmpty {
                problems.append("it says \(clause.access.rawValue) but the command grants no permission")
            }
            for database in targets {
                let actions = (granted(database) ?? []).union(wildcard ?? [])
                if actions != clause.access.actions {
                    problems.append("it says \(clause.access.rawValue)\(clause.databases.isEmpty ? "" : " on \(database)") but the command grants \(Self.describe(actions))\(clause.databases.isEmpty ? " on \(database)" : "")")
                }
            }
        }
        if multipleDatabases && wildcard == nil {
            let concrete = byDatabase.map(\.name).filter { $0 != "*" }
            if concrete.count < 2 {
                problems.append("it says multiple databases but the command names \(concrete.count == 1 ? "only \(concrete[0])" : "none")")
            }
        }
        if allDatabases && wildcard == nil {
            problems.append("it says all databases but the command does not grant '*'")
        }
        if mixed {
            let first = byDatabase.first?.actions ?? []
            if byDatabase.allSatisfy({ $0.actions == first }) {
                problems.append("it says mixed permissions but every database gets \(Self.describe(first))")
            }
        }
        return problems
    }

    private static func describe(_ actions: Actions) -> String {
        switch (actions.contains(.read), actions.contains(.write)) {
        case (true, true): "read and write"
        case (true, false): "read only"
        case (false, true): "write only"
        case (false, false): "nothing"
        }
    }
}

extension Permission {
    /// The database the permission names; nil for `*`.
    var databaseName: String? {
        if case .database(let name) = resource { return name }
        return nil
    }
}
