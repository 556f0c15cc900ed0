import Testing
@testable import ImageLint

/// The engine through the `Linter` on Dockerfiles: normalization, expiry,
/// suppression placement.
@Suite("Rule engine")
struct EngineTests {
    static let today = PolicyDate(year: 2026, month: 6, day: 1)!

    private func lint(_ dockerfile: String, policy: String, today: PolicyDate = EngineTests.today, path: String = "Dockerfile") -> LintReport {
        let loaded = PolicyTestSupport.load(policy)
        #expect(loaded.problems.map(\.description) == [])
        let linter = Linter(policy: loaded.policy, today: today, workingDirectory: "/repo")
        return linter.lint(files: [(SourceFile(path: path, text: dockerfile), .dockerfile)])
    }

    private func rules(_ report: LintReport) -> [String] {
        report.findings.map(\.rule)
    }

    static let spellings = ["nginx:1.27", "docker.io/nginx:1.27", "index.docker.io/library/nginx:1.27", "docker.io/library/nginx:1.27"]

    /// Policies written with one spelling, checked against every spelling.
    static let conditionPolicies: [(String, String)] = [
        ("registry", "match: {registry: docker.io}"),
        ("registry prefix", "match: {registry: index.docker.io/library}"),
        ("repository", "match: {repository: nginx}"),
        ("image", "match: {image: docker.io/nginx}"),
        ("image glob", "match: {image: 'index.docker.io/library/ngin?'}"),
        ("tag", "match: {repository: docker.io/library/nginx, tag: ['1.*']}"),
        ("regex", "match: {tag: {regex: '^1\\.27$'}, repository: nginx}"),
        ("digest", "match: {digest: missing, image: nginx}"),
        ("not", "match: {not: {repository: [redis, docker.io/library/postgres]}}"),
    ]

    @Test(arguments: conditionPolicies)
    func normalizationIsTheSameInEveryCondition(_ name: String, _ condition: String) {
        for spelling in Self.spellings {
            let report = lint("FROM \(spelling)\n", policy: "extends: []\ncustom-rules:\n  - {id: c, message: '{repository}', \(condition)}\n")
            #expect(rules(report) == ["c"], "\(name) with \(spelling)")
            #expect(report.findings.first?.message == "docker.io/library/nginx")
            #expect(report.findings.first?.normalized == "docker.io/library/nginx:1.27")
        }
    }

    @Test func normalizationIsTheSameInBuiltInRulesAndExceptions() {
        let policy = """
            extends: []
            rules:
              allowed-registries: {registries: [docker.io/library]}
              denied-images: {images: [index.docker.io/nginx]}
              allowed-images: {images: [nginx]}
            exceptions:
              - {rules: [require-digest], images: [docker.io/library/nginx], reason: r}
            """
        for spelling in Self.spellings {
            let report = lint("FROM \(spelling)\n", policy: policy)
            #expect(rules(report) == ["denied-images"], "\(spelling)")
        }
        let excepted = lint("FROM index.docker.io/nginx:1\n", policy: "extends: []\nrules: {require-digest: error}\nexceptions:\n  - {images: [nginx], reason: r}\n")
        #expect(rules(excepted) == [])
        #expect(excepted.summary.suppressed == 1)
    }

    @Test func onlyFullyQualifiedCaresHowTheRegistryIsWritten() {
        let policy = "extends: []\nrules: {fully-qualified: warning}\n"
        #expect(rules(lint("FROM nginx:1\n", policy: policy)) == ["fully-qualified"])
        #expect(rules(lint("FROM docker.io/nginx:1\n", policy: policy)) == [])
        let fix = lint("FROM nginx:1\n", policy: policy).findings.first?.fix
        #expect(fix?.safety == .safe)
        #expect(fix?.edits.map(\.replacement) == ["docker.io/library/nginx:1"])
        #expect(fix?.edits.map(\.span) == [SourceSpan(start: 5, end: 12)])
        // No fix when the text has variables: the edit would lose them.
        #expect(lint("ARG T=1\nFROM nginx:$T\n", policy: policy).findings.first?.fix == nil)
    }

    @Test func exceptionsExpireAtTheStartOfTheirDay() {
        let policy = "extends: []\nrules: {no-latest: error, expired-exception: warning}\nexceptions:\n  - {rules: [no-latest], reason: r, expires: 2026-06-01}\n"
        let before = lint("FROM nginx\n", policy: policy, today: PolicyDate(year: 2026, month: 5, day: 31)!)
        #expect(rules(before) == [])
        let on = lint("FROM nginx\n", policy: policy, today: PolicyDate(year: 2026, month: 6, day: 1)!)
        #expect(rules(on) == ["expired-exception", "no-latest"])
        let expired = on.findings.first { $0.rule == "expired-exception" }
        #expect(expired?.location.path == ".imagelint.yaml")
        #expect(expired?.location.start.line == 4)
        #expect(expired?.message.contains("expired on 2026-06-01") == true)
    }

