import Foundation
import Testing
@testable import ImageLint

/// Every YAML file of the real-world corpus (`fixtures/corpus`, copied byte
/// for byte from public repositories, see its SOURCES.md) reads without a
/// crash; the files that are not valid YAML (Helm templates with `{{`,
/// deliberately broken test inputs) get positioned diagnostics, listed in a
/// reviewed golden file. Regenerate with `IMAGELINT_UPDATE_GOLDEN=1`.
@Suite("YAML corpus")
struct YAMLCorpusTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repositoryRoot.appendingPathComponent("fixtures/corpus")
    static let golden = repositoryRoot.appendingPathComponent("fixtures/yaml/corpus-diagnostics.txt")

    static func yamlFiles() throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: corpus.path))
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".yml") || path.hasSuffix(".yaml") { paths.append(path) }
        }
        return paths.sorted()
    }

    @Test func everyFileReads() throws {
        let paths = try Self.yamlFiles()
        var lines: [String] = []
        var clean = 0
        var withErrors = 0
        var documents = 0
        for path in paths {
            let data = try Data(contentsOf: Self.corpus.appendingPathComponent(path))
            let stream = YAMLReader.read(SourceFile(path: path, bytes: Array(data)))
            documents += stream.documents.count
            var diagnostics = stream.diagnostics
            for document in stream.documents {
                diagnostics += document.walk { step in
                    #expect(step.node.span.end <= data.count)
                    return .descend
                }
            }
            if diagnostics.isEmpty {
                clean += 1
                #expect(stream.isComplete)
                continue
            }
            if diagnostics.contains(where: { $0.severity == .error }) { withErrors += 1 }
            for d in diagnostics {
                lines.append("\(path):\(d.location.start.line):\(d.location.start.column): \(d.severity): \(d.message) [\(d.code)]")
            }
        }
        let header = [
            "# Diagnostics of the YAML reader on every *.yml/*.yaml file of fixtures/corpus.",
            "# Reviewed by hand: each entry is a file that is not valid YAML (or has a duplicate key).",
            "# files: \(paths.count), clean: \(clean), with errors: \(withErrors), documents read: \(documents)",
        ]
        let text = (header + lines).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["IMAGELINT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: Self.golden, atomically: false, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(text == expected)
        #expect(paths.count == 1_087)
        #expect(clean == Self.expectedClean)
        #expect(withErrors == paths.count - Self.expectedClean)
    }

    /// Files that read without any diagnostic (reviewed with the golden).
    static let expectedClean = 1_049
}
