/// Where the file's bytes stop being text libyaml accepts.
///
/// libyaml decodes its input ahead in blocks of several kilobytes and fails
/// the whole block on one bad byte, so an invalid byte near the end of a
/// small file would lose every document before it. When libyaml reports
/// such a reader error, the reader runs this check for the exact offset and
/// reads again with only the lines before it.
struct YAMLTextCheck {
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
        invalidOffset = nil
        problem = ""
        guard let base = bytes.baseAddress else { return }
        while i < n {
            // Eight bytes at a time while they are printable ASCII (no byte
            // below 0x20, none at 0x7F, none past 0x7F): most of every file.
            if i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let high = w & 0x8080_8080_8080_8080
                let below20 = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                let x = w ^ 0x7F7F_7F7F_7F7F_7F7F
                let is7F = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                if high | below20 | is7F == 0 {
                    i += 8
                    continue
                }
            }
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
