import Foundation
import Testing
@testable import ImageLint

@Suite("File walker")
struct FileWalkerTests {
    /// A fresh folder tree under the temporary folder.
    static func tree(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("imagelint-walk-\(UUID().uuidString)").path
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func walksSortedHonouringGitignoreAtEveryLevel() throws {
        let root = try Self.tree([
            ".git/HEAD": "ref",
            ".git/Dockerfile": "FROM hidden",
            ".gitignore": "build/\n*.tmp\n",
            "Dockerfile": "FROM a",
            "b/Dockerfile": "FROM b",
            "b/.gitignore": "Dockerfile.*\n!Dockerfile.keep\n",
            "b/Dockerfile.skip": "FROM skip",
            "b/Dockerfile.keep": "FROM keep",
            "build/Dockerfile": "FROM ignored",
            "a/x.Dockerfile": "FROM x",
            "a/Dockerfile.tmp": "FROM tmp",
            "a/README.md": "no",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = FileWalker().collect(["."], currentDirectory: root)
        #expect(result.files.map(\.path) == ["Dockerfile", "a/x.Dockerfile", "b/Dockerfile", "b/Dockerfile.keep"])
        #expect(result.failures.isEmpty)
        // Walking a subfolder still honours the .gitignore files above it.
        let sub = FileWalker().collect(["b"], currentDirectory: root)
        #expect(sub.files.map(\.path) == ["b/Dockerfile", "b/Dockerfile.keep"])
        // A folder named explicitly is walked even when ignored.
        let build = FileWalker().collect([root + "/build"], currentDirectory: root)
        #expect(build.files.map(\.path) == ["build/Dockerfile"])
    }

    @Test(arguments: [2, 3, 8])
    func parallelWalksFindTheSameFiles(jobs: Int) throws {
        var files: [String: String] = [
            ".gitignore": "skip/\n",
            "b/.gitignore": "*.tmp.yaml\n",
            "skip/Dockerfile": "FROM ignored",
            "Dockerfile": "FROM a",
        ]
        for folder in ["a", "b", "c/d", "c/e/f", "g"] {
            files[folder + "/Dockerfile"] = "FROM x"
            files[folder + "/compose.yaml"] = "services: {}"
            files[folder + "/x.tmp.yaml"] = "services: {}"
            files[folder + "/README.md"] = "no"
        }
        let root = try Self.tree(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let serial = FileWalker().collect([".", "a", "c/d/Dockerfile"], currentDirectory: root)
        let parallel = FileWalker().collect([".", "a", "c/d/Dockerfile"], currentDirectory: root, jobs: jobs)
        #expect(parallel.files == serial.files)
        // `a` and `c/d/Dockerfile` are also under `.`: each file once.
        #expect(Set(parallel.files.map(\.systemPath)).count == parallel.files.count)
        #expect(parallel.failures.map(\.path) == serial.failures.map(\.path))
        #expect(serial.files.map(\.path).contains("c/e/f/compose.yaml"))
        #expect(!serial.files.map(\.path).contains("b/x.tmp.yaml"))
        #expect(serial.files.map(\.path).contains("a/x.tmp.yaml"))
        #expect(!serial.files.map(\.path).contains { $0.hasPrefix("skip/") })
    }

    @Test func explicitFilesAreTakenAsGivenAndMissingOnesFail() throws {
        let root = try Self.tree(["spec": "FROM a", "Dockerfile": "FROM b", ".gitignore": "Dockerfile\n", ".git/HEAD": ""])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = FileWalker().collect(["spec", "./Dockerfile", "missing"], currentDirectory: root)
        #expect(result.files.map(\.path) == ["Dockerfile", "spec"])
        #expect(result.files.map(\.kind) == [.dockerfile, nil])
        #expect(result.failures.map(\.path) == ["missing"])
    }

    @Test func forcedKindLimitsWalks() throws {
        let root = try Self.tree(["Dockerfile": "FROM a", "x.yaml": "a: 1"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = FileWalker().collect(["."], kind: .dockerfile, currentDirectory: root)
        // YAML files whose kind only their content tells are kept undecided
        // (the workspace reads them and drops those of another kind).
        #expect(result.files.filter { $0.kind != nil }.map(\.path) == ["Dockerfile"])
        #expect(result.files.allSatisfy { $0.kind == nil || $0.kind == .dockerfile })
    }

    @Test func displayPaths() {
        #expect(DisplayPath.normalize("./a//b/../c/.") == "a/c")
        #expect(DisplayPath.normalize("../x") == "../x")
        #expect(DisplayPath.normalize("/a/../../b") == "/b")
        #expect(DisplayPath.display("/work/repo/src/Dockerfile", relativeTo: "/work/repo") == "src/Dockerfile")
        #expect(DisplayPath.display("/work/other/Dockerfile", relativeTo: "/work/repo") == "/work/other/Dockerfile")
        #expect(DisplayPath.display("/work/repo", relativeTo: "/work/repo/") == ".")
        #expect(DisplayPath.join(".", "x") == "x")
    }
}
