import Foundation
import ImageLint
import TestSupport
import Testing
@testable import imagelint

@Suite("rules, policy and init commands")
struct CommandTests {
    static let root = URL(fileURLWithPath: RepositoryRoot.path)

    @Test func rulesListsEveryRule() {
        let text = RuleDocumentation.list()
        for id in RuleCatalog.builtIn.ids {
            #expect(text.contains("\n\(id) ") || text.hasPrefix("\(id) "), "\(id)")
        }
        #expect(runImageLint(["rules"]) == 0)
    }

    @Test func rulesExplainsOneRuleWithItsExamples() throws {
        let declaration = try #require(RuleCatalog.builtIn.declaration("no-latest"))
        let text = RuleDocumentation.explain(declaration)
        #expect(text.hasPrefix("no-latest (default severity: error)\n"))
        #expect(text.contains("Applies to: images used as pull, build-source"))
        #expect(text.contains("    FROM nginx:latest\n         ^^^^^^^^^^^^\n"))
        #expect(runImageLint(["rules", "no-latest"]) == 0)
    }

    @Test func unknownRuleIsAUsageError() {
        #expect(runImageLint(["rules", "no-lastest"]) == 2)
    }

    @Test func docsRulesIsGeneratedFromTheDeclarations() throws {
        let url = Self.root.appendingPathComponent("docs/rules.md")
        let generated = RuleDocumentation.markdown()
        let current = try String(contentsOf: url, encoding: .utf8)
        if GoldenFile.isUpdating, current != generated {
            try generated.write(to: url, atomically: false, encoding: .utf8)
        }
        #expect(current == generated, "regenerate with `swift run imagelint rules --format markdown > docs/rules.md`")
    }

    @Test func policyCheckPrintsProblemsWithPositionsAndExitsTwo() {
        let outcome = PolicyCheckRun(file: "fixtures/policy-errors/unknown-rule.yaml").execute(currentDirectory: Self.root.path)
        #expect(outcome.status == .failure)
        #expect(outcome.output == "")
        #expect(outcome.errors.hasPrefix("fixtures/policy-errors/unknown-rule.yaml:2:3: error[policy-error]: unknown rule 'no-lastest' in 'rules' (did you mean 'no-latest'?)"))
        #expect(outcome.errors.contains(" 2 |   no-lastest: error\n   |   ^^^^^^^^^^\n"))
        #expect(outcome.errors.hasSuffix("1 problem in the policy\n"))
    }

