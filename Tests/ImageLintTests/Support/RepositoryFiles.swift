import Foundation
import TestSupport

/// Files of this repository (below ``RepositoryRoot``), so tests run the
/// same from any working directory and never need /work/shared.
enum RepositoryFiles {
    static var root: URL { URL(fileURLWithPath: RepositoryRoot.path) }

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relativePath)))
    }

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    /// Whether goldens should be rewritten (see ``GoldenFile``).
    static var updateGoldens: Bool { GoldenFile.isUpdating }

    /// Relative paths of the entries of a folder, sorted.
    static func list(_ relativePath: String, suffix: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(relativePath).path)
            .filter { $0.hasSuffix(suffix) }
            .sorted()
            .map { relativePath + "/" + $0 }
    }
}
