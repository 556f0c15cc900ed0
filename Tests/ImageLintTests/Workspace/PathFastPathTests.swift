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
    @Test func fileNameAndFolderPart() {
        #expect(PathText.fileName("dir/wëb.yaml") == "wëb.yaml")
        #expect(PathText.fileName("plain") == "plain")
        #expect(PathText.fileName("a/b/") == "b")
        #expect(PathText.fileName("/") == "/")
        #expect(PathText.fileName("") == "")
        #expect(PathText.folderPart("/.github/workflows/ci.yml") == "/.github/workflows")
        #expect(PathText.folderPart("ci.yml") == "")
        #expect(PathText.folderPart("/ci.yml") == "")
        #expect(PathText.folderPart("é/ü/x.yml") == "é/ü")
    }

    @Test func byteAffixesAndCaseFolding() {
        #expect(PathText.hasPrefix("compose.prod", "compose."))
        #expect(!PathText.hasPrefix("compos", "compose."))
        #expect(PathText.hasSuffix("a/b.yaml", ".yaml"))
        #expect(!PathText.hasSuffix("yaml", ".yaml"))
        #expect(PathText.hasSuffix("é.yml", ".yml"))
        #expect(PathText.containsIgnoringASCIICase("prod.DockerFile", "dockerfile"))
        #expect(!PathText.containsIgnoringASCIICase("docker-file", "dockerfile"))
        #expect(!PathText.containsIgnoringASCIICase("", "dockerfile"))
    }

    @Test func dockerfileNamesKeepTheirRules() {
        let rule = DockerfileNameRule()
        for name in ["Dockerfile", "prod.Dockerfile", "Dockerfile.dev", "Containerfile-x", "DOCKERFILE_ci", "Doc\u{212A}erfile.dev"] {
            #expect(rule.isDockerfileName(name), "\(name)")
        }
        for name in ["README.md", "Dockerfile.md", "dockerfiles", "x.dockerignore", "docker-compose.yml"] {
            #expect(!rule.isDockerfileName(name), "\(name)")
        }
    }

    @Test func hasComponentsMatchesWholeComponentsOnly() {
        #expect(PathText.hasComponents("x/.gitlab/ci/y", ".gitlab/ci"))
        #expect(PathText.hasComponents(".gitlab/ci", ".gitlab/ci"))
        #expect(PathText.hasComponents("a/.gitlab-ci", ".gitlab-ci"))
        #expect(!PathText.hasComponents("x.gitlab/ci", ".gitlab/ci"))
        #expect(!PathText.hasComponents(".gitlab/cix", ".gitlab/ci"))
        #expect(!PathText.hasComponents(".gitlab-ci-x", ".gitlab-ci"))
        #expect(!PathText.hasComponents("", ".gitlab-ci"))
    }

    @Test(arguments: [
        (".gitlab-ci.yml", true), ("ci/.gitlab-ci.yaml", true), ("deploy.gitlab-ci.yml", true),
        (".gitlab/ci/build.yml", true), ("repo/.gitlab-ci/jobs.yaml", true), (".gitlab-ci-local-variables.yml", false),
        ("gitlab/ci/build.yml", false), (".gitlab/cix/build.yml", false), (".gitlab/ci/notes.txt", false),
    ])
    func gitLabNames(path: String, claimed: Bool) {
        #expect(GitLabCIExtractor.claims(path: path) == claimed)
    }

    @Test(arguments: [
        (".github/workflows/ci.yml", true), ("/r/.github/workflows/ci.yaml", true), ("a/action.yml", true),
        (".github/workflows/sub/ci.yml", false), ("x.github/workflows/ci.yml", false), (".github/workflows/ci.json", false),
        ("github/workflows/ci.yml", false), ("action.yml.bak", false),
    ])
    func gitHubNames(path: String, claimed: Bool) {
        #expect(GitHubActionsExtractor.claims(path: path) == claimed)
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
