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
        // The line is the first `total` bytes: a reused buffer keeps its
        // length and is overwritten, one block copy per piece.
        if bytes.count < total {
            bytes.append(contentsOf: repeatElement(0, count: max(total - bytes.count, reusesBuffers ? 1024 : 0)))
        }
        bytes.withUnsafeMutableBufferPointer { joined in
            file.withUnsafeBufferPointer { source in
                for segment in segments {
                    let from = UnsafeBufferPointer(rebasing: source[segment.sourceStart..<(segment.sourceStart + segment.count)])
                    _ = UnsafeMutableBufferPointer(rebasing: joined[segment.logicalStart..<(segment.logicalStart + segment.count)]).update(fromContentsOf: from)
                }
            }
        }
        // A line with no content still needs to point somewhere.
        if segments.isEmpty, let first = pieces.first {
            segments.append(DockerfileLogicalLine.Segment(logicalStart: 0, sourceStart: first.start, count: 0))
        }
        return DockerfileLogicalLine(joined: bytes, count: total, segments: segments)
    }
}
