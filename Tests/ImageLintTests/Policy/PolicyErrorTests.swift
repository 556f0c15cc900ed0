import Foundation
import TestSupport
import Testing
@testable import ImageLint

/// Every malformed policy under `fixtures/policy-errors/` gives exactly the
/// problems (message and `line:col`) in its `.expected` file.
@Suite("Malformed policies")
struct PolicyErrorTests {
    static let cases: [String] = (try? RepositoryFiles.list("fixtures/policy-errors", suffix: ".yaml")) ?? []

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func problems(_ path: String) {
        let loader = PolicyLoader(workingDirectory: RepositoryFiles.root.path) { absolute in
            (try? Data(contentsOf: URL(fileURLWithPath: absolute))).map(Array.init)
        }
        let result = loader.load(path: path)
        let actual = result.problems.map(\.description).joined(separator: "\n") + "\n"
        let expectedPath = String(path.dropFirst("fixtures/".count).dropLast(".yaml".count)) + ".expected"
        GoldenFile.check(actual, matches: expectedPath)
        #expect(!result.problems.isEmpty, "a malformed policy must have a problem")
    }
}
