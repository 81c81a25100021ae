import Testing
import TokenCore

@Suite("Token store")
struct TokenStoreTests {
    private static let start = Instant(secondsSinceEpoch: 1_767_225_600)

    private static func makeStore(
        permissions: [Permission], expiresAt: Instant? = nil, delay: Duration = .zero, seed: UInt64 = 1
    ) -> (TokenStore, CreatedToken) {
        var store = TokenStore()
        var generator = SeededGenerator(seed: seed)
        let created = store.create(
            description: "test token", permissions: permissions, createdAt: start, expiresAt: expiresAt,
            synchronizationDelay: delay, using: &generator
        )
        return (store, created)
    }

    /// Every text the value can be turned into, including a recursive walk of its fields.
    private static func allRenderings(of value: Any) -> [String] {
        var texts = [String(describing: value), String(reflecting: value)]
        var dumped = ""
        dump(value, to: &dumped)
        texts.append(dumped)
        func walk(_ mirror: Mirror) {
            for child in mirror.children {
                texts.append(String(describing: child.value))
                walk(Mirror(reflecting: child.value))
            }
        }
        walk(Mirror(reflecting: value))
        return texts
    }

    @Test func storesOnlyTheDigest() {
        let (store, created) = Self.makeStore(permissions: [Permission(action: .read, resource: .all)])
        #expect(TokenSecret.isWellFormed(created.secret))
        #expect(created.record.digest == SecretDigest(hashing: created.secret))
        for text in Self.allRenderings(of: store) + Self.allRenderings(of: store.records) {
            #expect(!text.contains(created.secret))
        }
        // The secret's random part must not leak either, e.g. without its prefix.
        let randomPart = String(created.secret.dropFirst(TokenSecret.prefix.count))
        #expect(!Self.allRenderings(of: store).contains { $0.contains(randomPart) })
    }

    @Test func createdTokenRedactsTheSecretWhenPrinted() {
        let (_, created) = Self.makeStore(permissions: [])
        #expect(!String(describing: created).contains(created.secret))
        #expect(!String(reflecting: created).contains(created.secret))
        #expect(String(describing: created).contains("<redacted>"))
    }

