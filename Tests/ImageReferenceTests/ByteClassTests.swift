@testable import ImageReference
import Testing

/// Each hand-written mask and flag table entry against its definition, for
/// all 256 bytes.
@Suite("Byte classes")
struct ByteClassTests {
    static func members(_ characters: String) -> Set<UInt8> { Set(characters.utf8) }

    static let lower = "abcdefghijklmnopqrstuvwxyz"
    static let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let digits = "0123456789"

    static let definitions: [(String, ByteClass, Set<UInt8>)] = [
        ("lowerHexDigit", .lowerHexDigit, members(digits + "abcdef")),
        ("ipv6Character", .ipv6Character, members(digits + "abcdefABCDEF:")),
        ("algorithmSeparator", .algorithmSeparator, members("+.-_")),
        ("normalizationMark", .normalizationMark, members("/:." + upper)),
        ("goDigestEncodedCharacter", .goDigestEncodedCharacter, members(lower + upper + digits + "=_-")),
    ]

    @Test("every mask holds exactly its members")
    func masks() {
        for (name, byteClass, expected) in Self.definitions {
            for byte in UInt8.min ... UInt8.max {
                #expect(byteClass.contains(byte) == expected.contains(byte), "\(name) at \(byte)")
            }
        }
    }

    @Test("the flag table has one entry per byte, each with exactly its flags")
    func flagTable() {
        #expect(CharacterFlags.table.utf8CodeUnitCount == 256)
        let flagged: [(UInt8, Set<UInt8>)] = [
            (CharacterFlags.digit, Self.members(Self.digits)),
            (CharacterFlags.lower, Self.members(Self.lower)),
            (CharacterFlags.upper, Self.members(Self.upper)),
            (CharacterFlags.hexLetter, Self.members("abcdefABCDEF")),
            (CharacterFlags.dash, Self.members("-")),
            (CharacterFlags.underscore, Self.members("_")),
            (CharacterFlags.dot, Self.members(".")),
        ]
        for byte in UInt8.min ... UInt8.max {
            let expected = flagged.reduce(UInt8(0)) { $0 | ($1.1.contains(byte) ? $1.0 : 0) }
            #expect(CharacterFlags.table.utf8Start[Int(byte)] == expected, "byte \(byte)")
        }
        let composite: [(String, UInt8, Set<UInt8>)] = [
            ("lowerOrDigit", CharacterFlags.lowerOrDigit, Self.members(Self.lower + Self.digits)),
            ("letterOrDigit", CharacterFlags.letterOrDigit, Self.members(Self.lower + Self.upper + Self.digits)),
            ("domainLabelCharacter", CharacterFlags.domainLabelCharacter, Self.members(Self.lower + Self.upper + Self.digits + "-")),
            ("tagCharacter", CharacterFlags.tagCharacter, Self.members(Self.lower + Self.upper + Self.digits + "_.-")),
            ("hexDigit", CharacterFlags.hexDigit, Self.members(Self.digits + "abcdefABCDEF")),
        ]
        for (name, flags, expected) in composite {
            for byte in UInt8.min ... UInt8.max {
                #expect(CharacterFlags.test(byte, flags) == expected.contains(byte), "\(name) at \(byte)")
            }
        }
    }
}
