/// A stored database token. It holds the digest of the token string, never the string.
public struct DatabaseToken: Sendable, Hashable {
    public let id: TokenID
    /// The free-text description that identifies the token in lists.
    public internal(set) var description: String
    /// The grants, in the order given. An empty list grants nothing.
    public internal(set) var permissions: [Permission]
    /// When the token was created (on the caller's clock).
    public let createdAt: Instant
    /// From this instant on the token is refused; nil means it never expires.
    public let expiresAt: Instant?
    /// When the token was revoked; nil while it is active.
    public internal(set) var revokedAt: Instant?
    /// From this instant on the cluster accepts the token (the "sync delay" after creation).
    public let synchronizedAt: Instant
    /// SHA-512 of the token string.
    public let digest: SecretDigest

    public init(
        id: TokenID, description: String, permissions: [Permission], createdAt: Instant,
        expiresAt: Instant?, revokedAt: Instant?, synchronizedAt: Instant, digest: SecretDigest
    ) {
        self.id = id
        self.description = description
        self.permissions = permissions
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.synchronizedAt = synchronizedAt
        self.digest = digest
    }

    /// Whether the token has been revoked.
    public var isRevoked: Bool { revokedAt != nil }

    /// Whether the token is expired at `instant`: from the exact instant `expiresAt` is reached.
    public func isExpired(at instant: Instant) -> Bool {
        guard let expiresAt else { return false }
        return instant >= expiresAt
    }

    /// Whether the cluster accepts the token at `instant`: from the exact instant
    /// `synchronizedAt` is reached.
    public func isSynchronized(at instant: Instant) -> Bool {
        instant >= synchronizedAt
    }

    /// Whether some permission allows `action` on `database` (ignoring the token's state).
    public func grants(_ action: Action, on database: String) -> Bool {
        permissions.contains { $0.allows(action, on: database) }
    }
}

/// What creating a token returns: the stored record and, this once, the token string.
///
/// Its printed forms (`String(describing:)`, `debugPrint`) redact the secret, so logging
/// the value by accident does not leak it.
public struct CreatedToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The record as stored (digest only).
    public let record: DatabaseToken
    /// The token string. Nothing else ever holds it; show it to the user once and drop it.
    public let secret: String

    public init(record: DatabaseToken, secret: String) {
        self.record = record
        self.secret = secret
    }

    public var description: String {
        "CreatedToken(record: \(record), secret: <redacted>)"
    }

    public var debugDescription: String { description }
}
