import Testing
@testable import ImageLint

@Suite("Policy loading and merging")
struct PolicyLoaderTests {
    private func ids(_ policy: Policy) -> [String] { policy.rules.map(\.id) }

    @Test func defaultIsRecommended() {
        let result = PolicyLoader(workingDirectory: "/repo") { _ in nil }.loadDefault()
        #expect(result.problems.isEmpty)
        #expect(ids(result.policy) == ["expired-exception", "invalid-reference", "no-latest", "unresolved-variable", "unused-suppression"])
        #expect(result.policy.rule("unresolved-variable")?.severity == .warning)
        #expect(result.policy.path == nil)
        #expect(result.policy.failOn == .error)
    }

    @Test func aPolicyWithoutExtendsBuildsOnRecommended() {
        let result = PolicyTestSupport.load("fail-on: warning\n")
        #expect(result.problems.isEmpty)
        #expect(ids(result.policy).contains("no-latest"))
        #expect(result.policy.failOn == .warning)
        #expect(result.policy.sources == ["preset:recommended", ".imagelint.yaml"])
    }

    @Test func emptyExtendsStartsFromNothing() {
        let result = PolicyTestSupport.load("extends: []\nrules:\n  require-digest: warning\n")
        #expect(ids(result.policy) == ["require-digest"])
    }

    @Test func strictAddsToRecommended() {
        let result = PolicyTestSupport.load("extends: [strict]\n")
        #expect(result.problems.isEmpty)
        #expect(Set(ids(result.policy)).isSuperset(of: ["no-latest", "invalid-reference", "require-digest", "fully-qualified", "consistent-tags"]))
        #expect(result.policy.rule("unresolved-variable")?.severity == .error)
        #expect(result.policy.sources == ["preset:recommended", "preset:strict", ".imagelint.yaml"])
    }

    @Test func laterLayersOverrideEarlierOnes() {
        let result = PolicyTestSupport.load("extends: [strict]\nrules:\n  require-digest: off\n  no-latest: warning\n")
        #expect(!ids(result.policy).contains("require-digest"))
        #expect(result.policy.rule("no-latest")?.severity == .warning)
    }

    @Test func optionsSurviveASeverityChangeInALaterLayer() {
        let base = "extends: []\nrules:\n  allowed-registries:\n    registries: [ghcr.io/acme]\n"
        let result = PolicyTestSupport.load("extends: [./base.yaml]\nrules:\n  allowed-registries: warning\n", files: ["base.yaml": base])
        #expect(result.problems.isEmpty)
        let rule = result.policy.rule("allowed-registries")
        #expect(rule?.severity == .warning)
        guard case .conditions(let check)? = rule?.check else {
            Issue.record("allowed-registries should compile to conditions")
            return
        }
        #expect(check.optionTexts["registries"] == "ghcr.io/acme")
    }

    @Test func settingOnlyOptionsEnablesARuleAtItsDefaultSeverity() {
        let result = PolicyTestSupport.load("extends: []\nrules:\n  tag-pattern:\n    pattern: '^v[0-9]+$'\n")
        #expect(result.policy.rule("tag-pattern")?.severity == .warning)
    }

    @Test func customRulesOfTheSameIdAreReplacedByLaterLayers() {
        let base = "extends: []\ncustom-rules:\n  - {id: acme/x, severity: note, message: a, match: {}}\n"
        let result = PolicyTestSupport.load(
            "extends: [./base.yaml]\ncustom-rules:\n  - {id: acme/x, severity: error, message: b, match: {}}\n",
            files: ["base.yaml": base]
        )
        #expect(result.problems.isEmpty)
        #expect(result.policy.rules.filter { $0.id == "acme/x" }.map(\.severity) == [.error])
        #expect(result.policy.knownRules.contains("acme/x"))
    }

    @Test func customRulesWithRoleConditionsSeeEveryRole() {
        let result = PolicyTestSupport.load("""
            extends: []
            custom-rules:
              - {id: a, message: m, match: {}}
              - {id: b, message: m, match: {role: [build-output]}}
            """)
        #expect(result.policy.rule("a")?.roles == [.pull, .buildSource])
        #expect(result.policy.rule("b")?.roles.contains(.buildOutput) == true)
    }

