import TokenCore

/// A simulated InfluxDB 3 Core or Enterprise server's tokens: the operator token (`_admin`),
/// named admin tokens, and resource tokens with database and system permissions and an
/// optional expiry. Seeded and on a virtual clock, like the simulated cluster; token strings
/// are shown once, at creation, and kept only as SHA-512 digests.
public struct InfluxDB3Server: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case `operator`, admin, resource
    }

    /// A token as the server keeps it: never its string.
    public struct Token: Sendable, Hashable {
        public var id: Int
        public var name: String
        public var kind: Kind
        public var digest: SecretDigest
        /// Database permissions (`db:NAMES:ACTIONS`); an admin token may do anything.
        public var permissions: [Permission]
        /// System resources a resource token may read (`system:health,metrics:read`).
        public var systemResources: [String]
        public var createdAt: Instant
        public var expiresAt: Instant?
    }

    /// Why the server refuses a request, as influxdb3 reports it.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case operatorExists
        case noOperator
        case nameTaken(String)
        case noSuchToken(String)
        case operatorCannotBeDeleted

        public var description: String {
            switch self {
            case .operatorExists: "the operator token already exists; regenerate it with --regenerate"
            case .noOperator: "there is no operator token to regenerate"
            case .nameTaken(let name): "a token named \(name) already exists"
            case .noSuchToken(let name): "no token named \(name)"
            case .operatorCannotBeDeleted: "the operator token cannot be deleted"
            }
        }
    }

    /// The operator token's name.
    public static let operatorName = "_admin"
    /// The prefix of every token string InfluxDB 3 issues.
    public static let secretPrefix = "apiv3_"

    public private(set) var now: Instant
    private var generator: SeededGenerator
    private var tokens: [Token] = []
    private var nextID = 0

    public init(seed: UInt64, now: Instant) {
        generator = SeededGenerator(seed: seed)
        self.now = now
    }

    public mutating func advance(by duration: Duration) {
        now = now + duration
    }

    /// Creates the operator token (no name) or a named admin token; the string is returned once.
    public mutating func createAdminToken(name: String?, expiresAt: Instant?) -> Result<(token: Token, secret: String), Refusal> {
        let name = name ?? Self.operatorName
        let kind: Kind = name == Self.operatorName ? .operator : .admin
        if tokens.contains(where: { $0.name == name }) { return .failure(kind == .operator ? .operatorExists : .nameTaken(name)) }
        return .success(add(name: name, kind: kind, permissions: [Permission(action: .read, resource: .all), Permission(action: .write, resource: .all)],
                            systemResources: ["*"], expiresAt: expiresAt))
    }

    /// Gives the operator token a new string; the old string stops working at once.
    public mutating func regenerateOperatorToken() -> Result<(token: Token, secret: String), Refusal> {
        guard let index = tokens.firstIndex(where: { $0.kind == .operator }) else { return .failure(.noOperator) }
        let secret = TokenSecret.generate(prefix: Self.secretPrefix, byteCount: TokenSecret.randomByteCount, using: &generator)
        tokens[index].digest = SecretDigest(hashing: secret)
        return .success((tokens[index], secret))
    }

    /// Creates a resource token with database permissions and system resources.
    public mutating func createResourceToken(name: String, permissions: [Permission], systemResources: [String],
                                             expiresAt: Instant?) -> Result<(token: Token, secret: String), Refusal> {
        if tokens.contains(where: { $0.name == name }) { return .failure(.nameTaken(name)) }
        return .success(add(name: name, kind: .resource, permissions: permissions, systemResources: systemResources, expiresAt: expiresAt))
    }

    /// The tokens as `show tokens` lists them: names, kinds, permissions and expiry, no strings.
    public var listedTokens: [Token] { tokens }

    public mutating func deleteToken(named name: String) -> Result<Void, Refusal> {
        guard let index = tokens.firstIndex(where: { $0.name == name }) else { return .failure(.noSuchToken(name)) }
        if tokens[index].kind == .operator { return .failure(.operatorCannotBeDeleted) }
        tokens.remove(at: index)
        return .success(())
    }

    /// The HTTP status a request with `secret` gets for `action` on `database`: 200 allowed,
    /// 401 for a string no live token has, 403 for a token without the permission.
    public func authorize(_ secret: String, _ action: Action, database: String) -> Int {
        guard let token = tokens.first(where: { $0.digest.matches(secret) }) else { return 401 }
        if let expiresAt = token.expiresAt, now >= expiresAt { return 401 }
        return token.permissions.contains { $0.allows(action, on: database) } ? 200 : 403
    }

    /// `show tokens` as text: one line a token, never its string.
    public func renderTokenList() -> String {
        tokens.map { token in
            let expiry = token.expiresAt?.rfc3339Seconds ?? "never"
            let permissions = token.kind == .resource ? token.permissions.map(\.description).joined(separator: ",") : "*:*:*"
            return "\(token.id) | \(token.name) | \(token.kind.rawValue) | \(permissions) | \(token.createdAt.rfc3339Seconds) | \(expiry)"
        }.joined(separator: "\n")
    }

    private mutating func add(name: String, kind: Kind, permissions: [Permission], systemResources: [String], expiresAt: Instant?) -> (token: Token, secret: String) {
        let secret = TokenSecret.generate(prefix: Self.secretPrefix, byteCount: TokenSecret.randomByteCount, using: &generator)
        let token = Token(id: nextID, name: name, kind: kind, digest: SecretDigest(hashing: secret), permissions: permissions,
                          systemResources: systemResources, createdAt: now, expiresAt: expiresAt)
        nextID += 1
        tokens.append(token)
        return (token, secret)
    }
}
