import Foundation
import Testing
@testable import ImageLint

/// The Kubernetes (and custom resource), GitHub Actions and GitLab CI files
/// of the real-world corpus (`fixtures/corpus`, kinds from its INDEX.tsv):
/// every one is extracted without a crash; the diagnostics, and the files
/// whose detected kind differs from the index's guess, are listed in a
/// reviewed golden (`fixtures/corpus-workloads/extraction.txt`); a
/// hand-checked set of files has golden image lists under
/// `fixtures/corpus-workloads/spot/`. Regenerate with
/// `IMAGELINT_UPDATE_GOLDEN=1` (and review).
@Suite("Kubernetes, GitHub Actions and GitLab CI corpus")
struct WorkloadCorpusTests {
    static let corpus = "fixtures/corpus"
    static let goldenFolder = "fixtures/corpus-workloads"

    /// INDEX.tsv kind → the kind imagelint reads it as.
    static func kind(forIndexKind kind: String) -> FileKind? {
        if kind == "kubernetes" || kind.hasPrefix("kubernetes-crd") { return .kubernetes }
        if kind == "github-actions" || kind == "github-action-metadata" { return .githubActions }
        if kind == "gitlab-ci" { return .gitlabCI }
        return nil
    }

    static func indexedFiles() throws -> [(path: String, kind: FileKind)] {
        let index = try RepositoryFiles.text(corpus + "/INDEX.tsv")
        return index.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count >= 2, let kind = kind(forIndexKind: String(fields[1])) else { return nil }
            return (String(fields[0]), kind)
        }
    }

    @Test func everyFileExtracts() throws {
        let files = try Self.indexedFiles()
        #expect(files.count == 726)
        let detector = FileKindDetector()
        var occurrences = 0
        var unresolved = 0
        var detection: [String] = []
        var diagnostics: [String] = []
        for (path, kind) in files {
            let bytes = try RepositoryFiles.bytes(Self.corpus + "/" + path)
            let detected = detector.kind(forWalkedPath: path, content: bytes)
            if detected != kind {
                detection.append("\(path): indexed \(kind.rawValue), detected \(detected?.rawValue ?? "nothing")")
            }
            let extraction = Extractor.extract(SourceFile(path: path, bytes: bytes), kind: kind)
            occurrences += extraction.occurrences.count
            unresolved += extraction.occurrences.filter { $0.resolved == nil }.count
            for occurrence in extraction.occurrences {
                #expect(occurrence.location.span.end <= bytes.count)
                #expect(occurrence.location.span.start <= occurrence.location.span.end)
            }
            diagnostics += extraction.diagnostics.map(\.line)
        }
        let text = ([
            "# Kubernetes, GitHub Actions and GitLab CI files of fixtures/corpus (kinds from INDEX.tsv), extracted as that kind.",
            "# files: \(files.count), occurrences: \(occurrences), unresolved: \(unresolved)",
            "# Detected (walking, by name then content) as another kind than the index's guess; reviewed:",
        ] + detection + [
            "# Diagnostics (reader and extractor); reviewed: each is a broken test input, a Helm template or a real problem:",
        ] + diagnostics).joined(separator: "\n") + "\n"
        Self.check(text, against: Self.goldenFolder + "/extraction.txt")
    }

    /// Files whose every occurrence was checked by reading the file.
    static let spotChecked = [
        "kubernetes__examples/_archived/javaweb-tomcat-sidecar/javaweb-2.yaml",
        "kubernetes__examples/_archived/meteor/meteor-controller.json",
        "yannh__kubeconform/fixtures/list_valid.yaml",
        "yannh__kubeconform/fixtures/multi_valid.yaml",
        "zegl__kube-score/score/testdata/cronjob-batchv1beta1.yaml",
        "zegl__kube-score/score/testdata/pod-probes-on-different-containers-init.yaml",
        "argoproj__argo-workflows/examples/steps-inline-workflow.yaml",
        "argoproj__argo-workflows/examples/container-set-template/graph-workflow.yaml",
        "tektoncd__catalog/task/gcloud/0.3/gcloud.yaml",
        "knative__serving/test/test_images/initcontainers/service.yaml",
        "actions__example-services/.github/workflows/postgres-service.yml",
        "rhysd__actionlint/testdata/ok/container_syntax.yaml",
        "rhysd__actionlint/testdata/ok/anchors.yaml",
        "rhysd__actionlint/testdata/ok/docker_steps.yaml",
        "firecow__gitlab-ci-local/tests/test-cases/image/.gitlab-ci.yml",
        "firecow__gitlab-ci-local/tests/test-cases/services/.gitlab-ci.yml",
    ]

    @Test(arguments: spotChecked)
    func spotGolden(_ path: String) throws {
        let kind = try #require(try Self.indexedFiles().first { $0.path == path }?.kind)
        let file = SourceFile(path: path, bytes: try RepositoryFiles.bytes(Self.corpus + "/" + path))
        let extraction = Extractor.extract(file, kind: kind)
        let listings = extraction.occurrences.map(ImageListing.init(occurrence:)).sorted(by: ImageListing.order)
        let golden = Self.goldenFolder + "/spot/" + path.replacingOccurrences(of: "/", with: "__") + ".json"
        Self.check(ImagesJSONReporter.render(listings), against: golden)
        #expect(extraction.diagnostics.isEmpty)
    }

    static func check(_ actual: String, against path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        WorkloadFixtureTests.check(actual, against: path, sourceLocation: sourceLocation)
    }
}
