import Diagnostics
import DocExtraction
import InfluxctlModel

/// `claim.permissions` and `claim.outdated`: the page's prose against the behaviour.
enum ClaimCheck {
    /// Compares what the block's titles, heading, tab and each token's description say the
    /// token may do with what its command grants.
    static func permissionChecks(for tokens: [PageToken], block: CodeBlock, knownDatabases: [String], file: String,
                                 findings: inout [Finding], blockIndex: Int) -> [CheckResult] {
        guard !tokens.isEmpty else { return [] }
        let known = Set(knownDatabases + tokens.flatMap { $0.permissions.compactMap(\.databaseName) })
        var results: [CheckResult] = []
        for token in tokens {
            var sources: [(what: String, text: String, range: SourceRange)] = []
            if let range = token.descriptionRange {
                sources.append(("the token description", token.description, range))
            }
            if tokens.count == 1 {
                sources.append(contentsOf: contextSources(of: block))
            }
            for source in sources {
                let claim = PermissionClaim.parse(source.text, knownDatabases: known)
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

    /// The innermost heading, expand title and tab label above a block, where they stand.
    private static func contextSources(of block: CodeBlock) -> [(what: String, text: String, range: SourceRange)] {
        var sources: [(String, String, SourceRange)] = []
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
        return sources
    }

    /// Behaviour statements in the page's prose that the release contradicts.
    static func outdatedClaims(in page: Page, behaviour: ReleaseBehaviour, release: CLIVersion) -> [Finding] {
        var findings: [Finding] = []
        var reportedSection: (heading: Int, statement: BehaviourStatement)?
        var sectionIndex = 0
        for span in page.prose {
            if span.kind == .heading { sectionIndex += 1 }
            for line in span.lines {
                for statement in BehaviourStatement.allCases {
                    guard let offset = statement.match(in: line.text),
                          let contradiction = statement.contradiction(of: line.text, behaviour: behaviour, release: release) else { continue }
                    if let reported = reportedSection, reported.heading == sectionIndex, reported.statement == statement { continue }
                    reportedSection = (sectionIndex, statement)
                    let start = sentenceStart(in: line.text, before: offset)
                    let length = sentenceEnd(in: line.text, after: offset) - start
                    findings.append(Finding(rule: .claimOutdated, file: page.path,
                                            range: SourceRange(start: line.position(atScalarOffset: start), length: length),
                                            message: contradiction))
                }
            }
        }
        return findings
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

    /// The scalar offset where the statement starts in `line`, if the line states it.
    func match(in line: String) -> Int? {
        let lowered = line.lowercased()
        let phrases: [String] = switch self {
        case .tokensCannotBeUpdated: ["cannot be updated", "can't be updated", "can not be updated", "cannot be changed", "can't be changed"]
        case .createPrintsIDAndString: ["token id and the token string", "token id and token string"]
        }
        for phrase in phrases {
            guard let range = lowered.range(of: phrase) else { continue }
            if self == .tokensCannotBeUpdated, !lowered.contains("token") { continue }
            return lowered.unicodeScalars.distance(from: lowered.unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: lowered.unicodeScalars) ?? lowered.unicodeScalars.startIndex)
        }
        return nil
    }

    /// Why the release contradicts the statement, or nil when it holds.
    func contradiction(of line: String, behaviour: ReleaseBehaviour, release: CLIVersion) -> String? {
        switch self {
        case .tokensCannotBeUpdated:
            let aboutPermissions = line.lowercased().contains("permission")
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
