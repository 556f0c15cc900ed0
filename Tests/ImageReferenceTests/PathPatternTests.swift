import ImageReference
import Testing

/// Go's `path.Match` semantics, on the cases of Go's own match tests.
@Suite("Path patterns")
struct PathPatternTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let pattern: String
        let name: String
        /// nil: the pattern is malformed.
        let matches: Bool?
        var testDescription: String { "\(pattern) ~ \(name)" }
    }

    static let cases: [Case] = [
        Case(pattern: "abc", name: "abc", matches: true),
        Case(pattern: "*", name: "abc", matches: true),
        Case(pattern: "*c", name: "abc", matches: true),
        Case(pattern: "a*", name: "a", matches: true),
        Case(pattern: "a*", name: "abc", matches: true),
        Case(pattern: "a*", name: "ab/c", matches: false),
        Case(pattern: "a*/b", name: "abc/b", matches: true),
        Case(pattern: "a*/b", name: "a/c/b", matches: false),
        Case(pattern: "a*b*c*d*e*/f", name: "axbxcxdxe/f", matches: true),
        Case(pattern: "a*b*c*d*e*/f", name: "axbxcxdxexxx/f", matches: true),
        Case(pattern: "a*b*c*d*e*/f", name: "axbxcxdxe/xxx/f", matches: false),
        Case(pattern: "a*b*c*d*e*/f", name: "axbxcxdxexxx/fff", matches: false),
        Case(pattern: "a*b?c*x", name: "abxbbxdbxebxczzx", matches: true),
        Case(pattern: "a*b?c*x", name: "abxbbxdbxebxczzy", matches: false),
        Case(pattern: "ab[c]", name: "abc", matches: true),
        Case(pattern: "ab[b-d]", name: "abc", matches: true),
        Case(pattern: "ab[e-g]", name: "abc", matches: false),
        Case(pattern: "ab[^c]", name: "abc", matches: false),
        Case(pattern: "ab[^b-d]", name: "abc", matches: false),
        Case(pattern: "ab[^e-g]", name: "abc", matches: true),
        Case(pattern: "a\\*b", name: "a*b", matches: true),
        Case(pattern: "a\\*b", name: "ab", matches: false),
        Case(pattern: "a?b", name: "a☺b", matches: true),
        Case(pattern: "a[^a]b", name: "a☺b", matches: true),
        Case(pattern: "a???b", name: "a☺b", matches: false),
        Case(pattern: "a[^a][^a][^a]b", name: "a☺b", matches: false),
        Case(pattern: "[a-ζ]*", name: "α", matches: true),
        Case(pattern: "*[a-ζ]", name: "A", matches: false),
        Case(pattern: "a?b", name: "a/b", matches: false),
        Case(pattern: "a*b", name: "a/b", matches: false),
        Case(pattern: "[\\]a]", name: "]", matches: true),
        Case(pattern: "[\\-]", name: "-", matches: true),
        Case(pattern: "[x\\-]", name: "x", matches: true),
        Case(pattern: "[x\\-]", name: "-", matches: true),
        Case(pattern: "[x\\-]", name: "z", matches: false),
        Case(pattern: "[\\-x]", name: "x", matches: true),
        Case(pattern: "[\\-x]", name: "-", matches: true),
        Case(pattern: "[\\-x]", name: "a", matches: false),
        Case(pattern: "[]a]", name: "]", matches: nil),
        Case(pattern: "[-]", name: "-", matches: nil),
        Case(pattern: "[x-]", name: "x", matches: nil),
        Case(pattern: "[x-]", name: "-", matches: nil),
        Case(pattern: "[-x]", name: "x", matches: nil),
        Case(pattern: "\\", name: "a", matches: nil),
        Case(pattern: "[a-b-c]", name: "a", matches: nil),
        Case(pattern: "[", name: "a", matches: nil),
        Case(pattern: "[^", name: "a", matches: nil),
        Case(pattern: "[^bc", name: "a", matches: nil),
        Case(pattern: "a[", name: "a", matches: nil),
        Case(pattern: "a[", name: "ab", matches: nil),
        Case(pattern: "a[", name: "x", matches: nil),
        Case(pattern: "a/b[", name: "x", matches: nil),
        Case(pattern: "*x", name: "xxx", matches: true),
        // A class may match "/" (only "*" and "?" may not).
        Case(pattern: "a[/]b", name: "a/b", matches: true),
        // The whole pattern is checked even when the name already failed.
        Case(pattern: "x*[", name: "abc", matches: nil),
    ]

    @Test("matches like Go's path.Match", arguments: cases)
    func match(_ testCase: Case) {
        do {
            let matched = try PathPattern.matches(testCase.pattern, testCase.name)
            #expect(matched == testCase.matches)
        } catch {
            #expect(testCase.matches == nil, "unexpected syntax error at \(error.offset)")
            #expect(error.description == "syntax error in pattern")
        }
    }
}
