import Foundation
import Testing
@testable import ImageLint

/// The real Dockerfiles of `fixtures/corpus/` (copied from public
/// repositories): every one is found by name and read; the diagnostics of
/// the whole set are a reviewed golden (only BuildKit's negative parser
/// cases and its FROM-less parser cases have any); a spot-checked set has
/// golden `images --format json` output (run in `fixtures/corpus`).
@Suite("Dockerfile corpus")
struct DockerfileCorpusTests {
    static let corpus = "fixtures/corpus"
    static let goldens = "fixtures/dockerfile-corpus"

    /// Every Dockerfile of the corpus, as the workspace finds them by name.
    static let files: [SourceFile] = {
        let walker = FileWalker()
        let root = RepositoryFiles.url(corpus).path
        return walker.collect(["."], currentDirectory: root).files
            .filter { $0.kind == .dockerfile }
            .compactMap { file in
                (try? FileSystem.read(file.systemPath)).map { SourceFile(path: file.path, bytes: $0) }
            }
    }()

    @Test func findsEveryDockerfileAndNothingElse() {
        #expect(Self.files.count == 257)
        let paths = Self.files.map(\.path)
        #expect(!paths.contains { $0.hasSuffix(".template") || $0.hasSuffix(".dockerignore") || $0.hasSuffix("/result") })
    }

    @Test func diagnosticsGolden() {
        var lines: [String] = []
        var clean = 0
        for file in Self.files {
            let diagnostics = DockerfileExtractor.extract(file).diagnostics
            if diagnostics.isEmpty { clean += 1 }
            lines += diagnostics.map(\.line)
        }
        let header = """
        # Diagnostics of the Dockerfile reader and extractor on every Dockerfile of fixtures/corpus.
        # Reviewed by hand: only BuildKit's negative parser cases and its parser cases without FROM have any.
        # files: \(Self.files.count), clean: \(clean)

        """
        DockerfileFixtureTests.check(header + lines.map { $0 + "\n" }.joined(), against: Self.goldens + "/diagnostics.txt")
        let unexpected = lines.filter { !$0.hasPrefix("moby__buildkit/frontend/dockerfile/parser/testfiles") }
        #expect(unexpected.isEmpty, "\(unexpected)")
    }

    static var spotChecked: [String] {
        ((try? RepositoryFiles.text(goldens + "/spot-checked.txt")) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func enoughSpotChecks() {
        #expect(Self.spotChecked.count >= 10)
    }

    @Test(arguments: spotChecked)
    func spotCheckedGolden(_ path: String) throws {
        let file = SourceFile(path: path, bytes: try RepositoryFiles.bytes(Self.corpus + "/" + path))
        let extraction = DockerfileExtractor.extract(file)
        #expect(extraction.diagnostics.isEmpty)
        let listings = extraction.occurrences.map(ImageListing.init(occurrence:)).sorted(by: ImageListing.order)
        DockerfileFixtureTests.check(ImagesJSONReporter.render(listings), against: Self.goldens + "/" + path + ".json")
    }
}
