import Diagnostics
import DocExtraction
import InfluxctlModel

/// `claim.permissions` and `claim.outdated`: the page's prose against the behaviour.
enum ClaimCheck {
    /// Compares what the block's titles, heading, tab and each token's description say the
    /// token may do with what its command grants.
    /// `placeholderDatabases` maps a placeholder name the prose may write (`DATABASE2_NAME`)
    /// to the database the page's bindings made of it, so the prose is read as the command was.
    static func permissionChecks(for tokens: [PageToken], block: CodeBlock, knownDatabases: [String],
                                 placeholderDatabases: [String: String] = [:], file: String,
                                 findings: inout [Finding], blockIndex: Int) -> [CheckResult] {
        guard !tokens.isEmpty else { return [] }
        let known = knownDatabases + tokens.flatMap { $0.permissions.compactMap(\.databaseName) } + placeholderDatabases.keys.sorted()
        var results: [CheckResult] = []
        for token in tokens {
            var sources: [(what: String, text: String, range: SourceRange)] = []
            if let range = token.descriptionRange {
                sources.append(("the token description", token.description, range))
            }
            if tokens.count == 1 {
                appendContextSources(of: block, to: &sources)
            }
            for source in sources {
                let claim = PermissionClaim.parse(source.text, knownDatabases: known).resolving(placeholderDatabases)
                guard !claim.isEmpty else { continue }
                let problems = claim.contradictions(with: token.permissions)
                if problems.isEmpty {
                    results.append(CheckResult(rule: .claimPermissions, status: .passed, detail: "\(source.what) \"\(source.text)\" matches the permissions granted"))
                } else {
                    results.append(CheckResult(rule: .claimPermissions, status: .failed, detail: problems.joined(separator: "; ")))
                    findings.append(Finding(rule: .claimPermissions, file: file, range: source.range,
                                            message: "\(source.what) \"\(source.text)\" does not match the command: \(problems.joined(separator: "; "))",
                                            blockIndex: blockIndex))
                }
            }
        }
        return results
    }

    /// Appends the innermost heading, expand title and tab label above a block, where they stand.
    private static func appendContextSources(of block: CodeBlock, to sources: inout [(what: String, text: String, range: SourceRange)]) {
        let context = block.context
        if let title = context.titles.last, let range = context.titleRanges.last {
            sources.append(("the title", title, range))
        }
        if let tab = context.tab, let range = context.tabRange {
            sources.append(("the tab", tab, range))
        }
        if let heading = context.headings.last, let range = context.headingRanges.last {
            sources.append(("the heading", heading, range))
        }
    }

    /// Behaviour statements in the page's prose that the release contradicts.
    static func outdatedClaims(in page: Page, behaviour: ReleaseBehaviour, release: CLIVersion) -> [Finding] {
        var findings: [Finding] = []
        var reportedSection: (heading: Int, statement: BehaviourStatement)?
        var sectionIndex = 0
        var lowered: [UInt8] = []
        let anchors = BehaviourStatement.foldedAnchors
        for span in page.prose {
            if span.kind == .heading { sectionIndex += 1 }
            for proseLine in span.sourceLines where proseLine.bytes.withUnsafeBufferPointer({ TextSearch.containsIgnoringASCIICase($0, anyOf: anchors) }) {
                let line = proseLine.sourceLine
                TextSearch.lowercaseASCII(line.text, into: &lowered)
                for statement in BehaviourStatement.allCases {
                    guard let offset = statement.match(inLowercased: lowered) else { continue }
                    let start = sentenceStart(in: line.text, before: offset)
                    let subject = String(String.UnicodeScalarView(line.text.unicodeScalars.dropFirst(start).prefix(offset - start)))
                    guard statement.isAbout(subject: subject), !isQuoted(offset: offset, in: line.text),
                          let contradiction = statement.contradiction(of: line.text, behaviour: behaviour, release: release) else { continue }
                    if let reported = reportedSection, reported.heading == sectionIndex, reported.statement == statement { continue }
                    reportedSection = (sectionIndex, statement)
                    let length = sentenceEnd(in: line.text, after: offset) - start
                    findings.append(Finding(rule: .claimOutdated, file: page.path,
                                            range: SourceRange(start: line.position(atScalarOffset: start), length: length),
                                            message: contradiction))
                }
            }
        }
        return findings
    }

    /// Whether the scalar at `offset` is inside quotation marks or a code span: a page that
    /// quotes a statement (as this tool's docs do) does not make it.
    private static func isQuoted(offset: Int, in text: String) -> Bool {
        var quotes = 0
        var backticks = 0
        var curly = 0
        for scalar in text.unicodeScalars.prefix(offset) {
            switch scalar {
            case "\"": quotes += 1
            case "`": backticks += 1
            case "\u{201C}": curly += 1
            case "\u{201D}": curly -= 1
            default: break
            }
        }
        return quotes % 2 == 1 || backticks % 2 == 1 || curly > 0
    }

