import DocExtraction
import TokenCore

/// `claim.parity`: where an influxctl block and a Management API block are two tabs of one
/// example, the tokens they create must be the same token.
enum ParityCheck {
    static func apply(tokens: [PageToken], reports: inout [BlockReport], findings: inout [Finding], file: String) {
        var byGroup: [Int: [PageToken]] = [:]
        for token in tokens where token.blockIndex >= 0 {
            guard let group = reports[token.blockIndex].block.context.tabGroup else { continue }
            byGroup[group, default: []].append(token)
        }
        for group in byGroup.keys.sorted() {
            let members = byGroup[group] ?? []
            guard let reference = members.first(where: { $0.origin == .influxctl }) else { continue }
            for other in members where other.origin == .api {
                let differences = differences(between: reference, and: other)
                let status: CheckStatus = differences.isEmpty ? .passed : .failed
                let detail = differences.isEmpty
                    ? "the influxctl and Management API tabs create the same token"
                    : differences.joined(separator: "; ")
                reports[other.blockIndex].checks.append(CheckResult(rule: .claimParity, status: status, detail: detail))
                if !differences.isEmpty {
                    let tab = reports[reference.blockIndex].block.context.tab.map { "the \($0) tab" } ?? "the influxctl tab"
                    findings.append(Finding(rule: .claimParity, file: file, range: other.commandRange,
                                            message: "this Management API call creates a different token than \(tab) (line \(reference.commandRange.start.line)): \(detail)",
                                            blockIndex: other.blockIndex))
                }
            }
        }
    }

    private static func differences(between cli: PageToken, and api: PageToken) -> [String] {
        var differences: [String] = []
        let cliPermissions = Set(cli.permissions)
        let apiPermissions = Set(api.permissions)
        if cliPermissions != apiPermissions {
            differences.append("permissions \(describe(cliPermissions)) versus \(describe(apiPermissions))")
        }
        if cli.description != api.description {
            differences.append("description \"\(cli.description)\" versus \"\(api.description)\"")
        }
        if cli.expiresAt != api.expiresAt {
            differences.append("expiry \(cli.expiresAt?.rfc3339 ?? "none") versus \(api.expiresAt?.rfc3339 ?? "none")")
        }
        return differences
    }

    private static func describe(_ permissions: Set<Permission>) -> String {
        let items = permissions.map { "\($0.action.rawValue):\($0.resource.rawValue)" }.sorted()
        return items.isEmpty ? "none" : items.joined(separator: " ")
    }
}
