@testable import APISpecs
import Foundation
import ManagementAPI
import Testing
import Yams

private func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

@Suite struct OpenAPIReaderTests {
    static let prefixes = ["/accounts/{accountId}/clusters/{clusterId}"]

    @Test func keysBodiesByMethodAndPathWithoutThePrefix() throws {
        let spec = try OpenAPIReader.spec(at: fixture("widgets-3.1.yml"), displayName: "api/widgets.yml", prefixes: Self.prefixes)
        #expect(spec.file == "api/widgets.yml")
        #expect(spec.bodies.keys.sorted() == ["PATCH /tokens/{tokenId}", "POST /databases", "POST /tokens"])
    }

    @Test func defectsOutsideRequestSchemasDoNotCostThem() throws {
        // The fixture's PATCH has a path parameter without `required: true` and an example
        // that is not an Example Object; a field named `example` is still a field.
        let spec = try OpenAPIReader.spec(at: fixture("widgets-3.1.yml"), displayName: "w", prefixes: Self.prefixes)
        guard case .object(let fields, _, .unlisted)? = spec.body(method: "PATCH", path: "/tokens/{tokenId}") else {
            Issue.record("PATCH /tokens/{tokenId} has no object body")
            return
        }
        #expect(fields.map(\.name) == ["example"])
    }

    @Test func followsReferencesAndKeepsRequiredFields() throws {
        let spec = try OpenAPIReader.spec(at: fixture("widgets-3.1.yml"), displayName: "w", prefixes: Self.prefixes)
        guard case .object(let fields, _, .forbidden)? = spec.body(method: "POST", path: "/tokens") else {
            Issue.record("POST /tokens has no object body")
            return
        }
        #expect(fields.map(\.name) == ["description", "permissions", "expiresAt", "label"])
        #expect(fields.filter(\.isRequired).map(\.name) == ["description"])
        #expect(fields[0].schema == .string(choices: nil, minLength: 0, maxLength: nil, isDateTime: false))
        #expect(fields[2].schema == .string(choices: nil, minLength: 0, maxLength: nil, isDateTime: true))
        guard case .array(.object(let permission, _, _)?, 0, nil) = fields[1].schema else {
            Issue.record("permissions is not an array of objects: \(fields[1].schema)")
            return
        }
        #expect(permission.first?.schema == .string(choices: ["read", "write"], minLength: 0, maxLength: nil, isDateTime: false))
    }

    @Test func readsAVersion30SpecThroughOpenAPIKitCompat() throws {
        let spec = try OpenAPIReader.spec(at: fixture("widgets-3.0.yaml"), displayName: "v3.yaml")
        guard case .object(let fields, _, _)? = spec.body(method: "POST", path: "/api/v3/configure/database") else {
            Issue.record("no body for POST /api/v3/configure/database in \(spec.bodies.keys.sorted())")
            return
        }
        #expect(fields.map(\.name) == ["db"])
        #expect(fields[0].isRequired)
    }

    @Test func aFileThatIsNoSpecIsAFailureNamingIt() {
        #expect(throws: OpenAPIReader.Failure.self) {
            try OpenAPIReader.spec(at: fixture("not-openapi.yml"), displayName: "broken.yml")
        }
        do {
            _ = try OpenAPIReader.spec(at: fixture("missing.yml"), displayName: "missing.yml")
            Issue.record("a missing file was read")
        } catch {
            #expect(error.file == "missing.yml")
            #expect(error.reason.hasPrefix("cannot read"))
        }
    }
}

@Suite struct SpecTextTests {
    @Test func prunesProseAndResponsesButNeverAFieldName() {
        let text = """
        paths:
          /tokens:
            post:
              summary: Create a token
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        description:
                          type: string
                          description: |
                            What the token is for
                            (on two lines)
                        x-internal:
                          type: string
              responses:
                '201':
                  description: Created
              x-codeSamples:
                - lang: sh
          /legacy:
            servers:
              - url: /private
        """
        #expect(SpecText.pruned(text) == """
        paths:
          /tokens:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        description:
                          type: string
                        x-internal:
                          type: string
          /legacy: {}
        """)
    }

    @Test func dropsComponentSchemasNoRequestBodyReaches() {
        let text = """
        paths:
          /tokens:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/TokenCreate'
        components:
          schemas:
            TokenCreate:
              type: object
              properties:
                permissions:
                  type: array
                  items:
                    $ref: "#/components/schemas/Permission"
            Permission:
              type: string
            TokenList:
              type: array
              items:
                $ref: '#/components/schemas/Token'
            Token:
              type: object
        """
        let pruned = SpecText.pruned(text)
        #expect(pruned.contains("    TokenCreate:"))
        #expect(pruned.contains("    Permission:"))
        #expect(!pruned.contains("TokenList"))
        #expect(!pruned.contains("    Token:"))
    }
}

@Suite struct SpecTextLineEndTests {
    @Test func prunesAFileWithCarriageReturnsAsOneWithout() {
        let lines = ["paths:", "  /a:", "    post:", "      summary: Make one", "      requestBody: {}"]
        #expect(SpecText.pruned(lines.joined(separator: "\r\n")) == SpecText.pruned(lines.joined(separator: "\n")))
        #expect(!SpecText.pruned(lines.joined(separator: "\r\n")).contains("summary"))
    }
}

@Suite struct SpecJSONTests {
    private func json(_ yaml: String) throws -> SpecJSON {
        let node = try #require(try Yams.compose(yaml: yaml, .basic))
        return SpecJSON(node)
    }

    @Test func typesPlainScalarsAsYAMLsCoreSchemaAndQuotedOnesAsStrings() throws {
        let spec = try json("""
        a: 12
        b: '12'
        c: true
        d: ~
        e: 1.5e3
        f: 012
        g: say "hi"\\
        """)
        #expect(String(decoding: spec.text, as: UTF8.self) == #"{"a":12,"b":"12","c":true,"d":null,"e":1.5e3,"f":"012","g":"say \"hi\"\\"}"#)
    }

    @Test func keepsTheOrderOfEachPropertiesMappingButNotOfAFieldNamedProperties() throws {
        let spec = try json("""
        type: object
        properties:
          zeta: {type: string}
          alpha: {type: string}
          properties:
            type: object
            properties:
              second: {type: string}
              first: {type: string}
        """)
        #expect(spec.fieldOrders[["zeta", "alpha", "properties"]] == ["zeta", "alpha", "properties"])
        #expect(spec.fieldOrders[["second", "first"]] == ["second", "first"])
        #expect(spec.fieldOrders.count == 2)
    }

    @Test(arguments: ["'1.0'", "2.0"])
    func aSpecKeepsItsFieldOrderInTheBodySchemas(version: String) throws {
        // `version: 2.0` is a number to JSON, which OpenAPIKit refuses where a string belongs:
        // that spec is read again from Yams' nodes.
        let spec = try OpenAPIReader.spec(text: """
        openapi: 3.1.0
        info: {title: t, version: \(version)}
        paths:
          /things:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        zeta: {type: string}
                        mid: {type: integer, minimum: 1}
                        alpha: {type: boolean}
                        beta: {type: string}
              responses: {}
        """, displayName: "t.yml")
        guard case .object(let fields, _, _)? = spec.body(method: "POST", path: "/things") else {
            Issue.record("POST /things has no object body")
            return
        }
        #expect(fields.map(\.name) == ["zeta", "mid", "alpha", "beta"])
        guard case .integer(let minimum, _)? = fields.first(where: { $0.name == "mid" })?.schema else {
            Issue.record("mid is not an integer")
            return
        }
        #expect(minimum == 1)
    }
}
