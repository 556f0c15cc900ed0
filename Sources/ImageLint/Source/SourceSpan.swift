/// A half-open byte range `[start, end)` in a file's original bytes.
///
/// Spans are always in bytes of the file as read (a UTF-8 BOM included), so
/// they survive any later decoding; lines and columns come from the file's
/// ``LineIndex``.
public struct SourceSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The empty span at `offset`.
    public init(at offset: Int) {
        self.init(start: offset, end: offset)
    }

    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    /// This span moved by `delta` bytes, for text read out of an enclosing file
    /// (an inline Dockerfile inside YAML, say).
    public func shifted(by delta: Int) -> SourceSpan {
        SourceSpan(start: start + delta, end: end + delta)
    }

    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(start)..<\(end)" }
}
