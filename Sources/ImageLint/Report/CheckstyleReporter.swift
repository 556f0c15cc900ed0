/// `--format checkstyle`: Checkstyle XML, read by Jenkins' warnings plugin,
/// reviewdog, SonarQube and many IDEs.
///
/// Every checked file gets a `<file>` element (empty when clean), plus any
/// file a finding points into (a policy file); files in path order. Each
/// finding is an `<error>` with line, column (Unicode scalars), severity
/// (`error`, `warning`, `info` for a note), message and
/// `source="imagelint.<rule>"`.
public enum CheckstyleReporter {
    public static func render(_ report: LintReport) -> String {
        var byPath: [String: [Finding]] = [:]
        for result in report.files { byPath[result.file.path, default: []] += [] }
        for finding in report.findings { byPath[finding.location.path, default: []].append(finding) }
        var out = XMLText.declaration + "<checkstyle version=\"4.3\">\n"
        for path in byPath.keys.sorted() {
            let findings = byPath[path] ?? []
            guard !findings.isEmpty else {
                out += "  <file \(XMLText.attribute("name", path))/>\n"
                continue
            }
            out += "  <file \(XMLText.attribute("name", path))>\n"
            for finding in findings {
                let start = finding.location.start
                out += "    <error line=\"\(start.line)\" column=\"\(start.column)\" \(XMLText.attribute("severity", severity(finding.severity)))"
                out += " \(XMLText.attribute("message", finding.message)) \(XMLText.attribute("source", "imagelint.\(finding.rule)"))/>\n"
            }
            out += "  </file>\n"
        }
        out += "</checkstyle>\n"
        return out
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "info"
        }
    }
}
