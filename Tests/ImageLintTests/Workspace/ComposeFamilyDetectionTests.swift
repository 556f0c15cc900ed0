import Testing
@testable import ImageLint

@Suite("Compose, kustomize and Helm values detection")
struct ComposeFamilyDetectionTests {
    /// A detector whose file system holds exactly `files`.
    static func detector(_ files: Set<String> = []) -> FileKindDetector {
        FileKindDetector(fileExists: { files.contains($0) })
    }

    @Test(arguments: [
        "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml", "compose.override.yml",
        "docker-compose.override.yaml", "docker-compose.prod.yml", "compose.full.yaml", "compose-with-env-file.yaml",
        "docker-compose-postgres.yml", "extensions/fleet/fleet-compose.yml", "Docker-Compose.YML", "a/b/compose.yaml",
    ])
    func composeNames(_ path: String) {
        #expect(Self.detector().kind(forPath: path) == .compose)
    }

    @Test(arguments: [
        "compose.json", "composer.yaml", "compose", "decompose.yaml", ".github/workflows/compose.yml", "x/.github/workflows/docker-compose.yml",
        "compose.yaml.bak", "my-composer.yml",
    ])
    func notComposeNames(_ path: String) {
        #expect(Self.detector().kind(forPath: path) != .compose)
    }

    @Test func kustomizeNames() {
        for path in ["kustomization.yaml", "kustomization.yml", "k8s/overlays/dev/Kustomization"] {
            #expect(Self.detector().kind(forPath: path) == .kustomize)
        }
        for path in ["Kustomization.yaml", "kustomization.json", "kustomizations.yaml"] {
            #expect(Self.detector().kind(forPath: path) != .kustomize)
        }
    }

    @Test func helmValuesNeedAChart() {
        let chart = Self.detector(["/r/chart/Chart.yaml"])
        for path in ["/r/chart/values.yaml", "/r/chart/values.yml", "/r/chart/values-prod.yaml", "/r/chart/values.dev.yaml",
                     "/r/chart/values_ci.yaml", "/r/chart/ci/test-values.yaml", "/r/chart/ci/values.yaml"] {
            #expect(chart.kind(forPath: path) == .helmValues, "\(path)")
        }
        for path in ["/r/chart/other.yaml", "/r/values.yaml", "/r/chart/a/b/values.yaml", "/r/chart/valuesfile.yaml", "/r/chart/Chart.yaml"] {
            #expect(chart.kind(forPath: path) != .helmValues, "\(path)")
        }
        #expect(Self.detector().kind(forPath: "/r/chart/values.yaml") == nil)
        // The display path says nothing; the system path decides.
        #expect(chart.kind(forPath: "values.yaml", systemPath: "/r/chart/values.yaml") == .helmValues)
    }

    @Test func chartTemplatesAreNeverReadByContent() {
        let compose = Array("services:\n  web:\n    image: nginx\n".utf8)
        let chart = Self.detector(["/r/chart/Chart.yaml"])
        #expect(chart.kind(forWalkedPath: "t/compose-like.yaml", systemPath: "/r/chart/templates/compose-like.yaml", content: compose) == nil)
        #expect(chart.kind(forWalkedPath: "t/x.yaml", systemPath: "/r/chart/templates/sub/x.yaml", content: compose) == nil)
        #expect(chart.kind(forWalkedPath: "x.yaml", systemPath: "/r/chart/x.yaml", content: compose) == .compose)
        // Without a Chart.yaml, a template action at the start of a line tells.
        let template = Array("{{- if .Values.enabled }}\nservices:\n  web: {}\n{{- end }}\n".utf8)
        #expect(Self.detector().kind(forWalkedPath: "x.yaml", systemPath: "/r/c/templates/x.yaml", content: template) == nil)
        let argo = Array("services:\n  web:\n    image: \"{{inputs.parameters.image}}\"\n".utf8)
        #expect(Self.detector().kind(forWalkedPath: "x.yaml", systemPath: "/r/c/templates/x.yaml", content: argo) == .compose)
    }

    @Test(arguments: [
        ("services:\n  web:\n    image: nginx\n", FileKind?.some(.compose)),
        ("# c\nservices: # comment\n\n  web: {image: a}\nvolumes: {}\n", .compose),
        ("services: {web: {image: a}}\n", .compose),
        ("services: &s\n  web: {}\n", .compose),
        ("\u{FEFF}services:\r\n  web:\r\n    image: a\r\n", .compose),
        ("services:\n  - docker:dind\nstages: [build]\n", nil),
        ("services:\n  - postgres\n", nil),
        ("jobs:\n  x: {}\nservices:\n  a: {}\n", nil),
        ("kind: pipeline\nservices:\n  a: {}\n", nil),
        ("steps:\n  a: {}\nservices:\n  db: {image: postgres}\n", nil),
        ("name: x\n", nil),
        ("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages: []\n", .kustomize),
        ("apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n", .kustomize),
        ("apiVersion: \"kustomize.config.k8s.io/v1beta1\"\nkind: 'Kustomization' # c\n", .kustomize),
        ("apiVersion: apps/v1\nkind: Kustomization\n", .kubernetes),
    ])
    func contentRules(_ text: String, _ kind: FileKind?) {
        #expect(Self.detector().kind(forWalkedPath: "x/any.yaml", systemPath: "/r/x/any.yaml", content: Array(text.utf8)) == kind)
    }

    @Test func contentRulesReadOnlyYAMLNames() {
        let compose = Array("services:\n  web: {image: a}\n".utf8)
        #expect(Self.detector().kind(forWalkedPath: "notes.txt", content: compose) == nil)
        #expect(Self.detector().needsContent(forPath: "a/b.yml"))
        #expect(!Self.detector().needsContent(forPath: "main.go"))
        #expect(!Self.detector().needsContent(forPath: "a/b.yml", forced: .dockerfile))
        #expect(Self.detector().needsContent(forPath: "a/b.yml", forced: .compose))
    }
}