    @Test func policyCheckPrintsTheEffectivePolicy() throws {
        let outcome = PolicyCheckRun(file: "fixtures/check/exceptions/.imagelint.yaml").execute(currentDirectory: Self.root.path)
        #expect(outcome.status == .success)
        #expect(outcome.errors == "")
        #expect(outcome.output == """
            # The effective policy, merged from: preset:recommended, fixtures/check/exceptions/.imagelint.yaml
            extends: []
            fail-on: error
            rules:
              expired-exception: warning
              invalid-reference: error
              no-latest: error
              require-digest: error
              unresolved-variable: warning
              unused-suppression: note
            exceptions:
              - rules:
                  - require-digest
                images:
                  - postgres
                files:
                  - dev/**
                reason: local development only
              - rules:
                  - no-latest
                images:
                  - ghcr.io/acme/**
                reason: internal images are rebuilt nightly; pinning tracked in ACME-123
                expires: 2026-01-31
              - rules:
                  - no-latest
                  - require-digest
                images:
                  - redis
                reason: migrating to the managed cache
                expires: 2027-12-31

            """)
    }

    @Test func theEffectivePolicyReadsBackAsTheSamePolicy() throws {
        let path = "fixtures/check/registries/.imagelint.yaml"
        let first = PolicyCheckRun(file: path).execute(currentDirectory: Self.root.path)
        let loader = PolicyLoader(workingDirectory: Self.root.path) { _ in nil }
        let reread = loader.load(file: SourceFile(path: "fixtures/check/registries/effective.yaml", text: first.output))
        #expect(reread.problems.map(\.description) == [])
        #expect(PolicyPrinter.render(reread.policy).split(separator: "\n").dropFirst() == first.output.split(separator: "\n").dropFirst())
    }

    @Test func policySchemaIsValidJSON() throws {
        let object = try JSONSerialization.jsonObject(with: Data(PolicySchema.text.utf8))
        let schema = try #require(object as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let rules = try #require((properties["rules"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(rules.keys) == Set(RuleCatalog.builtIn.ids), "the schema lists every built-in rule")
        for declaration in RuleCatalog.builtIn.declarations where !declaration.options.isEmpty {
            let variants = try #require((rules[declaration.id] as? [String: Any])?["oneOf"] as? [[String: Any]])
            let options = variants.compactMap { $0["properties"] as? [String: Any] }.first ?? [:]
            for option in declaration.options {
                #expect(options[option.name] != nil, "schema: \(declaration.id).\(option.name)")
            }
        }
        #expect(Set(properties.keys) == Set(["extends", "fail-on", "files", "variables", "rules", "custom-rules", "exceptions"]))
    }

    @Test func initWritesAStarterThatLoadsAndNeverOverwrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imagelint-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(InitCommand.write(into: folder.path) == .success)
        let written = try String(contentsOf: folder.appendingPathComponent(".imagelint.yaml"), encoding: .utf8)
        #expect(written == StarterPolicy.text)
        let loaded = PolicyLoader(workingDirectory: folder.path) { _ in nil }.load(file: SourceFile(path: ".imagelint.yaml", text: written))
        #expect(loaded.problems.map(\.description) == [])
        #expect(loaded.policy.rule("no-latest")?.severity == .error)
        try "keep me\n".write(to: folder.appendingPathComponent(".imagelint.yaml"), atomically: false, encoding: .utf8)
        #expect(InitCommand.write(into: folder.path) == .failure)
        #expect(try String(contentsOf: folder.appendingPathComponent(".imagelint.yaml"), encoding: .utf8) == "keep me\n")
    }
}

@Suite("check exit codes and options")
struct CheckCommandTests {
    static let root = CommandTests.root
    static let today = PolicyDate(year: 2026, month: 6, day: 1)!

    private func run(_ arguments: [String], in folder: String) throws -> CheckRun.Outcome {
        let command = try CheckCommand.parse(arguments)
        return CheckRun(paths: command.paths, policy: command.policyOptions, inputs: command.inputs, report: command.report)
            .execute(currentDirectory: Self.root.appendingPathComponent(folder).path, today: Self.today)
    }

    @Test func checkIsTheDefaultSubcommand() throws {
        let command = try ImageLintCommand.parseAsRoot(["--fail-on", "never", Self.root.appendingPathComponent("fixtures/check/clean").path])
        #expect(command is CheckCommand)
    }

    @Test func anUnreadablePathIsStatusTwoAfterTheRestIsChecked() throws {
        let outcome = try run([".", "no-such-file"], in: "fixtures/check/fail-on-never")
        #expect(outcome.status == .failure)
        #expect(outcome.output.contains("Dockerfile:1:6: error[no-latest]"))
        #expect(outcome.output.contains("no-such-file:1:1: error[read-error]: cannot read:"))
    }

    @Test func failOnOverridesThePolicy() throws {
        #expect(try run(["--fail-on", "note"], in: "fixtures/check/unresolved-variables").status == .findings)
        #expect(try run(["--fail-on", "error"], in: "fixtures/check/fail-on-warning").status == .success)
        #expect(try run(["--fail-on", "never"], in: "fixtures/check/recommended-default").status == .success)
    }

    @Test func buildArgsAndEnvFilesResolveVariables() throws {
        let folder = "fixtures/check/fail-on-warning"
        #expect(try run([], in: folder).status == .findings)
        let resolved = try run(["--build-arg", "TAG=3.20"], in: folder)
        #expect(resolved.status == .success)
        #expect(resolved.output == "1 file, 1 image: no findings\n")
        #expect(throws: (any Error).self) { try CheckCommand.parse(["--build-arg", "TAG"]) }
        #expect(try run(["--env-file", "no-such.env"], in: folder).status == .failure)
    }

    @Test func aMissingPolicyFileIsStatusTwo() throws {
        let outcome = try run(["--policy", "missing.yaml"], in: "fixtures/check/clean")
        #expect(outcome.status == .failure)
        #expect(outcome.output.hasPrefix("missing.yaml:1:1: error[policy-error]: cannot read the policy file\n"))
    }

    @Test func quietDropsTheSummary() throws {
        #expect(try run(["--quiet"], in: "fixtures/check/clean").output == "")
    }

    @Test func colourOnlyWhenAsked() throws {
        let command = try CheckCommand.parse([])
        var run = CheckRun(paths: [], policy: command.policyOptions, inputs: command.inputs, report: command.report)
        let folder = Self.root.appendingPathComponent("fixtures/check/fail-on-never").path
        run.color = true
        #expect(run.execute(currentDirectory: folder, today: Self.today).output.contains("\u{1B}[1;31merror\u{1B}[0m"))
        run.color = false
        #expect(!run.execute(currentDirectory: folder, today: Self.today).output.contains("\u{1B}["))
    }

    @Test func envFileFormat() {
        let pairs = EnvironmentFile.parse("# comment\n\nexport A=1\nB = 'two words'\r\nC=\"x\"\nnot a pair\n")
        #expect(pairs.map(\.name) == ["A", "B", "C"])
        #expect(pairs.map(\.value) == ["1", "two words", "x"])
    }
}
