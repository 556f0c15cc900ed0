import Foundation
import ImageLint
import TestSupport
import Testing
@testable import imagelint

/// `imagelint check` over every folder of `fixtures/check/`: the text and
/// JSON output and the exit status must equal the case's golden files
/// (`expected.txt`, `expected.json`, `expected-exit`). Extra arguments come
/// from the case's `args` file (one per line). `expected.txt` and
/// `expected.json` are rewritten with `IMAGELINT_UPDATE_GOLDEN=1` (the test
/// still fails: read every change, then run again); `expected-exit` is
/// always written by hand.
@Suite("check goldens")
struct CheckGoldenTests {
    static let root = URL(fileURLWithPath: RepositoryRoot.path)
    static let casesFolder = root.appendingPathComponent("fixtures/check")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []).sorted()
    static let today = PolicyDate(year: 2026, month: 6, day: 1)!

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let folder = Self.casesFolder.appendingPathComponent(name)
        let argsFile = folder.appendingPathComponent("args")
        let extra = (try? String(contentsOf: argsFile, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        var outputs: [String: String] = [:]
        var statuses: [Int32] = []
        for format in ["text", "json"] {
            var command = try CheckCommand.parse(["--format", format] + extra)
            command.paths = command.paths.isEmpty ? ["."] : command.paths
            let run = CheckRun(paths: command.paths, policy: command.policyOptions, inputs: command.inputs, report: command.report)
            let outcome = run.execute(currentDirectory: folder.path, today: Self.today)
            outputs[format] = outcome.output
            statuses.append(outcome.status.rawValue)
            #expect(outcome.errors == "", "\(name) (\(format)) wrote to standard error")
        }
        #expect(statuses[0] == statuses[1])
        GoldenFile.check(outputs["text"] ?? "", matches: "check/\(name)/expected.txt")
        GoldenFile.check(outputs["json"] ?? "", matches: "check/\(name)/expected.json")
        // The exit status is written by hand: it is the case's specification.
        let expectedExit = try String(contentsOf: folder.appendingPathComponent("expected-exit"), encoding: .utf8)
        #expect("\(statuses[0])\n" == expectedExit, "\(name)/expected-exit")
    }
}

@Suite("README")
struct ReadmeTests {
    /// The README's first command and the output it shows stay true.
    @Test func demoOutputIsTheRealOutput() throws {
        let root = CheckGoldenTests.root
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = try #require(readme.range(of: "<!-- demo-output"))
        let afterMarker = readme[marker.upperBound...]
        let open = try #require(afterMarker.range(of: "```text\n"))
        let close = try #require(afterMarker[open.upperBound...].range(of: "```\n"))
        let shown = String(afterMarker[open.upperBound..<close.lowerBound])
        let command = try CheckCommand.parse(["fixtures/demo"])
        let outcome = CheckRun(paths: command.paths, policy: command.policyOptions, inputs: command.inputs, report: command.report)
            .execute(currentDirectory: root.path, today: CheckGoldenTests.today)
        #expect(outcome.output == shown, "update the README's demo output")
        #expect(outcome.status == .findings)
    }
}
