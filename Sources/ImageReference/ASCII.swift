/// The ASCII bytes and character classes the reference grammar is made of.
///
/// The classes are ``CharacterFlags`` or ``ByteClass`` tests or single
/// comparisons, never a `Character`: the grammar is ASCII-only, so any byte
/// at or above 0x80 is outside every class. The "end of input" sentinel the grammar uses is 0,
/// which is also outside every class.
enum ASCII {
    static var slash: UInt8 { UInt8(ascii: "/") }
    static var colon: UInt8 { UInt8(ascii: ":") }
    static var at: UInt8 { UInt8(ascii: "@") }
    static var dot: UInt8 { UInt8(ascii: ".") }
    static var dash: UInt8 { UInt8(ascii: "-") }
    static var underscore: UInt8 { UInt8(ascii: "_") }
    static var plus: UInt8 { UInt8(ascii: "+") }
    static var openBracket: UInt8 { UInt8(ascii: "[") }
    static var closeBracket: UInt8 { UInt8(ascii: "]") }

    /// `'0'...'9'`
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        CharacterFlags.test(byte, CharacterFlags.digit)
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
        CharacterFlags.test(byte, CharacterFlags.lower | CharacterFlags.upper)
    }

    /// `'a'...'z' | 'A'...'Z' | '0'...'9'`
    @inline(__always) static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        CharacterFlags.test(byte, CharacterFlags.letterOrDigit)
    }

    /// `'a'...'z' | '0'...'9'`: the characters of a path component's runs.
    @inline(__always) static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        CharacterFlags.test(byte, CharacterFlags.lowerOrDigit)
    }

    /// `'0'...'9' | 'a'...'f' | 'A'...'F'`
    @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool {
        CharacterFlags.test(byte, CharacterFlags.hexDigit)
    }

    /// `'0'...'9' | 'a'...'f'`
    @inline(__always) static func isLowerHexDigit(_ byte: UInt8) -> Bool {
        ByteClass.lowerHexDigit.contains(byte)
    }

    /// `'a'...'z' | 'A'...'Z' | '0'...'9' | '_'`: Go's `\w`.
    @inline(__always) static func isWordCharacter(_ byte: UInt8) -> Bool {
        CharacterFlags.test(byte, CharacterFlags.letterOrDigit | CharacterFlags.underscore)
    }

    /// The byte with `'A'...'Z'` mapped to `'a'...'z'`.
    @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 {
        isUpper(byte) ? byte | 0x20 : byte
    }
}
