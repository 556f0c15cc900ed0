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
            nextWord()?.range
        }

        /// The next word, and whether it holds a `=` anywhere (in quotes
        /// or after an escape too): what `ENV` and `LABEL` ask of every
        /// word, found in the same scan.
        @inline(__always)
        public mutating func nextWord() -> (range: Range<Int>, hasEquals: Bool)? {
            let start = i
            var scan = WordScan(end: end, escape: escape)
            let word = bytes.withUnsafeBufferPointer { buffer in
                WordScan.classes.withUnsafeBufferPointer { classes in
                    scan.next(bytes, buffer, from: start, classes: classes)
                }
            }
            i = scan.position
            return word
        }
    }

    /// One step of ``QuoteAwareIterator``, on the line's buffer.
    private struct WordScan {
        /// For each byte, which of the bytes the scan looks at it is: one
        /// of the bits below, or ``otherASCII``.
        static let classes: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
            switch byte {
            case 0x09...0x0D, 0x20: blank
            case 0x22: doubleQuote
            case 0x27: singleQuote
            case 0x3D: equalsSign
            case 0x5C: backslash
            case 0x60: backtick
            case 0x80...: nonASCII
            default: otherASCII
            }
        }
        static let blank: UInt8 = 1
        static let doubleQuote: UInt8 = 2
        static let singleQuote: UInt8 = 4
        static let equalsSign: UInt8 = 8
        static let backslash: UInt8 = 16
        static let backtick: UInt8 = 32
        static let nonASCII: UInt8 = 64
        static let otherASCII: UInt8 = 128

        let end: Int
        let escape: UInt8
        /// The classes that end a run of plain bytes outside quotes, in
        /// double quotes and in single quotes. An escape character other
        /// than the two a Dockerfile allows has no class: then every byte
        /// goes the careful way.
        let outsideStops: UInt8
        let doubleQuotedStops: UInt8
        let singleQuotedStops: UInt8
        var position = 0

        init(end: Int, escape: UInt8) {
            self.end = end
            self.escape = escape
            let escapeClass: UInt8? = switch escape {
            case UInt8(ascii: "\\"): Self.backslash
            case UInt8(ascii: "`"): Self.backtick
            default: nil
            }
            let always = Self.equalsSign | Self.nonASCII | (escapeClass ?? 0xFF)
            outsideStops = always | Self.blank | Self.doubleQuote | Self.singleQuote
            doubleQuotedStops = always | Self.doubleQuote
            singleQuotedStops = always | Self.singleQuote
        }

        /// The next word from `start` (and sets ``position`` after it);
        /// `bytes` is `line`'s buffer.
        mutating func next(_ line: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, classes: UnsafeBufferPointer<UInt8>) -> (range: Range<Int>, hasEquals: Bool)? {
            // An end past the buffer would be a caller's bug: stop there.
            let end = min(self.end, bytes.count)
            var i = start
            defer { position = i }
            while i < end {
                i = GoSpace.skipSpaces(bytes, from: i, to: end)
                guard i < end else { return nil }
                let wordStart = i
                var wordEnd = i
                var quote: UInt8 = 0
                var blankOK = false
                var hasEquals = false
                var stops = outsideStops
                while i < end {
                    let ch = bytes[i]
                    if classes[Int(ch)] & stops == 0 {
                        // A run of bytes that only extend the word: most of
                        // every word, one table look-up per byte.
                        i += 1
                        while i < end, classes[Int(bytes[i])] & stops == 0 { i += 1 }
                        wordEnd = i
                        continue
                    }
                    // Everything else one character at a time, as
                    // BuildKit's `parseWords` goes.
                    let characterStart = i
                    if quote != 0 {
                        if ch < 0x80, ch != escape, ch != quote {
                            i += 1
                        } else if ch == quote {
                            quote = 0
                            stops = outsideStops
                            i += 1
                        } else if !stepOverCharacter(line, &i, end: end, escaped: ch == escape && quote != UInt8(ascii: "'")) {
                            break
                        }
                    } else if ch < 0x80, ch != escape, Self.isPlainWordByte(ch) {
                        i += 1
                    } else if GoSpace.spaceLength(bytes, at: i, end: end) > 0 {
                        break
                    } else if ch == UInt8(ascii: "'") || ch == UInt8(ascii: "\"") {
                        quote = ch
                        stops = ch == UInt8(ascii: "'") ? singleQuotedStops : doubleQuotedStops
                        blankOK = true
                        i += 1
                    } else if !stepOverCharacter(line, &i, end: end, escaped: ch == escape) {
                        break
                    }
                    if !hasEquals {
                        hasEquals = bytes[characterStart..<i].contains(UInt8(ascii: "="))
                    }
                    wordEnd = i
                }
                if blankOK || wordEnd > wordStart {
                    return (wordStart..<wordEnd, hasEquals)
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

        /// Steps `i` over the character there, and first over the escape
        /// character there when `escaped`; false when that escape is the
        /// last byte (it is dropped and the word ends).
        private func stepOverCharacter(_ line: [UInt8], _ i: inout Int, end: Int, escaped: Bool) -> Bool {
            if escaped {
                i += 1
                if i == end { return false }
            }
            i += LineIndex.scalarLength(line, at: i, limit: end)
            return true
        }
    }
}
