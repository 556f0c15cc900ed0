/// Where a block scalar's (`|`, `>`) content lies in the file.
///
/// libyaml gives the indicator's position and an end mark at the start of
/// the line after the block (trailing empty lines included) but not the
/// content indentation, which an explicit indicator (`|2`) makes relative
/// to a parent. The indentation is recovered exactly from the decoded
/// value instead: the first non-space content character of the file and of
/// the value are the same character, and the spaces before it in its value
/// line are the ones past the indentation.
struct YAMLBlockScalarLayout {
    /// First content byte after the indentation on the first line that has
    /// any (the header's end when the scalar has no content).
    var contentStart: Int
    /// End of the last content line (before its line break).
    var contentEnd: Int
    /// 0-based index of the line after the indicator line.
    var firstLine: Int
    /// Content indentation in bytes; -1 when the scalar has no content.
    var indent: Int
    /// False when the value did not fit the source (an unusual line break
    /// such as U+0085 inside the block); spans are then approximate.
    var isExact: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, lines: LineIndex, indicator: Int, regionEnd: Int, value: UnsafeBufferPointer<UInt8>) {
        let space = UInt8(ascii: " ")
        let newline = UInt8(ascii: "\n")
        let regionEnd = min(regionEnd, bytes.count)
        let headerLine = lines.lineNumberIndex(of: indicator)
        var headerEnd = min(indicator + 1, bytes.count)
        let headerLineEnd = lines.lineEnds[headerLine]
        while headerEnd < headerLineEnd, Self.isHeaderByte(bytes[headerEnd]) { headerEnd += 1 }
        firstLine = headerLine + 1
        contentStart = headerEnd
        contentEnd = headerEnd
        indent = -1
        isExact = true

        // The first non-space content byte of the source.
        var line = firstLine
        var firstContent = -1
        while line < lines.lineCount {
            let start = lines.lineStarts[line]
            if start >= regionEnd { break }
            let end = min(lines.lineEnds[line], regionEnd)
            var j = start
            while j < end, bytes[j] == space { j += 1 }
            if j < end {
                firstContent = j
                break
            }
            line += 1
        }
        guard firstContent >= 0 else { return }
        let contentLine = line
        let column = firstContent - lines.lineStarts[contentLine]

        // The same character in the value, and the spaces before it there.
        var v = 0
        var valueLineStart = 0
        while v < value.count, value[v] == space || value[v] == newline {
            if value[v] == newline { valueLineStart = v + 1 }
            v += 1
        }
        if v < value.count, column - (v - valueLineStart) >= 0 {
            indent = column - (v - valueLineStart)
        } else {
            indent = column
            isExact = false
        }
        // The content starts after the indentation: at the first non-space
        // byte, or before spaces that are content (`|2` with more spaces).
        contentStart = lines.lineStarts[contentLine] + indent

        // The last line that has something past the indentation.
        contentEnd = min(lines.lineEnds[contentLine], regionEnd)
        line = contentLine + 1
        while line < lines.lineCount {
            let start = lines.lineStarts[line]
            if start >= regionEnd { break }
            let end = min(lines.lineEnds[line], regionEnd)
            if end - start > indent { contentEnd = end }
            line += 1
        }
    }

    @inline(__always) static func isHeaderByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "1") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }
}
