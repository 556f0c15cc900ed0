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
        Array(IteratorSequence(WhitespaceDelimitedIterator(line, from: start, to: end)))
    }

    /// The words of ``whitespaceDelimited(_:from:to:)`` one at a time (a
    /// `FROM` looks at three and counts the rest: no array per line).
    public struct WhitespaceDelimitedIterator: IteratorProtocol {
        let bytes: [UInt8]
        let end: Int
        var i: Int

        public init(_ line: DockerfileLogicalLine, from start: Int, to end: Int) {
            self.bytes = line.bytes
            self.end = end
            self.i = start
        }

        public mutating func next() -> Range<Int>? {
            while i < end, GoSpace.isSeparator(bytes[i]) { i += 1 }
            guard i < end else { return nil }
            let wordStart = i
            while i < end, !GoSpace.isSeparator(bytes[i]) {
                if bytes[i] == UInt8(ascii: "{"), let placeholder = TemplatePlaceholder.match(bytes, at: i, end: end) {
                    i = placeholder.range.upperBound
                } else {
                    i += 1
                }
            }
            return wordStart..<i
        }
    }

    /// `ARG`, `ENV`, `LABEL` (`parseWords`): split on Unicode blanks outside
    /// quotes; the escape character protects the next character (but not
    /// inside single quotes); an escape at the very end is dropped.
    public static func quoteAware(_ line: DockerfileLogicalLine, from start: Int, to end: Int, escape: UInt8) -> [Range<Int>] {
        Array(IteratorSequence(QuoteAwareIterator(line, from: start, to: end, escape: escape)))
    }

    /// The words of ``quoteAware(_:from:to:escape:)`` one at a time, for
    /// callers that look at a few words and stop (no array per line).
    public struct QuoteAwareIterator: IteratorProtocol {
        let bytes: [UInt8]
        let end: Int
        let escape: UInt8
        var i: Int

        public init(_ line: DockerfileLogicalLine, from start: Int, to end: Int, escape: UInt8) {
            self.bytes = line.bytes
            self.end = end
            self.escape = escape
            self.i = start
        }

        public mutating func next() -> Range<Int>? {
            while i < end {
                i = GoSpace.skipSpaces(bytes, from: i, to: end)
                guard i < end else { return nil }
                let wordStart = i
                var wordEnd = i
                var quote: UInt8 = 0
                var blankOK = false
                while i < end {
                    let ch = bytes[i]
                    // Plain ASCII is most of every line: one byte, no
                    // Unicode space or scalar-length look-up.
                    if ch < 0x80, ch != escape, ch != quote {
                        if quote != 0 {
                            i += 1
                            wordEnd = i
                            continue
                        }
                        if Self.isPlainWordByte(ch) {
                            // The rest of a plain run, without the tests
                            // above for every byte.
                            i += 1
                            while i < end, bytes[i] != escape, Self.isPlainWordByte(bytes[i]) { i += 1 }
                            wordEnd = i
                            continue
                        }
                    }
                    if quote != 0 {
                        if ch == quote {
                            quote = 0
                            i += 1
                            wordEnd = i
                            continue
                        }
                        guard stepOverCharacter(escaped: ch == escape && quote != UInt8(ascii: "'")) else { break }
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
                    guard stepOverCharacter(escaped: ch == escape) else { break }
                    wordEnd = i
                }
                if blankOK || wordEnd > wordStart {
                    return wordStart..<wordEnd
                }
            }
            return nil
        }

        /// Whether `byte` is ASCII and neither a quote nor a blank: a byte
        /// that only extends the word outside quotes. One mask test for
        /// the bytes below 0x40, where all of those are.
        @inline(__always)
        static func isPlainWordByte(_ byte: UInt8) -> Bool {
            if byte >= 0x40 { return byte < 0x80 }
            // Bits 0x09...0x0D, 0x20 (space), 0x22 (`"`) and 0x27 (`'`).
            return (0x0000_0085_0000_3E00 as UInt64) >> UInt64(byte) & 1 == 0
        }

        /// Steps over the character at `i`, and first over the escape
        /// character there when `escaped`; false when that escape is the
        /// last byte (it is dropped and the word ends).
        private mutating func stepOverCharacter(escaped: Bool) -> Bool {
            if escaped {
                i += 1
                if i == end { return false }
            }
            i += LineIndex.scalarLength(bytes, at: i, limit: end)
            return true
        }
    }
}
