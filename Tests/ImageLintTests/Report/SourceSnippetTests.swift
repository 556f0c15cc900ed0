import Testing
@testable import ImageLint

@Suite("Source snippets")
struct SourceSnippetTests {
    private func snippet(_ text: String, _ marked: String) -> SourceSnippet {
        let file = SourceFile(path: "f", text: text)
        let bytes = Array(text.utf8)
        let needle = Array(marked.utf8)
        var start = 0
        while start + needle.count <= bytes.count, Array(bytes[start..<start + needle.count]) != needle { start += 1 }
        return SourceSnippet(file: file, span: SourceSpan(start: start, end: start + needle.count))
    }

    @Test func plainLine() {
        let s = snippet("FROM nginx:latest\n", "nginx:latest")
        #expect(s.text == "FROM nginx:latest")
        #expect((s.underlineStart, s.underlineWidth) == (5, 12))
    }

    @Test func tabsExpandToTheNextStop() {
        let s = snippet("FROM\tnginx\n", "nginx")
        #expect(s.text == "FROM    nginx")
        #expect(s.underlineStart == 8)
    }

    @Test func wideCharactersTakeTwoColumns() {
        let s = snippet("image: 日本/x # 🐳\n", "日本/x")
        #expect(s.underlineStart == 7)
        #expect(s.underlineWidth == 6)
    }

    @Test func combiningMarksTakeNone() {
        let s = snippet("a: e\u{301}x nginx\n", "nginx")
        #expect(s.underlineStart == 6)
    }

    @Test func bomAndCRLF() {
        let s = snippet("\u{FEFF}FROM nginx\r\n", "nginx")
        #expect(s.text == "FROM nginx")
        #expect(s.underlineStart == 5)
    }

    @Test func emptySpanGetsOneCaret() {
        let file = SourceFile(path: "f", text: "image:\n")
        let s = SourceSnippet(file: file, span: SourceSpan(at: 6))
        #expect((s.underlineStart, s.underlineWidth) == (6, 1))
    }

    @Test func spanOverSeveralLinesIsUnderlinedOnTheFirst() {
        let s = snippet("FROM \\\n  nginx\n", "\\\n  nginx")
        #expect(s.text == "FROM \\")
        #expect((s.underlineStart, s.underlineWidth) == (5, 1))
    }

    @Test func longLinesAreCutAroundTheSpan() {
        let prefix = String(repeating: "x", count: 300)
        let s = snippet("\(prefix) nginx:1 \(prefix)\n", "nginx:1")
        #expect(s.text.hasPrefix("…"))
        #expect(s.text.hasSuffix("…"))
        let columns = Array(s.text.unicodeScalars)
        let underlined = String(String.UnicodeScalarView(columns[s.underlineStart..<s.underlineStart + s.underlineWidth]))
        #expect(underlined == "nginx:1")
    }
}
