import Foundation

/// Files of this repository, found from this source file's path, so tests
/// run the same from any working directory and never need /work/shared.
enum RepositoryFiles {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Support
        .deletingLastPathComponent() // ImageLintTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relativePath)))
    }

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    /// Relative paths of the entries of a folder, sorted.
    static func list(_ relativePath: String, suffix: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(relativePath).path)
            .filter { $0.hasSuffix(suffix) }
            .sorted()
            .map { relativePath + "/" + $0 }
    }

    /// Whether goldens should be rewritten instead of compared.
    static var updateGoldens: Bool {
        ProcessInfo.processInfo.environment["IMAGELINT_UPDATE_GOLDEN"] == "1"
    }
}
