/// `--format junit`: JUnit XML, for CI systems that show test results
/// (GitLab `reports: junit`, Jenkins, Azure Pipelines).
///
/// Each file with findings is a `<testsuite>` named by its path, each
/// finding a failing `<testcase>` (`<rule> at <line>:<col>`, failure type
/// = severity) whose body is the concise line plus related notes. Every
/// finding is a failure whatever its severity: the exit code, not this
/// report, applies `--fail-on`. A run without findings gives one passing
/// suite, so the CI shows the check ran.
public enum JUnitReporter {
    public static func render(_ report: LintReport) -> String {
        let findings = report.findings
        let summary = report.summary
        var out = XMLText.declaration
        let suites = groupedByPath(findings)
        let total = max(findings.count, 1)
        out += "<testsuites \(XMLText.attribute("name", "imagelint")) tests=\"\(total)\" failures=\"\(findings.count)\" errors=\"0\">\n"
        if suites.isEmpty {
            out += "  <testsuite name=\"imagelint\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
            let name = TextReporter().summaryLine(summary)
            out += "    <testcase classname=\"imagelint\" \(XMLText.attribute("name", name))/>\n"
            out += "  </testsuite>\n"
        }
        for (path, group) in suites {
            out += "  <testsuite \(XMLText.attribute("name", path)) tests=\"\(group.count)\" failures=\"\(group.count)\" errors=\"0\">\n"
            for finding in group {
                let start = finding.location.start
                out += "    <testcase \(XMLText.attribute("classname", path)) \(XMLText.attribute("name", "\(finding.rule) at \(start.line):\(start.column)"))"
                out += " \(XMLText.attribute("file", path)) line=\"\(start.line)\">\n"
                var body = ConciseReporter.line(finding)
                for related in finding.related {
                    body += "\nnote: \(related.location): \(related.message)"
                }
                out += "      <failure \(XMLText.attribute("type", finding.severity.rawValue)) \(XMLText.attribute("message", finding.message))>"
                out += XMLText.escaped(body) + "</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// Findings grouped by their file, in report order (already by path).
    static func groupedByPath(_ findings: [Finding]) -> [(path: String, findings: [Finding])] {
        var groups: [(path: String, findings: [Finding])] = []
        for finding in findings {
            if let last = groups.indices.last, groups[last].path == finding.location.path {
                groups[last].findings.append(finding)
            } else {
                groups.append((finding.location.path, [finding]))
            }
        }
        return groups
    }
}
