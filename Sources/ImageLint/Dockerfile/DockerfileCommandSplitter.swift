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
    var argumentsStart: Int
    var argumentsEnd: Int
}

enum DockerfileCommandSplitter {
    /// Splits the instruction and appends its flags to `flags`.
    static func split(_ line: DockerfileLogicalLine, from lineStart: Int, to lineEnd: Int, flags: inout [DockerfileFlag]) -> DockerfileCommandSplit {
        let bytes = line.bytes
        let start = GoSpace.skipSpaces(bytes, from: lineStart, to: lineEnd)
        let end = GoSpace.trimTrailingSpaces(bytes, from: start, to: lineEnd)
        var keywordEnd = start
        while keywordEnd < end, !GoSpace.isSeparator(bytes[keywordEnd]) { keywordEnd += 1 }
        guard keywordEnd < end else {
            return DockerfileCommandSplit(keywordStart: start, keywordEnd: end, argumentsStart: end, argumentsEnd: end)
        }
        var rest = keywordEnd
        while rest < end, GoSpace.isSeparator(bytes[rest]) { rest += 1 }
        let remaining = extractFlags(line, from: rest, to: end, into: &flags)
        let argumentsStart = GoSpace.skipSpaces(bytes, from: remaining, to: end)
        return DockerfileCommandSplit(keywordStart: start, keywordEnd: keywordEnd, argumentsStart: argumentsStart, argumentsEnd: end)
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
                // Room for a few: an instruction with one flag often has two.
                if flags.capacity == 0 { flags.reserveCapacity(4) }
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
            // Most bytes are plain: one mask test below 0x40 (bits for
            // 0x09...0x0D, space, `"` and `'`), three compares above.
            if ch < 0x40 ? (0x0000_0085_0000_3E00 as UInt64) >> UInt64(ch) & 1 == 0 : ch != 0x5C && ch != 0x85 && ch != 0xA0 {
                pos += 1
                continue
            }
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
            return DockerfileFlag(name: flagName(bytes[nameStart..<wordEnd]), valueBytes: nil, span: span, valueSourceOffsets: [])
        }
        let name = flagName(bytes[nameStart..<equals])
        let valueStart = equals + 1
        let value = bytes[valueStart..<wordEnd]
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

    /// The name as a String: the flags BuildKit's instructions take are
    /// constants (nothing to decode for nearly every flag); anything else
    /// is decoded.
    private static func flagName(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.count <= 8 {
            // The name packed little-endian into one integer, as
            // ``DockerfileInstructionKind`` matches keywords.
            var packed: UInt64 = 0
            for (shift, byte) in zip(stride(from: 0, to: 64, by: 8), bytes) { packed |= UInt64(byte) << UInt64(shift) }
            // The length is compared too: a NUL byte packs like nothing.
            switch (bytes.count, packed) {
            case (4, 0x6d6f7266): return "from"
            case (8, 0x6d726f6674616c70): return "platform"
            case (5, 0x746e756f6d): return "mount"
            case (7, 0x6b726f7774656e): return "network"
            case (8, 0x7974697275636573): return "security"
            case (5, 0x6e776f6863): return "chown"
            case (5, 0x646f6d6863): return "chmod"
            case (4, 0x6b6e696c): return "link"
            case (7, 0x6564756c637865): return "exclude"
            case (7, 0x73746e65726170): return "parents"
            case (8, 0x6d75736b63656863): return "checksum"
            case (6, 0x6b6361706e75): return "unpack"
            case (8, 0x6c61767265746e69): return "interval"
            case (7, 0x74756f656d6974): return "timeout"
            case (7, 0x73656972746572): return "retries"
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func makeFlag(_ line: DockerfileLogicalLine, word: [UInt8], offsets: [Int], wordStart: Int, wordEnd: Int) -> DockerfileFlag {
        // Every flag word starts with two literal dashes.
        let body = word.dropFirst(2)
        let span = line.sourceSpan(wordStart, wordEnd)
        guard let equals = body.firstIndex(of: UInt8(ascii: "=")) else {
            return DockerfileFlag(name: flagName(body), valueBytes: nil, span: span, valueSourceOffsets: [])
        }
        let name = flagName(word[2..<equals])
        let valueOffsets = offsets[(equals + 1)...].map { line.sourceOffset($0) }
        return DockerfileFlag(name: name, valueBytes: word[(equals + 1)...], span: span, valueSourceOffsets: valueOffsets)
    }
}
