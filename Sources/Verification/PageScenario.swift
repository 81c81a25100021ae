import Diagnostics
import DocExtraction
import InfluxctlModel
import Influxdb3Model
import ManagementAPI
import ShellSyntax
import SimulatedCluster
import TokenCore

/// A block after lexing and parsing, before anything runs.
struct PreparedBlock {
    /// The block's index in its page's `blocks`.
    var index: Int
    var isSkipped: Bool
    var diagnostics: [Diagnostic]
    var commands: [PreparedCommand]
    var declared: DeclaredPlaceholders
}

/// One command of a block the tool models, parsed.
enum PreparedCommand {
    case influxctl(SimpleCommand, InfluxctlParse)
    case api(SimpleCommand, APIParse)
    case influxdb3(SimpleCommand, Influxdb3Parse)

    var command: SimpleCommand {
        switch self {
        case .influxctl(let command, _), .api(let command, _), .influxdb3(let command, _): command
        }
    }

    var diagnostics: [Diagnostic] {
        switch self {
        case .influxctl(_, let parse): parse.diagnostics
        case .api(_, let parse): parse.diagnostics
        case .influxdb3(_, let parse): parse.diagnostics
        }
    }

    /// The parsed influxctl invocation, when there is one.
    var invocation: Invocation? {
        if case .influxctl(_, let parse) = self { return parse.invocation }
        return nil
    }
}

/// Where a page's token came from: influxctl, or the Management API.
enum TokenOrigin: Sendable {
    case influxctl, api, influxdb3
}

/// A token the page created, remembered so checks and later commands can use it.
struct PageToken: Sendable {
    var id: String
    var secret: String
    var permissions: [Permission]
    var description: String
    /// Where the page spells the description, for claims read from it.
    var descriptionRange: SourceRange?
    var expiresAt: Instant?
    var blockIndex: Int
    var commandRange: SourceRange
    var origin: TokenOrigin
}

/// Runs one page as a scenario against a fresh simulated cluster: every block in order,
/// every influxctl command parsed, run, and checked against what the page promises.
struct PageScenario {
    let page: Page
    let options: RunContext
    var release: CLIVersion
    /// `release` as printed, written once for the report and every token probe.
    let releaseName: String
    var behaviour: ReleaseBehaviour
    var cluster: SimulatedCluster
    /// The InfluxDB 3 server the page's influxdb3 commands run against.
    var server: InfluxDB3Server
    let renderer: InfluxctlRenderer
    let probeTexts: ProbeTexts
    var bindings = PlaceholderBindings()
    var findings: [Finding] = []
    var tokens: [PageToken] = []
    /// Where each token is in `tokens`, by ID and by token string, for the commands that use one.
    var tokenIndexByID: [String: Int] = [:]
    var tokenIndexBySecret: [String: Int] = [:]
    /// Where the tokens of the block now running start in `tokens`.
    var firstTokenOfBlock = 0
    /// Database names the page uses, in order of first use, for the permission probes.
    var pageDatabases: [String] = []
    /// `pageDatabases` and the one database no page names, as the token probes read them.
    var probeDatabases = ProbeDatabases(pageDatabases: [], unnamed: PageScenario.unnamedDatabase)

    /// A database no page names: every permission probe also proves the token cannot touch it.
    static let unnamedDatabase = "docverify_unnamed_db"

