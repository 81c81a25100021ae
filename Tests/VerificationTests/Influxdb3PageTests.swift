import DocExtraction
import Testing
@testable import Verification

@Suite("influxdb3 commands on a page, read for its product")
struct Influxdb3PageTests {
    private let page = """
    ---
    title: Caches
    ---

    ```sh
    influxdb3 create distinct_cache --database sensors --table home --column room room_cache
    influxdb3 show nodes
    ```

    ```sh
    influxdb3 create database sensors
    ```
    """

    private func report(version: String) -> PageReport {
        Runner.verify(path: "caches.md", contents: Array(page.utf8), context: RunContext(jobs: 1),
                      reading: PageReading(product: HugoProduct(product: nil, version: version)))
    }

    @Test("on Core a near miss is an error and a far unknown a warning; on Enterprise each says less")
    func severitiesFollowTheProduct() {
        let core = report(version: "core").findings.map { "\($0.rule.id) \($0.severity.rawValue) \($0.range.start.line)" }
        #expect(core == ["cli.unknown-flag error 6", "cli.unknown-command warning 7"])
        let enterprise = report(version: "enterprise").findings.map { "\($0.rule.id) \($0.severity.rawValue) \($0.range.start.line)" }
        #expect(enterprise == ["cli.unknown-flag warning 6", "cli.unknown-command note 7"])
    }

    @Test("a block whose influxdb3 commands read cleanly passes; one with an error fails")
    func blockStatuses() {
        let statuses = report(version: "core").blocks.map(\.status)
        #expect(statuses == [.failed, .passed])
    }
}
