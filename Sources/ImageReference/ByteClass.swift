/// A set of ASCII bytes as a 128-bit mask.
///
/// Membership is a shift and a mask, with no branch: the grammar's loops
/// run over random hex and mixed letters and digits, where chains of
/// comparisons (`isDigit || isLetter`) mispredict on most bytes. Bytes at
/// or above 0x80 are in no class. Each mask is spelled out in hex;
/// `ByteClassTests` checks every one against its definition.
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

    /// `'0'...'9'`
    static var digit: ByteClass { ByteClass(low: 0x03FF_0000_0000_0000, high: 0) }
    /// `'a'...'z' | '0'...'9'`
    static var lowerOrDigit: ByteClass { ByteClass(low: 0x03FF_0000_0000_0000, high: 0x07FF_FFFE_0000_0000) }
    /// `'a'...'z' | 'A'...'Z'`
    static var letter: ByteClass { ByteClass(low: 0, high: 0x07FF_FFFE_07FF_FFFE) }
    /// `'a'...'z' | 'A'...'Z' | '0'...'9'`
    static var letterOrDigit: ByteClass { ByteClass(low: 0x03FF_0000_0000_0000, high: 0x07FF_FFFE_07FF_FFFE) }
    /// `letterOrDigit | '-'`: what a domain label is made of.
    static var domainLabelCharacter: ByteClass { ByteClass(low: 0x03FF_2000_0000_0000, high: 0x07FF_FFFE_07FF_FFFE) }
    /// `'0'...'9' | 'a'...'f' | 'A'...'F'`
    static var hexDigit: ByteClass { ByteClass(low: 0x03FF_0000_0000_0000, high: 0x0000_007E_0000_007E) }
    /// `'0'...'9' | 'a'...'f'`
    static var lowerHexDigit: ByteClass { ByteClass(low: 0x03FF_0000_0000_0000, high: 0x0000_007E_0000_0000) }
    /// `letterOrDigit | '_'`: Go's `\w`.
    static var wordCharacter: ByteClass { ByteClass(low: 0x03FF_0000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE) }
    /// `wordCharacter | '.' | '-'`: what a tag is made of after its first character.
    static var tagCharacter: ByteClass { ByteClass(low: 0x03FF_6000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE) }
    /// `hexDigit | ':'`
    static var ipv6Character: ByteClass { ByteClass(low: 0x07FF_0000_0000_0000, high: 0x0000_007E_0000_007E) }
    /// `'+' | '.' | '-' | '_'`
    static var algorithmSeparator: ByteClass { ByteClass(low: 0x0000_6800_0000_0000, high: 0x0000_0000_8000_0000) }
    /// `letterOrDigit | '=' | '_' | '-'`: go-digest's encoded characters.
    static var goDigestEncodedCharacter: ByteClass { ByteClass(low: 0x23FF_2000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE) }
}
