import Foundation
import TestSupport
import Testing
import ImageLint
@testable import imagelint

/// Golden `imagelint images --format json` output for every fixture folder
/// `fixtures/<kind>/<case>/` of the kinds below: the case's files keep
/// their real names; `args.txt` (optional) holds extra arguments
/// (`--env NAME=VALUE`, `--build-arg NAME=VALUE`, `--kind KIND`);
/// `expected.json` is the listing, `expected.stderr` the diagnostics (absent
/// when there are none). Regenerate with `IMAGELINT_UPDATE_GOLDEN=1`.
@Suite("images fixtures")
struct ImagesFixtureTests {
    static let kinds = ["compose", "kustomize", "helm-values"]

    struct Case: Sendable, CustomTestStringConvertible {
        let kind: String
        let name: String
        var folder: String { "\(kind)/\(name)" }
        var testDescription: String { folder }
    }

    static let cases: [Case] = kinds.flatMap { kind in
        let root = RepositoryRoot.fixture(kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.sorted().filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }.map { Case(kind: kind, name: $0) }
    }

    @Test func enoughFixtures() {
        #expect(Self.cases.count >= 30)
        for kind in Self.kinds { #expect(Self.cases.contains { $0.kind == kind }) }
    }

    @Test(.tags(.golden), arguments: cases)
    func listing(_ fixture: Case) throws {
        let folder = RepositoryRoot.fixture(fixture.folder)
        var arguments: [String] = []
        if let text = FileManager.default.contents(atPath: folder + "/args.txt") {
            arguments = String(decoding: text, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        }
        var run = ImagesRun(paths: ["."], kind: nil, buildArgs: [:], format: .json)
        var index = 0
        while index + 1 < arguments.count {
            let value = arguments[index + 1]
            switch arguments[index] {
            case "--env": run.environment.merge(ExtractionInputOptions.pairs([value])) { $1 }
            case "--build-arg": run.buildArgs.merge(ExtractionInputOptions.pairs([value])) { $1 }
            case "--kind": run.kind = FileKind(rawValue: value)
            default: Issue.record("unknown argument \(arguments[index]) in \(fixture.folder)/args.txt")
            }
            index += 2
        }
        let outcome = run.execute(currentDirectory: folder)
        #expect(outcome.status == .success)
        GoldenFile.check(outcome.output, matches: fixture.folder + "/expected.json")
        let stderrPath = fixture.folder + "/expected.stderr"
        if !outcome.errors.isEmpty || FileManager.default.fileExists(atPath: RepositoryRoot.fixture(stderrPath)) {
            GoldenFile.check(outcome.errors, matches: stderrPath)
        }
        // The listing is valid JSON whatever the case.
        let parsed = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any]
        #expect(parsed?["version"] as? Int == 1)
    }
}
