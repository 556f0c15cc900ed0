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

/// The byte-level path helpers of the name rules.
@Suite struct PathTextTests {
    @Test func componentsSkipEmptyOnes() {
        #expect(PathText.components("a//b/c/") == ["a", "b", "c"])
        #expect(PathText.components("/.github/workflows/ci.yml") == [".github", "workflows", "ci.yml"])
        #expect(PathText.components("") == [])
        #expect(PathText.fileName("dir/wëb.yaml") == "wëb.yaml")
        #expect(PathText.fileName("plain") == "plain")
    }

    @Test func containsMatchesStringContainsForASCIINeedles() {
        for text in ["", "templates/", "charts/x/templates/a.yaml", "template/", "a/.github/workflows/b.yml", "ttemplates/", "é/templates/é"] {
            #expect(PathText.contains(text, "templates/") == text.contains("templates/"), "\(text)")
            #expect(PathText.contains(text, "/.github/workflows/") == text.contains("/.github/workflows/"), "\(text)")
        }
    }

    @Test func yamlStemRejectsOtherNamesAndKeepsCase() {
        #expect(yamlStem("Compose.YAML") == "compose")
        #expect(yamlStem("a.yml") == "a")
        #expect(yamlStem(".yml") == nil)
        #expect(yamlStem("Dockerfile") == nil)
        #expect(yamlStem("x.yaml.bak") == nil)
        #expect(yamlStem("ü.Yml") == "ü")
    }
}
