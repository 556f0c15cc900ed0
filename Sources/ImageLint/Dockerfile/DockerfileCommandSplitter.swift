/// Splits an instruction's logical line into keyword, flags and arguments
/// the way BuildKit's `splitCommand` and `extractBuilderFlags` do.
///
/// The keyword ends at the first `[\t\v\f\r ]`; flags are the following
/// words that start with `--`, up to the first word that does not or a bare
/// `--`. The flag scanner removes quotes and always uses `\` as its escape
/// (not the file's escape character), and it tests single bytes for spaces.
struct DockerfileCommandSplit {
    var keywordStart: Int
    var keywordEnd: Int
    var flags: [DockerfileFlag]
    var argumentsStart: Int
    var argumentsEnd: Int
}

enum DockerfileCommandSplitter {
    static func split(_ line: DockerfileLogicalLine, from lineStart: Int, to lineEnd: Int) -> DockerfileCommandSplit {
        let bytes = line.bytes
        let start = GoSpace.skipSpaces(bytes, from: lineStart, to: lineEnd)
        let end = GoSpace.trimTrailingSpaces(bytes, from: start, to: lineEnd)
        var keywordEnd = start
        while keywordEnd < end, !GoSpace.isSeparator(bytes[keywordEnd]) { keywordEnd += 1 }
        guard keywordEnd < end else {
            return DockerfileCommandSplit(keywordStart: start, keywordEnd: end, flags: [], argumentsStart: end, argumentsEnd: end)
        }
        var rest = keywordEnd
        while rest < end, GoSpace.isSeparator(bytes[rest]) { rest += 1 }
        var flags: [DockerfileFlag] = []
        let remaining = extractFlags(line, from: rest, to: end, into: &flags)
        let argumentsStart = GoSpace.skipSpaces(bytes, from: remaining, to: end)
        return DockerfileCommandSplit(keywordStart: start, keywordEnd: keywordEnd, flags: flags, argumentsStart: argumentsStart, argumentsEnd: end)
    }

    /// BuildKit's `extractBuilderFlags`: appends the flags found from
    /// `start` and returns where the arguments begin.
    static func extractFlags(_ line: DockerfileLogicalLine, from start: Int, to end: Int, into flags: inout [DockerfileFlag]) -> Int {
        let bytes = line.bytes
        let dash = UInt8(ascii: "-")
        let backslash = UInt8(ascii: "\\")
        var pos = start
        while true {
            // Looking for the start of a word.
            while pos < end, GoSpace.isSpaceByteAsRune(bytes[pos]) { pos += 1 }
            guard pos < end else { return end }
            guard bytes[pos] == dash, pos + 1 < end, bytes[pos + 1] == dash else { return pos }
            let wordStart = pos
            if let plainEnd = plainWordEnd(bytes, from: wordStart, to: end) {
                // No quotes or escapes: the word is the bytes as written.
                pos = plainEnd
                if pos - wordStart == 2 { return pos < end ? pos : end }
                flags.append(makePlainFlag(line, wordStart: wordStart, wordEnd: pos))
                if pos == end { return end }
                continue
            }
            var word: [UInt8] = []
            var offsets: [Int] = []
            var quote: UInt8 = 0
            var blankOK = false
            var inQuote = false
            var atSpace = false
            while pos < end {
                var ch = bytes[pos]
                if inQuote {
                    if ch == quote {
                        inQuote = false
                        pos += 1
                        continue
                    }
                    if ch == backslash {
                        if pos + 1 == end {
                            inQuote = false
                            pos += 1
                            continue
                        }
                        pos += 1
                        ch = bytes[pos]
                    }
                    word.append(ch)
                    offsets.append(pos)
                    pos += 1
                    continue
                }
                if GoSpace.isSpaceByteAsRune(ch) {
                    atSpace = true
                    break
                }
                if ch == UInt8(ascii: "'") || ch == UInt8(ascii: "\"") {
                    quote = ch
                    blankOK = true
                    inQuote = true
                    pos += 1
                    continue
                }
                if ch == backslash {
                    if pos + 1 == end {
                        pos += 1
                        continue
                    }
                    pos += 1
                    ch = bytes[pos]
                }
                word.append(ch)
                offsets.append(pos)
                pos += 1
            }
            let isTerminator = word.count == 2 && word[0] == dash && word[1] == dash
            if isTerminator {
                // A bare `--` ends the flags; the arguments start after it.
                return atSpace ? pos : end
            }
            if blankOK || !word.isEmpty {
                flags.append(makeFlag(line, word: word, offsets: offsets, wordStart: wordStart, wordEnd: pos))
            }
            if !atSpace { return end }
        }
    }

    /// The end of the word at `start` when it has no quote or backslash
    /// (almost every flag), nil otherwise.
    @inline(__always)
    private static func plainWordEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        var pos = start
        while pos < end {
            let ch = bytes[pos]
            if GoSpace.isSpaceByteAsRune(ch) { break }
            if ch == UInt8(ascii: "'") || ch == UInt8(ascii: "\"") || ch == UInt8(ascii: "\\") { return nil }
            pos += 1
        }
        return pos
    }

    /// The flag of a word without quotes or escapes, `--name[=value]`: the
    /// value is a slice of the line, so it needs no per-byte copying.
    private static func makePlainFlag(_ line: DockerfileLogicalLine, wordStart: Int, wordEnd: Int) -> DockerfileFlag {
        let bytes = line.bytes
        let span = line.sourceSpan(wordStart, wordEnd)
        let nameStart = wordStart + 2
        guard let equals = bytes[nameStart..<wordEnd].firstIndex(of: UInt8(ascii: "=")) else {
            return DockerfileFlag(name: String(decoding: bytes[nameStart..<wordEnd], as: UTF8.self), valueBytes: nil, span: span, valueSourceOffsets: [])
        }
        let name = String(decoding: bytes[nameStart..<equals], as: UTF8.self)
        let valueStart = equals + 1
        let value = Array(bytes[valueStart..<wordEnd])
        guard valueStart < wordEnd else {
            return DockerfileFlag(name: name, valueBytes: value, span: span, valueSourceOffsets: [])
        }
        // Logical offsets map to file offsets in increasing order, so the
        // value came from one run of file bytes when its ends are as far
        // apart in the file as in the line.
        let first = line.sourceOffset(valueStart)
        if line.sourceOffset(wordEnd - 1) - first == wordEnd - 1 - valueStart {
            return DockerfileFlag(name: name, valueBytes: value, span: span, valueSourceStart: first)
        }
        return DockerfileFlag(name: name, valueBytes: value, span: span, valueSourceOffsets: (valueStart..<wordEnd).map { line.sourceOffset($0) })
    }

    private static func makeFlag(_ line: DockerfileLogicalLine, word: [UInt8], offsets: [Int], wordStart: Int, wordEnd: Int) -> DockerfileFlag {
        // Every flag word starts with two literal dashes.
        let body = word.dropFirst(2)
        let span = line.sourceSpan(wordStart, wordEnd)
        guard let equals = body.firstIndex(of: UInt8(ascii: "=")) else {
            return DockerfileFlag(name: String(decoding: body, as: UTF8.self), valueBytes: nil, span: span, valueSourceOffsets: [])
        }
        let name = String(decoding: word[2..<equals], as: UTF8.self)
        let valueOffsets = offsets[(equals + 1)...].map { line.sourceOffset($0) }
        return DockerfileFlag(name: name, valueBytes: Array(word[(equals + 1)...]), span: span, valueSourceOffsets: valueOffsets)
    }
}
