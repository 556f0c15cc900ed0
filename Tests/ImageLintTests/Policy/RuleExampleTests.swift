import Testing
@testable import ImageLint

/// Every example in `policies/rules/*.yaml` runs here: a `bad` example must
/// be reported exactly at its `«…»` marks and nowhere else, a `good` one not
/// at all. Each runs as written, behind a suppression comment (then nothing
/// is reported), with a multi-byte line in front, and with CRLF line ends.
@Suite("Rule examples")
struct RuleExampleTests {
    enum Variant: String, CaseIterable, Sendable {
        case plain, suppressed, multibyte, crlf
    }

    struct Case: Sendable, CustomStringConvertible {
        var rule: String
        var index: Int
        var variant: Variant
        var description: String { "\(rule) example \(index + 1) (\(variant.rawValue))" }
    }

    /// Cases that can run, and those that wait for an extractor or do not apply.
    static let (runnable, skipped): ([Case], [String]) = {
        var runnable: [Case] = []
        var skipped: [String] = []
        for declaration in RuleCatalog.builtIn.declarations {
            for (index, example) in declaration.examples.enumerated() {
                if let missing = example.files.first(where: { fileKind(for: $0, in: example) == nil }) {
                    skipped.append("\(declaration.id) example \(index + 1) (\(missing.path): no extractor for its kind yet)")
                    continue
                }
                for variant in Variant.allCases {
                    let markedPolicy = example.policy.map { !RuleExample.unmarked($0).spans.isEmpty } ?? false
                    if variant == .suppressed, !example.isBad { continue }
                    if variant == .suppressed, markedPolicy { continue } // reported in the policy file, where comments do not suppress
                    runnable.append(Case(rule: declaration.id, index: index, variant: variant))
                }
            }
        }
        return (runnable, skipped)
    }()

    /// The file kind an example file is read as.
    static func fileKind(for file: RuleExample.File, in example: RuleExample) -> FileKind? {
        if example.files.count == 1, let kind = exampleKinds[file.path] { return FileKind(rawValue: kind.rawValue) }
        return FileKindDetector().kind(forPath: file.path)
    }

    static let exampleKinds: [String: SourceKind] = Dictionary(
        uniqueKeysWithValues: SourceKind.allCases.map { (RuleExample.defaultPath(for: $0), $0) }
    )

    static let today = PolicyDate(year: 2026, month: 6, day: 1)!

    @Test func everyExampleRunsOrSaysWhyNot() {
        #expect(Self.runnable.count + Self.skipped.count > 0)
    }

    @Test(.disabled(if: !skipped.isEmpty, Comment(rawValue: "waiting for extractors: " + skipped.joined(separator: "; "))))
    func examplesWaitingForAnExtractor() {
        #expect(Self.skipped.isEmpty)
    }

    @Test(arguments: runnable)
    func example(_ testCase: Case) throws {
        let declaration = try #require(RuleCatalog.builtIn.declaration(testCase.rule))
        let example = declaration.examples[testCase.index]

        var policyText = example.policy ?? Self.policy(enabling: declaration, options: example.optionsYAML)
        var files = example.files
        switch testCase.variant {
        case .plain:
            break
        case .suppressed:
            files = files.map { RuleExample.File(path: $0.path, text: Self.suppressing(declaration.id, in: $0.text)) }
        case .multibyte:
            files = files.map { RuleExample.File(path: $0.path, text: "# Ünïcödé ☕ 日本語 🐳 — ça marche\n" + $0.text) }
        case .crlf:
            files = files.map { RuleExample.File(path: $0.path, text: $0.text.replacingNewlines()) }
            policyText = policyText.replacingNewlines()
        }

        let (policySource, policyMarks) = RuleExample.unmarked(policyText)
        let loaded = PolicyTestSupport.load(policySource, path: ".imagelint.yaml")
        #expect(loaded.problems.map(\.description) == [])

        var expected: Set<String> = Set(policyMarks.map { Self.describe(".imagelint.yaml", $0) })
        var inputs: [(file: SourceFile, kind: FileKind)] = []
        for file in files {
            let (text, marks) = RuleExample.unmarked(file.text)
            let kind = try #require(Self.fileKind(for: file, in: example))
            inputs.append((SourceFile(path: file.path, text: text), kind))
            if testCase.variant != .suppressed {
                expected.formUnion(marks.map { Self.describe(file.path, $0) })
            }
        }

        let linter = Linter(policy: loaded.policy, today: Self.today, workingDirectory: "/repo")
        let report = linter.lint(files: inputs)
        let findings = report.findings.filter { $0.rule == declaration.id }
        let actual = Set(findings.map { Self.describe($0.location.path, $0.location.span) })
        #expect(actual == expected, "\(findings.map { "\($0.location): \($0.message)" })")
        if example.isBad, testCase.variant != .suppressed {
            #expect(!findings.isEmpty)
        }
        if testCase.variant == .suppressed {
            #expect(report.files.reduce(0) { $0 + $1.suppressed } > 0)
            #expect(report.findings.filter { $0.rule == "unused-suppression" }.isEmpty)
        }
        // Reader problems in an example are mistakes in the example.
        #expect(report.findings.filter { $0.rule == Finding.syntaxErrorRule && $0.severity == .error }.map(\.message) == [])
    }

    /// A policy with nothing but `rule` enabled, at its default severity.
    static func policy(enabling rule: RuleDeclaration, options: String?) -> String {
        var text = "extends: []\nrules:\n  \(rule.id):\n    severity: \(rule.severity.rawValue)\n"
        for line in (options ?? "").split(separator: "\n") { text += "    \(line)\n" }
        return text
    }

    /// The text with `# imagelint: ignore[rule]` on its own line before each
    /// marked line, indented like it.
    static func suppressing(_ rule: String, in text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains(RuleExample.openMark) {
                let indent = line.prefix { $0 == " " || $0 == "\t" }
                lines.append("\(indent)# imagelint: ignore[\(rule)] covered by the example")
            }
            lines.append(String(line))
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ path: String, _ span: SourceSpan) -> String {
        "\(path)@\(span.start)..<\(span.end)"
    }
}

private extension String {
    func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }
}
