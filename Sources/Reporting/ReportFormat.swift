import Verification

/// The report formats `--format` accepts.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, junit, github, sarif
}

/// The tool's identity as reports print it.
public enum ToolInfo {
    public static let name = "docverify"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/docverify/docverify"
}

/// Renders a run in any format. Pure: the same report gives the same bytes.
public enum ReportRenderer {
    /// - Parameter sourceLine: the text of a line of a file, for the text format's excerpts.
    public static func render(_ report: RunReport, format: ReportFormat, style: TextStyle = .plain,
                              sourceLine: (String, Int) -> String? = { _, _ in nil }) -> String {
        switch format {
        case .text: TextReport.render(report, style: style, sourceLine: sourceLine)
        case .json: JSONReport.render(report)
        case .junit: JUnitReport.render(report)
        case .github: GitHubReport.render(report)
        case .sarif: SARIFReport.render(report)
        }
    }
}
