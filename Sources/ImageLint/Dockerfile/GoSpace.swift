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
        // One compare for the bytes above the space (nearly every byte),
        // then one mask test: bits 0x09...0x0D and 0x20.
        byte <= 0x20 && (0x0000_0001_0000_3E00 as UInt64) >> UInt64(byte) & 1 != 0
    }

    /// The characters of BuildKit's `[\t\v\f\r ]` (instruction and `FROM`
    /// argument separators): no line feed, no Unicode spaces.
    @inline(__always)
    static func isSeparator(_ byte: UInt8) -> Bool {
        // Bits 0x09, 0x0B, 0x0C, 0x0D and 0x20, as in `isASCIISpace`.
        byte <= 0x20 && (0x0000_0001_0000_3A00 as UInt64) >> UInt64(byte) & 1 != 0
    }

    /// `unicode.IsSpace(rune(b))` for a single byte, as BuildKit's flag
    /// scanner calls it: it reads bytes, so 0x85 and 0xA0 count as spaces
    /// even inside a multi-byte character.
    @inline(__always)
    static func isSpaceByteAsRune(_ byte: UInt8) -> Bool {
        // Written out (not with `isASCIISpace`): this form compiles to the
        // fewest instructions in the flag scanner's loops.
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0x85 || byte == 0xA0
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
        skipSpacesOfAny(bytes, from: start, to: end)
    }

    /// ``skipSpaces(_:from:to:)`` for an array (every line of a
    /// Dockerfile): an empty line, or one that starts with a plain ASCII
    /// byte, as most do, is decided where it is asked, without a call.
    @inline(__always)
    static func skipSpaces(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        guard start < end else { return start }
        let byte = bytes[start]
        if byte > 0x20, byte < 0x80 { return start }
        // An indented line (a continued one) is nearly always spaces and
        // then a plain byte: decided here too.
        if byte == 0x20 {
            let skipped = bytes.withUnsafeBufferPointer { skipSpaceRun($0, from: start, to: end) }
            if skipped < end, bytes[skipped] > 0x20, bytes[skipped] < 0x80 { return skipped }
            return skipSpacesOfAny(bytes, from: skipped, to: end)
        }
        return skipSpacesOfAny(bytes, from: start, to: end)
    }

    private static func skipSpacesOfAny<C: RandomAccessCollection>(_ bytes: C, from start: C.Index, to end: C.Index) -> Int
    where C.Element == UInt8, C.Index == Int {
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == 0x20 {
                // Indentation is nearly always spaces: a run of them goes
                // eight at a time when the bytes are contiguous.
                let base = bytes.startIndex
                i = bytes.withContiguousStorageIfAvailable { buffer in
                    skipSpaceRun(buffer, from: i - base, to: end - base) + base
                } ?? i + 1
                continue
            }
            // Most calls stop at once, on an ASCII byte that is no blank.
            if byte < 0x80 {
                guard isASCIISpace(byte) else { return i }
                i += 1
                continue
            }
            let length = spaceLength(bytes, at: i, end: end)
            if length == 0 { return i }
            i += length
        }
        return i
    }

    /// The first offset from `start` (a space) that is not a space,
    /// before `end`, in buffer offsets: eight bytes at a time, then one at
    /// a time. Offsets outside the buffer step over just the one space.
    @inline(__always)
    private static func skipSpaceRun(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let pointer = buffer.baseAddress, start >= 0, end <= buffer.count else { return start + 1 }
        let raw = UnsafeRawPointer(pointer)
        var i = start
        while end - i >= 8 {
            // Zero bytes where there are spaces; the first other byte is
            // the lowest non-zero byte in little-endian order.
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ 0x2020_2020_2020_2020
            if word != 0 { return i + word.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end, pointer[i] == 0x20 { i += 1 }
        return i
    }

    /// The offset after the last non-space character of `start..<end`.
    @inline(__always)
    static func trimTrailingSpaces<C: RandomAccessCollection>(_ bytes: C, from start: C.Index, to end: C.Index) -> Int
    where C.Element == UInt8, C.Index == Int {
        trimTrailingSpacesOfAny(bytes, from: start, to: end)
    }

    /// ``trimTrailingSpaces(_:from:to:)`` for an array: a line that ends in
    /// a plain ASCII byte, as most do, is decided without a call.
    @inline(__always)
    static func trimTrailingSpaces(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        guard end > start else { return end }
        let byte = bytes[end - 1]
        if byte > 0x20, byte < 0x80 { return end }
        return trimTrailingSpacesOfAny(bytes, from: start, to: end)
    }

    private static func trimTrailingSpacesOfAny<C: RandomAccessCollection>(_ bytes: C, from start: C.Index, to end: C.Index) -> Int
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
