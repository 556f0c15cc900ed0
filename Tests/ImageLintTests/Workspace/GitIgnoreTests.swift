import Testing
@testable import ImageLint

@Suite("gitignore")
struct GitIgnoreTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let pattern: String
        let path: String
        let isDirectory: Bool
        let matches: Bool
        var testDescription: String { "\(pattern) ~ \(path)\(isDirectory ? "/" : "") = \(matches)" }
    }

    static func c(_ pattern: String, _ path: String, _ matches: Bool, directory: Bool = false) -> Case {
        Case(pattern: pattern, path: path, isDirectory: directory, matches: matches)
    }

    static let cases: [Case] = [
        c("build", "build", true),
        c("build", "a/b/build", true),
        c("build", "a/build/x", false),
        c("build/", "build", false),
        c("build/", "build", true, directory: true),
        c("build/", "a/build", true, directory: true),
        c("/build", "build", true),
        c("/build", "a/build", false),
        c("a/build", "a/build", true),
        c("a/build", "x/a/build", false),
        c("*.log", "x.log", true),
        c("*.log", "deep/dir/x.log", true),
        c("*.log", "x.log.txt", false),
        c("a/*.log", "a/x.log", true),
        c("a/*.log", "a/b/x.log", false),
        c("?.txt", "a.txt", true),
        c("?.txt", "ab.txt", false),
        c("[abc].txt", "b.txt", true),
        c("[!abc].txt", "b.txt", false),
        c("[!abc].txt", "d.txt", true),
        c("[a-c]x", "bx", true),
        c("[a-c]x", "dx", false),
        c("**/foo", "foo", true),
        c("**/foo", "a/b/foo", true),
        c("**/foo/bar", "x/foo/bar", true),
        c("**/foo/bar", "foo/bar", true),
        c("abc/**", "abc/x", true),
        c("abc/**", "abc/x/y", true),
        c("abc/**", "abc", false),
        c("a/**/b", "a/b", true),
        c("a/**/b", "a/x/b", true),
        c("a/**/b", "a/x/y/b", true),
        c("a/**/b", "a/xb", false),
        c("a**b", "axxb", true),
        c("a**b", "ax/xb", false),
        c("**", "anything/at/all", true),
        c("\\#file", "#file", true),
        c("\\!important", "!important", true),
        c("trailing\\ ", "trailing ", true),
        c("trailing   ", "trailing", true),
        c("fixtures/*/Dockerfile", "fixtures/a/Dockerfile", true),
        c("fixtures/*/Dockerfile", "fixtures/a/b/Dockerfile", false),
    ]

    @Test(arguments: cases)
    func matches(_ testCase: Case) throws {
        let pattern = try #require(GitIgnorePattern(line: Substring(testCase.pattern)))
        #expect(pattern.matches(Array(testCase.path.utf8), isDirectory: testCase.isDirectory) == testCase.matches)
    }

    @Test func commentsAndBlankLinesAreNotPatterns() {
        #expect(GitIgnorePattern(line: "# comment") == nil)
        #expect(GitIgnorePattern(line: "") == nil)
        #expect(GitIgnorePattern(line: "   ") == nil)
        #expect(GitIgnorePattern(line: "/") == nil)
    }

    @Test func lastMatchWinsAndNegationReincludes() {
        let ignore = GitIgnore(text: "*.yaml\n!keep.yaml\n# comment\r\nlogs/\n")
        #expect(ignore.decision(Array("x.yaml".utf8), isDirectory: false) == true)
        #expect(ignore.decision(Array("keep.yaml".utf8), isDirectory: false) == false)
        #expect(ignore.decision(Array("Dockerfile".utf8), isDirectory: false) == nil)
        #expect(ignore.decision(Array("logs".utf8), isDirectory: true) == true)
    }

    @Test func deeperFilesOverrideOuterOnes() {
        var stack = GitIgnoreStack()
        stack.push(folder: "", ignore: GitIgnore(text: "Dockerfile.*\n"))
        stack.push(folder: "svc", ignore: GitIgnore(text: "!Dockerfile.prod\n"))
        #expect(stack.isIgnored(Array("Dockerfile.dev".utf8), isDirectory: false))
        #expect(stack.isIgnored(Array("svc/Dockerfile.dev".utf8), isDirectory: false))
        #expect(!stack.isIgnored(Array("svc/Dockerfile.prod".utf8), isDirectory: false))
        #expect(!stack.isIgnored(Array("other/Dockerfile".utf8), isDirectory: false))
        // A pattern of svc/.gitignore does not apply outside svc.
        #expect(stack.isIgnored(Array("svc2/Dockerfile.prod".utf8), isDirectory: false))
    }
}
