/// One Dockerfile instruction's text after line continuations are joined,
/// with the map from each of its bytes back to the file.
///
/// BuildKit joins continued lines by removing the escape character, the
/// blanks after it and the line break, and by dropping comment and blank
/// lines inside the continuation. The joined text is what instructions are
/// parsed from; the map is what lets a word that straddles a continuation be
/// reported at its exact bytes in the file.
///
/// A line that fits on one physical line (most do) shares the file's bytes
/// and maps offsets one to one; only a continued line owns a joined copy.
public struct DockerfileLogicalLine: Sendable {
    /// A run of logical bytes copied from consecutive source bytes.
    public struct Segment: Sendable, Hashable {
        /// Offset in ``bytes`` where the run starts.
        public var logicalStart: Int
        /// Offset in the file where the run starts.
        public var sourceStart: Int
        public var count: Int
    }

    /// The storage: the file's own bytes for a single physical line, or the
    /// joined copy.
    public let bytes: [UInt8]
    /// Where the logical text lives in ``bytes``.
    public let start: Int
    public let end: Int
    /// Empty when logical offsets are file offsets.
    public let segments: [Segment]

    /// A line that is a plain slice of the file.
    init(file bytes: [UInt8], start: Int, end: Int) {
        self.bytes = bytes
        self.start = start
        self.end = end
        self.segments = []
    }

    /// A line joined from pieces of the file (``DockerfileLineJoiner``):
    /// the first `count` bytes of `bytes`.
    init(joined bytes: [UInt8], count: Int, segments: [Segment]) {
        self.bytes = bytes
        self.start = 0
        self.end = count
        self.segments = segments
    }

    public var count: Int { end - start }

    /// The file offset of logical offset `offset` (an offset at the end of a
    /// run maps to the byte after that run's last source byte).
    public func sourceOffset(_ offset: Int) -> Int {
        guard !segments.isEmpty else { return offset }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].logicalStart <= offset { low = mid } else { high = mid - 1 }
        }
        let segment = segments[low]
        return segment.sourceStart + min(max(offset - segment.logicalStart, 0), segment.count)
    }

    /// The file span covering logical bytes `start..<end`: from the first
    /// byte's source to just after the last byte's source, so a span that
    /// straddles a continuation covers the escape and line break between.
    public func sourceSpan(_ start: Int, _ end: Int) -> SourceSpan {
        guard end > start else {
            let offset = sourceOffset(start)
            return SourceSpan(at: offset)
        }
        return SourceSpan(start: sourceOffset(start), end: sourceOffset(end - 1) + 1)
    }

    /// The logical text of `start..<end`, decoded leniently.
    public func text(_ start: Int, _ end: Int) -> String {
        let s = min(max(start, self.start), self.end)
        let e = min(max(end, s), self.end)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// The whole logical text.
    public var text: String { text(start, end) }
}
