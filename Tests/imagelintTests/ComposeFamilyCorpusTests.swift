import Foundation
import ImageLint
import TestSupport
import Testing
@testable import imagelint

/// The compose, kustomize and Helm values files of the real-world corpus
/// (`fixtures/corpus`): every one the workspace detects is extracted
/// without a crash, and the per-file summary (kind, images, unresolved,
/// invalid, every diagnostic) matches a reviewed golden, so any new
/// diagnostic or lost image shows up as a diff. A few files also have their
/// full `images --format json` listing checked (spot checks, read by hand).
@Suite("compose, kustomize and Helm values corpus")
struct ComposeFamilyCorpusTests {
    static let kinds: Set<FileKind> = [.compose, .kustomize, .helmValues]

    @Test(.tags(.golden)) func everyFileExtracts() throws {
        let root = RepositoryRoot.fixture("corpus")
        let contents = Workspace().load(["."], currentDirectory: root)
        #expect(contents.failures.isEmpty)
        var lines: [String] = []
        var counts: [FileKind: Int] = [:]
        for file in contents.files where Self.kinds.contains(file.kind) {
            counts[file.kind, default: 0] += 1
            let extraction = Extractor.extract(file.source, kind: file.kind, companions: file.companions)
            let listings = extraction.occurrences.map(ImageListing.init(occurrence:))
            let unresolved = listings.filter { $0.reference == nil }.count
            let invalid = listings.filter { if case .failure = $0.reference { true } else { false } }.count
            var line = "\(file.source.path)\t\(file.kind.rawValue)\t\(listings.count) images"
            if unresolved > 0 { line += "\t\(unresolved) unresolved" }
            if invalid > 0 { line += "\t\(invalid) invalid" }
            if let dotEnv = file.companions.dotEnv { line += "\twith \(dotEnv.path)" }
            if let chart = file.companions.chart { line += "\twith \(chart.path)" }
            lines.append(line)
            for diagnostic in extraction.diagnostics {
                let location = diagnostic.location
                lines.append("  \(location.path):\(location.start.line):\(location.start.column): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]")
            }
        }
        let header = "# compose \(counts[.compose] ?? 0), kustomize \(counts[.kustomize] ?? 0), helm-values \(counts[.helmValues] ?? 0) files\n"
        GoldenFile.check(header + lines.joined(separator: "\n") + "\n", matches: "corpus-extract/compose-kustomize-helm-values.txt")
    }

    /// Corpus files whose listing was read against the file and checked by hand.
    static let spotChecks: [String] = [
        "temporalio__docker-compose/docker-compose.yml",
        "temporalio__docker-compose/docker-compose-multirole.yaml",
        "deviantony__docker-elk/docker-compose.yml",
        "deviantony__docker-elk/extensions/fleet/fleet-compose.yml",
        "docker__compose/pkg/e2e/fixtures/watch/compose.yaml",
        "docker__awesome-compose/nginx-golang-mysql/compose.yaml",
        "docker__awesome-compose/plex/compose.yaml",
        "compose-spec__compose-go/loader/testdata/extends/reset.yaml",
        "GoogleCloudPlatform__microservices-demo/kustomize/components/container-images-registry/kustomization.yaml",
        "GoogleCloudPlatform__microservices-demo/kustomize/components/container-images-tag-suffix/kustomization.yaml",
        "GoogleCloudPlatform__microservices-demo/helm-chart/values.yaml",
        "bitnami__charts/bitnami/nginx/values.yaml",
        "bitnami__charts/bitnami/rabbitmq-cluster-operator/values.yaml",
    ]

    @Test(.tags(.golden), arguments: spotChecks)
    func spotCheck(_ path: String) {
        let run = ImagesRun(paths: [path], kind: nil, buildArgs: [:], format: .json)
        let outcome = run.execute(currentDirectory: RepositoryRoot.fixture("corpus"))
        #expect(outcome.status == .success)
        #expect(outcome.errors.isEmpty)
        let name = path.replacingOccurrences(of: "/", with: "__")
        GoldenFile.check(outcome.output, matches: "corpus-extract/spot-checks/\(name).json")
    }
}
