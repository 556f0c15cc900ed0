/// Maps offsets in a scalar's decoded value back to offsets in the file,
/// for text that is read again inside a scalar (an inline Dockerfile in a
/// `|` block, a list of images inside a string).
///
/// The map is a list of runs. In an exact run, value byte `value + i` is
/// file byte `source + i`; every byte of an inexact run (an escape such as
/// `\t` or `\u00e9`, a space or line feed made by folding a line break)
/// maps to the first source byte of what produced it. Literal block
/// scalars, plain and single-quoted scalars map exactly (a `''` maps to its
/// first quote), double-quoted scalars exactly outside escapes. Built on
/// demand from the file and the value, checked byte for byte; should the
/// value not fit the source (an unusual line break such as U+0085), the map
/// degrades to one run at the span start and ``isExact`` is false.
public struct YAMLScalarSourceMap: Sendable {
    struct Run: Sendable {
        var value: Int
        var source: Int
        var length: Int
        var exact: Bool
    }

    let runs: [Run]
    /// Length of the decoded value.
    public let valueCount: Int
    /// The scalar's span (where offsets past the last run map).
    public let span: SourceSpan
    /// Whether every value byte is a byte of the file, in order (no escape,
    /// no folded line break): then value ranges map to file ranges as is.
    public let isOneToOne: Bool
    /// False when the value could not be matched to the source text.
    public let isExact: Bool
    let fileCount: Int

    init(_ scalar: YAMLScalar) {
        let storage = scalar.node.storage
        let record = scalar.node.record
        let span = scalar.span
        self.span = span
        fileCount = storage.file.bytes.count
        let value = Array(scalar.valueBytes)
        valueCount = value.count
        var builder = Builder(bytes: storage.file.bytes, lines: storage.file.lines, value: value)
        let built: Bool
        switch scalar.style {
        case .plain: built = builder.flow(start: span.start, end: span.end, quote: 0)
        case .singleQuoted: built = builder.flow(start: span.start, end: span.end, quote: UInt8(ascii: "'"))
        case .doubleQuoted: built = builder.flow(start: span.start, end: span.end, quote: UInt8(ascii: "\""))
        case .literal, .folded:
            built = storage.file.bytes.withUnsafeBufferPointer { bytes in
                value.withUnsafeBufferPointer { valueBuffer in
                    let layout = YAMLBlockScalarLayout(bytes: bytes, lines: storage.file.lines, indicator: Int(record.c),
                                                       regionEnd: bytes.count, value: valueBuffer)
                    guard layout.isExact, layout.indent >= 0 || value.allSatisfy({ $0 == UInt8(ascii: "\n") }) else { return false }
                    return scalar.style == .literal ? builder.literal(layout) : builder.folded(layout, end: span.end)
                }
            }
        }
        if built, builder.v == value.count {
            runs = builder.runs
            isExact = true
            isOneToOne = builder.runs.allSatisfy(\.exact) && Self.contiguous(builder.runs)
        } else {
            runs = [Run(value: 0, source: span.start, length: value.count, exact: false)]
            isExact = false
            isOneToOne = false
        }
    }

    private static func contiguous(_ runs: [Run]) -> Bool {
        for i in runs.indices.dropFirst() where runs[i].source != runs[i - 1].source + runs[i - 1].length { return false }
        return true
    }

    /// The file offset for `valueOffset` (0...valueCount); nil when out of
    /// range. The end of the value maps to the end of the last run.
    public func sourceOffset(forValueOffset valueOffset: Int) -> Int? {
        guard valueOffset >= 0, valueOffset <= valueCount else { return nil }
        var low = 0
        var high = runs.count - 1
        guard high >= 0, runs[0].value <= valueOffset else { return min(span.start, fileCount) }
        while low < high {
            let mid = (low + high + 1) / 2
            if runs[mid].value <= valueOffset { low = mid } else { high = mid - 1 }
        }
        let run = runs[low]
        let delta = valueOffset - run.value
        let offset: Int
        if delta < run.length {
            offset = run.exact ? run.source + delta : run.source
        } else {
            offset = run.exact ? run.source + run.length : run.source + (run.length > 0 ? 1 : 0)
        }
        // Inexact runs point at what made the bytes; never past the file.
        return min(max(offset, 0), fileCount)
    }

