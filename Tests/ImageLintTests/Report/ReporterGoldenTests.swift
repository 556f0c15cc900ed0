import Foundation
import Testing
import TestSupport
@testable import ImageLint

/// Every machine-readable format on the sample report and on a clean run,
/// against goldens under `fixtures/report/<format>/`.
@Suite struct ReporterGoldenTests {
    enum Format: String, CaseIterable, CustomTestStringConvertible {
        case concise, sarif, github, gitlab, junit, checkstyle

        var fileExtension: String {
            switch self {
            case .concise, .github: "txt"
            case .sarif: "sarif"
            case .gitlab: "json"
            case .junit, .checkstyle: "xml"
            }
        }

        func render(_ report: LintReport) -> String {
            switch self {
            case .concise: ConciseReporter.render(report)
            case .sarif: SARIFReporter.render(report, context: ReportSample.context)
            case .github: GitHubReporter.render(report)
            case .gitlab: GitLabReporter.render(report)
            case .junit: JUnitReporter.render(report)
            case .checkstyle: CheckstyleReporter.render(report)
            }
        }

        var testDescription: String { rawValue }
    }

    static let cases: [(Format, String)] = Format.allCases.flatMap { format in [(format, "sample"), (format, "clean")] }

    static func report(_ name: String) -> LintReport {
        name == "sample" ? ReportSample.report : ReportSample.clean
    }

    @Test(arguments: cases)
    func matchesGolden(format: Format, name: String) {
        let output = format.render(Self.report(name))
        GoldenFile.check(output, matches: "report/\(format.rawValue)/\(name).\(format.fileExtension)")
    }

    /// A run keeps each file compacted (an excerpt instead of its bytes);
    /// every format must say exactly the same from it.
    @Test(arguments: ReportFormat.allCases)
    func compactedReportRendersTheSame(format: ReportFormat) {
        let report = ReportSample.report
        var compacted = report
        compacted.files = report.files.map { $0.compacted() }
        #expect(compacted.files.allSatisfy { $0.file.bytes.isEmpty && $0.occurrences.isEmpty })
        #expect(compacted.summary == report.summary)
        let context = ReportSample.context
        #expect(format.render(compacted, context: context) == format.render(report, context: context))
        #expect(format.render(compacted, context: context, color: true) == format.render(report, context: context, color: true))
    }

    @Test(.enabled(if: PythonCheck.hasJSONSchema, "needs python3 with the jsonschema package"), arguments: ["sample", "clean"])
    func sarifValidatesAgainstTheSchema(name: String) {
        let problems = PythonCheck.sarifProblems(Format.sarif.render(Self.report(name)))
        #expect(problems == "")
    }

    /// With every built-in rule's help (the goldens use a small catalog).
    @Test(.enabled(if: PythonCheck.hasJSONSchema, "needs python3 with the jsonschema package"))
    func sarifWithTheBuiltInCatalogValidates() {
        #expect(ReportSample.catalog.problems.isEmpty)
        let sarif = SARIFReporter.render(ReportSample.report, context: ReportSample.context(catalog: .builtIn))
        #expect(PythonCheck.sarifProblems(sarif) == "")
        for id in RuleCatalog.builtIn.ids {
            #expect(sarif.contains("\"id\": \"\(id)\""))
        }
    }

    @Test(.enabled(if: PythonCheck.hasPython, "needs python3"),
          arguments: [(Format.junit, "sample"), (.junit, "clean"), (.checkstyle, "sample"), (.checkstyle, "clean")])
    func xmlIsWellFormed(format: Format, name: String) {
        let problems = PythonCheck.xmlProblems(format.render(Self.report(name)))
        #expect(problems == "")
    }

    @Test(.enabled(if: PythonCheck.hasPython, "needs python3"), arguments: ["sample", "clean"])
    func gitLabReportIsJSONWithUniqueFingerprints(name: String) {
        let script = """
            import json, sys
            issues = json.load(sys.stdin)
            prints = [i["fingerprint"] for i in issues]
            assert len(prints) == len(set(prints)), "duplicate fingerprints"
            for i in issues:
                assert set(i) == {"description", "check_name", "fingerprint", "severity", "location"}, i
                assert i["severity"] in ("info", "minor", "major", "critical", "blocker"), i
                assert isinstance(i["location"]["lines"]["begin"], int), i
            print(len(issues))
            """
        let result = PythonCheck.run(script, input: Format.gitlab.render(Self.report(name)))
        #expect(result?.status == 0, "\(result?.output ?? "")")
    }
}
