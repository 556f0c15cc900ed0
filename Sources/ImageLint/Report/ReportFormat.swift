/// Every format `check` can write, and the reporter behind each.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, concise, json, sarif, github, gitlab, junit, checkstyle

    /// Renders `report`. `color` and `quiet` matter to the formats meant
    /// for people (`text` colours and its summary line, `github`'s summary
    /// line); `context` to those that describe the tool and its rules.
    public func render(_ report: LintReport, context: ReportContext, color: Bool = false, quiet: Bool = false) -> String {
        switch self {
        case .text: TextReporter(color: color, quiet: quiet).render(report)
        case .concise: ConciseReporter.render(report)
        case .json: JSONReporter.render(report)
        case .sarif: SARIFReporter.render(report, context: context)
        case .github: GitHubReporter.render(report, quiet: quiet)
        case .gitlab: GitLabReporter.render(report)
        case .junit: JUnitReporter.render(report)
        case .checkstyle: CheckstyleReporter.render(report)
        }
    }

    /// Whether programs parse it (so nothing else may go into the same stream).
    public var isMachineReadable: Bool {
        switch self {
        case .text, .concise, .github: false
        case .json, .sarif, .gitlab, .junit, .checkstyle: true
        }
    }
}
