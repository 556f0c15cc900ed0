/// `--format gitlab`: a GitLab Code Quality report (the Code Climate
/// subset GitLab reads), for `artifacts: reports: codequality:`.
///
/// One object per finding: `description` (the message), `check_name` (the
/// rule id), `fingerprint` (``FindingFingerprint``, so GitLab tells new
/// findings from ones that only moved), `severity` and
/// `location: {path, lines: {begin}}`. Paths are as reported, relative to
/// the folder imagelint ran in; run it from the repository's root.
///
/// Severity mapping (GitLab has info, minor, major, critical, blocker):
/// error → `critical`, warning → `major`, note → `info`. `blocker` is not
/// used: a broken run (bad policy, unreadable file) fails with exit code 2
/// rather than through a report entry.
public enum GitLabReporter {
    public static func render(_ report: LintReport) -> String {
        let findings = report.findings
        let fingerprints = FindingFingerprint.fingerprints(for: findings, in: report)
        let issues = zip(findings, fingerprints).map { finding, fingerprint in
            JSONValue.object([
                ("description", .string(finding.message)),
                ("check_name", .string(finding.rule)),
                ("fingerprint", .string(fingerprint)),
                ("severity", .string(severity(finding.severity))),
                ("location", .object([
                    ("path", .string(finding.location.path)),
                    ("lines", .object([("begin", .int(finding.location.start.line))])),
                ])),
            ])
        }
        return JSONValue.array(issues).rendered() + "\n"
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "critical"
        case .warning: "major"
        case .note: "info"
        }
    }
}
