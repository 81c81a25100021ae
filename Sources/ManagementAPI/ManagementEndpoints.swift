import Diagnostics
/// The Management API operations docverify knows (influxctl facts §4).
enum ManagementOperation: Equatable {
    case createToken, listTokens, getToken, updateToken, deleteToken
    case createDatabase, listDatabases, updateDatabase, deleteDatabase, renameDatabase, undeleteDatabase
    case createTable, deleteTable, renameTable, undeleteTable
}

/// A path parameter and the values it takes.
enum PathParameter: String {
    case accountId, clusterId, tokenId, databaseName, databaseId, tableName, tableId

    /// What is wrong with `text` as this parameter, or nil. Placeholders always pass.
    func problem(with text: String) -> String? {
        if ValueRules.isPlaceholder(text) { return nil }
        switch self {
        case .accountId, .clusterId, .tokenId:
            return ValueRules.isUUID(text) ? nil : "must be a UUID such as 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
        case .databaseId, .tableId:
            return ValueRules.isInt64(text) ? nil : "must be an integer ID (int64)"
        case .databaseName:
            return ValueRules.databaseNameProblem(ValueRules.percentDecoded(text))
        case .tableName:
            return text.isEmpty ? "must not be empty" : nil
        }
    }
}

/// One method and path of the Management API, the path relative to the cluster
/// (`/api/v0/accounts/{accountId}/clusters/{clusterId}` on Cloud Dedicated, `/api/v0` on Clustered).
struct ManagementEndpoint {
    enum Segment: Equatable {
        case literal(String)
        case parameter(PathParameter)
    }

    var method: String
    var path: [Segment]
    var operation: ManagementOperation
    /// True when the operation reads a JSON request body.
    var takesBody: Bool

    /// The path as the API reference spells it: `/tokens/{tokenId}`.
    var template: String {
        "/" + path.map { segment in
            switch segment {
            case .literal(let text): text
            case .parameter(let parameter): "{\(parameter.rawValue)}"
            }
        }.joined(separator: "/")
    }

    private init(_ method: String, _ template: String, _ operation: ManagementOperation, takesBody: Bool = false) {
        self.method = method
        self.operation = operation
        self.takesBody = takesBody
        path = template.split(separator: "/").map { piece in
            if piece.hasPrefix("{"), let parameter = PathParameter(rawValue: String(piece.dropFirst().dropLast())) {
                return .parameter(parameter)
            }
            return .literal(String(piece))
        }
    }

    static let all: [ManagementEndpoint] = [
        ManagementEndpoint("GET", "tokens", .listTokens),
        ManagementEndpoint("POST", "tokens", .createToken, takesBody: true),
        ManagementEndpoint("GET", "tokens/{tokenId}", .getToken),
        ManagementEndpoint("PATCH", "tokens/{tokenId}", .updateToken, takesBody: true),
        ManagementEndpoint("DELETE", "tokens/{tokenId}", .deleteToken),
        ManagementEndpoint("GET", "databases", .listDatabases),
        ManagementEndpoint("POST", "databases", .createDatabase, takesBody: true),
        ManagementEndpoint("PATCH", "databases/{databaseName}", .updateDatabase, takesBody: true),
        ManagementEndpoint("DELETE", "databases/{databaseName}", .deleteDatabase),
        ManagementEndpoint("PUT", "databases/{databaseName}/rename", .renameDatabase, takesBody: true),
        ManagementEndpoint("PUT", "databases/{databaseId}/undelete", .undeleteDatabase),
        ManagementEndpoint("POST", "databases/{databaseName}/tables", .createTable, takesBody: true),
        ManagementEndpoint("DELETE", "databases/{databaseName}/tables/{tableName}", .deleteTable),
        ManagementEndpoint("PUT", "databases/{databaseName}/tables/{tableName}/rename", .renameTable, takesBody: true),
        ManagementEndpoint("PUT", "databases/{databaseName}/tables/{tableId}/undelete", .undeleteTable),
    ]

    /// True when `segments` fit the path; a segment only a running shell knows fits anything.
    func matches(_ segments: [ShellText]) -> Bool {
        guard segments.count == path.count else { return false }
        return zip(path, segments).allSatisfy { template, segment in
            guard case .literal(let text) = template else { return true }
            return segment.hasUnknownParts || segment.literal == text
        }
    }
}

/// Where a URL lands in the Management API: the path parameters of the cluster prefix, and the
/// segments after it.
struct ManagementRoute {
    /// Path segments naming the account and cluster, with the parameter each stands for.
    var prefixParameters: [(parameter: PathParameter, segmentIndex: Int)]
    /// Index of the first segment after the cluster prefix.
    var tailStart: Int

    /// The route of a URL whose path starts `/api/v0`, or nil for other URLs. A URL whose host is a
    /// shell value (`$MANAGEMENT_URL/tokens`) is taken to hold the whole prefix in that value.
    init?(_ url: RequestURL) {
        let texts = url.segmentTexts
        if texts.count >= 2, texts[0] == "api", texts[1] == "v0" {
            if texts.count >= 6, texts[2] == "accounts", texts[4] == "clusters" {
                prefixParameters = [(.accountId, 3), (.clusterId, 5)]
                tailStart = 6
            } else {
                prefixParameters = []
                tailStart = 2
            }
            return
        }
        if url.authority.hasUnknownParts, let first = texts.first, first == "tokens" || first == "databases" {
            prefixParameters = []
            tailStart = 0
            return
        }
        return nil
    }
}

/// How a Management API call spells its path, which differs by product: InfluxDB Cloud
/// Dedicated's paths start `/api/v0/accounts/{accountId}/clusters/{clusterId}/`, InfluxDB
/// Clustered's at `/api/v0/` (`/api/v0/databases`), as each product's OpenAPI spec says.
public enum ManagementPathForm: Hashable, Sendable {
    /// With the account and cluster prefix; the range covers `accounts/…/clusters/…`.
    case withAccountAndCluster(SourceRange)
    /// Without it; the range covers the first segment after `/api/v0`.
    case withoutPrefix(SourceRange)

    /// The form of a curl call's Management API URL, as its route reads it; nil for other
    /// calls, and for a URL whose host is a shell value that may hold the prefix.
    public init?(_ curl: CurlInvocation) {
        guard let word = curl.url else { return nil }
        let url = RequestURL(word)
        guard let route = ManagementRoute(url), route.tailStart >= 2, route.tailStart < url.segments.count else { return nil }
        if let first = route.prefixParameters.first, let last = route.prefixParameters.last {
            guard let start = url.segments[first.segmentIndex - 1].text.range, let end = url.segments[last.segmentIndex].text.range else { return nil }
            self = .withAccountAndCluster(start.union(end))
        } else {
            guard let range = url.segments[route.tailStart].text.range else { return nil }
            self = .withoutPrefix(range)
        }
    }
}
