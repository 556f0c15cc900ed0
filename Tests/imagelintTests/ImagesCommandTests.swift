import Foundation
import Testing
@testable import imagelint
@testable import ImageLint

@Suite("imagelint images")
struct ImagesCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ path: String) -> String { repository.appendingPathComponent(path).path }

    static var fixtureCases: [String] {
        let root = fixture("fixtures/dockerfile")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.sorted().filter {
            FileManager.default.fileExists(atPath: root + "/" + $0 + "/Dockerfile")
                && !FileManager.default.fileExists(atPath: root + "/" + $0 + "/policy-variables.txt")
        }
    }

    /// The command prints exactly the fixture goldens (which the library
    /// test produces without the command).
    @Test(arguments: fixtureCases)
    func jsonMatchesFixtureGolden(_ name: String) throws {
        let folder = Self.fixture("fixtures/dockerfile/" + name)
        let buildArgs = (try? String(contentsOfFile: folder + "/build-args.txt", encoding: .utf8))
            .map { $0.split(separator: "\n").map(String.init) } ?? []
        let outcome = ImagesRun(paths: ["Dockerfile"], kind: nil, buildArgs: ExtractionInputOptions.pairs(buildArgs), format: .json)
            .execute(currentDirectory: folder)
        let expected = try String(contentsOfFile: folder + "/expected.json", encoding: .utf8)
        let expectedErrors = (try? String(contentsOfFile: folder + "/expected.stderr", encoding: .utf8)) ?? ""
        #expect(outcome.output == expected)
        #expect(outcome.errors == expectedErrors)
        #expect(outcome.status == .success)
    }

    static func temporaryFolder(_ files: [String: [UInt8]]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("imagelint-images-\(UUID().uuidString)").path
        for (path, bytes) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    @Test func unreadablePathIsReportedAfterTheRestAndExitsTwo() throws {
        let root = try Self.temporaryFolder(["b/Dockerfile": Array("FROM b:1\n".utf8), "a.Dockerfile": Array("FROM a:1\n".utf8)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = ImagesRun(paths: ["missing", "."], kind: nil, buildArgs: [:], format: .text).execute(currentDirectory: root)
        #expect(outcome.output == """
        a.Dockerfile:1:6: a:1 → docker.io/library/a:1 [instruction="FROM" stageIndex=0 finalStage=true]
        b/Dockerfile:1:6: b:1 → docker.io/library/b:1 [instruction="FROM" stageIndex=0 finalStage=true]

        """)
        #expect(outcome.errors.contains("imagelint: error: cannot read missing: No such file or directory"))
        #expect(outcome.status == .failure)
    }

    @Test func binaryFilesAreSkippedWithANote() throws {
        let root = try Self.temporaryFolder(["Dockerfile": Array("FROM a:1\n".utf8) + [0, 1, 2]])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = ImagesRun(paths: ["."], kind: nil, buildArgs: [:], format: .json).execute(currentDirectory: root)
        #expect(outcome.output.contains("\"images\": []"))
        #expect(outcome.errors == "Dockerfile: note: binary file skipped\n")
        #expect(outcome.status == .success)
    }

    @Test func kindForcesExplicitFilesAndContentDecidesOtherwise() throws {
        let root = try Self.temporaryFolder(["spec": Array("FROM a:1\n".utf8), "notes.txt": Array("hello\n".utf8)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sniffed = ImagesRun(paths: ["spec", "notes.txt"], kind: nil, buildArgs: [:], format: .text).execute(currentDirectory: root)
        #expect(sniffed.output.hasPrefix("spec:1:6: a:1"))
        #expect(sniffed.errors == "notes.txt: note: not a file kind imagelint reads (use --kind to choose one)\n")
        let forced = ImagesRun(paths: ["notes.txt"], kind: .dockerfile, buildArgs: [:], format: .text).execute(currentDirectory: root)
        #expect(forced.output == "")
        #expect(forced.errors.contains("notes.txt:1:1: error: unknown instruction: hello [dockerfile-unknown-instruction]"))
    }

    @Test func buildArgsAndTextFormat() throws {
        let root = try Self.temporaryFolder(["Dockerfile": Array("ARG TAG\nFROM alpine:$TAG\nFROM node:$OTHER\n".utf8)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let explicit = ImagesRun(paths: ["."], kind: nil, buildArgs: ["TAG": "3.20"], format: .text).execute(currentDirectory: root)
        #expect(explicit.output == """
        Dockerfile:2:6: alpine:$TAG → docker.io/library/alpine:3.20 [instruction="FROM" stageIndex=0 finalStage=false]
        Dockerfile:3:6: node:$OTHER unresolved: OTHER [instruction="FROM" stageIndex=1 finalStage=true]

        """)
    }

    @Test(arguments: [["images", "--format", "yaml"], ["images", "--kind", "compose-ish"], ["images", "--build-arg", "NOVALUE"]])
    func usageErrorsExitTwo(_ arguments: [String]) {
        #expect(runImageLint(arguments) == 2)
    }

    @Test func helpExitsZero() {
        #expect(runImageLint(["images", "--help"]) == 0)
    }
}
