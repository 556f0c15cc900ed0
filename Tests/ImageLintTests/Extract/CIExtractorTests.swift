import Testing
@testable import ImageLint

/// GitHub Actions and GitLab CI: paths, variables, references, and what the
/// JSON goldens do not show (variables' origins, related locations).
@Suite("CI extractors")
struct CIExtractorTests {
    func covered(_ text: String, _ occurrence: ImageOccurrence) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[occurrence.location.span.start..<occurrence.location.span.end], as: UTF8.self)
    }

    // MARK: GitHub Actions

    @Test(arguments: [
        (".github/workflows/ci.yml", true), ("repo/.github/workflows/release.yaml", true),
        (".github/workflows/sub/ci.yml", false), (".github/workflows/README.md", false),
        ("action.yml", true), ("actions/lint/action.yaml", true), ("workflows/ci.yml", false),
        ("github/workflows/ci.yml", false),
    ])
    func gitHubPaths(_ path: String, _ claimed: Bool) {
        #expect(GitHubActionsExtractor.claims(path: path) == claimed)
    }

    @Test func dockerSchemeIsNotPartOfTheSpan() throws {
        let text = """
        on: push
        jobs:
          j:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: 'docker://alpine:3.19'
        """
        let extraction = GitHubActionsExtractor.extract(YAMLReader.read(text: text))
        let occurrence = try #require(extraction.occurrences.first)
        #expect(extraction.occurrences.count == 1)
        #expect(occurrence.text == "alpine:3.19")
        #expect(covered(text, occurrence) == "alpine:3.19")
        #expect(occurrence.context.step == 1)
        #expect(occurrence.context.job == "j")
        #expect(occurrence.context.containerType == "step")
    }

    @Test func expressionsAreUnresolved() throws {
        let extraction = GitHubActionsExtractor.extract(YAMLReader.read(text: """
        on: push
        jobs:
          j:
            runs-on: ubuntu-latest
            container: python:${{ matrix.version }}-slim
        """))
        let occurrence = try #require(extraction.occurrences.first)
        #expect(occurrence.resolved == nil)
        #expect(occurrence.unresolved == ["matrix.version"])
    }

    @Test func recognizesWorkflowsAndActionsByContent() {
        #expect(GitHubActionsExtractor.recognizes(YAMLReader.read(text: "on: push\njobs:\n  a:\n    runs-on: x\n")))
        #expect(GitHubActionsExtractor.recognizes(YAMLReader.read(text: "name: a\nruns:\n  using: docker\n  image: Dockerfile\n")))
        #expect(!GitHubActionsExtractor.recognizes(YAMLReader.read(text: "jobs:\n  a:\n    runs-on: x\n")))
        #expect(!GitHubActionsExtractor.recognizes(YAMLReader.read(text: "services:\n  a:\n    image: x\n")))
    }

    // MARK: GitLab CI

    @Test(arguments: [
        (".gitlab-ci.yml", true), ("sub/.gitlab-ci.yml", true), (".gitlab-ci-2.yml", true),
        ("ci/deploy.gitlab-ci.yml", true), (".gitlab/ci/build.yml", true), ("x/.gitlab/ci/a/b.yaml", true),
        (".gitlab-ci/jobs.yml", true), (".gitlab-ci-local-variables.yml", false), ("gitlab/ci/a.yml", false),
        (".gitlab/ci/readme.md", false), ("ci/build.yml", false),
    ])
    func gitLabPaths(_ path: String, _ claimed: Bool) {
        #expect(GitLabCIExtractor.claims(path: path) == claimed)
    }

    @Test func variablesResolveWithOrigins() throws {
        let text = """
        variables:
          REGISTRY: registry.example.com
          TAG: "1.0"
        job:
          variables:
            TAG: "2.0"
          image: ${REGISTRY}/app:$TAG
          script: make
        """
        let extraction = GitLabCIExtractor.extract(YAMLReader.read(path: ".gitlab-ci.yml", text: text))
        let occurrence = try #require(extraction.occurrences.first)
        #expect(occurrence.text == "${REGISTRY}/app:$TAG")
        #expect(occurrence.resolved == "registry.example.com/app:2.0")
        #expect(occurrence.variables.map(\.name) == ["REGISTRY", "TAG"])
        let lines = occurrence.variables.compactMap { variable -> Int? in
            if case .file(let location) = variable.origin { return location.start.line }
            return nil
        }
        #expect(lines == [2, 6])
        #expect(occurrence.related.map(\.location.start.line) == [2, 6])
    }

    @Test func commandLineAndPolicyValues() throws {
        let options = ExtractionOptions(environment: ["CI_REGISTRY_IMAGE": "registry.gitlab.com/g/p"], policyVariables: ["TAG": "3"])
        let extraction = GitLabCIExtractor.extract(
            YAMLReader.read(text: "job:\n  image: $CI_REGISTRY_IMAGE:$TAG-$CI_COMMIT_SHA\n  script: x\n"), options: options)
        let occurrence = try #require(extraction.occurrences.first)
        #expect(occurrence.resolved == nil)
        #expect(occurrence.unresolved == ["CI_COMMIT_SHA"])
        #expect(occurrence.variables.map(\.origin) == [.commandLine, .builtin, .unset])
    }

    @Test func expansionGrammar() {
        let expansion = GitLabVariableExpansion(options: ExtractionOptions(environment: ["A": "x", "AB": "y"]))
        func run(_ text: String) -> String? { expansion.substitute(ArraySlice(text.utf8)).resolved }
        #expect(run("$A") == "x")
        #expect(run("$AB") == "y")
        #expect(run("${A}B") == "xB")
        #expect(run("$$A") == "$A")
        #expect(run("a$") == "a$")
        #expect(run("$1") == "$1")
        #expect(run("${A") == "${A")
        #expect(run("$MISSING") == nil)
    }

    @Test func referenceResolvedWhereWritten() throws {
        let text = """
        .base:
          image: golang:1.22
        a:
          image: !reference [.base, image]
          script: x
        b:
          image: !reference [.base, image]
          script: x
        c:
          image: !reference [.elsewhere, image]
          script: x
        """
        let extraction = GitLabCIExtractor.extract(YAMLReader.read(text: text))
        #expect(extraction.occurrences.count == 2)
        let base = try #require(extraction.occurrences.first)
        #expect(covered(text, base) == "golang:1.22")
        #expect(base.context.job == ".base")
        #expect(base.context.hidden == true)
        #expect(base.related.map(\.location.start.line) == [4, 7])
        let unresolved = try #require(extraction.occurrences.last)
        #expect(unresolved.text == "[.elsewhere, image]")
        #expect(unresolved.unresolved == ["!reference [.elsewhere, image]"])
        #expect(unresolved.context.job == "c")
    }

    @Test func referenceCyclesEnd() {
        let text = """
        .a: !reference [.b]
        .b: !reference [.a]
        job:
          image: !reference [.a]
          services: !reference [.b]
          script: x
        """
        let extraction = GitLabCIExtractor.extract(YAMLReader.read(text: text))
        #expect(extraction.occurrences.count <= 2)
        #expect(extraction.occurrences.allSatisfy { $0.resolved == nil })
    }

    @Test func componentInputs() throws {
        let text = """
        spec:
          inputs:
            image: {default: "golang:1.22"}
        ---
        job:
          image: $[[ inputs.image ]]
          services: ["$[[ inputs.other ]]"]
          script: x
        """
        let extraction = GitLabCIExtractor.extract(YAMLReader.read(text: text))
        #expect(extraction.occurrences.map(\.resolved) == ["golang:1.22", nil])
        #expect(extraction.occurrences.last?.unresolved == ["inputs.other"])
        #expect(extraction.occurrences.first?.related.first?.location.start.line == 3)
    }

    @Test func recognizesPipelinesByContent() {
        #expect(GitLabCIExtractor.recognizes(YAMLReader.read(text: "stages: [a]\nbuild:\n  script: make\n")))
        #expect(GitLabCIExtractor.recognizes(YAMLReader.read(text: "spec:\n  inputs: {}\n---\nbuild:\n  script: make\n")))
        #expect(!GitLabCIExtractor.recognizes(YAMLReader.read(text: "services:\n  web:\n    image: x\n")))
        #expect(!GitLabCIExtractor.recognizes(YAMLReader.read(text: "apiVersion: v1\nkind: Pod\n")))
    }
}
