/// Why a request was refused with 401 Unauthorized.
public enum UnauthorizedReason: String, Sendable, Hashable, CaseIterable {
    /// No token was sent (nil or empty).
    case missing
    /// No stored token hashes to the string sent.
    case unknown
    case revoked
    /// The token's `expiresAt` has been reached.
    case expired
    /// The token exists but the cluster has not synchronized it yet.
    case notYetSynchronized
}

/// The data plane's verdict on a token, an action and a database.
public enum AuthorizationDecision: Sendable, Hashable {
    /// The token may perform the action on the database.
    case allowed(TokenID)
    /// 401: the token is missing, unknown, revoked, expired or not yet synchronized.
    case unauthorized(UnauthorizedReason)
    /// 403: a valid token without a permission for this action on this database.
    case forbidden(TokenID)

    /// Whether the action is allowed.
    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }
}

/// A token string as a request presents it, hashed once: what authorization looks up, so
/// that a caller repeating requests with the same string hashes it only once.
public struct PresentedSecret: Sendable {
    /// The digest of the string; nil when no string, or an empty one, was sent.
    public let digest: SecretDigest?

    public init(_ secret: String?) {
        if let secret, !secret.isEmpty {
            digest = SecretDigest(hashing: secret)
        } else {
            digest = nil
        }
    }
}

/// Why a token could not be changed.
public enum TokenStoreError: Error, Sendable, Hashable {
    case notFound(TokenID)
    case alreadyRevoked(TokenID)
}

/// Database tokens of one cluster. Pure value: no I/O and no clock; every time-dependent
/// call takes the instant from the caller.
public struct TokenStore: Sendable {
    /// Every token ever created, revoked ones included, in creation order.
    public private(set) var records: [DatabaseToken] = []
    private var indexByID: [TokenID: Int] = [:]
    /// Records by the digest of their string: authentication hashes the string sent and
    /// looks the digest up, so its cost does not grow with the number of tokens, and its
    /// time says nothing about how much of a stored string an attempt got right.
    private var indexByDigest: [SecretDigest: Int] = [:]

    public init() {}

    /// A store that holds only the token with this ID (empty if there is none): what a
    /// probe of that one token needs, at a cost independent of how many tokens exist.
    public func isolating(_ id: TokenID) -> TokenStore {
        var isolated = TokenStore()
        if let record = token(id: id) {
            isolated.insert(record)
        }
        return isolated
    }

    private mutating func insert(_ record: DatabaseToken) {
        indexByID[record.id] = records.count
        indexByDigest[record.digest] = records.count
        records.append(record)
    }

    /// Creates a token with a fresh ID and token string drawn from `generator`, stores only
    /// the digest, and returns the string this one time. The token becomes usable at
    /// `createdAt + synchronizationDelay`.
    public mutating func create(
        description: String,
        permissions: [Permission],
        createdAt: Instant,
        expiresAt: Instant? = nil,
        synchronizationDelay: Duration = .zero,
        using generator: inout some RandomNumberGenerator
    ) -> CreatedToken {
        var id = TokenID.random(using: &generator)
        while indexByID[id] != nil {
            id = TokenID.random(using: &generator)
        }
        let secret = TokenSecret.generate(using: &generator)
        let record = DatabaseToken(
            id: id, description: description, permissions: permissions, createdAt: createdAt,
            expiresAt: expiresAt, revokedAt: nil,
            synchronizedAt: createdAt + max(.zero, synchronizationDelay),
            digest: SecretDigest(hashing: secret)
        )
        insert(record)
        return CreatedToken(record: record, secret: secret)
    }

    /// The token with this ID, revoked or not.
    public func token(id: TokenID) -> DatabaseToken? {
        indexByID[id].map { records[$0] }
    }

    /// Tokens in creation order; revoked ones only when `includeRevoked`.
    public func list(includeRevoked: Bool) -> [DatabaseToken] {
        includeRevoked ? records : records.filter { !$0.isRevoked }
    }

    /// Replaces the description and/or the whole permission list (nil leaves a field as it
    /// is). Revoked tokens cannot be changed. The expiry and the secret never change.
    public mutating func update(
        id: TokenID, description: String?, permissions: [Permission]?
    ) -> Result<DatabaseToken, TokenStoreError> {
        guard let index = indexByID[id] else { return .failure(.notFound(id)) }
        guard !records[index].isRevoked else { return .failure(.alreadyRevoked(id)) }
        if let description { records[index].description = description }
        if let permissions { records[index].permissions = permissions }
        return .success(records[index])
    }

    /// Revokes the token at `instant`, permanently.
    public mutating func revoke(id: TokenID, at instant: Instant) -> Result<DatabaseToken, TokenStoreError> {
        guard let index = indexByID[id] else { return .failure(.notFound(id)) }
        guard !records[index].isRevoked else { return .failure(.alreadyRevoked(id)) }
        records[index].revokedAt = instant
        return .success(records[index])
    }

    /// The token whose digest matches `secret`, whatever its state.
    public func authenticate(secret: String) -> DatabaseToken? {
        authenticate(digest: SecretDigest(hashing: secret))
    }

    private func authenticate(digest: SecretDigest) -> DatabaseToken? {
        indexByDigest[digest].map { records[$0] }
    }

    /// Decides whether `secret` may perform `action` on `database` at `instant`.
    ///
    /// Missing, unknown, revoked, expired (from the instant `expiresAt` is reached) and not
    /// yet synchronized (before the instant `synchronizedAt` is reached) give
    /// `.unauthorized`, checked in that order. A valid token is then `.allowed` only if one
    /// of its permissions names this action and this database or `*`; otherwise it is
    /// `.forbidden`. Write does not imply read, and an empty permission list grants nothing.
    public func authorize(secret: String?, action: Action, database: String, at instant: Instant) -> AuthorizationDecision {
        authorize(PresentedSecret(secret), action: action, database: database, at: instant)
    }

    /// `authorize(secret:action:database:at:)` for a string already hashed.
    public func authorize(_ secret: PresentedSecret, action: Action, database: String, at instant: Instant) -> AuthorizationDecision {
        guard let digest = secret.digest else { return .unauthorized(.missing) }
        guard let index = indexByDigest[digest] else { return .unauthorized(.unknown) }
        return records.withUnsafeBufferPointer { Self.decide($0[index], action: action, database: database, at: instant) }
    }

    /// The verdict on an authenticated `token`.
    private static func decide(
        _ token: borrowing DatabaseToken, action: Action, database: String, at instant: Instant
    ) -> AuthorizationDecision {
        if token.isRevoked { return .unauthorized(.revoked) }
        if token.isExpired(at: instant) { return .unauthorized(.expired) }
        if !token.isSynchronized(at: instant) { return .unauthorized(.notYetSynchronized) }
        return token.grants(action, on: database) ? .allowed(token.id) : .forbidden(token.id)
    }
}