    static func verify(_ page: Page, options: RunContext) -> PageReport {
        var findings: [Finding] = page.diagnostics.map { diagnostic in
            // An unclosed fence, or one shown as code, belongs to the block it opens, so a
            // directive can expect it.
            let opensBlock = diagnostic.rule == .markdownUnclosedFence || diagnostic.rule == .markdownFenceShownAsCode
            let block = opensBlock ? page.blocks.firstIndex { $0.openingFence == diagnostic.range.start } : nil
            return Finding(diagnostic, file: page.path, blockIndex: block)
        }
        let release = pinnedRelease(of: page, default: options.release, findings: &findings)
        let inputErrors = page.inputProblems.map { InputError(file: page.path, position: $0.position, message: $0.message) }
        // Hugo does not publish a draft or a test-only page: no reader sees its blocks or findings.
        if page.reading.unpublished != nil, !options.extraction.includeDrafts {
            let skipped = page.blocks.map { BlockReport(block: $0, status: .skipped, commands: [], checks: []) }
            return PageReport(path: page.path, influxctlVersion: release.description, blocks: skipped, findings: [], inputErrors: inputErrors)
        }
        var scenario = PageScenario(page: page, options: options, release: release)
        scenario.findings = findings
        var parser: InfluxctlParser?
        var prepared = page.blocks.enumerated().map { scenario.prepare($0.element, index: $0.offset, parser: &parser) }
        if prepared.contains(where: { !$0.commands.isEmpty }) {
            scenario.createDatabases(namedIn: prepared)
        }
        // What the page-wide checks need of the prepared blocks, taken before the blocks run,
        // so each prepared block is let go once it has run; their findings join in the same
        // order as before.
        let firstInfluxctlCommand = prepared.lazy.flatMap(\.commands).first { if case .influxctl = $0 { true } else { false } }?.command
        let placeholderFindings = PlaceholderCheck.findings(for: prepared, of: page, configured: options.settings.placeholders)
        var reports: [BlockReport] = []
        reports.reserveCapacity(prepared.count)
        prepared.reverse()
        while let block = prepared.popLast() {
            reports.append(scenario.run(block))
        }
        ParityCheck.apply(tokens: scenario.tokens, reports: &reports, findings: &scenario.findings, file: page.path)
        scenario.checkOutdatedClaims()
        scenario.findings += ReferenceTableCheck.findings(page: page, commands: firstInfluxctlCommand.map { [$0] } ?? [], release: release)
        scenario.findings += placeholderFindings
        let blockFindings = options.leveled(DirectiveCheck.apply(to: &reports, findings: scenario.findings, file: page.path, pageDirectives: page.pageDirectives),
                                            file: page.path)
        let sorted = blockFindings.sorted { ($0.range.start, $0.rule.id, $0.message) < ($1.range.start, $1.rule.id, $1.message) }
        BlockStatus.settle(&reports, findings: sorted)
        return PageReport(path: page.path, influxctlVersion: scenario.releaseName, blocks: reports, findings: sorted, inputErrors: inputErrors)
    }

    init(page: Page, options: RunContext, release: CLIVersion) {
        self.page = page
        self.options = options
        self.release = release
        self.releaseName = release.description
        self.behaviour = InfluxctlReleases.behaviour(of: release)
        self.cluster = SimulatedCluster(configuration: ReleaseProfile.clusterConfiguration(for: behaviour, seed: options.seed))
        self.server = InfluxDB3Server(seed: options.seed, now: cluster.now)
        self.renderer = InfluxctlRenderer(tokenCreateStyle: ReleaseProfile.outputStyle(for: behaviour))
        self.probeTexts = ProbeTexts(release: releaseName, behaviour: behaviour)
        for (name, value) in options.settings.placeholders { bindings.bind(name, to: value) }
    }

    /// The release a page pins with `docverify:influxctl-version`, or the run's release.
    private static func pinnedRelease(of page: Page, default release: CLIVersion, findings: inout [Finding]) -> CLIVersion {
        var pinned = release
        for directive in page.pageDirectives {
            guard case .influxctlVersion(let text, let range) = directive else { continue }
            if let version = InfluxctlReleases.resolve(text) {
                pinned = version
            } else {
                let known = InfluxctlReleases.all.map(\.description).joined(separator: ", ")
                findings.append(Finding(rule: .directiveUnknown, file: page.path, range: range,
                                        message: "unknown influxctl release '\(text)'; modelled releases: \(known)"))
            }
        }
        return pinned
    }

    // MARK: Preparing

