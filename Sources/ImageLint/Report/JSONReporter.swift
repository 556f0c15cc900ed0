/// `check --format json`: the versioned contract of design.md.
///
/// ```
/// {"version": 1, "findings": [{rule, severity, message, file, line, column,
///   endLine, endColumn, image, resolved, normalized, source}],
///  "summary": {files, images, findings, errors, warnings, notes}}
/// ```
/// Keys in that order, two-space indentation, one finding field per line,
/// the summary on one line, a final newline: byte-stable. Findings without
/// an image (syntax errors, policy problems, suppression notes) have null
/// `image`, `resolved`, `normalized` and `source`. `endColumn` is the column
/// just after the last character (spans are half-open). Columns count
/// Unicode scalars.
public enum JSONReporter {
    public static func render(_ report: LintReport) -> String {
        let findings = report.findings
        let summary = report.summary
        var out = "{\n  \"version\": 1,\n"
        if findings.isEmpty {
            out += "  \"findings\": [],\n"
        } else {
            let objects = findings.map { finding in
                "    {\n" + fields(finding).map { "      " + JSONString.quoted($0.key) + ": " + $0.value }.joined(separator: ",\n") + "\n    }"
            }
            out += "  \"findings\": [\n" + objects.joined(separator: ",\n") + "\n  ],\n"
        }
        let counts: [(String, Int)] = [
            ("files", summary.files), ("images", summary.images), ("findings", summary.findings),
            ("errors", summary.errors), ("warnings", summary.warnings), ("notes", summary.notes),
        ]
        out += "  \"summary\": {" + counts.map { "\(JSONString.quoted($0.0)): \($0.1)" }.joined(separator: ", ") + "}\n}\n"
        return out
    }

    static func fields(_ finding: Finding) -> [(key: String, value: String)] {
        let location = finding.location
        let occurrence = finding.occurrence
        return [
            ("rule", JSONString.quoted(finding.rule)),
            ("severity", JSONString.quoted(finding.severity.rawValue)),
            ("message", JSONString.quoted(finding.message)),
            ("file", JSONString.quoted(location.path)),
            ("line", String(location.start.line)),
            ("column", String(location.start.column)),
            ("endLine", String(location.end.line)),
            ("endColumn", String(location.end.column)),
            ("image", JSONString.quotedOrNull(occurrence?.text)),
            ("resolved", JSONString.quotedOrNull(occurrence?.resolved)),
            ("normalized", JSONString.quotedOrNull(finding.normalized)),
            ("source", JSONString.quotedOrNull(occurrence?.source.rawValue)),
        ]
    }
}
