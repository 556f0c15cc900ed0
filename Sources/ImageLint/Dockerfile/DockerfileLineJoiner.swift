/// Joins the pieces of a continued instruction into one logical line.
///
/// A caller that frees each instruction before the reader goes on to the
/// next (the extractor) lets the joiner write every joined line into the
/// same two buffers: once the previous line is gone they are uniquely
/// referenced again, so joining allocates nothing. Should such a caller
/// keep a line after all, copy-on-write gives the next line new buffers.
/// A caller that keeps every instruction (``DockerfileReader/read(_:)``)
/// gets buffers sized for each line instead of copies of the largest.
struct DockerfileLineJoiner {
    let reusesBuffers: Bool
    private var bytes: [UInt8] = []
    private var segments: [DockerfileLogicalLine.Segment] = []

    init(reusesBuffers: Bool) {
        self.reusesBuffers = reusesBuffers
    }

    /// The logical line made of `pieces` of `file`, in order.
    mutating func join(_ file: [UInt8], _ pieces: [(start: Int, end: Int)]) -> DockerfileLogicalLine {
        if reusesBuffers {
            segments.removeAll(keepingCapacity: true)
        } else {
            bytes = []
            segments = []
        }
        // Room for the longer lines to come, so a file grows its buffers
        // once or twice rather than at each longer line.
        segments.reserveCapacity(reusesBuffers ? max(pieces.count, 32) : pieces.count)
        var total = 0
        for piece in pieces where piece.end > piece.start {
            segments.append(DockerfileLogicalLine.Segment(logicalStart: total, sourceStart: piece.start, count: piece.end - piece.start))
            total += piece.end - piece.start
        }
        if reusesBuffers {
            // The line is the first `total` bytes of the buffer, which
            // keeps its length and is overwritten.
            if bytes.count < total {
                let size = max(total, 2 * bytes.count, 1024)
                bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                    buffer.initialize(repeating: 0)
                    initialized = size
                }
            }
            let segments = segments
            bytes.withUnsafeMutableBufferPointer { Self.copy(segments, of: file, into: $0) }
        } else {
            bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
                Self.copy(segments, of: file, into: buffer)
                initialized = total
            }
        }
        // A line with no content still needs to point somewhere.
        if segments.isEmpty, let first = pieces.first {
            segments.append(DockerfileLogicalLine.Segment(logicalStart: 0, sourceStart: first.start, count: 0))
        }
        return DockerfileLogicalLine(joined: bytes, count: total, segments: segments)
    }

    /// Copies each segment's file bytes to its place in `joined`, one block
    /// copy per piece (bytes are a trivial type: a reused buffer may be
    /// initialized again).
    private static func copy(_ segments: [DockerfileLogicalLine.Segment], of file: [UInt8], into joined: UnsafeMutableBufferPointer<UInt8>) {
        file.withUnsafeBufferPointer { source in
            for segment in segments {
                let from = UnsafeBufferPointer(rebasing: source[segment.sourceStart..<(segment.sourceStart + segment.count)])
                _ = UnsafeMutableBufferPointer(rebasing: joined[segment.logicalStart..<(segment.logicalStart + segment.count)]).initialize(fromContentsOf: from)
            }
        }
    }
}