    @Test func variablesAndExceptionsMerge() {
        let base = "extends: []\nvariables: {A: '1', B: '2'}\nexceptions:\n  - {rules: [no-latest], reason: one}\n"
        let result = PolicyTestSupport.load(
            "extends: [./base.yaml]\nvariables: {B: 3}\nexceptions:\n  - {images: [nginx], reason: two, expires: 2030-01-31}\n",
            files: ["base.yaml": base]
        )
        #expect(result.problems.isEmpty)
        #expect(result.policy.variables == ["A": "1", "B": "3"])
        #expect(result.policy.exceptions.map(\.reason) == ["one", "two"])
        #expect(result.policy.exceptions[1].expires == PolicyDate(year: 2030, month: 1, day: 31))
        #expect(result.policy.exceptions[1].location.start.line == 4)
    }

    @Test func globsAreRelativeToTheirOwnPolicyFile() {
        let shared = "extends: []\nfiles:\n  exclude: [legacy/**]\n"
        let result = PolicyTestSupport.load(
            "extends: [./ci/shared.yaml]\nfiles:\n  exclude: [vendor/**]\n",
            files: ["ci/shared.yaml": shared]
        )
        #expect(result.problems.isEmpty)
        #expect(result.policy.baseDirectories == ["/repo", "/repo/ci"])
        #expect(!result.policy.selects(relativePaths: ["vendor/x/Dockerfile", nil]))
        #expect(!result.policy.selects(relativePaths: ["ci/legacy/Dockerfile", "legacy/Dockerfile"]))
        #expect(result.policy.selects(relativePaths: ["legacy/Dockerfile", nil]))
    }

    @Test func includeLimitsTheFiles() {
        let result = PolicyTestSupport.load("files:\n  include: [deploy/**, '**/Dockerfile']\n")
        #expect(result.policy.selects(relativePaths: ["deploy/a.yaml"]))
        #expect(result.policy.selects(relativePaths: ["svc/Dockerfile"]))
        #expect(!result.policy.selects(relativePaths: ["docs/a.yaml"]))
    }

    @Test func aDiamondIsMergedOnce() {
        let files = [
            "base.yaml": "extends: []\nexceptions:\n  - {rules: [no-latest], reason: base}\n",
            "a.yaml": "extends: [./base.yaml]\n",
            "b.yaml": "extends: [./base.yaml]\n",
        ]
        let result = PolicyTestSupport.load("extends: [./a.yaml, ./b.yaml]\n", files: files)
        #expect(result.problems.isEmpty)
        #expect(result.policy.exceptions.count == 1)
        #expect(result.policy.sources == ["base.yaml", "a.yaml", "b.yaml", ".imagelint.yaml"])
    }

    @Test func anEmptyFileIsTheRecommendedPolicy() {
        let result = PolicyTestSupport.load("")
        #expect(result.problems.isEmpty)
        #expect(ids(result.policy).contains("no-latest"))
    }

    @Test func brokenPartsAreLeftOutAndTheRestStillApplies() {
        let result = PolicyTestSupport.load("""
            rules:
              allowed-registries: error
              require-digest: warning
            """)
        #expect(result.problems.count == 1)
        #expect(ids(result.policy).contains("require-digest"))
        #expect(!ids(result.policy).contains("allowed-registries"))
    }
}

@Suite("Policy discovery")
struct PolicyDiscoveryTests {
    private func find(_ start: String, _ existing: Set<String>) -> String? {
        PolicyDiscovery.find(from: start) { existing.contains($0) }
    }

    @Test func nearestFileWins() {
        let files: Set<String> = ["/r/.git", "/r/.imagelint.yaml", "/r/svc/.imagelint.yml"]
        #expect(find("/r/svc/api", files) == "/r/svc/.imagelint.yml")
        #expect(find("/r/docs", files) == "/r/.imagelint.yaml")
    }

    @Test func yamlBeforeYml() {
        #expect(find("/r", ["/r/.imagelint.yaml", "/r/.imagelint.yml"]) == "/r/.imagelint.yaml")
    }

    @Test func stopsAtTheRepositoryRoot() {
        #expect(find("/home/u/r/svc", ["/home/u/.imagelint.yaml", "/home/u/r/.git"]) == nil)
    }

    @Test func withoutARepositoryGoesUpToTheRoot() {
        #expect(find("/a/b/c", ["/.imagelint.yaml"]) == "/.imagelint.yaml")
        #expect(find("/a/b/c", []) == nil)
    }
}
