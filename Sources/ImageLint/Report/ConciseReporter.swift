/// `--format concise`: one line per finding,
/// `path:line:col: severity: message [rule]`, the form editors read
/// (Vim's `errorformat`, VS Code problem matchers, efm-langserver).
///
/// Columns count Unicode scalars, like the text report. Nothing else is
/// printed: no snippet, no summary, so every line is a finding. A line
/// break or other control character inside a message becomes a space.
public enum ConciseReporter {
    public static func render(_ report: LintReport) -> String {
        var out = ""
        for finding in report.findings {
            out += line(finding) + "\n"
        }
        return out
    }

    static func line(_ finding: Finding) -> String {
        let start = finding.location.start
        return "\(finding.location.path):\(start.line):\(start.column): \(finding.severity.rawValue): \(oneLine(finding.message)) [\(finding.rule)]"
    }

    /// `text` with control characters (CR, LF, tab, the rest of C0, DEL) replaced by spaces.
    static func oneLine(_ text: String) -> String {
        func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }
        guard text.utf8.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isASCII && isControl(UInt8($0.value)) ? " " : $0 }))
    }
}
