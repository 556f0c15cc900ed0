import Foundation
import TestSupport
@testable import ImageLint

/// A hand-built report with every feature a reporter must render: several
/// files, every severity, related locations in another file, a fix, a
/// policy problem in an auxiliary file, a syntax error in a file without
/// images, a path with a space and non-ASCII letters, a line with an emoji
/// before the image (UTF-16 columns differ from scalar columns), and a
/// message with markup characters, `%`, `:`, `,`, a line break and a
/// control character that XML cannot hold.
enum ReportSample {
    static let dockerfile = SourceFile(path: "Dockerfile", text: """
        # syntax=docker/dockerfile:1
        ARG BASE=alpine
        FROM ${BASE} AS build
        FROM nginx:latest
        COPY --from=busybox /bin/busybox /bin/

        """)

    static let pod = SourceFile(path: "deploy/wëb app.yaml", text: """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - {name: "🚀", image: "nginx:1.27"}

        """)

    static let broken = SourceFile(path: "broken.yaml", text: "services: [\n")

    static let policy = SourceFile(path: ".imagelint.yaml", text: """
        extends: [recommended]
        rules:
          no-latst: error

        """)

    /// The location of the `nth` (0-based) occurrence of `needle` in `file`.
    static func locate(_ needle: String, in file: SourceFile, nth: Int = 0) -> SourceLocation {
        let bytes = file.bytes
        let pattern = Array(needle.utf8)
        var found = -1
        var start = 0
        while start + pattern.count <= bytes.count {
            if Array(bytes[start ..< start + pattern.count]) == pattern {
                found += 1
                if found == nth { return file.location(SourceSpan(start: start, end: start + pattern.count)) }
            }
            start += 1
        }
        preconditionFailure("\(needle) not in \(file.path)")
    }

    static func occurrence(_ text: String, resolved: String?, in file: SourceFile, source: SourceKind, nth: Int = 0, related: [RelatedLocation] = []) -> ImageOccurrence {
        ImageOccurrence(source: source, location: locate(text, in: file, nth: nth), text: text, resolved: resolved, related: related)
    }

    static var report: LintReport {
        let argDefault = RelatedLocation(location: locate("alpine", in: dockerfile), message: "`BASE` defaults to `alpine` here")
        let base = occurrence("${BASE}", resolved: "alpine", in: dockerfile, source: .dockerfile, related: [argDefault])
        let nginx = occurrence("nginx:latest", resolved: "nginx:latest", in: dockerfile, source: .dockerfile)
        let busybox = occurrence("busybox", resolved: "busybox", in: dockerfile, source: .dockerfile)
        let podNginx = occurrence("nginx:1.27", resolved: "nginx:1.27", in: pod, source: .kubernetes)

        let dockerfileFindings = [
            Finding(
                rule: "require-digest", severity: .warning, message: "`alpine` is not pinned by digest",
                location: base.location, related: base.related, occurrence: base, normalized: "docker.io/library/alpine:latest"
            ),
            Finding(
                rule: "no-latest", severity: .error,
                message: "`nginx:latest` resolves to the moving tag `latest`; pin a version tag or a digest",
                location: nginx.location, occurrence: nginx, normalized: "docker.io/library/nginx:latest"
            ),
            Finding(
                rule: "fully-qualified", severity: .note, message: "`nginx:latest` does not name its registry",
                location: nginx.location, occurrence: nginx, normalized: "docker.io/library/nginx:latest",
                fix: Fix(
                    title: "Write `docker.io/library/nginx:latest`",
                    edits: [TextEdit(path: dockerfile.path, span: nginx.location.span, replacement: "docker.io/library/nginx:latest")],
                    safety: .safe
                )
            ),
            Finding(
                rule: "no-latest", severity: .error,
                message: "`busybox` resolves to the moving tag `latest`; pin a version tag or a digest",
                location: busybox.location, occurrence: busybox, normalized: "docker.io/library/busybox:latest"
            ),
        ]
        let podFindings = [
            Finding(
                rule: "consistent-tags", severity: .warning,
                message: "`docker.io/library/nginx` is used with 2 different tags",
                location: podNginx.location,
                related: [RelatedLocation(location: nginx.location, message: "also used as `nginx:latest`")],
                occurrence: podNginx, normalized: "docker.io/library/nginx:1.27"
            ),
            Finding(
                rule: "acme/no-nginx", severity: .error,
                message: "nginx <is> not \"allowed\" & 'never' will be: 100%, see:\r\nhttps://acme.example/a,b\u{1}",
                location: podNginx.location, occurrence: podNginx, normalized: "docker.io/library/nginx:1.27"
            ),
        ]
        let brokenFinding = Finding(
            rule: Finding.syntaxErrorRule, severity: .error,
            message: "did not find expected node content (line 2) [yaml-syntax]",
            location: broken.location(SourceSpan(at: 12))
        )
        let policyFinding = Finding(
            rule: "policy-error", severity: .error, message: "unknown rule 'no-latst'; did you mean 'no-latest'?",
            location: locate("no-latst", in: policy)
        )
        return LintReport(
            files: [
                FileResult(file: broken, findings: [brokenFinding]),
                FileResult(file: dockerfile, occurrences: [base, nginx, busybox], findings: dockerfileFindings, suppressed: 1),
                FileResult(file: pod, occurrences: [podNginx], findings: podFindings),
            ],
            runFindings: [policyFinding],
            auxiliaryFiles: [policy]
        )
    }

    /// The same files, no findings.
    static var clean: LintReport {
        let podNginx = occurrence("nginx:1.27", resolved: "nginx:1.27", in: pod, source: .kubernetes)
        return LintReport(files: [FileResult(file: pod, occurrences: [podNginx])])
    }

    /// A catalog of three declarations kept under `fixtures/report/rules/`
    /// (copies, so the goldens do not change with every edit of a rule's
    /// wording; the real catalog is checked by the schema test).
    static let catalog = RuleCatalog(files: ["fully-qualified", "no-latest", "require-digest"].map { id in
        let path = "policies/rules/\(id).yaml"
        let bytes = FileManager.default.contents(atPath: RepositoryRoot.fixture("report/rules/\(id).yaml")).map(Array.init) ?? []
        return SourceFile(path: path, bytes: bytes)
    })

    /// A context with the sample catalog and the sample's custom rule.
    static var context: ReportContext {
        context(catalog: catalog)
    }

    static func context(catalog: RuleCatalog) -> ReportContext {
        var rules = ReportRule.rules(catalog: catalog, policy: nil)
        rules.append(ReportRule(id: "acme/no-nginx", severity: .error, summary: "Custom rule `acme/no-nginx` of the policy.", isCustom: true))
        return ReportContext(toolVersion: "0.1.0-test", rules: rules)
    }
}
