/// The ways BuildKit splits an instruction's arguments into words; each
/// word is a range of the logical line (quotes and escapes kept).
public enum DockerfileWords {
    /// `FROM` and friends (`parseStringsWhitespaceDelimited`): split on runs
    /// of `[\t\v\f\r ]`; quotes do not protect blanks.
    ///
    /// One extension: a `{{ … }}` template placeholder is kept in one word
    /// even when it contains blanks (BuildKit would reject the line anyway;
    /// keeping the placeholder whole lets it be reported as unresolved).
    public static func whitespaceDelimited(_ line: DockerfileLogicalLine, from start: Int, to end: Int) -> [Range<Int>] {
        let bytes = line.bytes
        var words: [Range<Int>] = []
        var i = start
        while i < end {
            while i < end, GoSpace.isSeparator(bytes[i]) { i += 1 }
            guard i < end else { break }
            let wordStart = i
            while i < end, !GoSpace.isSeparator(bytes[i]) {
                if bytes[i] == UInt8(ascii: "{"), let placeholder = TemplatePlaceholder.match(bytes, at: i, end: end) {
                    i = placeholder.range.upperBound
                } else {
                    i += 1
                }
            }
            words.append(wordStart..<i)
        }
        return words
    }

    /// `ARG`, `ENV`, `LABEL` (`parseWords`): split on Unicode blanks outside
    /// quotes; the escape character protects the next character (but not
    /// inside single quotes); an escape at the very end is dropped.
    public static func quoteAware(_ line: DockerfileLogicalLine, from start: Int, to end: Int, escape: UInt8) -> [Range<Int>] {
        let bytes = line.bytes
        var words: [Range<Int>] = []
        var i = start
        while i < end {
            i = GoSpace.skipSpaces(bytes, from: i, to: end)
            guard i < end else { break }
            let wordStart = i
            var wordEnd = i
            var quote: UInt8 = 0
            var blankOK = false
            while i < end {
                let ch = bytes[i]
                if quote != 0 {
                    if ch == quote {
                        quote = 0
                        i += 1
                        wordEnd = i
                        continue
                    }
                    if ch == escape && quote != UInt8(ascii: "'") {
                        if i + 1 == end {
                            i += 1
                            break
                        }
                        i += 1
                    }
                    i += LineIndex.scalarLength(bytes, at: i, limit: end)
                    wordEnd = i
                    continue
                }
                if GoSpace.spaceLength(bytes, at: i, end: end) > 0 { break }
                if ch == UInt8(ascii: "'") || ch == UInt8(ascii: "\"") {
                    quote = ch
                    blankOK = true
                    i += 1
                    wordEnd = i
                    continue
                }
                if ch == escape {
                    if i + 1 == end {
                        i += 1
                        break
                    }
                    i += 1
                }
                i += LineIndex.scalarLength(bytes, at: i, limit: end)
                wordEnd = i
            }
            if blankOK || wordEnd > wordStart {
                words.append(wordStart..<wordEnd)
            }
        }
        return words
    }
}