    /// The file span of a range of the value: from its first byte's source to
    /// just after its last byte's source.
    public func sourceSpan(forValueRange range: Range<Int>) -> SourceSpan? {
        guard let start = sourceOffset(forValueOffset: range.lowerBound) else { return nil }
        guard range.upperBound > range.lowerBound else { return SourceSpan(at: start) }
        guard let last = sourceOffset(forValueOffset: range.upperBound - 1) else { return nil }
        return SourceSpan(start: start, end: last + 1)
    }

    /// Collects runs while matching the value against the source.
    private struct Builder {
        let bytes: [UInt8]
        let lines: LineIndex
        let value: [UInt8]
        var runs: [Run] = []
        var v = 0

        init(bytes: [UInt8], lines: LineIndex, value: [UInt8]) {
            self.bytes = bytes
            self.lines = lines
            self.value = value
        }

        /// Appends an exact run if `bytes[s..<e]` is next in the value.
        mutating func exact(_ s: Int, _ e: Int) -> Bool {
            let length = e - s
            guard length > 0 else { return true }
            guard v + length <= value.count else { return false }
            for i in 0..<length where bytes[s + i] != value[v + i] { return false }
            runs.append(Run(value: v, source: s, length: length, exact: true))
            v += length
            return true
        }

        /// Appends an inexact run of `length` value bytes made at `source`.
        mutating func made(at source: Int, length: Int) -> Bool {
            guard length > 0, v + length <= value.count else { return length == 0 }
            runs.append(Run(value: v, source: source, length: length, exact: false))
            v += length
            return true
        }

        /// Skips the value bytes a folded line break made (one space, or
        /// one line feed per empty line), mapped to the break at `source`.
        mutating func separator(at source: Int, nextStartsWithSpace: Bool) -> Bool {
            if v < value.count, value[v] == UInt8(ascii: " "), !nextStartsWithSpace { return made(at: source, length: 1) }
            var n = 0
            while v + n < value.count, value[v + n] == UInt8(ascii: "\n") { n += 1 }
            return made(at: source, length: n)
        }

        static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

        /// Plain (`quote == 0`), single- and double-quoted scalars: the
        /// lines of `[start, end)`, folded, with `''` or escapes decoded.
        mutating func flow(start: Int, end: Int, quote: UInt8) -> Bool {
            if start >= end { return true }
            let firstLine = lines.lineNumberIndex(of: start)
            let lastLine = lines.lineNumberIndex(of: max(start, end - 1))
            var previousBreak = -1
            var escapedBreak = false
            for line in firstLine...lastLine {
                var s = line == firstLine ? start : lines.lineStarts[line]
                var e = line == lastLine ? end : min(lines.lineEnds[line], end)
                if line != firstLine { while s < e, Self.isBlank(bytes[s]) { s += 1 } }
                // Blanks before a break are dropped, except before an escaped break.
                let continues = quote == UInt8(ascii: "\"") && line != lastLine && e > s && bytes[e - 1] == UInt8(ascii: "\\") && Self.endsWithEscape(bytes, s, e)
                if line != lastLine, !continues { while e > s, Self.isBlank(bytes[e - 1]) { e -= 1 } }
                if line != firstLine, !escapedBreak {
                    if s == e {
                        previousBreak = previousBreak < 0 ? lines.lineEnds[line - 1] : previousBreak
                        continue
                    }
                    guard separator(at: previousBreak < 0 ? lines.lineEnds[line - 1] : previousBreak, nextStartsWithSpace: false) else { return false }
                }
                previousBreak = -1
                escapedBreak = continues
                guard chunk(s, continues ? e - 1 : e, quote: quote) else { return false }
            }
            return true
        }

