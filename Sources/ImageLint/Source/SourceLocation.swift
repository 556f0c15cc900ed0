/// A span resolved to positions in a named file.
///
/// Occurrences and findings carry these for related places that may live in
/// another file (an `.env` value, another use of the same image), so a
/// report never needs that file's index again.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String
    public var span: SourceSpan
    public var start: SourcePosition
    public var end: SourcePosition

    public init(path: String, span: SourceSpan, start: SourcePosition, end: SourcePosition) {
        self.path = path
        self.span = span
        self.start = start
        self.end = end
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.span) < (rhs.path, rhs.span)
    }

    public var description: String { "\(path):\(start.line):\(start.column)" }
}