    @Test func aPresentedSecretIsAuthorizedAsItsString() {
        let (store, created) = Self.makeStore(permissions: [Permission(action: .write, resource: .database("db"))])
        for secret in [nil, "", "apiv1_stranger", created.secret] {
            for action in Action.allCases {
                #expect(store.authorize(PresentedSecret(secret), action: action, database: "db", at: Self.start)
                    == store.authorize(secret: secret, action: action, database: "db", at: Self.start))
            }
        }
        #expect(PresentedSecret("").digest == nil)
        #expect(PresentedSecret(created.secret).digest == created.record.digest)
    }

    @Test func authenticatesByHashing() {
        let (store, created) = Self.makeStore(permissions: [])
        #expect(store.authenticate(secret: created.secret)?.id == created.record.id)
        #expect(store.authenticate(secret: created.secret + "x") == nil)
        #expect(store.authenticate(secret: created.record.digest.hex) == nil)
    }

    @Test func authenticatesEachOfManyTokensByItsOwnString() {
        var store = TokenStore()
        var generator = SeededGenerator(seed: 7)
        let created = (0..<50).map { index in
            store.create(description: "token \(index)", permissions: [], createdAt: Self.start, using: &generator)
        }
        for token in created {
            #expect(store.authenticate(secret: token.secret)?.id == token.record.id)
        }
    }

    @Test func isolatingKeepsOnlyTheNamedToken() throws {
        var store = TokenStore()
        var generator = SeededGenerator(seed: 8)
        let kept = store.create(description: "kept", permissions: [Permission(action: .read, resource: .all)], createdAt: Self.start, using: &generator)
        let other = store.create(description: "other", permissions: [Permission(action: .read, resource: .all)], createdAt: Self.start, using: &generator)
        let isolated = store.isolating(kept.record.id)
        #expect(isolated.records.map(\.id) == [kept.record.id])
        #expect(isolated.authenticate(secret: kept.secret)?.id == kept.record.id)
        #expect(isolated.authenticate(secret: other.secret) == nil)
        #expect(isolated.authorize(secret: kept.secret, action: .read, database: "db", at: Self.start)
            == store.authorize(secret: kept.secret, action: .read, database: "db", at: Self.start))
        var unknown = SeededGenerator(seed: 9)
        #expect(store.isolating(TokenID.random(using: &unknown)).records.isEmpty)
    }

    @Test func refusesMissingAndUnknownTokens() {
        let (store, _) = Self.makeStore(permissions: [Permission(action: .read, resource: .all)])
        #expect(store.authorize(secret: nil, action: .read, database: "db", at: Self.start) == .unauthorized(.missing))
        #expect(store.authorize(secret: "", action: .read, database: "db", at: Self.start) == .unauthorized(.missing))
        var other = SeededGenerator(seed: 999)
        let stranger = TokenSecret.generate(using: &other)
        #expect(store.authorize(secret: stranger, action: .read, database: "db", at: Self.start) == .unauthorized(.unknown))
    }

    @Test func wildcardCoversEveryDatabaseForItsActionOnly() {
        let (store, created) = Self.makeStore(permissions: [Permission(action: .write, resource: .all)])
        let id = created.record.id
        for database in ["a", "b", "db/rp", "Z"] {
            #expect(store.authorize(secret: created.secret, action: .write, database: database, at: Self.start) == .allowed(id))
            #expect(store.authorize(secret: created.secret, action: .read, database: database, at: Self.start) == .forbidden(id))
        }
    }

    @Test func writeDoesNotImplyRead() {
        let (store, created) = Self.makeStore(permissions: [Permission(action: .write, resource: .database("mydb"))])
        let id = created.record.id
        #expect(store.authorize(secret: created.secret, action: .write, database: "mydb", at: Self.start) == .allowed(id))
        #expect(store.authorize(secret: created.secret, action: .read, database: "mydb", at: Self.start) == .forbidden(id))
        #expect(store.authorize(secret: created.secret, action: .write, database: "MYDB", at: Self.start) == .forbidden(id))
    }

    @Test func emptyPermissionsGrantNothing() {
        let (store, created) = Self.makeStore(permissions: [])
        for action in Action.allCases {
            #expect(store.authorize(secret: created.secret, action: action, database: "mydb", at: Self.start)
                == .forbidden(created.record.id))
        }
    }

    @Test func expiresAtTheExactInstant() {
        let expiry = Self.start + .seconds(60)
        let (store, created) = Self.makeStore(permissions: [Permission(action: .read, resource: .all)], expiresAt: expiry)
        let justBefore = expiry - .nanoseconds(1)
        #expect(store.authorize(secret: created.secret, action: .read, database: "db", at: justBefore).isAllowed)
        #expect(store.authorize(secret: created.secret, action: .read, database: "db", at: expiry) == .unauthorized(.expired))
        #expect(store.authorize(secret: created.secret, action: .read, database: "db", at: expiry + .seconds(1))
            == .unauthorized(.expired))
        #expect(!created.record.isExpired(at: justBefore))
        #expect(created.record.isExpired(at: expiry))
    }

    @Test func usableFromTheExactSynchronizationInstant() {
        let (store, created) = Self.makeStore(
            permissions: [Permission(action: .read, resource: .all)], delay: .seconds(30)
        )
        let synchronized = created.record.synchronizedAt
        #expect(synchronized == Self.start + .seconds(30))
        #expect(store.authorize(secret: created.secret, action: .read, database: "db", at: Self.start)
            == .unauthorized(.notYetSynchronized))
        #expect(store.authorize(secret: created.secret, action: .read, database: "db", at: synchronized - .nanoseconds(1))
            == .unauthorized(.notYetSynchronized))
        #expect(store.authorize(secret: created.secret, action: .read, database: "db", at: synchronized).isAllowed)
    }

    @Test func revokedTokensAreRefusedAndHidden() {
        var (store, created) = Self.makeStore(permissions: [Permission(action: .read, resource: .all)])
        let id = created.record.id
        let revokedAt = Self.start + .seconds(5)
        #expect(throws: Never.self) { try store.revoke(id: id, at: revokedAt).get() }
        #expect(store.token(id: id)?.revokedAt == revokedAt)
        #expect(store.authorize(secret: created.secret, action: .read, database: "db", at: revokedAt) == .unauthorized(.revoked))
        #expect(store.list(includeRevoked: false).isEmpty)
        #expect(store.list(includeRevoked: true).map(\.id) == [id])
        #expect(throws: TokenStoreError.alreadyRevoked(id)) { try store.revoke(id: id, at: revokedAt).get() }
        #expect(throws: TokenStoreError.alreadyRevoked(id)) {
            try store.update(id: id, description: "new", permissions: nil).get()
        }
    }

    @Test func revokedOutranksExpiredAndUnsynchronized() {
        let expiry = Self.start + .seconds(1)
        var (store, created) = Self.makeStore(
            permissions: [Permission(action: .read, resource: .all)], expiresAt: expiry, delay: .seconds(10)
        )
        #expect(store.authorize(secret: created.secret, action: .read, database: "db", at: Self.start)
            == .unauthorized(.notYetSynchronized))
        #expect(store.authorize(secret: created.secret, action: .read, database: "db", at: expiry) == .unauthorized(.expired))
        _ = store.revoke(id: created.record.id, at: Self.start)
        #expect(store.authorize(secret: created.secret, action: .read, database: "db", at: Self.start) == .unauthorized(.revoked))
    }

    @Test func updateReplacesPermissionsAndKeepsTheRest() throws {
        var (store, created) = Self.makeStore(permissions: [Permission(action: .read, resource: .database("a"))])
        let id = created.record.id
        let renamed = try store.update(id: id, description: "renamed", permissions: nil).get()
        #expect(renamed.description == "renamed")
        #expect(renamed.permissions == [Permission(action: .read, resource: .database("a"))])
        let replaced = try store.update(id: id, description: nil, permissions: [Permission(action: .write, resource: .database("b"))]).get()
        #expect(replaced.description == "renamed")
        #expect(replaced.permissions == [Permission(action: .write, resource: .database("b"))])
        #expect(replaced.digest == created.record.digest)
        #expect(replaced.expiresAt == created.record.expiresAt)
        #expect(store.authorize(secret: created.secret, action: .read, database: "a", at: Self.start) == .forbidden(id))
        #expect(store.authorize(secret: created.secret, action: .write, database: "b", at: Self.start) == .allowed(id))
        let cleared = try store.update(id: id, description: nil, permissions: []).get()
        #expect(cleared.permissions.isEmpty)
        let unknown = try #require(TokenID("00000000-0000-4000-8000-000000000000"))
        #expect(throws: TokenStoreError.notFound(unknown)) { try store.update(id: unknown, description: "x", permissions: nil).get() }
        #expect(throws: TokenStoreError.notFound(unknown)) { try store.revoke(id: unknown, at: Self.start).get() }
    }

    @Test func listsInCreationOrder() {
        var store = TokenStore()
        var generator = SeededGenerator(seed: 3)
        let ids = (0..<5).map { index in
            store.create(description: "t\(index)", permissions: [], createdAt: Self.start, using: &generator).record.id
        }
        #expect(store.list(includeRevoked: false).map(\.id) == ids)
        #expect(ids.map { store.token(id: $0)?.description } == ["t0", "t1", "t2", "t3", "t4"])
    }

    /// Random permission sets over random databases: the decision for every (action,
    /// database) pair matches a matrix computed independently from the grants.
    @Test func randomPermissionSetsGiveExactlyTheExpectedMatrix() {
        var random = SeededGenerator(seed: 424_242)
        let databases = ["alpha", "beta", "gamma", "delta", "Alpha", "db/rp", "e-f_g"]
        for _ in 0..<300 {
            var grantedPairs = Set<String>()
            var wildcardActions = Set<String>()
            var permissions: [Permission] = []
            for _ in 0..<Int(random.uniform(in: 0...6)) {
                let action: Action = random.uniform(in: 0...1) == 0 ? .read : .write
                let pick = Int(random.uniform(in: 0...UInt64(databases.count)))
                if pick == databases.count {
                    permissions.append(Permission(action: action, resource: Resource("*")))
                    wildcardActions.insert(action.rawValue)
                } else {
                    permissions.append(Permission(action: action, resource: Resource(databases[pick])))
                    grantedPairs.insert(action.rawValue + " " + databases[pick])
                }
            }
            var store = TokenStore()
            let created = store.create(description: "random", permissions: permissions, createdAt: Self.start, using: &random)
            for action in ["read", "write"] {
                for database in databases + ["never-granted"] {
                    let expected = wildcardActions.contains(action) || grantedPairs.contains(action + " " + database)
                    let decision = store.authorize(
                        secret: created.secret, action: action == "read" ? .read : .write, database: database, at: Self.start
                    )
                    #expect(decision == (expected ? .allowed(created.record.id) : .forbidden(created.record.id)),
                            "\(permissions) \(action) \(database)")
                }
            }
        }
    }
}