        /// Whether the `\` at `e - 1` is itself not escaped.
        static func endsWithEscape(_ bytes: [UInt8], _ s: Int, _ e: Int) -> Bool {
            var n = 0
            var i = e - 1
            while i >= s, bytes[i] == UInt8(ascii: "\\") { n += 1; i -= 1 }
            return n % 2 == 1
        }

        /// One line's text of a flow scalar.
        mutating func chunk(_ s: Int, _ e: Int, quote: UInt8) -> Bool {
            if quote == 0 { return exact(s, e) }
            var runStart = s
            var i = s
            while i < e {
                let b = bytes[i]
                if quote == UInt8(ascii: "'"), b == quote, i + 1 < e, bytes[i + 1] == quote {
                    guard exact(runStart, i + 1) else { return false }
                    i += 2
                    runStart = i
                } else if quote == UInt8(ascii: "\""), b == UInt8(ascii: "\\"), i + 1 < e {
                    guard exact(runStart, i) else { return false }
                    let (sourceLength, valueLength) = Self.escape(bytes, i, e)
                    guard made(at: i, length: valueLength) else { return false }
                    i += sourceLength
                    runStart = i
                } else {
                    i += 1
                }
            }
            return exact(runStart, e)
        }

        /// Source and UTF-8 value lengths of the escape at `i`.
        static func escape(_ bytes: [UInt8], _ i: Int, _ e: Int) -> (Int, Int) {
            let c = bytes[i + 1]
            let hexDigits: Int
            switch c {
            case UInt8(ascii: "x"): hexDigits = 2
            case UInt8(ascii: "u"): hexDigits = 4
            case UInt8(ascii: "U"): hexDigits = 8
            case UInt8(ascii: "N"), UInt8(ascii: "_"): return (2, 2)
            case UInt8(ascii: "L"), UInt8(ascii: "P"): return (2, 3)
            default: return (2, 1)
            }
            var code: UInt32 = 0
            var k = 0
            while k < hexDigits, i + 2 + k < e, let d = hexValue(bytes[i + 2 + k]) {
                code = code << 4 | d
                k += 1
            }
            let length = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
            return (2 + k, length)
        }

        static func hexValue(_ b: UInt8) -> UInt32? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        /// Content of source line `line` past the indentation.
        func content(_ line: Int, indent: Int) -> (Int, Int) {
            let start = lines.lineStarts[line]
            let end = lines.lineEnds[line]
            return end - start > indent ? (start + indent, end) : (end, end)
        }

        /// Literal: value line k is source line `firstLine + k` past the indentation.
        mutating func literal(_ layout: YAMLBlockScalarLayout) -> Bool {
            var line = layout.firstLine
            while v < value.count {
                guard line < lines.lineCount else { return false }
                let (s, e) = content(line, indent: max(layout.indent, 0))
                guard exact(s, e) else { return false }
                if v < value.count {
                    guard value[v] == UInt8(ascii: "\n") else { return false }
                    let isLF = e < bytes.count && bytes[e] == UInt8(ascii: "\n")
                    if isLF { guard exact(e, e + 1) else { return false } } else { guard made(at: e, length: 1) else { return false } }
                }
                line += 1
            }
            return true
        }

        /// Folded: each content line's text in order, with the breaks between
        /// them folded to a space or kept as line feeds.
        mutating func folded(_ layout: YAMLBlockScalarLayout, end: Int) -> Bool {
            var line = layout.firstLine
            var first = true
            var lastEnd = layout.contentStart
            while line < lines.lineCount, lines.lineStarts[line] < end {
                let (s, e) = content(line, indent: max(layout.indent, 0))
                line += 1
                if s == e { continue }
                if !first { guard separator(at: lastEnd, nextStartsWithSpace: Self.isBlank(bytes[s])) else { return false } }
                // Leading line feeds made by empty lines before the first line.
                if first { guard separator(at: layout.contentStart, nextStartsWithSpace: true) else { return false } }
                first = false
                guard exact(s, e) else { return false }
                lastEnd = e
            }
            // Line feeds kept by chomping map to the last line's break.
            return made(at: lastEnd, length: value.count - v)
        }
    }
}
