import Testing
@testable import ImageLint

/// The byte-level fast paths of path handling agree with the general code
/// on every path up to six characters over `a`, `.`, `/` and `é`.
@Suite struct PathFastPathTests {
    static let paths: [String] = {
        var all = [""]
        var frontier = [""]
        for _ in 0 ..< 6 {
            frontier = frontier.flatMap { prefix in ["a", ".", "/", "é"].map { prefix + $0 } }
            all += frontier
        }
        return all
    }()

    @Test func aPathCalledNormalIsLeftAsFoldingWouldLeaveIt() {
        var normal = 0
        for path in Self.paths where DisplayPath.isNormal(path) {
            normal += 1
            #expect(DisplayPath.folded(path) == path, "\(path)")
        }
        #expect(normal > 500)
    }

    @Test func aPathFoldingChangesIsNotCalledNormal() {
        for path in Self.paths where DisplayPath.folded(path) != path {
            #expect(!DisplayPath.isNormal(path), "\(path)")
        }
    }

    @Test func relativeOnBytesMatchesPrefixArithmetic() {
        let bases = ["/", "/a", "/a/b", "/é", "/a."]
        for base in bases {
            for tail in Self.paths.prefix(400) {
                let path = DisplayPath.normalize(base + "/" + tail)
                let expected: String? = {
                    if base == "/" { return path == "/" ? "" : String(path.dropFirst()) }
                    if path == base { return "" }
                    guard path.hasPrefix(base + "/") else { return nil }
                    return String(path.dropFirst(base.count + 1))
                }()
                #expect(PolicyPath.relative(path, to: base) == expected, "\(path) from \(base)")
            }
        }
    }
}
