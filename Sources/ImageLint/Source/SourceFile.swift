/// A file's path and bytes, with the index that turns offsets into positions.
///
/// The bytes are kept exactly as read: readers work on them, spans point
/// into them, and nothing is ever written back.
public struct SourceFile: Sendable {
    /// The path as it should appear in reports (relative where possible).
    public let path: String
    public let bytes: [UInt8]
    public let lines: LineIndex

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lines = LineIndex(bytes)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The text of `span`, decoded leniently (invalid UTF-8 becomes U+FFFD).
    public func text(_ span: SourceSpan) -> String {
        let start = min(max(span.start, 0), bytes.count)
        let end = min(max(span.end, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The full location of `span` in this file.
    public func location(_ span: SourceSpan) -> SourceLocation {
        let (start, end) = lines.positions(of: span)
        return SourceLocation(path: path, span: span, start: start, end: end)
    }

    /// ``location(_:)`` with the line searched from `lineHint`, which is
    /// then set to the start's line: for callers that ask in file order
    /// (see ``LineIndex/lineNumberIndex(of:from:)``).
    public func location(_ span: SourceSpan, lineHint: inout Int) -> SourceLocation {
        let (start, end) = lines.positions(of: span, lineHint: &lineHint)
        return SourceLocation(path: path, span: span, start: start, end: end)
    }

    /// The text of the 1-based line `line` without its terminator (and
    /// without the BOM on line 1), for snippets under a diagnostic.
    public func lineText(_ line: Int) -> String {
        guard var span = lines.contentSpan(ofLine: line) else { return "" }
        if line == 1 { span.start = min(lines.bomLength, span.end) }
        return text(span)
    }
}