    /// `parser` is made on the page's first influxctl command and serves the rest.
    private func prepare(_ block: CodeBlock, index: Int, parser: inout InfluxctlParser?) -> PreparedBlock {
        // Names the configuration gives values for are placeholders in every block.
        let configured = options.settings.placeholders.keys.sorted().map {
            DeclaredPlaceholder(pattern: $0, range: SourceRange(start: block.openingFence, length: 0), source: .attribute)
        }
        let declared = DeclaredPlaceholders(block.declaredPlaceholders + configured)
        if block.skipReason != nil {
            return PreparedBlock(index: index, isSkipped: true, diagnostics: [], commands: [], declared: declared)
        }
        let lexed = FenceReading.lex(block, shortcodeValues: page.reading.values.printed(in: block.lines))
        var commands: [PreparedCommand] = []
        var diagnostics = lexed.diagnostics
        for command in lexed.commands {
            switch command.program {
            case "influxctl":
                let marked = declared.mark(command)
                let influxctl = parser ?? InfluxctlParser(release: release)
                parser = influxctl
                commands.append(.influxctl(marked, influxctl.parse(marked)))
            case "influxdb3":
                let influxdb3 = Influxdb3Parser(product: Influxdb3Product(version: page.reading.product?.version) ?? .unknown)
                let marked = declared.mark(command)
                commands.append(.influxdb3(marked, influxdb3.parse(marked)))
            case "curl":
                let curl = CurlParser.parse(command)
                diagnostics += curl.unknownOptions
                if let wrongPath = ProductCheck.managementPath(of: curl, page: page) { diagnostics.append(wrongPath) }
                let parse = APIParser.parse(curl, managementSchemas: options.apiSpecs.managementSchemas(for: page.reading), productAPI: options.apiSpecs.productAPI(for: page.reading))
                if parse.isAPICall { commands.append(.api(command, parse)) }
            default:
                continue
            }
        }
        return PreparedBlock(index: index, isSkipped: false, diagnostics: diagnostics, commands: commands, declared: declared)
    }

    /// Creates, before the page runs, every database the page uses but never creates itself,
    /// and one database the page never names.
    private mutating func createDatabases(namedIn blocks: [PreparedBlock]) {
        var created: Set<String> = []
        var named: [String] = []
        var seen: Set<String> = []
        func use(_ name: String) {
            if name != "*", seen.insert(name).inserted { named.append(name) }
        }
        for blockIndex in blocks.indices {
            for commandIndex in blocks[blockIndex].commands.indices {
                switch blocks[blockIndex].commands[commandIndex] {
                case .influxctl(_, let parse):
                    guard let request = parse.invocation?.request else { continue }
                    if case .databaseCreate(let create) = request, let name = resolve(create.name, as: .databaseName) {
                        created.insert(name)
                    }
                    for word in RequestTranslation.databaseWords(in: request) {
                        if let name = resolve(word, as: .databaseName) { use(name) }
                    }
                case .api(_, let parse):
                    guard let request = parse.request else { continue }
                    var translation = APITranslation(bindings: bindings, context: translationContext, declared: blocks[blockIndex].declared)
                    if case .createDatabase(let name, _, _, _) = request {
                        created.insert(translation.value(name, .databaseName))
                    }
                    for value in APITranslation.databaseValues(in: request) {
                        use(translation.value(value, .databaseName))
                    }
                    bindings = translation.bindings
                case .influxdb3(_, let parse):
                    guard let invocation = parse.invocation else { continue }
                    if invocation.path == ["create", "database"], let name = invocation.arguments.first, name.isKnown { created.insert(name.text) }
                    for value in invocation.values(of: "database") where value.isKnown { use(value.text) }
                    for value in invocation.values(of: "permission") {
                        guard case .success(let permission) = Influxdb3Permission.parse(value.text), permission.type == .db else { continue }
                        permission.names.forEach(use)
                    }
                }
            }
        }
        pageDatabases = named
        probeDatabases = ProbeDatabases(pageDatabases: named, unnamed: Self.unnamedDatabase)
        for name in named where !created.contains(name) {
            _ = cluster.handle(.createDatabase(DatabaseSettings(name: name)))
        }
        _ = cluster.handle(.createDatabase(DatabaseSettings(name: Self.unnamedDatabase)))
    }

    private var translationContext: TranslationContext {
        TranslationContext(now: cluster.now, latestTokenID: tokens.last?.id, latestSecret: tokens.last?.secret)
    }

    // MARK: Running

