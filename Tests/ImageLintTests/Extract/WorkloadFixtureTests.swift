import Foundation
import Testing
@testable import ImageLint

/// Every folder of `fixtures/kubernetes/`, `fixtures/github-actions/` and
/// `fixtures/gitlab-ci/` is a small repository: input files with their real
/// names, read the way `imagelint images .` reads a folder (kinds detected
/// by name, then content), with the golden `expected.json` (what
/// `imagelint images --format json .` prints there) and, when files have
/// problems, `expected.stderr` (the diagnostics). An optional `env.txt`
/// gives `NAME=VALUE` lines for `--env`, `policy-variables.txt` the
/// policy's `variables:`. `IMAGELINT_UPDATE_GOLDEN=1` rewrites goldens
/// (and still fails, so the new output is reviewed before it passes).
@Suite("Kubernetes, GitHub Actions and GitLab CI fixtures")
struct WorkloadFixtureTests {
    static let roots = ["fixtures/kubernetes", "fixtures/github-actions", "fixtures/gitlab-ci"]
    static let goldenNames: Set<String> = ["expected.json", "expected.stderr", "env.txt", "policy-variables.txt"]

    static var cases: [String] {
        roots.flatMap { root in
            ((try? RepositoryFiles.list(root)) ?? []).filter { folder in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: RepositoryFiles.url(folder).path, isDirectory: &isDirectory) && isDirectory.boolValue
            }
        }
    }

    @Test func enoughCases() {
        #expect(Self.cases.count >= 30)
        for root in Self.roots {
            #expect(Self.cases.filter { $0.hasPrefix(root + "/") }.count >= 7, "\(root)")
        }
    }

    @Test(arguments: cases)
    func golden(_ folder: String) throws {
        let (json, stderr) = Self.run(folder)
        Self.check(json, against: folder + "/expected.json")
        Self.check(stderr, against: folder + "/expected.stderr")
    }

    /// What `imagelint images --format json .` prints in `folder`, and its
    /// diagnostics.
    static func run(_ folder: String) -> (json: String, stderr: String) {
        let directory = RepositoryFiles.url(folder).path
        let contents = Workspace().load(["."], currentDirectory: directory)
        let options = ExtractionOptions(
            environment: pairs(folder + "/env.txt"),
            policyVariables: pairs(folder + "/policy-variables.txt"))
        var listings: [ImageListing] = []
        var stderr = ""
        for file in contents.files where !goldenNames.contains(String(file.source.path.split(separator: "/").last ?? "")) {
            let extraction = Extractor.extract(file.source, kind: file.kind, options: options)
            listings += extraction.occurrences.map(ImageListing.init(occurrence:))
            stderr += extraction.diagnostics.map { $0.line + "\n" }.joined()
        }
        listings.sort(by: ImageListing.order)
        return (ImagesJSONReporter.render(listings), stderr)
    }

    /// `NAME=VALUE` lines of an optional file.
    static func pairs(_ path: String) -> [String: String] {
        guard let text = try? RepositoryFiles.text(path) else { return [:] }
        return ImagesFixtureArguments.pairs(text)
    }

    /// Compares with a golden file; an absent golden means empty output.
    static func check(_ actual: String, against path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        DockerfileFixtureTests.check(actual, against: path, sourceLocation: sourceLocation)
    }
}
