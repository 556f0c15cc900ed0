/// Maps byte offsets to lines and columns and back.
///
/// Lines end at LF, CRLF or a lone CR; the terminator belongs to the line it
/// ends, never to the next. The index is built in one pass over the bytes and
/// answers each look-up with a binary search over line starts plus a scan of
/// one line, so it is cheap to build for every file and cheap to query for
/// the few positions a report needs.
public struct LineIndex: Sendable {
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Byte offset where each line's content ends (before its terminator),
    /// worked out from the next line's start: an index is built for every
    /// file read, most are never asked, and one array is half the work.
    public var lineEnds: LineEnds { LineEnds(lineStarts: lineStarts, bytes: bytes) }
    /// Bytes of the UTF-8 BOM at the start of the file (0 or 3).
    public let bomLength: Int
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        let n = bytes.count
        starts.reserveCapacity(n / 24 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            // Most files have no carriage return at all: then `memchr` can
            // jump from line feed to line feed.
            if ByteSearch.first(0x0D, in: buffer, from: 0, to: n) == n {
                var i = ByteSearch.first(0x0A, in: buffer, from: 0, to: n)
                while i < n {
                    starts.append(i + 1)
                    i = ByteSearch.first(0x0A, in: buffer, from: i + 1, to: n)
                }
                return
            }
            var i = 0
            while i < n {
                let b = buffer[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n, buffer[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
        bomLength = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Where each line's content ends: before the LF, CRLF or CR that
    /// starts the next line, or at the end of the file for the last line.
    public struct LineEnds: Sendable {
        let lineStarts: [Int]
        let bytes: [UInt8]

        public var count: Int { lineStarts.count }

        public subscript(line: Int) -> Int {
            guard line + 1 < lineStarts.count else { return bytes.count }
            let next = lineStarts[line + 1]
            return next >= 2 && bytes[next - 1] == 0x0A && bytes[next - 2] == 0x0D ? next - 2 : next - 1
        }
    }

    public var lineCount: Int { lineStarts.count }

    /// The 0-based line that holds `offset` (an offset inside a line
    /// terminator belongs to the line it ends; offsets past the end clamp).
    public func lineNumberIndex(of offset: Int) -> Int {
        let offset = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// ``lineNumberIndex(of:)`` searched forward from line `hint` (0-based)
    /// when the offset is at or after that line's start: readers ask in
    /// file order, and a search from the top touched a line table not yet
    /// in the cache at every step. Any hint gives the same answer.
    public func lineNumberIndex(of offset: Int, from hint: Int) -> Int {
        let offset = min(max(offset, 0), bytes.count)
        guard hint >= 0, hint < lineStarts.count, lineStarts[hint] <= offset else { return lineNumberIndex(of: offset) }
        // Steps of 1, 2, 4, … until a line starts after the offset, then a
        // binary search between the last two steps.
        var low = hint
        var step = 1
        var high = lineStarts.count - 1
        while low + step <= high {
            if lineStarts[low + step] > offset {
                high = low + step - 1
                break
            }
            low += step
            step *= 2
        }
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The byte range of line `line` (1-based) without its terminator.
    public func contentSpan(ofLine line: Int) -> SourceSpan? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        return SourceSpan(start: lineStarts[line - 1], end: lineEnds[line - 1])
    }

    /// The position of `offset`, with every kind of column.
    public func position(of offset: Int) -> SourcePosition {
        counted(to: offset).position
    }

    /// The positions of both ends of `span`. An end on the start's line
    /// (nearly every span a reader makes) continues the start's column
    /// count rather than searching for its line and counting it again.
    public func positions(of span: SourceSpan) -> (start: SourcePosition, end: SourcePosition) {
        var hint = 0
        return positions(of: span, lineHint: &hint)
    }

    /// ``positions(of:)`` with the start's line searched from `lineHint`
    /// (see ``lineNumberIndex(of:from:)``), which is then set to it.
    public func positions(of span: SourceSpan, lineHint: inout Int) -> (start: SourcePosition, end: SourcePosition) {
        let (start, plain) = counted(to: span.start, lineHint: lineHint)
        lineHint = start.line - 1
        let end = min(max(span.end, 0), bytes.count)
        let lineIndex = start.line - 1
        // Counting resumes only where the start is surely at a character
        // boundary: after nothing but ASCII on its line, and not inside
        // the BOM (line 1 counts from a different place for such offsets).
        guard plain, end >= start.offset, end <= lineEnds[lineIndex], lineIndex > 0 || start.offset >= bomLength else {
            return (start, position(of: end))
        }
        let begin = lineIndex == 0 ? bomLength : lineStarts[lineIndex]
        return (start, count(to: end, line: lineIndex, begin: begin, from: start.offset, scalars: start.column - 1, units: start.utf16Column - 1).position)
    }

    /// The position of `offset`, and whether its line holds only ASCII
    /// before it.
    private func counted(to offset: Int, lineHint: Int? = nil) -> (position: SourcePosition, plain: Bool) {
        let offset = min(max(offset, 0), bytes.count)
        let lineIndex = lineHint.map { lineNumberIndex(of: offset, from: $0) } ?? lineNumberIndex(of: offset)
        let begin = lineIndex == 0 ? min(bomLength, offset) : lineStarts[lineIndex]
        return count(to: offset, line: lineIndex, begin: begin, from: begin, scalars: 0, units: 0)
    }

    /// The position of `offset` on line `lineIndex`, whose columns count
    /// from `begin`, given `scalars` and `units` counted up to `cursor`;
    /// with whether every byte from `cursor` to `offset` is ASCII.
    private func count(to offset: Int, line lineIndex: Int, begin: Int, from cursor: Int, scalars: Int, units: Int) -> (position: SourcePosition, plain: Bool) {
        var cursor = cursor
        var scalars = scalars
        var units = units
        let stop = min(offset, lineEnds[lineIndex])
        // ASCII counts one column per byte in every unit; only the rest of
        // the line after the first other byte is decoded.
        let ascii = bytes.withUnsafeBufferPointer { ByteSearch.firstNonASCII(in: $0, from: cursor, to: stop) }
        let plain = ascii >= stop
        scalars += max(ascii - cursor, 0)
        units += max(ascii - cursor, 0)
        cursor = max(ascii, cursor)
        while cursor < stop {
            let length = LineIndex.scalarLength(bytes, at: cursor, limit: stop)
            scalars += 1
            units += length == 4 ? 2 : 1
            cursor += length
        }
        // An offset inside the line terminator counts the terminator's bytes.
        let extra = offset - max(stop, begin)
        scalars += max(0, extra)
        units += max(0, extra)
        let position = SourcePosition(
            offset: offset,
            line: lineIndex + 1,
            column: scalars + 1,
            utf16Column: units + 1,
            byteColumn: offset - lineStarts[lineIndex] + 1
        )
        return (position, plain)
    }

    /// The byte offset of a 1-based line and scalar column, clamped to the
    /// line's content; nil for a line that does not exist.
    public func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        var cursor = lineStarts[line - 1]
        if line == 1 { cursor = bomLength }
        let stop = lineEnds[line - 1]
        var remaining = column - 1
        while remaining > 0, cursor < stop {
            cursor += LineIndex.scalarLength(bytes, at: cursor, limit: stop)
            remaining -= 1
        }
        return cursor
    }

    /// The byte offset of a 1-based line and UTF-16 column (LSP positions).
    public func offset(line: Int, utf16Column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, utf16Column >= 1 else { return nil }
        var cursor = lineStarts[line - 1]
        if line == 1 { cursor = bomLength }
        let stop = lineEnds[line - 1]
        var remaining = utf16Column - 1
        while remaining > 0, cursor < stop {
            let length = LineIndex.scalarLength(bytes, at: cursor, limit: stop)
            remaining -= length == 4 ? 2 : 1
            cursor += length
        }
        return cursor
    }

    /// Length in bytes of the UTF-8 sequence at `i`; 1 for any invalid byte,
    /// so every byte sequence decodes to something and nothing traps.
    @inline(__always)
    static func scalarLength(_ bytes: [UInt8], at i: Int, limit: Int) -> Int {
        let b0 = bytes[i]
        if b0 < 0x80 { return 1 }
        let need: Int
        switch b0 {
        case 0xC2...0xDF: need = 2
        case 0xE0...0xEF: need = 3
        case 0xF0...0xF4: need = 4
        default: return 1
        }
        guard i + need <= limit else { return 1 }
        for k in 1..<need where bytes[i + k] & 0xC0 != 0x80 { return 1 }
        // Reject overlong and surrogate forms the way a strict decoder does.
        let b1 = bytes[i + 1]
        switch b0 {
        case 0xE0 where b1 < 0xA0: return 1
        case 0xED where b1 > 0x9F: return 1
        case 0xF0 where b1 < 0x90: return 1
        case 0xF4 where b1 > 0x8F: return 1
        default: return need
        }
    }
}