    private mutating func run(_ prepared: PreparedBlock) -> BlockReport {
        let block = page.blocks[prepared.index]
        if prepared.isSkipped {
            return BlockReport(block: block, status: .skipped, commands: [], checks: [])
        }
        for diagnostic in prepared.diagnostics {
            findings.append(Finding(diagnostic, file: page.path, blockIndex: prepared.index))
        }
        var commandReports: [CommandReport] = []
        var checks = CheckLedger()
        firstTokenOfBlock = tokens.count
        for commandIndex in prepared.commands.indices {
            let command = prepared.commands[commandIndex]
            for diagnostic in command.diagnostics {
                findings.append(Finding(diagnostic, file: page.path, blockIndex: prepared.index))
            }
            let line = command.command.range.start.line
            let clean = command.diagnostics.allSatisfy { $0.rule.severity < .error }
            switch command {
            case .influxctl(_, let parse):
                guard let invocation = parse.invocation else {
                    commandReports.append(CommandReport(line: line, program: "influxctl", path: [], request: nil,
                                                        unverifiedReason: parse.unverifiedReason))
                    continue
                }
                if let unsupported = ProductCheck.finding(for: invocation, page: page, blockIndex: prepared.index) { findings.append(unsupported) }
                let request = RequestTranslation.summary(of: invocation.request)
                var transcript: [TranscriptEntry] = []
                if clean {
                    var translation = RequestTranslation(bindings: bindings, context: translationContext)
                    let operations = translation.operations(for: invocation.request)
                    bindings = translation.bindings
                    transcript = execute(operations, at: invocation.pathRange, block: prepared, checks: &checks)
                }
                commandReports.append(CommandReport(line: line, program: "influxctl", path: invocation.path, request: request,
                                                    flags: invocation.flags.map(\.name), globalFlags: invocation.globalFlags.map(\.name),
                                                    transcript: transcript))
            case .api(let shellCommand, let parse):
                guard let request = parse.request else {
                    commandReports.append(CommandReport(line: line, program: "curl", path: [], request: nil))
                    continue
                }
                let summary = APITranslation.summary(of: request)
                var transcript: [TranscriptEntry] = []
                if clean {
                    var translation = APITranslation(bindings: bindings, context: translationContext, declared: prepared.declared)
                    let operations = translation.operations(for: request)
                    bindings = translation.bindings
                    let range = shellCommand.words.first?.range ?? shellCommand.range
                    transcript = execute(operations, at: range, block: prepared, checks: &checks)
                }
                commandReports.append(CommandReport(line: line, program: "curl", path: summary.kind.split(separator: ".").map(String.init),
                                                    request: summary, transcript: transcript))
            case .influxdb3(let shellCommand, let parse):
                var transcript: [TranscriptEntry] = []
                if clean, let invocation = parse.invocation {
                    transcript = runInfluxdb3(invocation, at: shellCommand.words.first?.range ?? shellCommand.range, block: prepared, checks: &checks)
                }
                commandReports.append(CommandReport(line: line, program: "influxdb3", path: parse.invocation?.path ?? [], request: nil,
                                                    transcript: transcript, unverifiedReason: parse.unverifiedReason))
            }
        }
        let blockTokens = tokens[firstTokenOfBlock...].filter { $0.blockIndex == prepared.index }
        if !blockTokens.isEmpty {
            let known = DatabaseWords.named(in: block, tokens: blockTokens, of: probeDatabases)
            checks.merge(ClaimCheck.permissionChecks(for: blockTokens, block: block, knownDatabases: known,
                                                     placeholderDatabases: placeholderDatabases(of: block),
                                                     file: page.path, findings: &findings, blockIndex: prepared.index))
        }
        return BlockReport(block: block, status: .passed, commands: commandReports, checks: checks.results)
    }

    /// The databases the block's placeholders (angle or declared) are bound to, by name.
    private func placeholderDatabases(of block: CodeBlock) -> [String: String] {
        var databases: [String: String] = [:]
        let names = block.anglePlaceholders + block.declaredPlaceholders.map(\.pattern)
        for name in names {
            if let value = bindings.value(forKey: name), pageDatabases.contains(value) || tokens.contains(where: { $0.permissions.contains { $0.databaseName == value } }) {
                databases[name] = value
            }
        }
        return databases
    }

