import Diagnostics
import ShellSyntax

/// Reads `curl` commands as Management API or data API calls and checks them against the API:
/// endpoint (method and path), path parameters, headers, and the JSON body with its schema.
///
/// One mistake gives one finding: a body that is not JSON is not checked against the schema,
/// and a call to an unknown endpoint has no body checks. Header findings are independent of
/// the rest.
public enum APIParser {
    /// Recognises Management and data API calls and checks them; returns nil request for curls to other URLs (not our API: no findings).
    public static func parse(_ command: SimpleCommand) -> APIParse {
        guard command.program == "curl" else { return APIParse(request: nil, diagnostics: [], isAPICall: false) }
        return parse(CurlParser.parse(command))
    }

    /// The same for a curl command line already read; `managementSchemas` says what judges
    /// Management API request bodies (the product's OpenAPI spec, or the built-in model), and
    /// `productAPI`, the product's own HTTP API spec (InfluxDB 3 Core, Enterprise), judges the
    /// calls to its server that the data API checks do not cover.
    public static func parse(_ curl: CurlInvocation, managementSchemas: SchemaSource = .builtIn, productAPI: APISpec? = nil) -> APIParse {
        let notAPICall = APIParse(request: nil, diagnostics: [], isAPICall: false)
        guard let urlWord = curl.url else { return notAPICall }
        let url = RequestURL(urlWord)
        if let route = ManagementRoute(url) {
            var check = ManagementCheck(curl: curl, url: url, route: route, schemas: managementSchemas)
            return check.run()
        }
        if let endpoint = DataEndpoint.matching(url), DataEndpoint.mayBeInfluxDB3(url) {
            var check = DataCheck(curl: curl, url: url, endpoint: endpoint)
            return check.run()
        }
        if let productAPI, SpecCheck.mayBeProductCall(url, spec: productAPI) {
            var check = SpecCheck(curl: curl, url: url, spec: productAPI)
            return check.run()
        }
        return notAPICall
    }
}
