@testable import ImageReference
import Testing

/// Each hand-written mask against its definition, for all 256 bytes.
@Suite("Byte classes")
struct ByteClassTests {
    static func members(_ characters: String) -> Set<UInt8> { Set(characters.utf8) }

    static let lower = "abcdefghijklmnopqrstuvwxyz"
    static let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let digits = "0123456789"

    static let definitions: [(String, ByteClass, Set<UInt8>)] = [
        ("digit", .digit, members(digits)),
        ("lowerOrDigit", .lowerOrDigit, members(lower + digits)),
        ("letter", .letter, members(lower + upper)),
        ("letterOrDigit", .letterOrDigit, members(lower + upper + digits)),
        ("domainLabelCharacter", .domainLabelCharacter, members(lower + upper + digits + "-")),
        ("hexDigit", .hexDigit, members(digits + "abcdefABCDEF")),
        ("lowerHexDigit", .lowerHexDigit, members(digits + "abcdef")),
        ("wordCharacter", .wordCharacter, members(lower + upper + digits + "_")),
        ("tagCharacter", .tagCharacter, members(lower + upper + digits + "_.-")),
        ("ipv6Character", .ipv6Character, members(digits + "abcdefABCDEF:")),
        ("algorithmSeparator", .algorithmSeparator, members("+.-_")),
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
}
