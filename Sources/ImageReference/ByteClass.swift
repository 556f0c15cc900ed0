/// A set of ASCII bytes as a 128-bit mask, for the classes that
/// ``CharacterFlags`` has no bits for.
///
/// Membership is a shift and a mask, with no branch: chains of comparisons
/// (`isDigit || isLetter`) mispredict on mixed input. Bytes at or above 0x80
/// are in no class. Each mask is spelled out in hex; `ByteClassTests`
/// checks every one against its definition.
struct ByteClass {
    /// Members among bytes 0...63, bit n for byte n.
    let low: UInt64
    /// Members among bytes 64...127, bit n for byte 64 + n.
    let high: UInt64

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word = byte & 0x40 == 0 ? low : high
        let isASCII = UInt64((byte ^ 0x80) >> 7)
        return (word >> UInt64(byte & 0x3F)) & isASCII != 0
    }

    /// `'0'...'9' | 'a'...'f'`
    static var lowerHexDigit: ByteClass { ByteClass(low: 0x03FF_0000_0000_0000, high: 0x0000_007E_0000_0000) }
    /// `hexDigit | ':'`
    static var ipv6Character: ByteClass { ByteClass(low: 0x07FF_0000_0000_0000, high: 0x0000_007E_0000_007E) }
    /// `'+' | '.' | '-' | '_'`
    static var algorithmSeparator: ByteClass { ByteClass(low: 0x0000_6800_0000_0000, high: 0x0000_0000_8000_0000) }
    /// `'/' | ':' | '.' | 'A'...'Z'`: the bytes normalization looks at.
    static var normalizationMark: ByteClass { ByteClass(low: 0x0400_C000_0000_0000, high: 0x0000_0000_07FF_FFFE) }
    /// `letterOrDigit | '=' | '_' | '-'`: go-digest's encoded characters.
    static var goDigestEncodedCharacter: ByteClass { ByteClass(low: 0x23FF_2000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE) }
}