    @Test func anExpiredExceptionIsReportedEvenIfTheRuleIsOff() {
        let policy = "extends: []\nrules: {expired-exception: warning}\nexceptions:\n  - {rules: [no-latest], reason: r, expires: 2020-01-01}\n"
        #expect(rules(lint("FROM alpine:3\n", policy: policy)) == ["expired-exception"])
    }

    @Test func suppressionPlacement() {
        let policy = "extends: []\nrules: {no-latest: error, require-digest: warning, unused-suppression: note}\n"
        let text = """
            # imagelint: ignore[require-digest]
            # imagelint: ignore[no-latest]
            FROM a
            FROM b
            # imagelint: ignore[no-latest]

            FROM c
            """
        let report = lint(text + "\n", policy: policy)
        let found = report.findings.map { "\($0.location.start.line):\($0.rule)" }
        #expect(found == [
            "4:no-latest", "4:require-digest",
            "5:unused-suppression",
            "7:no-latest", "7:require-digest",
        ])
        #expect(report.summary.suppressed == 2)
    }

    @Test func unusedSuppressionsCanBeSilencedInTheSameBlock() {
        let policy = "extends: []\nrules: {no-latest: error, unused-suppression: note}\n"
        let silenced = lint("# imagelint: ignore[unused-suppression]\n# imagelint: ignore[no-latest]\nFROM a:1\n", policy: policy)
        #expect(rules(silenced) == [])
        let alone = lint("# imagelint: ignore[unused-suppression]\nFROM a:1\n", policy: policy)
        #expect(alone.findings.map(\.message) == ["`unused-suppression` is suppressed, but it reports nothing on line 2; remove it from the comment"])
    }

    @Test func rulesScopedToFilesAndRoles() {
        let policy = """
            extends: []
            rules:
              require-digest: {severity: error, files: ["deploy/**"]}
              no-latest: {severity: error, roles: [pull]}
            """
        #expect(rules(lint("FROM a:1\n", policy: policy, path: "deploy/Dockerfile")) == ["require-digest"])
        #expect(rules(lint("FROM a:1\n", policy: policy, path: "Dockerfile")) == [])
        #expect(rules(lint("FROM a:1\nCOPY --from=b / /\n", policy: policy)) == [])
        #expect(rules(lint("FROM b\n", policy: policy)) == ["no-latest"])
    }

    @Test func customRulesDefaultToPullAndBuildSource() {
        let policy = "extends: []\ncustom-rules:\n  - {id: any-image, message: '{image}', match: {}}\n"
        let report = lint("# syntax=docker/dockerfile:1\nFROM a:1\nCOPY --from=b:1 / /\n", policy: policy)
        #expect(report.findings.map(\.message) == ["a:1", "b:1"])
    }

    @Test func messagesRenderEveryPlaceholder() {
        let policy = "extends: []\ncustom-rules:\n  - {id: p, message: '{image}|{registry}|{repository}|{tag}|{digest}|{normalized}|{familiar}|{source}|{file}|{{x}}', match: {}}\n"
        let digest = "sha256:" + String(repeating: "a", count: 64)
        let report = lint("ARG V=1.2\nFROM ghcr.io/acme/api:$V@\(digest)\n", policy: policy)
        #expect(report.findings.map(\.message) == [
            "ghcr.io/acme/api:1.2@\(digest)|ghcr.io|ghcr.io/acme/api|1.2|\(digest)|ghcr.io/acme/api:1.2@\(digest)|ghcr.io/acme/api:1.2@\(digest)|dockerfile|Dockerfile|{x}",
        ])
    }
}

@Suite("Linter for one file")
struct SingleFileLinterTests {
    @Test func oneFileGetsItsFindingsSuppressionsAndOccurrences() {
        let loaded = PolicyTestSupport.load("extends: []\nrules: {no-latest: error, unused-suppression: note}\n")
        let file = SourceFile(path: "svc/Dockerfile", text: "# imagelint: ignore[no-latest]\nFROM a\nFROM b\n")
        let result = Linter.lint(file: file, kind: .dockerfile, policy: loaded.policy, today: EngineTests.today, workingDirectory: "/repo")
        #expect(result.occurrences.map(\.text) == ["a", "b"])
        #expect(result.findings.map { "\($0.location.start.line):\($0.rule)" } == ["3:no-latest"])
        #expect(result.suppressed == 1)
    }
}
