import Testing
@testable import ImageLint

@Suite("Glob")
struct GlobTests {
    struct Case: Sendable, CustomStringConvertible {
        var pattern: String
        var text: String
        var matches: Bool
        var description: String { "\(pattern) ~ \(text) = \(matches)" }
    }

    static let cases: [Case] = [
        Case(pattern: "ghcr.io", text: "ghcr.io", matches: true),
        Case(pattern: "ghcr.io", text: "ghcr.iox", matches: false),
        Case(pattern: "*.dkr.ecr.*.amazonaws.com", text: "123456789012.dkr.ecr.eu-west-1.amazonaws.com", matches: true),
        Case(pattern: "*.dkr.ecr.*.amazonaws.com", text: "a/b.dkr.ecr.x.amazonaws.com", matches: false),
        Case(pattern: "ghcr.io/acme/*", text: "ghcr.io/acme/api", matches: true),
        Case(pattern: "ghcr.io/acme/*", text: "ghcr.io/acme/api/v2", matches: false),
        Case(pattern: "ghcr.io/acme/**", text: "ghcr.io/acme/api/v2", matches: true),
        Case(pattern: "ghcr.io/acme/**", text: "ghcr.io/acmeevil/api", matches: false),
        Case(pattern: "**/testdata/**", text: "testdata/Dockerfile", matches: true),
        Case(pattern: "**/testdata/**", text: "a/b/testdata/c/Dockerfile", matches: true),
        Case(pattern: "**/testdata/**", text: "a/mytestdata/Dockerfile", matches: false),
        Case(pattern: "deploy/**/*.yaml", text: "deploy/web.yaml", matches: true),
        Case(pattern: "deploy/**/*.yaml", text: "deploy/prod/eu/web.yaml", matches: true),
        Case(pattern: "deploy/**/*.yaml", text: "deploy/prod/web.yml", matches: false),
        Case(pattern: "**", text: "anything/at/all", matches: true),
        Case(pattern: "**", text: "", matches: true),
        Case(pattern: "*", text: "", matches: true),
        Case(pattern: "*", text: "a/b", matches: false),
        Case(pattern: "3.1?", text: "3.12", matches: true),
        Case(pattern: "3.1?", text: "3.1", matches: false),
        Case(pattern: "3.1?.*", text: "3.19.1", matches: true),
        Case(pattern: "v[0-9]*", text: "v1.2", matches: true),
        Case(pattern: "v[0-9]*", text: "va", matches: false),
        Case(pattern: "[!a]x", text: "bx", matches: true),
        Case(pattern: "[!a]x", text: "ax", matches: false),
        Case(pattern: "[!a]x", text: "/x", matches: false),
        Case(pattern: "[^a]x", text: "bx", matches: true),
        Case(pattern: "[]]", text: "]", matches: true),
        Case(pattern: "a\\*b", text: "a*b", matches: true),
        Case(pattern: "a\\*b", text: "axb", matches: false),
        Case(pattern: "caf?", text: "café", matches: true),
        Case(pattern: "*é", text: "café", matches: true),
        Case(pattern: "a*a*a*a*a*a*a*a*b", text: String(repeating: "a", count: 200), matches: false),
        Case(pattern: "**/**/**/**/x", text: String(repeating: "a/", count: 100) + "y", matches: false),
    ]

    @Test(arguments: cases)
    func matching(_ testCase: Case) throws {
        let glob = try Glob(testCase.pattern)
        #expect(glob.matches(testCase.text) == testCase.matches)
    }

    @Test func literalPatternsSkipTheAutomaton() throws {
        #expect(try Glob("docker.io/library/nginx").isLiteral)
        #expect(try !Glob("docker.io/library/*").isLiteral)
    }

    @Test(arguments: [
        ("ab[cd", "the class opened here has no closing ']'", 2),
        ("[z-a]", "the range z-a is out of order", 1),
        ("abc\\", "a trailing backslash escapes nothing", 3),
    ])
    func syntaxErrors(_ pattern: String, _ message: String, _ offset: Int) {
        #expect(throws: Glob.SyntaxError(message: message, offset: offset)) { try Glob(pattern) }
    }
}
