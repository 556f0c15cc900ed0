import Testing
@testable import ImageLint

/// Roles, spans and variable origins of compose occurrences (the fixture
/// goldens cover the JSON listing; these check what it does not show).
@Suite("ComposeExtractor")
struct ComposeExtractorTests {
    static func extract(_ text: String, env: String? = nil, options: ExtractionOptions = ExtractionOptions()) -> Extraction {
        ComposeExtractor.extract(
            SourceFile(path: "compose.yaml", text: text),
            dotEnv: env.map { SourceFile(path: ".env", text: $0) },
            options: options)
    }

    static func spanText(_ occurrence: ImageOccurrence, in text: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[occurrence.location.span.start..<occurrence.location.span.end], as: UTF8.self)
    }

    @Test func rolesFollowBuild() {
        let text = """
            services:
              pulled: {image: nginx:1}
              built: {build: ., image: acme/built:1}
              reset-build: {build: !reset null, image: acme/reset:1}
              only-build: {build: .}
            """
        let result = Self.extract(text)
        #expect(result.occurrences.map(\.text) == ["nginx:1", "acme/built:1", "acme/reset:1"])
        #expect(result.occurrences.map(\.role) == [.pull, .buildOutput, .pull])
        #expect(result.occurrences.map(\.context.hasBuild) == [false, true, false])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func buildFieldsRolesAndSpans() {
        let text = """
            services:
              app:
                build:
                  tags: [acme/app:1]
                  cache_from: [acme/app:cache, "type=registry,ref=ghcr.io/acme/app:c", type=local,src=x]
                  cache_to: ["type=registry,ref=ghcr.io/acme/app:c2,mode=max"]
                  additional_contexts: {base: "docker-image://alpine:3"}
                pre_start: [{image: busybox:1}]
                volumes: [{type: image, source: acme/data:1, target: /d}]
            models:
              m: {model: ai/smollm2}
            """
        let result = Self.extract(text)
        let found = result.occurrences.map { ($0.text, $0.role, Self.spanText($0, in: text)) }
        #expect(found.map(\.0) == [
            "acme/app:1", "acme/app:cache", "ghcr.io/acme/app:c", "ghcr.io/acme/app:c2", "alpine:3", "busybox:1", "acme/data:1", "ai/smollm2",
        ])
        #expect(found.map(\.1) == [.buildOutput, .buildSource, .buildSource, .buildOutput, .buildSource, .pull, .pull, .artifact])
        // Spans cover the reference only: no `ref=`, no `docker-image://`, no quotes.
        #expect(found.map(\.2) == found.map(\.0))
    }

    @Test func dotEnvValueIsARelatedLocation() throws {
        let result = Self.extract("services:\n  s:\n    image: app:${TAG}\n", env: "# c\nTAG=1.2\n")
        let occurrence = try #require(result.occurrences.first)
        #expect(occurrence.resolved == "app:1.2")
        let related = try #require(occurrence.related.first)
        #expect(related.location.path == ".env")
        #expect(related.location.start.line == 2)
        #expect(related.location.start.column == 5)
        #expect(related.message == "TAG=1.2")
        #expect(occurrence.variables == [VariableUse(name: "TAG", value: "1.2", origin: .file(related.location))])
    }

    @Test func environmentOverridesDotEnvAndPolicyFillsTheRest() throws {
        let options = ExtractionOptions(environment: ["TAG": "env"], policyVariables: ["TAG": "policy", "REG": "reg.example"])
        let result = Self.extract("services:\n  s:\n    image: ${REG}/app:${TAG}-${OTHER:-x}\n", env: "TAG=dotenv\nREG=\n", options: options)
        let occurrence = try #require(result.occurrences.first)
        // REG is set (empty) in .env, so the policy value is not used.
        #expect(occurrence.resolved == "/app:env-x")
        let result2 = Self.extract("services:\n  s:\n    image: ${REG}/app\n", options: options)
        #expect(result2.occurrences.first?.resolved == "reg.example/app")
    }

    @Test func interpolationErrorsArePositionedInTheYAML() throws {
        let text = "services:\n  s:\n    image: \"alpine:${}\"\n"
        let result = Self.extract(text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "compose-interpolation")
        #expect(diagnostic.location.start.line == 3)
        #expect(diagnostic.location.start.column == 20)
        #expect(diagnostic.location.end.column == 23)
        #expect(result.occurrences.first?.resolved == nil)
        #expect(result.occurrences.first?.unresolved == ["${}"])
    }

    @Test func mergedImageIsReportedOnceWithAliasSites() throws {
        let text = """
            x-d: &d
              image: snuba:${V:-1}
            services:
              a:
                <<: *d
              b:
                <<: *d
              c:
                image: other:1
            """
        let result = Self.extract(text)
        #expect(result.occurrences.map(\.text) == ["snuba:${V:-1}", "other:1"])
        let shared = try #require(result.occurrences.first)
        #expect(shared.location.start.line == 2)
        #expect(shared.context.service == "a")
        #expect(shared.related.map(\.location.start.line) == [5, 7])
        #expect(shared.related.map(\.message) == ["merged through *d by service a", "merged through *d by service b"])
    }

    @Test func xKeysAndNonMappingsAreNotServices() {
        let result = Self.extract("services:\n  x-tmpl: {image: a:1}\n  s: text\n  t:\n")
        #expect(result.occurrences.isEmpty)
    }

    @Test func imageThatIsNotAStringIsDiagnosed() {
        let result = Self.extract("services:\n  s:\n    image: [a, b]\n")
        #expect(result.occurrences.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["compose-invalid-value"])
    }

    @Test func doubleQuotedEscapesKeepTheSpanOnTheSource() throws {
        let text = "services:\n  s:\n    image: \"\\x61lpine:3\"\n"
        let result = Self.extract(text)
        let occurrence = try #require(result.occurrences.first)
        #expect(occurrence.text == "alpine:3")
        #expect(Self.spanText(occurrence, in: text) == "\\x61lpine:3")
    }

    @Test func cacheFieldsParse() {
        #expect(csvFields(Array("a=1,b=2".utf8)) == [0..<3, 4..<7])
        #expect(csvFields(Array("".utf8)) == [0..<0])
        #expect(csvFields(Array("a,".utf8)) == [0..<1, 2..<2])
        #expect(csvFields(Array("\"ref=x,y\",type=registry".utf8)) == [1..<8, 10..<23])
    }
}
