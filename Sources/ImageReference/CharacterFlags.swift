/// Flags for each byte value, for the grammar's hot loops: one load and
/// one test per byte, with no branch on the byte's value.
///
/// The table is a 256-character `StaticString` (every entry below 0x80, so
/// each is one byte), which lives in the binary's constant data and needs
/// no initialization; bytes 0x80 and above have no flags. `ByteClassTests`
/// checks every entry.
enum CharacterFlags {
    static var digit: UInt8 { 0x01 }
    static var lower: UInt8 { 0x02 }
    static var upper: UInt8 { 0x04 }
    static var hexLetter: UInt8 { 0x08 }
    static var dash: UInt8 { 0x10 }
    static var underscore: UInt8 { 0x20 }
    static var dot: UInt8 { 0x40 }

    /// `'a'...'z' | '0'...'9'`
    static var lowerOrDigit: UInt8 { 0x03 }
    /// `'a'...'z' | 'A'...'Z' | '0'...'9'`
    static var letterOrDigit: UInt8 { 0x07 }
    /// `letterOrDigit | '-'`
    static var domainLabelCharacter: UInt8 { 0x17 }
    /// `letterOrDigit | '_' | '.' | '-'`
    static var tagCharacter: UInt8 { 0x77 }
    /// `'0'...'9' | 'a'...'f' | 'A'...'F'`
    static var hexDigit: UInt8 { 0x09 }

    /// Whether `byte` has any of `flags`.
    @inline(__always)
    static func test(_ byte: UInt8, _ flags: UInt8) -> Bool {
        table.utf8Start[Int(byte)] & flags != 0
    }

    /// digit 0x01, lower 0x02, upper 0x04, hex letter 0x08, '-' 0x10, '_' 0x20, '.' 0x40.
    static var table: StaticString {
        """
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{10}\u{40}\u{00}\
        \u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{01}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{0C}\u{0C}\u{0C}\u{0C}\u{0C}\u{0C}\u{04}\u{04}\u{04}\u{04}\u{04}\u{04}\u{04}\u{04}\u{04}\
        \u{04}\u{04}\u{04}\u{04}\u{04}\u{04}\u{04}\u{04}\u{04}\u{04}\u{04}\u{00}\u{00}\u{00}\u{00}\u{20}\
        \u{00}\u{0A}\u{0A}\u{0A}\u{0A}\u{0A}\u{0A}\u{02}\u{02}\u{02}\u{02}\u{02}\u{02}\u{02}\u{02}\u{02}\
        \u{02}\u{02}\u{02}\u{02}\u{02}\u{02}\u{02}\u{02}\u{02}\u{02}\u{02}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\
        \u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}
        """
    }
}
