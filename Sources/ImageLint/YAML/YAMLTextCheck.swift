/// One pass over the file's bytes before libyaml sees them: where the text
/// stops being ASCII (so marks convert for free before that) and where it
/// stops being text libyaml accepts.
///
/// libyaml decodes its input ahead in blocks of several kilobytes and fails
/// the whole block on one bad byte, so without this check an invalid byte
/// near the end of a small file would lose every document before it. The
/// reader instead hands libyaml only the lines before the first bad byte
/// and reports the byte itself.
struct YAMLTextCheck {
    /// Bytes before the first non-ASCII byte (or the end).
    var asciiPrefix: Int
    /// Offset of the first byte libyaml would reject, if any.
    var invalidOffset: Int?
    /// libyaml's wording for that problem.
    var problem: String

    /// Checks `bytes` the way libyaml's reader does: strict UTF-8 (no
    /// overlong forms, surrogates or values past U+10FFFF) and only the
    /// printable characters YAML allows (tab, LF, CR, U+0020–U+007E, U+0085,
    /// U+00A0–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var i = 0
        asciiPrefix = n
        invalidOffset = nil
        problem = ""
        var seenNonASCII = false
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 0x20 && b != 0x7F || b == 0x0A || b == 0x0D || b == 0x09 {
                    i += 1
                    continue
                }
                invalidOffset = i
                problem = "control characters are not allowed"
                return
            }
            if !seenNonASCII {
                seenNonASCII = true
                asciiPrefix = i
            }
            let width: Int
            var value: UInt32
            switch b {
            case 0xC0...0xDF: width = 2; value = UInt32(b & 0x1F)
            case 0xE0...0xEF: width = 3; value = UInt32(b & 0x0F)
            case 0xF0...0xF7: width = 4; value = UInt32(b & 0x07)
            default:
                invalidOffset = i
                problem = "invalid leading UTF-8 octet"
                return
            }
            guard i + width <= n else {
                invalidOffset = i
                problem = "incomplete UTF-8 octet sequence"
                return
            }
            for k in 1..<width {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else {
                    invalidOffset = i
                    problem = "invalid trailing UTF-8 octet"
                    return
                }
                value = value << 6 | UInt32(c & 0x3F)
            }
            let minimum: UInt32 = width == 2 ? 0x80 : width == 3 ? 0x800 : 0x10000
            guard value >= minimum else {
                invalidOffset = i
                problem = "invalid length of a UTF-8 sequence"
                return
            }
            guard value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
                invalidOffset = i
                problem = "invalid Unicode character"
                return
            }
            guard value == 0x85 || (0xA0...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000 else {
                invalidOffset = i
                problem = "control characters are not allowed"
                return
            }
            i += width
        }
    }
}

/// Converts libyaml's marks to byte offsets.
///
/// A mark's `index` counts characters (a CRLF counts two), not bytes; the
/// file's bytes before `asciiPrefix` are one byte per character, and past
/// it a cursor walks the UTF-8 from the previous conversion (events come
/// almost in order, so the total walk is linear).
struct YAMLMarkConverter {
    let base: UnsafePointer<UInt8>
    let count: Int
    let asciiPrefix: Int
    /// Added to every result (the BOM's bytes, which libyaml never sees).
    let offsetBase: Int
    var cursorCharacter: Int
    var cursorByte: Int

    init(base: UnsafePointer<UInt8>, count: Int, asciiPrefix: Int, offsetBase: Int) {
        self.base = base
        self.count = count
        self.asciiPrefix = min(asciiPrefix, count)
        self.offsetBase = offsetBase
        cursorCharacter = self.asciiPrefix
        cursorByte = self.asciiPrefix
    }

    /// The file offset of character `index` of libyaml's input.
    @inline(__always)
    mutating func offset(_ index: Int) -> Int {
        if index <= asciiPrefix { return index + offsetBase }
        return slowOffset(index) + offsetBase
    }

    private mutating func slowOffset(_ index: Int) -> Int {
        while cursorCharacter > index, cursorByte > asciiPrefix {
            cursorByte -= 1
            while cursorByte > asciiPrefix, base[cursorByte] & 0xC0 == 0x80 { cursorByte -= 1 }
            cursorCharacter -= 1
        }
        while cursorCharacter < index, cursorByte < count {
            let b = base[cursorByte]
            cursorByte += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            cursorCharacter += 1
        }
        cursorByte = min(cursorByte, count)
        return cursorByte
    }
}
