/// The ASCII bytes and character classes the reference grammar is made of.
///
/// Every class is a comparison on the byte, never a table or a `Character`:
/// the grammar is ASCII-only, so any byte at or above 0x80 is outside every
/// class. The "end of input" sentinel the grammar uses is 0, which is also
/// outside every class.
enum ASCII {
    static let slash = UInt8(ascii: "/")
    static let colon = UInt8(ascii: ":")
    static let at = UInt8(ascii: "@")
    static let dot = UInt8(ascii: ".")
    static let dash = UInt8(ascii: "-")
    static let underscore = UInt8(ascii: "_")
    static let plus = UInt8(ascii: "+")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")

    /// `'0'...'9'`
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    /// `'a'...'z'`
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool {
        byte &- 0x61 < 26
    }

    /// `'A'...'Z'`
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool {
        byte &- 0x41 < 26
    }

    /// `'a'...'z' | 'A'...'Z'`
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    /// `'a'...'z' | 'A'...'Z' | '0'...'9'`
    @inline(__always) static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte)
    }

    /// `'a'...'z' | '0'...'9'`: the characters of a path component's runs.
    @inline(__always) static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        isLower(byte) || isDigit(byte)
    }

    /// `'0'...'9' | 'a'...'f' | 'A'...'F'`
    @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 6
    }

    /// `'0'...'9' | 'a'...'f'`
    @inline(__always) static func isLowerHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte &- 0x61 < 6
    }

    /// `'a'...'z' | 'A'...'Z' | '0'...'9' | '_'`: Go's `\w`.
    @inline(__always) static func isWordCharacter(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == underscore
    }

    /// The byte with `'A'...'Z'` mapped to `'a'...'z'`.
    @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 {
        isUpper(byte) ? byte | 0x20 : byte
    }
}