    /// Runs a command's operations against the cluster and, for a token create, the behaviour checks.
    private mutating func execute(_ operations: [ClusterOperation], at range: SourceRange, block: PreparedBlock, checks: inout CheckLedger) -> [TranscriptEntry] {
        var transcript: [TranscriptEntry] = []
        for operation in operations {
            switch operation {
            case .management(let request, let format):
                if case .getDatabaseToken = request, tokens.isEmpty { createTokenForPlaceholder() }
                let response = cluster.handle(request)
                let output = renderer.render(request, response, format: format)
                if options.recordTranscripts {
                    transcript.append(TranscriptEntry(action: Transcript.describe(request), result: Transcript.describe(output)))
                }
                transcript += checkToken(request, response, evidence: .cli(output, format), origin: .influxctl, at: range, block: block, checks: &checks)
            case .api(let request):
                if case .getDatabaseToken = request, tokens.isEmpty { createTokenForPlaceholder() }
                let response = cluster.handle(request)
                if options.recordTranscripts {
                    transcript.append(TranscriptEntry(action: "Management API: " + Transcript.describe(request), result: "HTTP \(response.status) \(response.json())"))
                }
                transcript += checkToken(request, response, evidence: .api(response), origin: .api, at: range, block: block, checks: &checks)
            case .data(let request):
                if let secret = request.token, let index = tokenIndexBySecret[secret] {
                    waitForSync(of: tokens[index])
                }
                let response = request.isWrite
                    ? cluster.write(token: request.token, database: request.database, lineProtocol: request.payload)
                    : cluster.query(token: request.token, database: request.database, query: request.payload)
                if options.recordTranscripts {
                    transcript.append(TranscriptEntry(action: request.description, result: "HTTP \(response.status) \(response.body)"))
                }
            case .unmodelled(let path):
                if options.recordTranscripts { transcript.append(TranscriptEntry(action: path.joined(separator: " "), result: "not simulated")) }
            }
        }
        return transcript
    }

    /// After a token create, the behaviour checks; after a revoke of a page's token, the revocation check.
    private mutating func checkToken(_ request: ManagementRequest, _ response: ManagementResponse, evidence: CreateEvidence, origin: TokenOrigin,
                                     at range: SourceRange, block: PreparedBlock, checks: inout CheckLedger) -> [TranscriptEntry] {
        func probe(of id: String) -> TokenProbe {
            TokenProbe(token: id, on: cluster, renderer: renderer, behaviour: behaviour, release: releaseName, databases: probeDatabases, texts: probeTexts,
                       recordsTranscript: options.recordTranscripts)
        }
        switch (request, response.body) {
        case (.createDatabaseToken(let description, let permissions, let expiresAt), .databaseToken(let view, let secret?)):
            let token = PageToken(id: view.id.rawValue, secret: secret, permissions: permissions, description: description,
                                  descriptionRange: descriptionRange(in: block, for: description), expiresAt: expiresAt,
                                  blockIndex: block.index, commandRange: range, origin: origin)
            remember(token)
            var probe = probe(of: token.id)
            record(probe.checkCreated(token, evidence: evidence), at: range, block: block.index, into: &checks)
            return probe.transcript
        case (.deleteDatabaseToken(let id), _) where response.status < 300:
            guard let index = tokenIndexByID[id] else { return [] }
            let token = tokens[index]
            var probe = probe(of: token.id)
            record([probe.checkRevoked(token)], at: range, block: block.index, into: &checks)
            return probe.transcript
        default:
            return []
        }
    }

    /// Where the block spells a token's description, for claims read from it.
    private func descriptionRange(in block: PreparedBlock, for description: String) -> SourceRange? {
        for index in block.commands.indices {
            let command = block.commands[index]
            if case .tokenCreate(let create)? = command.invocation?.request, create.description.literalValue == description || create.description.placeholder != nil {
                return create.description.range
            }
            if case .api(_, let parse) = command, case .createDatabaseToken(let value, _, _)? = parse.request, value.text == description {
                return value.range
            }
        }
        return nil
    }

    /// A page that reads a token by a placeholder ID before creating one gets a token made for it.
    private mutating func createTokenForPlaceholder() {
        let request = ManagementRequest.createDatabaseToken(description: "token made for the page's TOKEN_ID", permissions: [], expiresAt: nil)
        if case .databaseToken(let view, let secret?) = cluster.handle(request).body {
            remember(PageToken(id: view.id.rawValue, secret: secret, permissions: [], description: view.description, descriptionRange: nil, expiresAt: nil,
                               blockIndex: -1, commandRange: SourceRange(start: SourcePosition(line: 1, column: 1), length: 0), origin: .influxctl))
        }
    }

