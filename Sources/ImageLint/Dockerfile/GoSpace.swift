/// Whitespace tests that match Go's `unicode.IsSpace`, which BuildKit's
/// parser uses to trim lines and split words, done on UTF-8 bytes.
///
/// Go's definition: `\t \n \v \f \r` and space, U+0085, U+00A0, and the
/// Unicode `Z` separators (U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
/// U+205F, U+3000).
enum GoSpace {
    /// Whether `byte` is one of the ASCII blanks `\t \n \v \f \r` and space.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The characters of BuildKit's `[\t\v\f\r ]` (instruction and `FROM`
    /// argument separators): no line feed, no Unicode spaces.
    @inline(__always)
    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }

    /// `unicode.IsSpace(rune(b))` for a single byte, as BuildKit's flag
    /// scanner calls it: it reads bytes, so 0x85 and 0xA0 count as spaces
    /// even inside a multi-byte character.
    @inline(__always)
    static func isSpaceByteAsRune(_ byte: UInt8) -> Bool {
        isASCIISpace(byte) || byte == 0x85 || byte == 0xA0
    }

    /// The length of the Unicode space character starting at `i` (1, 2 or
    /// 3 bytes), or 0 when there is none.
    @inline(__always)
    static func spaceLength<C: RandomAccessCollection>(_ bytes: C, at i: C.Index, end: C.Index) -> Int
    where C.Element == UInt8, C.Index == Int {
        let b0 = bytes[i]
        if b0 < 0x80 { return isASCIISpace(b0) ? 1 : 0 }
        if b0 == 0xC2 {
            guard i + 1 < end else { return 0 }
            let b1 = bytes[i + 1]
            return b1 == 0x85 || b1 == 0xA0 ? 2 : 0
        }
        guard b0 == 0xE1 || b0 == 0xE2 || b0 == 0xE3, i + 2 < end else { return 0 }
        let b1 = bytes[i + 1]
        let b2 = bytes[i + 2]
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80 ? 3 : 0
        case (0xE2, 0x80): return (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0
        case (0xE2, 0x81): return b2 == 0x9F ? 3 : 0
        case (0xE3, 0x80): return b2 == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The length of the Unicode space character that ends just before
    /// `end` (looking back no further than `start`), or 0.
    @inline(__always)
    static func spaceLength<C: RandomAccessCollection>(_ bytes: C, endingAt end: C.Index, start: C.Index) -> Int
    where C.Element == UInt8, C.Index == Int {
        guard end > start else { return 0 }
        if bytes[end - 1] < 0x80 { return isASCIISpace(bytes[end - 1]) ? 1 : 0 }
        if end - 2 >= start, spaceLength(bytes, at: end - 2, end: end) == 2 { return 2 }
        if end - 3 >= start, spaceLength(bytes, at: end - 3, end: end) == 3 { return 3 }
        return 0
    }

    /// The first offset in `start..<end` that does not begin a space.
    @inline(__always)
    static func skipSpaces<C: RandomAccessCollection>(_ bytes: C, from start: C.Index, to end: C.Index) -> Int
    where C.Element == UInt8, C.Index == Int {
        var i = start
        // Indentation is nearly always plain blanks: step over those
        // first, without the Unicode test.
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        while i < end {
            let length = spaceLength(bytes, at: i, end: end)
            if length == 0 { break }
            i += length
        }
        return i
    }

    /// The offset after the last non-space character of `start..<end`.
    @inline(__always)
    static func trimTrailingSpaces<C: RandomAccessCollection>(_ bytes: C, from start: C.Index, to end: C.Index) -> Int
    where C.Element == UInt8, C.Index == Int {
        var j = end
        while j > start {
            let length = spaceLength(bytes, endingAt: j, start: start)
            if length == 0 { break }
            j -= length
        }
        return j
    }
}
