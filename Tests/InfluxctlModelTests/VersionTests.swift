import Diagnostics
import Foundation
import Testing
@testable import InfluxctlModel

@Suite struct VersionTests {
    @Test(arguments: [
        ("2.12.1", CLIVersion(2, 12, 1)),
        ("v2.12.1", CLIVersion(2, 12, 1)),
        ("2.12", CLIVersion(2, 12, 0)),
        ("v1.0", CLIVersion(1, 0, 0)),
        ("0.9.3", CLIVersion(0, 9, 3)),
        ("10.20.30", CLIVersion(10, 20, 30)),
    ])
    func parses(text: String, expected: CLIVersion) {
        #expect(CLIVersion(text) == expected)
    }

    @Test(arguments: ["", "2", "v", "2.", ".2", "2..1", "2.12.1.4", "2.x", "2.12.1-rc1", "V2.12.1", " 2.12.1", "-1.0.0", "+2.1.0",
                      "2.12.1 ", "１.0.0", "9999999999.0.0"])
    func rejects(text: String) {
        #expect(CLIVersion(text) == nil)
    }

    @Test func ordersNumericallyNotAlphabetically() {
        let sorted = ["2.10.0", "2.9.9", "1.1.0", "2.9.10", "2.0.2", "2.1.0"].compactMap(CLIVersion.init).sorted()
        #expect(sorted.map(\.description) == ["1.1.0", "2.0.2", "2.1.0", "2.9.9", "2.9.10", "2.10.0"])
        #expect(CLIVersion(2, 9, 9) < CLIVersion(2, 10, 0))
        #expect(!(CLIVersion(2, 10, 0) < CLIVersion(2, 10, 0)))
    }

    @Test func descriptionRoundTrips() {
        #expect(CLIVersion("v2.12")?.description == "2.12.0")
        for release in InfluxctlReleases.all {
            #expect(CLIVersion(release.description) == release)
        }
    }

    @Test func codableAsAString() throws {
        let data = try JSONEncoder().encode([CLIVersion(2, 10, 4)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2.10.4\"]")
        #expect(try JSONDecoder().decode([CLIVersion].self, from: Data("[\"v2.9\"]".utf8)) == [CLIVersion(2, 9, 0)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CLIVersion].self, from: Data("[\"two\"]".utf8)) }
    }

    @Test(arguments: [
        ("2.12.1", "2.12.1"),
        ("v2.10.0", "2.10.0"),
        ("2.9.6", "2.9.5"),   // unmodelled: the newest modelled release not after it
        ("2.3.0", "2.2.0"),
        ("2.12", "2.12.0"),
        ("3.0.0", "2.12.1"),
        ("1.0.0", "1.0.0"),
    ])
    func resolves(text: String, expected: String) {
        #expect(InfluxctlReleases.resolve(text)?.description == expected)
    }

    @Test(arguments: ["0.9.0", "0.0.1", "latest", "", "2.x"])
    func resolveRejects(text: String) {
        #expect(InfluxctlReleases.resolve(text) == nil)
    }

    @Test func unmodelledVersionsUseTheReleaseBeforeThem() {
        let between = CLIVersion(2, 9, 6)
        #expect(InfluxctlReleases.commandTree(for: between) == InfluxctlReleases.commandTree(for: CLIVersion(2, 9, 5)))
        #expect(InfluxctlReleases.behaviour(of: between) == InfluxctlReleases.behaviour(of: CLIVersion(2, 9, 5)))
        #expect(InfluxctlParser(release: between).release == CLIVersion(2, 9, 5))
        // Below the oldest release the functions fall back to it rather than fail.
        #expect(InfluxctlReleases.commandTree(for: CLIVersion(0, 1, 0)).release == CLIVersion(1, 0, 0))
    }
}

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("creat", ["create", "list", "get"], "create"),
        ("read-databse", ["read-database", "write-database", "format"], "read-database"),
        ("fromat", ["format", "sort"], "format"),
        ("revok", ["revoke", "delete"], "revoke"),
        ("JSON", ["table", "json"], "json"),
        ("tokn", ["auth", "token", "table"], "token"),
    ])
    func suggests(word: String, candidates: [String], expected: String) {
        #expect(Suggestions.nearest(to: word, in: candidates) == expected)
    }

    @Test(arguments: [
        ("verbose", ["format", "sort", "include-revoked"]),
        ("ls", ["list"]),
        ("x", ["h2", "ab"]),
        ("anything", []),
    ])
    func staysQuietWhenNothingIsClose(word: String, candidates: [String]) {
        #expect(Suggestions.nearest(to: word, in: candidates) == nil)
    }

    @Test func distanceCountsAdjacentSwapsOnce() {
        #expect(Suggestions.distance("ab", "ba") == 1)
        #expect(Suggestions.distance("kitten", "sitting") == 3)
        #expect(Suggestions.distance("", "abc") == 3)
        #expect(Suggestions.distance("same", "same") == 0)
    }

    @Test func tiesGoToTheEarlierCandidate() {
        #expect(Suggestions.nearest(to: "lst", in: ["last", "list"]) == "last")
    }
}