    /// Adds a token the page made; the first token with an ID or string is the one found by it.
    mutating func remember(_ token: PageToken) {
        if tokenIndexByID[token.id] == nil { tokenIndexByID[token.id] = tokens.count }
        if tokenIndexBySecret[token.secret] == nil { tokenIndexBySecret[token.secret] = tokens.count }
        tokens.append(token)
    }

    /// Like a reader who follows the page's advice, wait until a new token has synchronized.
    private mutating func waitForSync(of token: PageToken) {
        if let id = TokenID(token.id), let instant = cluster.syncInstant(of: id), instant > cluster.now {
            cluster.advance(by: instant - cluster.now)
        }
    }

    mutating func record(_ results: [ProbeResult], at range: SourceRange, block: Int, into checks: inout CheckLedger) {
        for result in results {
            checks.add(CheckResult(rule: result.rule, status: result.failure == nil ? .passed : .failed, detail: result.detail))
            if let failure = result.failure {
                findings.append(Finding(rule: result.rule, severity: .error, file: page.path, range: range, message: failure, blockIndex: block))
            }
        }
    }

    /// Resolves a word to the value the scenario uses: its literal text, or a bound synthetic value.
    func resolve(_ word: Word, as kind: ValueKind) -> String? {
        if word.placeholder == nil, let literal = word.literalValue { return literal }
        guard let key = PlaceholderBindings.key(of: word) else { return nil }
        return bindings.value(forKey: key) ?? PlaceholderBindings.synthesize(key: key, kind: kind, now: cluster.now)
    }

    // MARK: Page-wide checks

    private mutating func checkOutdatedClaims() {
        findings.append(contentsOf: ClaimCheck.outdatedClaims(in: page, behaviour: behaviour, release: release))
    }
}

/// Collects check results on one block: a rule that failed once stays failed.
struct CheckLedger {
    private(set) var results: [CheckResult] = []

    /// The rules a block records: the behaviour checks and the permissions claim, so the
    /// results are allocated once.
    private static let ruleCount = Rule.catalogue.count(where: \.isBehaviourCheck) + 1

    mutating func add(_ result: CheckResult) {
        if let index = results.firstIndex(where: { $0.rule == result.rule }) {
            if result.status == .failed { results[index] = result }
        } else {
            if results.isEmpty { results.reserveCapacity(Self.ruleCount) }
            results.append(result)
        }
    }

    mutating func merge(_ other: [CheckResult]) {
        for result in other { add(result) }
    }
}

/// The page's databases that a block's claims can name: on a page of many databases, those
/// its texts (token descriptions, headings, titles, tab, preceding paragraph) spell as words,
/// split the way `PermissionClaim` splits them (on what is not a letter, digit, `_`, `-` or
/// `/`, after lower-casing), so the claim check matches a handful of names per block, not
/// every database of the page; on other pages all of them.
enum DatabaseWords {
    /// Pages with at most this many databases give the claim check all of them.
    static let filterAbove = 64

    static func named(in block: CodeBlock, tokens: [PageToken], of databases: ProbeDatabases) -> [String] {
        guard databases.pageDatabases.count > filterAbove else { return databases.pageDatabases }
        let context = block.context
        var texts = tokens.map(\.description) + context.headings + context.titles
        if let tab = context.tab { texts.append(tab) }
        if let paragraph = context.precedingParagraph { texts.append(paragraph) }
        var found: Set<Int> = []
        func look(up word: some Sequence<UInt8>) {
            if let index = databases.position(of: String(decoding: Array(word), as: UTF8.self)) { found.insert(index) }
        }
        for text in texts {
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                // ASCII: a word is a run of letters, digits, `_`, `-` and `/`; looked up as written and lower-cased.
                let bytes = Array(text.utf8)
                for word in bytes.split(whereSeparator: { !isASCIIWordByte($0) }) {
                    look(up: word)
                    if word.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
                        look(up: word.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 })
                    }
                }
            } else {
                for spelling in [text, text.lowercased()] {
                    for word in spelling.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "/") }) {
                        look(up: word.utf8)
                    }
                }
            }
        }
        return found.sorted().map { databases.pageDatabases[$0] }
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
    }
}
