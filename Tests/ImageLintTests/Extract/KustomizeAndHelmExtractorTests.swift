import Testing
@testable import ImageLint

@Suite("KustomizeExtractor")
struct KustomizeExtractorTests {
    static func extract(_ text: String) -> Extraction {
        KustomizeExtractor.extract(SourceFile(path: "kustomization.yaml", text: text))
    }

    @Test func effectiveReferenceLikeKustomize() {
        let result = Self.extract("""
            images:
            - {name: a, newName: b, newTag: "1"}
            - {name: a, newTag: "1", digest: "sha256:00"}
            - {name: a, digest: "sha256:00"}
            - {name: a, newTag: "1", tagSuffix: -x}
            - {name: a, digest: "sha256:00", tagSuffix: -x}
            - {name: a, tagSuffix: -x}
            - {name: a, newName: b}
            - {name: a}
            """)
        #expect(result.occurrences.map(\.text) == [
            "b:1", "a:1@sha256:00", "a@sha256:00", "a:1-x", "a:-x@sha256:00", "a", "b", "a",
        ])
        #expect(result.occurrences.map { $0.context.tagInherited ?? false } == [false, false, false, false, false, true, true, true])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func locatedAtNameWithOtherFieldsRelated() throws {
        let text = "images:\n  - name: nginx\n    newName: mirror/nginx\n    newTag: \"1.27\"\n"
        let occurrence = try #require(Self.extract(text).occurrences.first)
        #expect(occurrence.location.start.line == 2)
        #expect(occurrence.location.start.column == 11)
        #expect(occurrence.location.end.column == 16)
        #expect(occurrence.related.map(\.message) == ["newName: mirror/nginx", "newTag: 1.27"])
        #expect(occurrence.related.map(\.location.start.line) == [3, 4])
        #expect(occurrence.context.keyPath == "images[0]")
        #expect(occurrence.source == .kustomize)
    }

    @Test(arguments: ["3.6", "553640e6", "7284872", "true", "0x1F", "1e3"])
    func nonStringNewTagIsAnError(_ tag: String) throws {
        let result = Self.extract("images:\n  - name: a\n    newTag: \(tag)\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "kustomize-tag-not-string")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.start.line == 3)
        #expect(result.occurrences.first?.text == "a:\(tag)")
    }

    @Test(arguments: ["\"3.6\"", "'3.6'", "!!str 3.6", "v3.6", "3.6-alpine"])
    func stringNewTagIsFine(_ tag: String) {
        #expect(Self.extract("images:\n  - name: a\n    newTag: \(tag)\n").diagnostics.isEmpty)
    }

    @Test func ociHelmChartIsAnArtifact() throws {
        let text = "helmCharts:\n- name: nginx\n  repo: oci://registry-1.docker.io/bitnamicharts/\n  version: 22.1.1\n- name: x\n  repo: https://example.com/charts\n"
        let result = Self.extract(text)
        let occurrence = try #require(result.occurrences.first)
        #expect(result.occurrences.count == 1)
        #expect(occurrence.role == .artifact)
        #expect(occurrence.text == "registry-1.docker.io/bitnamicharts/nginx:22.1.1")
        #expect(occurrence.location.start.column == 15)
    }
}

@Suite("HelmValuesExtractor")
struct HelmValuesExtractorTests {
    static func extract(_ text: String, chart: String? = nil) -> Extraction {
        HelmValuesExtractor.extract(
            SourceFile(path: "values.yaml", text: text),
            chart: chart.map { SourceFile(path: "Chart.yaml", text: $0) })
    }

    @Test func bitnamiJoin() {
        let chart = "name: x\nappVersion: 9.9.9\n"
        let result = Self.extract("""
            a: {image: {registry: docker.io, repository: bitnami/a, tag: "1", digest: ""}}
            b: {image: {registry: docker.io, repository: bitnami/b, tag: "1", digest: "sha256:00"}}
            c: {image: {registry: "", repository: bitnami/c, tag: "1"}}
            d: {image: {repository: bitnami/d, tag: ""}}
            e: {image: {repository: bitnami/e, tag: null, digest: null}}
            f: {fImage: {repository: bitnami/f, tag: "2"}}
            g: {image: {image: acme/g, tag: "3"}}
            """, chart: chart)
        #expect(result.occurrences.map(\.resolved) == [
            "docker.io/bitnami/a:1", "docker.io/bitnami/b@sha256:00", "bitnami/c:1", "bitnami/d:9.9.9", "bitnami/e:9.9.9",
            "bitnami/f:2", "acme/g:3",
        ])
        #expect(result.occurrences[3].text == "bitnami/d:{{ .Chart.AppVersion }}")
        #expect(result.occurrences[3].related.last?.location.path == "Chart.yaml")
        #expect(result.occurrences.map(\.context.keyPath) == ["a.image", "b.image", "c.image", "d.image", "e.image", "f.fImage", "g.image"])
    }

    @Test func appVersionUnknownIsUnresolved() throws {
        let occurrence = try #require(Self.extract("image: {repository: acme/a, tag: \"\"}").occurrences.first)
        #expect(occurrence.resolved == nil)
        #expect(occurrence.unresolved == ["appVersion"])
    }

    @Test func globalRegistryReplacesRegistry() {
        let result = Self.extract("global: {imageRegistry: mirror.example}\nimage: {registry: docker.io, repository: bitnami/a, tag: \"1\"}\n")
        #expect(result.occurrences.map(\.resolved) == ["mirror.example/bitnami/a:1"])
        #expect(result.occurrences.map(\.text) == ["docker.io/bitnami/a:1"])
        #expect(result.occurrences.first?.related.map(\.message) == ["registry: docker.io", "global.imageRegistry: mirror.example (replaces registry)", "tag: 1"])
    }

    @Test func numericTagsRenderLikeHelm() {
        let result = Self.extract("a: {image: {repository: a, tag: 1.10}}\nb: {image: {repository: b, tag: 8}}\n")
        #expect(result.occurrences.map(\.resolved) == ["a:1.1", "b:8"])
        #expect(result.occurrences.map(\.text) == ["a:1.10", "b:8"])
        #expect(result.diagnostics.map(\.severity) == [.error, .warning])
        #expect(result.diagnostics.map(\.code) == ["helm-numeric-tag", "helm-numeric-tag"])
    }

    @Test func numericAppVersionIsReportedOnceInChartYaml() {
        let result = Self.extract("a: {image: {repository: a}}\nb: {image: {repository: b}}\n", chart: "appVersion: 6.10\n")
        #expect(result.occurrences.map(\.resolved) == ["a:6.1", "b:6.1"])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location.path == "Chart.yaml")
        #expect(result.diagnostics.first?.code == "helm-numeric-app-version")
    }

    @Test func stringImagesAndNonImages() {
        let result = Self.extract("""
            image: nginx:1
            pullImage: true
            allowInsecureImages: false
            images: [a, b]
            list: [{image: "busybox:1"}, {image: ""}, {image: 5}]
            script: |
              image: x
            """)
        #expect(result.occurrences.map(\.text) == ["nginx:1", "busybox:1"])
    }

    @Test func sharedAnchorIsOneOccurrence() throws {
        let result = Self.extract("s: &s {repository: a, tag: \"1\"}\nx: {image: *s}\ny: {image: {<<: *s, pullPolicy: Always}}\n")
        let occurrence = try #require(result.occurrences.first)
        #expect(result.occurrences.count == 1)
        #expect(occurrence.location.start.line == 1)
        #expect(occurrence.related.map(\.message).filter { $0.contains("through") }.count == 2)
    }
}
