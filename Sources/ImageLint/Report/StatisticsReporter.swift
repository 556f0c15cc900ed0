/// `--statistics`: how many findings each rule produced, most first.
///
/// ```
///   12  no-latest            error
///    3  unresolved-variable  warning
///   15  findings in total
/// ```
/// A rule whose findings have several severities (a reader's
/// `syntax-error`) lists them all, most severe first.
public enum StatisticsReporter {
    public static func render(_ report: LintReport) -> String {
        var counts: [String: (count: Int, severities: Set<Severity>)] = [:]
        for finding in report.files.lazy.flatMap(\.findings) + report.runFindings {
            counts[finding.rule, default: (0, [])].count += 1
            counts[finding.rule, default: (0, [])].severities.insert(finding.severity)
        }
        let rows = counts.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        let total = rows.reduce(0) { $0 + $1.value.count }
        let countWidth = String(total).count
        let ruleWidth = rows.map(\.key.count).max() ?? 0
        var out = ""
        for (rule, entry) in rows {
            let severities = entry.severities.sorted(by: >).map(\.rawValue).joined(separator: ", ")
            out += "  " + pad(String(entry.count), countWidth, left: true) + "  " + pad(rule, ruleWidth) + "  " + severities + "\n"
        }
        out += "  " + pad(String(total), countWidth, left: true) + "  finding" + (total == 1 ? "" : "s") + " in total\n"
        return out
    }

    private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }
}
