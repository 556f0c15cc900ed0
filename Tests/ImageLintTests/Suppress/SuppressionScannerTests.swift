import Testing
@testable import ImageLint

@Suite("Suppression comments")
struct SuppressionScannerTests {
    private func scan(_ text: String, _ style: CommentStyle = .yaml) -> (SourceFile, SuppressionScan) {
        let file = SourceFile(path: "f", text: text)
        return (file, SuppressionScanner.scan(file, style: style))
    }

    @Test func trailingCommentAppliesToItsOwnLine() {
        let (file, result) = scan("a: 1\nimage: nginx # imagelint: ignore[no-latest, require-digest] legacy\n")
        #expect(result.malformed.isEmpty)
        #expect(result.suppressions.count == 1)
        let suppression = result.suppressions[0]
        #expect(suppression.scope == .line(2))
        #expect(suppression.entries.map(\.rule) == ["no-latest", "require-digest"])
        #expect(suppression.entries.map { file.text($0.span) } == ["no-latest", "require-digest"])
        #expect(suppression.reason == "legacy")
        #expect(file.text(suppression.span) == "# imagelint: ignore[no-latest, require-digest] legacy")
    }

    @Test func ownLineCommentAppliesToTheNextLine() {
        let (_, result) = scan("# imagelint: ignore[no-latest]\nFROM nginx\n", .dockerfile)
        #expect(result.suppressions.map(\.scope) == [.line(2)])
        #expect(result.suppressions[0].reason == nil)
    }

    @Test func stackedOwnLineCommentsAllApplyToTheNextCodeLine() {
        let (_, result) = scan("x: 1\n  # imagelint: ignore[a]\n  # imagelint: ignore[b]\n  image: y\n")
        #expect(result.suppressions.map(\.scope) == [.line(4), .line(4)])
    }

    @Test func dockerfileHasNoTrailingComments() {
        let (_, result) = scan("FROM nginx # imagelint: ignore[no-latest]\n", .dockerfile)
        #expect(result.suppressions.isEmpty)
        #expect(result.malformed.isEmpty)
    }

    @Test func hashInsideQuotedScalarsIsNotAComment() {
        let (_, result) = scan("a: \"x # imagelint: ignore[no-latest]\"\nb: 'it''s # imagelint: ignore[a]'\nc: x#imagelint: ignore[a]\n")
        #expect(result.suppressions.isEmpty)
        #expect(result.malformed.isEmpty)
    }

    @Test func commentAfterAQuotedScalarIsAComment() {
        let (_, result) = scan("image: \"nginx#x\" # imagelint: ignore[no-latest]\n")
        #expect(result.suppressions.map(\.scope) == [.line(1)])
    }

    @Test func excludedSpansAreText() {
        let text = "script: |\n  # imagelint: ignore[no-latest]\n  echo\n"
        let file = SourceFile(path: "f", text: text)
        let body = SourceSpan(start: 10, end: text.utf8.count)
        #expect(SuppressionScanner.scan(file, style: .yaml, excluding: [body]).suppressions.isEmpty)
    }

    @Test func ignoreFileInTheLeadingBlock() {
        let (_, result) = scan("# syntax=docker/dockerfile:1\n\n# imagelint: ignore-file[require-digest] generated\nFROM a\n", .dockerfile)
        #expect(result.suppressions.map(\.scope) == [.file])
        #expect(result.suppressions[0].line == 3)
    }

    @Test func ignoreFileAfterADocumentMarker() {
        let (_, result) = scan("---\n# imagelint: ignore-file[no-latest]\nkind: Pod\n")
        #expect(result.suppressions.map(\.scope) == [.file])
    }

    @Test func ignoreFileLaterInTheFileIsMisplaced() {
        let (file, result) = scan("FROM a\n# imagelint: ignore-file[no-latest]\nFROM b\n", .dockerfile)
        #expect(result.suppressions.isEmpty)
        #expect(result.malformed.map(\.message) == ["'ignore-file' only counts in the comment block at the top of the file"])
        #expect(file.location(result.malformed[0].span).start.line == 2)
    }

    @Test(arguments: [
        ("# imagelint: ignore\n", "expected '[' with the rules to ignore after 'ignore', e.g. ignore[no-latest]"),
        ("# imagelint: ignroe[a]\n", "unknown directive 'ignroe' (did you mean 'ignore'?); expected 'ignore[rule, …]' or 'ignore-file[rule, …]'"),
        ("# imagelint: ignore[]\n", "the rule list is empty: name the rules to ignore"),
        ("# imagelint: ignore[a,,b]\n", "empty rule id in the rule list"),
        ("# imagelint: ignore[a b]\n", "expected ',' or ']' in the rule list"),
        ("# imagelint: ignore[a\n", "the rule list has no closing ']'"),
        ("# imagelint:\n", "expected 'ignore[rule, …]' or 'ignore-file[rule, …]' after 'imagelint:'"),
        ("# imagelint: ignore[a]\n\nx: 1\n", "this suppression is followed by a blank line, so it applies to no line"),
        ("x: 1\n# imagelint: ignore[a]\n", "this suppression is at the end of the file, so it applies to no line"),
    ])
    func malformed(_ text: String, _ message: String) {
        let (_, result) = scan(text)
        #expect(result.suppressions.isEmpty)
        #expect(result.malformed.map(\.message) == [message])
    }

    @Test func crlfAndBomAndMultibyte() {
        let text = "\u{FEFF}# café ☕\r\n# imagelint: ignore[no-latest] 理由\r\nimage: nginx\r\n"
        let (file, result) = scan(text)
        #expect(result.suppressions.map(\.scope) == [.line(3)])
        #expect(result.suppressions[0].reason == "理由")
        #expect(file.location(result.suppressions[0].entries[0].span).start.column == 21)
    }

    @Test func filesWithoutTheMarkerAreSkipped() {
        let (_, result) = scan("# ignore[no-latest]\nimage: x\n")
        #expect(result == SuppressionScan())
    }

    @Test func filterMarksUsedEntriesAndReportsTheRest() {
        let file = SourceFile(path: "f", text: "image: a # imagelint: ignore[no-latest, require-digest, no-latset, tag-pattern]\n")
        var filter = SuppressionFilter(SuppressionScanner.scan(file, style: .yaml))
        let location = file.location(SourceSpan(start: 7, end: 8))
        let suppressedLatest = filter.suppresses(Finding(rule: "no-latest", severity: .error, message: "m", location: location))
        let suppressedOther = filter.suppresses(Finding(rule: "fully-qualified", severity: .error, message: "m", location: location))
        #expect(suppressedLatest)
        #expect(!suppressedOther)
        let unused = filter.unused(
            knownRules: ["no-latest", "require-digest", "tag-pattern"],
            enabledRules: ["no-latest", "require-digest"]
        )
        #expect(unused.map(\.rule) == ["require-digest", "no-latset", "tag-pattern"])
        #expect(unused.map(\.reason) == [.nothingToSuppress, .unknownRule(suggestion: "no-latest"), .ruleNotEnabled])
    }
}
