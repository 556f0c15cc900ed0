/// `--format github`: GitHub Actions workflow commands, so findings appear
/// as annotations on the pull request's changed lines.
///
/// ```
/// ::error file=Dockerfile,line=1,col=6,endLine=1,endColumn=18,title=no-latest (imagelint)::`nginx:latest` resolves to …
/// ```
/// Errors are `error`, warnings `warning`, notes `notice`. Related
/// locations and the fix follow the message on their own lines (an
/// annotation may span lines). Values are escaped as the runner expects:
/// in the message `%`, CR and LF; in properties also `:` and `,`. A plain
/// summary line ends the output for the job log.
public enum GitHubReporter {
    public static func render(_ report: LintReport, quiet: Bool = false) -> String {
        var out = ""
        for finding in report.findings {
            out += command(finding) + "\n"
        }
        if !quiet { out += TextReporter().summaryLine(report.summary) + "\n" }
        return out
    }

    static func command(_ finding: Finding) -> String {
        let location = finding.location
        let properties = [
            ("file", location.path),
            ("line", String(location.start.line)),
            ("col", String(location.start.column)),
            ("endLine", String(location.end.line)),
            ("endColumn", String(location.end.column)),
            ("title", "\(finding.rule) (imagelint)"),
        ]
        var message = finding.message
        for related in finding.related {
            message += "\nnote: \(related.location): \(related.message)"
        }
        if let fix = finding.fix {
            message += "\nfix (\(fix.safety.rawValue)): \(fix.title)"
        }
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(commandName(finding.severity)) \(list)::\(escapeData(message))"
    }

    static func commandName(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// The message part: `%`, CR and LF percent-encoded.
    static func escapeData(_ text: String) -> String {
        escape(text, also: [])
    }

    /// A property value: as the message, and `:` and `,` too.
    static func escapeProperty(_ text: String) -> String {
        escape(text, also: [(":", "%3A"), (",", "%2C")])
    }

    private static func escape(_ text: String, also extra: [(Unicode.Scalar, String)]) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                if let replacement = extra.first(where: { $0.0 == scalar })?.1 {
                    out += replacement
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
