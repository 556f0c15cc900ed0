import Testing
@testable import ImageLint

/// What the JSON goldens do not show: roles, related locations, variables,
/// diagnostics, and the exact spans of a few tricky values.
@Suite("Kubernetes extractor")
struct KubernetesExtractorTests {
    func extract(_ text: String) -> Extraction {
        KubernetesExtractor.extract(YAMLReader.read(path: "k.yaml", text: text))
    }

    /// The text a location covers.
    func covered(_ text: String, _ occurrence: ImageOccurrence) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[occurrence.location.span.start..<occurrence.location.span.end], as: UTF8.self)
    }

    @Test func podContextAndSpan() throws {
        let text = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: ns}
        spec:
          containers:
            - name: app
              image: "nginx:1.25"   # comment
        """
        let extraction = extract(text)
        let occurrence = try #require(extraction.occurrences.first)
        #expect(extraction.occurrences.count == 1)
        #expect(covered(text, occurrence) == "nginx:1.25")
        #expect(occurrence.location.start.line == 7)
        #expect(occurrence.location.start.column == 15)
        #expect(occurrence.role == .pull)
        #expect(occurrence.source == .kubernetes)
        #expect(occurrence.context.kind == "Pod")
        #expect(occurrence.context.name == "p")
        #expect(occurrence.context.namespace == "ns")
        #expect(occurrence.context.container == "app")
        #expect(occurrence.context.containerType == "container")
        #expect(occurrence.context.document == 0)
        #expect(extraction.diagnostics.isEmpty)
    }

    @Test func aliasReportedOnceWithRelatedLocations() throws {
        let text = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
            - &c {name: init, image: &i busybox:1.36}
          containers:
            - <<: *c
              name: app
            - {name: other, image: *i}
        """
        let extraction = extract(text)
        let occurrence = try #require(extraction.occurrences.first)
        #expect(extraction.occurrences.count == 1)
        #expect(covered(text, occurrence) == "busybox:1.36")
        #expect(occurrence.context.container == "init")
        #expect(occurrence.related.count == 2)
        #expect(occurrence.related.map(\.location.start.line) == [8, 10])
        #expect(occurrence.related[0].message.contains("merged"))
    }

    @Test func emptyAndMalformedImages() {
        let extraction = extract("""
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - {name: a}
            - {name: b, image: null}
            - {name: c, image: ""}
            - {name: d, image: [x]}
        """)
        #expect(extraction.occurrences.isEmpty)
        #expect(extraction.diagnostics.map(\.code) == ["kubernetes-empty-image", "kubernetes-empty-image", "kubernetes-image-not-string"])
        #expect(extraction.diagnostics.map(\.severity) == [.note, .note, .warning])
    }

    @Test func helmExpressionThatEscapedDetection() throws {
        let extraction = extract("""
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: {{ .Values.image }}
        """)
        let occurrence = try #require(extraction.occurrences.first)
        #expect(occurrence.text == "{{ .Values.image }}")
        #expect(occurrence.resolved == nil)
        #expect(occurrence.unresolved == [".Values.image"])
        #expect(extraction.diagnostics.isEmpty)
    }

    @Test func tektonParameterResolution() throws {
        let text = """
        apiVersion: tekton.dev/v1
        kind: Task
        spec:
          params:
            - {name: image, default: "golang"}
            - {name: version, default: "1.22"}
          steps:
            - name: build
              image: $(params.image):$(params.version)
            - name: missing
              image: $(params.nope)
        """
        let extraction = extract(text)
        #expect(extraction.occurrences.count == 2)
        let build = try #require(extraction.occurrences.first)
        #expect(build.text == "$(params.image):$(params.version)")
        #expect(build.resolved == "golang:1.22")
        #expect(build.unresolved.isEmpty)
        #expect(build.variables.map(\.name) == ["params.image", "params.version"])
        #expect(build.variables.map(\.value) == ["golang", "1.22"])
        #expect(build.related.map(\.location.start.line) == [5, 6])
        let missing = try #require(extraction.occurrences.last)
        #expect(missing.resolved == nil)
        #expect(missing.unresolved == ["params.nope"])
    }

    @Test func tektonPipelinePassesParametersOn() throws {
        let extraction = extract("""
        apiVersion: tekton.dev/v1
        kind: Pipeline
        spec:
          params:
            - {name: tool, default: "alpine:3.19"}
          tasks:
            - name: t
              params:
                - {name: image, value: $(params.tool)}
              taskSpec:
                params: [{name: image}]
                steps:
                  - {name: s, image: $(params.image)}
        """)
        let occurrence = try #require(extraction.occurrences.first)
        #expect(occurrence.resolved == "alpine:3.19")
        #expect(occurrence.variables.map(\.name) == ["params.image"])
    }

    @Test func bundlesAreArtifacts() {
        let extraction = extract("""
        apiVersion: tekton.dev/v1beta1
        kind: TaskRun
        spec:
          taskRef: {bundle: docker.io/acme/tasks:1.0, name: t}
        """)
        #expect(extraction.occurrences.map(\.role) == [.artifact])
        #expect(extraction.occurrences.map(\.context.containerType) == ["bundle"])
    }

    @Test func skaffoldArtifactsAreBuildOutputs() {
        let extraction = extract("""
        apiVersion: skaffold/v4beta6
        kind: Config
        build:
          artifacts:
            - image: emailservice
              context: src/emailservice
        """)
        #expect(extraction.occurrences.map(\.text) == ["emailservice"])
        #expect(extraction.occurrences.map(\.role) == [.buildOutput])
    }

    @Test func kindClusterNodes() {
        let extraction = extract("""
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        nodes:
          - role: control-plane
            image: kindest/node:v1.30.0
          - role: worker
        """)
        #expect(extraction.occurrences.map(\.text) == ["kindest/node:v1.30.0"])
        #expect(extraction.occurrences.map(\.context.containerType) == ["node"])
        #expect(extraction.occurrences.map(\.context.container) == ["control-plane"])
    }

    @Test func documentsThatAreNotObjects() {
        let extraction = extract("""
        just: a mapping
        ---
        - a list
        ---
        kind: pipeline
        steps: [{name: x, image: drone-is-not-kubernetes}]
        """)
        #expect(extraction.occurrences.isEmpty)
        #expect(!KubernetesExtractor.recognizes(YAMLReader.read(text: "kind: pipeline\n")))
        #expect(KubernetesExtractor.recognizes(YAMLReader.read(text: "---\n---\napiVersion: v1\nkind: Pod\n")))
    }

    @Test(arguments: [
        ("apiVersion: v1\nkind: Pod\n", true),
        ("\u{FEFF}kind: Pod\r\napiVersion: v1\r\n", true),
        ("# c\n---\napiVersion: apps/v1\nmetadata: {}\nkind: Deployment\n", true),
        ("{\n  \"apiVersion\": \"v1\", \"kind\": \"Pod\"\n}", true),
        ("  apiVersion: v1\n  kind: Pod\n", false),
        ("kind: pipeline\ntype: docker\n", false),
        ("services:\n  web:\n    image: x\n", false),
        ("x: '\"apiVersion\" \"kind\"'\n", false),
    ])
    func manifestByteScan(_ text: String, _ expected: Bool) {
        #expect(KubernetesExtractor.looksLikeManifest(Array(text.utf8)) == expected)
    }

    /// An alias bomb along a path the extractor follows (inline templates
    /// of inline templates, ten at each of eight levels) ends with a
    /// diagnostic instead of 10^8 visits (with a small budget here, so the
    /// test is quick; the default is 100,000).
    @Test func aliasBombStops() throws {
        var text = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nx:\n"
        text += "  a0: &a0 {name: leaf, container: {image: busybox}}\n"
        for level in 1...8 {
            let steps = Array(repeating: "{name: s, inline: *a\(level - 1)}", count: 10).joined(separator: ", ")
            text += "  a\(level): &a\(level) {name: n\(level), steps: [[\(steps)]]}\n"
        }
        text += "spec:\n  templates: [*a8]\n"
        var limits = YAMLLimits.default
        limits.maxAliasExpansion = 5_000
        let extraction = KubernetesExtractor.extract(YAMLReader.read(text: text), limits: limits)
        let occurrence = try #require(extraction.occurrences.first)
        #expect(extraction.occurrences.count == 1)
        #expect(occurrence.location.start.line == 4)
        #expect(extraction.diagnostics.map(\.code) == ["yaml-alias-limit"])
    }
}
