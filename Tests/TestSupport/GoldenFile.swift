import Foundation
import Testing

/// Golden files under `fixtures/`: expected output, reviewed like code.
///
/// With `IMAGELINT_UPDATE_GOLDEN=1` a mismatching golden is rewritten and
/// the test still fails, so a test can never pass by regenerating; review
/// the diff, then run again without the variable.
public enum GoldenFile {
    public static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["IMAGELINT_UPDATE_GOLDEN"] == "1"
    }

    /// Checks `actual` against `fixtures/<relativePath>`.
    public static func check(
        _ actual: String,
        matches relativePath: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let path = RepositoryRoot.fixture(relativePath)
        let expected = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        guard expected != actual else { return }
        if isUpdating {
            let folder = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
            Issue.record("updated golden \(relativePath); review it and run again", sourceLocation: sourceLocation)
            return
        }
        guard let expected else {
            Issue.record("missing golden \(relativePath); create it with IMAGELINT_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        Issue.record("\(relativePath) differs:\n\(firstDifference(expected, actual))", sourceLocation: sourceLocation)
    }

    /// The first line where the two texts differ.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0 ..< max(expectedLines.count, actualLines.count) {
            let wanted = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            if wanted != got { return "line \(index + 1)\n  golden: \(wanted)\n  actual: \(got)" }
        }
        return "(no line differs)"
    }
}