    private static func sentenceStart(in text: String, before offset: Int) -> Int {
        let scalars = Array(text.unicodeScalars)
        var index = min(offset, scalars.count)
        while index > 0 {
            let previous = scalars[index - 1]
            if index >= 2, previous == " ", ".!?".unicodeScalars.contains(scalars[index - 2]) { break }
            index -= 1
        }
        while index < offset, scalars[index] == " " || "#*_>".unicodeScalars.contains(scalars[index]) { index += 1 }
        return index
    }

    private static func sentenceEnd(in text: String, after offset: Int) -> Int {
        let scalars = Array(text.unicodeScalars)
        var index = offset
        while index < scalars.count, !".!?".unicodeScalars.contains(scalars[index]) { index += 1 }
        return min(index + 1, scalars.count)
    }
}

/// A documented token behaviour that pages state in prose, and when a release contradicts it.
enum BehaviourStatement: CaseIterable, Hashable, Sendable {
    /// "Tokens cannot be updated" / "token permissions cannot be updated".
    case tokensCannotBeUpdated
    /// "The command returns the token ID and the token string".
    case createPrintsIDAndString

    private static let updatePhrases = ["cannot be updated", "can't be updated", "can not be updated", "cannot be changed", "can't be changed"].map { Array($0.utf8) }
    private static let outputPhrases = ["token id and the token string", "token id and token string"].map { Array($0.utf8) }
    private static let updateAnchor = Array(" be ".utf8)
    private static let outputAnchor = Array("token id and ".utf8)

    private var phrases: [[UInt8]] {
        switch self {
        case .tokensCannotBeUpdated: Self.updatePhrases
        case .createPrintsIDAndString: Self.outputPhrases
        }
    }

    /// Text every phrase of the statement contains: a line without it states nothing, and
    /// most prose lines are ruled out by this one search.
    private var anchor: [UInt8] {
        switch self {
        case .tokensCannotBeUpdated: Self.updateAnchor
        case .createPrintsIDAndString: Self.outputAnchor
        }
    }

    /// The anchors of all statements: a line that holds none of them in any case states
    /// nothing, a test without a copy of the line that rules out most lines.
    static let foldedAnchors = allCases.map { TextSearch.FoldedNeedle(lowercased: $0.anchor) }

    /// The scalar offset where the statement starts in a line (given as lower-cased UTF-8),
    /// if the line states it.
    func match(inLowercased lowered: [UInt8]) -> Int? {
        guard TextSearch.firstOffset(of: anchor, in: lowered) != nil else { return nil }
        for phrase in phrases {
            guard let offset = TextSearch.firstOffset(of: phrase, in: lowered) else { continue }
            return TextSearch.scalarCount(lowered, upTo: offset)
        }
        return nil
    }

    /// Whether the words before the phrase, in the same sentence, make it this statement:
    /// "Tokens cannot be updated" is; "The token string cannot be changed" is not.
    func isAbout(subject: String) -> Bool {
        switch self {
        case .tokensCannotBeUpdated:
            let words = TextSearch.lowercasedASCII(subject)
            let mentions = { (word: String) in TextSearch.firstOffset(of: Array(word.utf8), in: words) != nil }
            return (mentions("token") || mentions("permission"))
                && !["string", " id", "expir", "secret", "prefix"].contains(where: mentions)
        case .createPrintsIDAndString:
            return true
        }
    }

    /// Why the release contradicts the statement, or nil when it holds.
    func contradiction(of line: String, behaviour: ReleaseBehaviour, release: CLIVersion) -> String? {
        switch self {
        case .tokensCannotBeUpdated:
            let aboutPermissions = TextSearch.firstOffset(of: Array("permission".utf8), in: TextSearch.lowercasedASCII(line)) != nil
            return switch behaviour.tokenUpdate {
            case .none: nil
            case .descriptionOnly: aboutPermissions ? nil : "the page says tokens cannot be updated, but influxctl \(release) has `token update`, which changes a token's description"
            case .descriptionAndPermissions: "the page says tokens cannot be updated, but influxctl \(release) has `token update`, which replaces a token's permissions and description"
            }
        case .createPrintsIDAndString:
            return behaviour.tokenCreateOutput == .warningsAndString
                ? "the page says token create returns the token ID and the token string, but influxctl \(release) prints only the token string (after two warnings on stderr)"
                : nil
        }
    }
}
