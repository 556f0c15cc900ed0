import Testing
@testable import ImageLint

@Suite("LineIndex")
struct LineIndexTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: [UInt8]
        let offset: Int
        let line: Int
        let column: Int
        let utf16Column: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "first byte", text: Array("FROM a\n".utf8), offset: 0, line: 1, column: 1, utf16Column: 1),
        Case(name: "LF second line", text: Array("a\nFROM b".utf8), offset: 7, line: 2, column: 6, utf16Column: 6),
        Case(name: "CRLF", text: Array("a\r\nFROM b".utf8), offset: 8, line: 2, column: 6, utf16Column: 6),
        Case(name: "lone CR", text: Array("a\rFROM b".utf8), offset: 7, line: 2, column: 6, utf16Column: 6),
        Case(name: "CR CR is two lines", text: Array("a\r\rb".utf8), offset: 3, line: 3, column: 1, utf16Column: 1),
        Case(name: "BOM not counted", text: [0xEF, 0xBB, 0xBF] + Array("FROM a".utf8), offset: 8, line: 1, column: 6, utf16Column: 6),
        Case(name: "two-byte scalar", text: Array("é x".utf8), offset: 3, line: 1, column: 3, utf16Column: 3),
        Case(name: "astral scalar is two UTF-16 units", text: Array("🐳 x".utf8), offset: 5, line: 1, column: 3, utf16Column: 4),
        Case(name: "invalid byte counts one", text: [0xFF, 0x20, 0x78], offset: 2, line: 1, column: 3, utf16Column: 3),
        Case(name: "truncated sequence", text: [0xE2, 0x82, 0x20, 0x78], offset: 3, line: 1, column: 4, utf16Column: 4),
        Case(name: "end of file", text: Array("ab\n".utf8), offset: 3, line: 2, column: 1, utf16Column: 1),
        Case(name: "past end clamps", text: Array("ab".utf8), offset: 99, line: 1, column: 3, utf16Column: 3),
    ]

    @Test(arguments: cases)
    func position(_ c: Case) {
        let index = LineIndex(c.text)
        let position = index.position(of: c.offset)
        #expect(position.line == c.line)
        #expect(position.column == c.column)
        #expect(position.utf16Column == c.utf16Column)
    }

    @Test(arguments: cases)
    func roundTrip(_ c: Case) {
        let index = LineIndex(c.text)
        let position = index.position(of: c.offset)
        guard c.offset <= c.text.count, position.offset == c.offset else { return }
        #expect(index.offset(line: position.line, column: position.column) == min(c.offset, index.lineEnds[position.line - 1]))
        #expect(index.offset(line: position.line, utf16Column: position.utf16Column) == min(c.offset, index.lineEnds[position.line - 1]))
    }

    @Test func lineTextDropsBOMAndTerminator() {
        let file = SourceFile(path: "Dockerfile", bytes: [0xEF, 0xBB, 0xBF] + Array("FROM a\r\nRUN b".utf8))
        #expect(file.lineText(1) == "FROM a")
        #expect(file.lineText(2) == "RUN b")
        #expect(file.lineText(3) == "")
    }

    /// `positions(of:)` continues the start's count for an end on the same
    /// line; it must give what two separate look-ups give, for every span
    /// of files with a BOM, every line terminator, multi-byte and invalid
    /// UTF-8, and offsets inside terminators.
    @Test(arguments: [
        [0xEF, 0xBB, 0xBF] + Array("FROM é\r\nRUN 😀 x\rCOPY a\n\nb".utf8),
        Array("FROM a\nRUN b\r\n".utf8),
        [0xEF, 0xBB] + Array("x\u{2028}y\n".utf8) + [0xFF, 0xC3, 0x0A, 0xE2, 0x82],
        Array("".utf8),
    ])
    func spanPositionsMatchSeparateLookUps(bytes: [UInt8]) {
        let index = LineIndex(bytes)
        for start in 0...bytes.count {
            for end in start...bytes.count {
                let both = index.positions(of: SourceSpan(start: start, end: end))
                #expect(both.start == index.position(of: start), "start of \(start)..<\(end)")
                #expect(both.end == index.position(of: end), "end of \(start)..<\(end)")
            }
        }
    }

    @Test func arbitraryBytesNeverTrap() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let index = LineIndex(bytes)
            for offset in 0...bytes.count {
                let position = index.position(of: offset)
                #expect(position.line >= 1 && position.line <= index.lineCount)
                #expect(position.column >= 1)
            }
        }
    }

    @Test func hintedLineSearchMatchesPlainSearch() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in [0x0A, 0x0D, 0x61][Int.random(in: 0..<3, using: &generator)] as UInt8 }
            let index = LineIndex(bytes)
            for offset in -1...(bytes.count + 1) {
                let expected = index.lineNumberIndex(of: offset)
                for hint in [-1, 0, 1, 2, expected - 1, expected, expected + 1, index.lineCount - 1, index.lineCount] {
                    #expect(index.lineNumberIndex(of: offset, from: hint) == expected, "offset \(offset) hint \(hint) in \(bytes)")
                }
            }
            var hint = 0
            for start in stride(from: 0, through: bytes.count, by: 7) {
                let span = SourceSpan(start: start, end: min(start + 5, bytes.count))
                let hinted = index.positions(of: span, lineHint: &hint)
                #expect(hinted.start == index.position(of: span.start) && hinted.end == index.position(of: span.end))
                #expect(hint == hinted.start.line - 1)
            }
        }
    }

    @Test func spanPositionsMatchOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        // Bytes drawn mostly from terminators, ASCII and UTF-8 lead and
        // continuation bytes, so spans often start inside a character.
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x20, 0x61, 0x62, 0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, 0xE2, 0xFF]
        for _ in 0..<100 {
            let bytes = (0..<Int.random(in: 0..<24, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            let index = LineIndex(bytes)
            for start in 0...bytes.count {
                for end in start...bytes.count {
                    let both = index.positions(of: SourceSpan(start: start, end: end))
                    #expect(both.start == index.position(of: start) && both.end == index.position(of: end), "\(bytes) \(start)..<\(end)")
                }
            }
        }
    }
}
