/// The default, human-readable report: one header line per finding
/// (`path:line:col: severity[rule]: message`), the source line with the span
/// underlined, a `note:` line per related location, the fix if there is one,
/// and a summary line at the end.
public struct TextReporter: Sendable {
    /// ANSI colours (only on a terminal, and never with `NO_COLOR`; the CLI decides).
    public var color: Bool
    /// Leave out the summary line.
    public var quiet: Bool

    public init(color: Bool = false, quiet: Bool = false) {
        self.color = color
        self.quiet = quiet
    }

    public func render(_ report: LintReport) -> String {
        var out = renderFindings(report)
        if !quiet { out += summaryLine(report.summary) + "\n" }
        return out
    }

    /// The findings without the summary line.
    public func renderFindings(_ report: LintReport) -> String {
        report.findings.map { render($0, in: report) }.joined()
    }

    func render(_ finding: Finding, in report: LintReport) -> String {
        let location = finding.location
        var out = paint("\(location.path):\(location.start.line):\(location.start.column):", .bold)
        out += " " + paint(finding.severity.rawValue, severityColor(finding.severity))
        out += paint("[\(finding.rule)]", .bold) + ": " + finding.message + "\n"
        if let snippet = report.snippet(for: location) {
            let number = String(location.start.line)
            let gutter = String(repeating: " ", count: number.count)
            out += paint(" \(number) |", .blue) + (snippet.text.isEmpty ? "" : " " + snippet.text) + "\n"
            out += paint(" \(gutter) |", .blue) + " " + String(repeating: " ", count: snippet.underlineStart)
            out += paint(String(repeating: "^", count: snippet.underlineWidth), severityColor(finding.severity)) + "\n"
        }
        for related in finding.related {
            out += "  " + paint("note:", .cyan) + " \(related.location.path):\(related.location.start.line):\(related.location.start.column): \(related.message)\n"
        }
        if let fix = finding.fix {
            out += "  " + paint("fix (\(fix.safety.rawValue)):", .green) + " \(fix.title)\n"
        }
        return out
    }

    /// `5 files, 12 images: 3 findings (1 error, 1 warning, 1 note)`.
    public func summaryLine(_ summary: LintSummary) -> String {
        var line = "\(plural(summary.files, "file")), \(plural(summary.images, "image")): "
        if summary.findings == 0 {
            line += "no findings"
        } else {
            line += "\(plural(summary.findings, "finding")) (\(plural(summary.errors, "error")), "
            line += "\(plural(summary.warnings, "warning")), \(plural(summary.notes, "note")))"
        }
        if summary.suppressed > 0 { line += ", \(summary.suppressed) suppressed" }
        return line
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    enum Style: String {
        case bold = "1"
        case red = "1;31"
        case yellow = "1;33"
        case cyan = "1;36"
        case blue = "34"
        case green = "32"
    }

    private func severityColor(_ severity: Severity) -> Style {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .note: .cyan
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
