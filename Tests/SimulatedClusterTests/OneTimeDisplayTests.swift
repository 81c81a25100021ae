import SimulatedCluster
import Testing
import TokenCore

@Suite("One-time display of token strings")
struct OneTimeDisplayTests {
    private static let styles = [TokenCreateOutputStyle.idAndString, .warningsAndString, .detailsTableWarningsAndString]

    /// Every text that a response can become: the API body and influxctl's output in every
    /// style and format.
    private static func outputs(of request: ManagementRequest, _ response: ManagementResponse) -> [String] {
        var texts = [response.json()]
        for style in styles {
            for format in [CLIOutputFormat.table, .json] {
                let output = InfluxctlRenderer(tokenCreateStyle: style).render(request, response, format: format)
                texts += [output.stdout, output.stderr]
            }
        }
        return texts
    }

    /// A seeded random session of management requests: no output of any request but the
    /// create that made a token ever contains that token's string.
    @Test(arguments: UInt64(0)..<12)
    func noOutputButCreateShowsAnyTokenString(seed: UInt64) {
        var random = SeededGenerator(seed: seed &* 7919)
        var cluster = SimulatedCluster(configuration: ClusterConfiguration(seed: seed))
        var secrets: [String] = []
        var tokenIDs: [String] = ["00000000-0000-4000-8000-000000000000"]
        var managementIDs: [String] = []
        let databases = ["a", "b", "c/rp"]
        var leaks: [String] = []

        for step in 0..<60 {
            let database = databases[Int(random.uniform(in: 0...2))]
            let tokenID = tokenIDs[Int(random.uniform(in: 0...UInt64(tokenIDs.count - 1)))]
            let flag = random.uniform(in: 0...1) == 1
            let request: ManagementRequest
            switch random.uniform(in: 0...13) {
            case 0, 1: request = .createDatabaseToken(description: "t\(step)", permissions: [read(database), write("*")],
                                                      expiresAt: flag ? cluster.now + .seconds(600) : nil)
            case 2: request = .listDatabaseTokens(includeRevoked: flag)
            case 3: request = .getDatabaseToken(id: tokenID, includeRevoked: flag)
            case 4: request = .updateDatabaseToken(id: tokenID, description: "u\(step)", permissions: flag ? [write(database)] : nil)
            case 5: request = .deleteDatabaseToken(id: tokenID)
            case 6: request = .createDatabase(DatabaseSettings(name: database))
            case 7: request = .listDatabases
            case 8: request = .updateDatabase(name: database, maxTables: 7, maxColumnsPerTable: nil, retentionPeriod: nil)
            case 9: request = flag ? .deleteDatabase(name: database) : .undeleteDatabase(name: database)
            case 10: request = .renameDatabase(from: database, to: databases[Int(random.uniform(in: 0...2))])
            case 11: request = .createManagementToken(description: "m\(step)", expiresAt: nil)
            case 12: request = .listManagementTokens
            default: request = .revokeManagementToken(id: managementIDs.last ?? tokenID)
            }
            let response = cluster.handle(request)
            let texts = Self.outputs(of: request, response)
            var ownSecret: String?
            switch response.body {
            case .databaseToken(let view, let secret?):
                ownSecret = secret
                tokenIDs.append(view.id.rawValue)
            case .managementToken(let view, let secret?):
                ownSecret = secret
                managementIDs.append(view.id.rawValue)
            default:
                break
            }
            for secret in secrets where texts.contains(where: { $0.contains(secret) }) {
                leaks.append("\(request) printed an earlier token string")
            }
            if let ownSecret {
                // The create output shows it in every style and format.
                #expect(Self.styles.allSatisfy { style in
                    [CLIOutputFormat.table, .json].allSatisfy {
                        InfluxctlRenderer(tokenCreateStyle: style).render(request, response, format: $0).stdout.contains(ownSecret)
                    }
                })
                secrets.append(ownSecret)
            }
            cluster.advance(by: .seconds(Int64(random.uniform(in: 0...120))))
        }
        #expect(leaks.isEmpty, "\(leaks)")
        #expect(!secrets.isEmpty)
        for record in cluster.tokenRecords {
            let stored = String(describing: record) + String(reflecting: record)
            #expect(!secrets.contains { stored.contains($0) })
        }
    }

    @Test func aCreateResponseRenderedForAnotherRequestShowsNoString() {
        var cluster = SimulatedCluster()
        let create = ManagementRequest.createDatabaseToken(description: "x", permissions: [], expiresAt: nil)
        let response = cluster.handle(create)
        guard case .databaseToken(_, let secret?) = response.body else {
            Issue.record("no access token")
            return
        }
        for style in Self.styles {
            for format in [CLIOutputFormat.table, .json] {
                let output = InfluxctlRenderer(tokenCreateStyle: style)
                    .render(.getDatabaseToken(id: "x", includeRevoked: false), response, format: format)
                #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret))
            }
        }
    }
}
