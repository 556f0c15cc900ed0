/// One source line prepared for a terminal, with the columns where a span
/// starts and ends on it: tabs expanded, wide characters counted twice,
/// control characters made visible, long lines cut around the span.
struct SourceSnippet: Sendable, Hashable {
    /// The line as it should be printed.
    var text: String
    /// Display columns (0-based) of the underline's start, and its width (≥ 1).
    var underlineStart: Int
    var underlineWidth: Int

    static let tabWidth = 4
    static let maxWidth = 160

    /// The snippet for `span` on the line where it starts.
    init(file: SourceFile, span: SourceSpan) {
        let lineNumber = file.lines.lineNumberIndex(of: span.start) + 1
        guard var lineSpan = file.lines.contentSpan(ofLine: lineNumber) else {
            self.init(text: "", underlineStart: 0, underlineWidth: 1)
            return
        }
        if lineNumber == 1 { lineSpan.start = min(file.lines.bomLength, lineSpan.end) }
        let line = file.text(lineSpan)
        let spanStart = max(span.start, lineSpan.start)
        let spanEnd = min(max(span.end, spanStart), lineSpan.end)
        // Scalar offsets of the span inside the line.
        let before = file.text(SourceSpan(start: lineSpan.start, end: spanStart)).unicodeScalars.count
        let inside = file.text(SourceSpan(start: spanStart, end: spanEnd)).unicodeScalars.count
        self.init(line: line, scalarStart: before, scalarCount: inside)
    }

    init(text: String, underlineStart: Int, underlineWidth: Int) {
        self.text = text
        self.underlineStart = underlineStart
        self.underlineWidth = underlineWidth
    }

    /// Lays out `line` and the underline of `scalarCount` scalars from `scalarStart`.
    init(line: String, scalarStart: Int, scalarCount: Int) {
        var cells: [(text: String, width: Int)] = []
        var column = 0
        for scalar in line.unicodeScalars {
            let cell: (String, Int)
            switch scalar {
            case "\t":
                let width = SourceSnippet.tabWidth - column % SourceSnippet.tabWidth
                cell = (String(repeating: " ", count: width), width)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                cell = ("\u{FFFD}", 1)
            default:
                let width = DisplayWidth.of(scalar)
                cell = (String(scalar), width)
            }
            cells.append(cell)
            column += cell.1
        }
        let startIndex = min(scalarStart, cells.count)
        let endIndex = min(scalarStart + scalarCount, cells.count)
        var startColumn = cells[..<startIndex].reduce(0) { $0 + $1.width }
        var width = cells[startIndex..<endIndex].reduce(0) { $0 + $1.width }
        var first = 0
        var last = cells.count
        // A very long line (minified JSON, a long RUN) is cut around the span.
        if column > SourceSnippet.maxWidth {
            let margin = 40
            var skipped = 0
            while first < startIndex, startColumn - skipped > margin {
                skipped += cells[first].width
                first += 1
            }
            var kept = 0
            last = first
            while last < cells.count, kept < SourceSnippet.maxWidth {
                kept += cells[last].width
                last += 1
            }
            startColumn -= skipped
            if first > 0 { startColumn += 1 }
            width = min(width, max(1, kept - (startColumn - (first > 0 ? 1 : 0))))
        }
        var text = first > 0 ? "…" : ""
        for cell in cells[first..<last] { text += cell.text }
        if last < cells.count { text += "…" }
        self.text = text
        underlineStart = startColumn
        underlineWidth = max(1, width)
    }
}
